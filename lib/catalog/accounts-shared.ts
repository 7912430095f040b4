import { cite, fact, onlyIn, reading } from "./fact";
import type { AccountDefinition } from "./types";

const SSO_STEP_4 = "Step 4: Enable Seamless SSO for each Active Directory forest";
const SSO_COMPUTER_ACCOUNT = "Create the computer account in Active Directory";
const SSO_ROLL_OVER = "How can I roll over the Kerberos decryption key of the `AZUREADSSO` computer account?";

/** Seamless single sign-on: the Domain Admin that sets it up in each forest, and the computer account it creates. */
export const SEAMLESS_SSO_ACCOUNTS: readonly AccountDefinition[] = [
  {
    id: "seamlessSsoDomainAdmin",
    name: "Domain Administrator for seamless single sign-on",
    tools: ["cloudSync", "connect"],
    purpose: fact(
      "Creates the seamless single sign-on computer account in this forest; given once when the feature is enabled, and again at each key roll-over.",
      "seamlessSso",
      "Check the prerequisites",
    ),
    directory: "activeDirectory",
    scope: "forest",
    identity: "adUser",
    requiredWhen: { anyFeature: ["seamlessSso"] },
    creation: [
      {
        when: {},
        by: "admin",
        how: "An existing member of Domain Admins in this forest; nothing new is created.",
        cite: cite("seamlessSso", "Check the prerequisites"),
      },
    ],
    constraints: [
      fact("A Domain Admin of each Active Directory forest that is synchronized and holds users of the feature.", "seamlessSso", "Check the prerequisites"),
      fact(
        "Give it in SAM account name form, DOMAIN\\user (contoso\\johndoe or contoso.com\\johndoe), not as user@domain.",
        "cloudSyncSso",
        SSO_STEP_4,
      ),
      fact("It must not be a member of Protected Users, or enabling fails.", "cloudSyncSso", SSO_STEP_4),
      ...onlyIn("connect", [fact("Connect uses it only to create the computer account and does not store it; a forest may be skipped.", "connectCustom", SSO_COMPUTER_ACCOUNT)]),
      fact(
        "Rolling the key over needs a Domain Admin of the forest and a Hybrid Identity Administrator; a delegated non-admin uses -PreserveCustomPermissionsOnDesktopSsoAccount.",
        "seamlessSsoFaq",
        SSO_ROLL_OVER,
      ),
    ],
    installDayCheck: [
      fact(
        "In PowerShell with the Active Directory module, run Get-ADPrincipalGroupMembership <account> -Server <domain>: Domain Admins must be in the list, and Protected Users must not.",
        "getAdPrincipalGroupMembership",
        "Description",
      ),
    ],
    securityNotes: [fact("The credentials are used during setup and not stored.", "seamlessSso", "Enable the feature")],
    sources: ["seamlessSso", "cloudSyncSso", "connectCustom", "seamlessSsoFaq", "getAdPrincipalGroupMembership"],
  },
  {
    id: "seamlessSsoComputer",
    name: "Seamless SSO computer account (AZUREADSSOACC)",
    tools: ["cloudSync", "connect"],
    purpose: fact(
      "The computer account that holds the Kerberos decryption key of seamless single sign-on: it represents Microsoft Entra ID in each forest.",
      "seamlessSsoFaq",
      SSO_ROLL_OVER,
    ),
    directory: "activeDirectory",
    scope: "forest",
    identity: "generated",
    requiredWhen: { anyFeature: ["seamlessSso"] },
    informational: true,
    creation: [
      {
        when: { tool: "connect" },
        by: "wizard",
        how: "The Connect wizard creates it in each forest with that forest's Domain Admin.",
        cite: cite("connectCustom", SSO_COMPUTER_ACCOUNT),
      },
      {
        when: { tool: "cloudSync" },
        by: "admin",
        how: "An administrator enables seamless SSO in each forest with PowerShell (Enable-AzureADSSOForest), giving that forest's Domain Admin.",
        cite: cite("cloudSyncSso", SSO_STEP_4),
      },
    ],
    defaultNames: [{ when: {}, name: "AZUREADSSOACC", cite: cite("seamlessSso", "Enable the feature") }],
    constraints: [
      fact(
        "Run Update-AzureADSSOForest only once per forest at each roll-over: running it twice stops the feature until users' Kerberos tickets expire.",
        "seamlessSsoFaq",
        SSO_ROLL_OVER,
      ),
      ...onlyIn("connect", [fact("Staging servers need no roll-over.", "seamlessSsoFaq", SSO_ROLL_OVER)]),
    ],
    installDayCheck: [
      fact(
        "After enabling, find AZUREADSSOACC in each forest: Kerberos delegation must be disabled on it, no other account may have delegation rights on it, and only Domain Admins may manage it.",
        "seamlessSso",
        "Enable the feature",
      ),
    ],
    securityNotes: [
      fact(
        "Protect AZUREADSSOACC strongly: only Domain Admins manage it, Kerberos delegation stays disabled, and it sits in an OU safe from accidental deletion (not a pass-the-hash quarantine container).",
        "seamlessSso",
        "Enable the feature",
      ),
      fact("Roll over its Kerberos decryption key at least every 30 days.", "seamlessSso", "Roll over keys"),
    ],
    disagreements: [
      {
        topic: "Encryption types of AZUREADSSOACC",
        readings: [
          reading("Allow AES only on the account.", "sharedReference", "m19 AZUREADSSOACC"),
          reading(
            "Microsoft's quick start asks for strong protection and a 30-day roll-over but says nothing of encryption types.",
            "seamlessSso",
            "Enable the feature",
          ),
        ],
      },
    ],
    sources: ["seamlessSso", "seamlessSsoFaq", "connectCustom", "cloudSyncSso"],
  },
];

