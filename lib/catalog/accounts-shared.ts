import type { AccountDefinition } from "./types";

/** Accounts either tool may need, depending on the features chosen. */
export const SHARED_ACCOUNTS: readonly AccountDefinition[] = [
  {
    id: "seamlessSsoComputer",
    name: "Seamless SSO computer account (AZUREADSSOACC)",
    tools: ["cloudSync", "connect"],
    purpose: "The computer account that holds the Kerberos key for seamless single sign-on, one in each forest.",
    directory: "activeDirectory",
    scope: "forest",
    identity: "generated",
    requiredWhen: { anyFeature: ["seamlessSso"] },
    creation: [
      {
        when: { tool: "connect" },
        by: "wizard",
        how: "The Connect wizard creates AZUREADSSOACC and its Kerberos SPNs with a Domain Admin of each forest (credentials not stored).",
      },
      {
        when: { tool: "cloudSync" },
        by: "admin",
        how: "An administrator enables seamless SSO with the AzureADSSO PowerShell module, giving a Domain Admin of each forest.",
      },
    ],
    defaultNames: [{ when: {}, name: "AZUREADSSOACC" }],
    constraints: ["Enabling it needs a Domain Admin of each forest, used once and not stored."],
    securityNotes: [
      "Protect the AZUREADSSOACC computer account like a domain controller's.",
      "Roll over its Kerberos decryption key at least every 30 days.",
    ],
    sources: ["seamlessSso", "cloudSyncSso"],
  },
  {
    id: "globalAdministrator",
    name: "Global Administrator",
    tools: ["cloudSync", "connect"],
    purpose:
      "Still needed for a few tasks Hybrid Identity Administrator cannot do: Connect Health and AD FS federation with Connect, and Set-AADCloudSyncPasswordWritebackConfiguration in Cloud Sync PowerShell.",
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    requiredWhen: { tool: "connect", anyFeature: ["connectHealth", "federation"] },
    optionalWhen: { tool: "cloudSync", anyFeature: ["passwordWriteback"] },
    roles: ["globalAdministrator"],
    creation: [{ when: {}, by: "admin", how: "An existing Global Administrator, used for these tasks only." }],
    constraints: [
      "Connect Health: with only Hybrid Identity Administrator its agent installs disabled.",
      "Federation: Global Administrator, or Hybrid Identity Administrator together with Domain Name Administrator.",
      "Cloud Sync: only needed if you configure password writeback with PowerShell rather than the admin center.",
    ],
    securityNotes: ["Use Privileged Identity Management to hold the role only while it is needed."],
    sources: ["connectAccounts", "cloudSyncGmsaCmdlets", "rolesReference"],
  },
  {
    id: "breakGlassAdmin",
    name: "Cloud-only Hybrid Identity Administrator (break glass)",
    tools: ["cloudSync", "connect"],
    purpose:
      "A second, cloud-only (…onmicrosoft.com) Hybrid Identity Administrator so the tenant's sync stays manageable if on-premises services fail.",
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    optionalWhen: {},
    roles: ["hybridIdentityAdministrator"],
    creation: [{ when: {}, by: "admin", how: "Created in the tenant as a cloud-only user; not synchronized from Active Directory." }],
    constraints: ["Must be cloud-only: its user principal name should end in .onmicrosoft.com."],
    securityNotes: ["Keep its credentials in a safe place and monitor its sign-ins."],
    sources: ["cloudSyncPrerequisites", "connectAccounts"],
  },
];