/** Tenant-wide Entra accounts either tool may need. */
export const TENANT_ADMIN_ACCOUNTS: readonly AccountDefinition[] = [
  {
    id: "globalAdministrator",
    name: "Global Administrator",
    tools: ["cloudSync", "connect"],
    purpose: fact(
      "Needed for the few tasks a Hybrid Identity Administrator cannot do: installing Connect Health, federation, and Cloud Sync's password writeback cmdlet.",
      "connectPrerequisites",
      "Installation prerequisites",
    ),
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    requiredWhen: { tool: "connect", anyFeature: ["connectHealth", "federation", "pingFederate"] },
    optionalWhen: { tool: "cloudSync", anyFeature: ["passwordWriteback"] },
    roles: ["globalAdministrator"],
    upnRule: "tenantMember",
    roleAssignment: "direct",
    creation: [{ when: {}, by: "admin", how: "An existing Global Administrator, used for these tasks only.", cite: cite("rolesReference", "All roles") }],
    constraints: [
      ...onlyIn("connect", [
        fact("Connect Health: with only a Hybrid Identity Administrator its agent is installed disabled.", "connectPrerequisites", "Installation prerequisites"),
        fact(
          "Federation: a Global Administrator, or a Hybrid Identity Administrator who also holds Domain Name Administrator.",
          "connectPrerequisites",
          "Prerequisites for federation installation and configuration",
        ),
      ]),
      ...onlyIn("cloudSync", [
        fact(
          "Cloud Sync: enabling password writeback with Set-AADCloudSyncPasswordWritebackConfiguration takes Global Administrator credentials.",
          "cloudSyncSsprWriteback",
          "PowerShell",
        ),
        fact(
          "Enabling it in the admin center instead needs at least a Hybrid Identity Administrator, so the Global Administrator is optional for Cloud Sync.",
          "cloudSyncInstall",
          "Enable password writeback in the portal",
        ),
      ]),
      ...onlyIn("connect", [fact("Connect's installer needs the role assigned directly, not through a group.", "connectPrerequisites", "Installation prerequisites")]),
    ],
    securityNotes: [
      fact(
        "Hybrid Identity Administrator covers Connect, pass-through authentication, password hash sync, seamless SSO and federation settings, but not Connect Health: keep Global Administrator for what needs it.",
        "rolesReference",
        "All roles",
      ),
    ],
    disagreements: [
      {
        topic: "The role for Cloud Sync's password writeback cmdlet",
        when: { tool: "cloudSync" },
        readings: [
          reading("Enabling with Set-AADCloudSyncPasswordWritebackConfiguration needs Global Administrator credentials.", "cloudSyncSsprWriteback", "PowerShell"),
          reading("Disabling with the same cmdlet uses Hybrid Identity Administrator credentials.", "cloudSyncSsprWriteback", "Clean up resources"),
        ],
      },
    ],
    sources: ["connectPrerequisites", "cloudSyncInstall", "cloudSyncSsprWriteback", "rolesReference"],
  },
  {
    id: "breakGlassAdmin",
    name: "Cloud-only Hybrid Identity Administrator (break glass)",
    tools: ["cloudSync", "connect"],
    purpose: fact(
      "A cloud-only Hybrid Identity Administrator, so the tenant's sync stays manageable if on-premises services fail.",
      "cloudSyncPrerequisites",
      "In the Microsoft Entra admin center",
    ),
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    optionalWhen: {},
    roles: ["hybridIdentityAdministrator"],
    upnRule: "cloudOnly",
    roleAssignment: "directOrGroup",
    creation: [
      {
        when: {},
        by: "admin",
        how: "Created in the tenant as a cloud-only user (…onmicrosoft.com), not synchronized from Active Directory.",
        cite: cite("cloudSyncPrerequisites", "In the Microsoft Entra admin center"),
      },
    ],
    constraints: [
      fact("Cloud-only: its user principal name is in the tenant's onmicrosoft.com domain.", "cloudSyncPrerequisites", "In the Microsoft Entra admin center"),
      ...onlyIn("connect", [fact("With pass-through authentication it avoids a lock-out when the agents are unreachable.", "passThroughAuth", "In the Microsoft Entra admin center")]),
    ],
    securityNotes: [
      fact(
        "Exclude emergency-access accounts from Conditional Access policies to avoid a lock-out by a misconfigured policy.",
        "conditionalAccessMfaAllUsers",
        "User exclusions",
      ),
    ],
    sources: ["cloudSyncPrerequisites", "passThroughAuth", "conditionalAccessMfaAllUsers"],
  },
];
