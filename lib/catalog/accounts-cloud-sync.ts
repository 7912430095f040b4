import { cite, fact, INTRODUCTION, reading } from "./fact";
import type { AccountDefinition, RightDefinition } from "./types";

const CLOUD_SYNC = { tool: "cloudSync" } as const;
const SEED_CLOUD_SYNC = "Accounts for installing and running cloud sync";
/** The agent installer's steps (an include shown under this heading). */
const INSTALL_THE_AGENT = "Install the agent";
const AGENT_REQUIREMENTS = "Cloud provisioning agent requirements";
const SET_PERMISSIONS = "Set-AADCloudSyncPermissions";
const CUSTOM_GMSA_SINCE_2334 = "1.1.2334.0 › New or changed functionality";

/**
 * The rights Set-AADCloudSyncPermissions grants, by permission type. Three
 * exist only under `All` (no permission type of their own): ms-DS-ConsistencyGuid,
 * msDS-KeyCredentialLink and group writeback.
 */
const GMSA_RIGHTS: readonly RightDefinition[] = [
  {
    feature: "basic",
    right: "Read all properties",
    appliesTo: "Descendant device, InetOrgPerson, computer, foreignSecurityPrincipal, group, user and contact objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "BasicRead",
    cite: cite("cloudSyncGmsa2023", "Basic Read"),
  },
  {
    feature: "basic",
    right: "Replicating Directory Changes",
    appliesTo: "Domain root, this object only",
    cmdlet: SET_PERMISSIONS,
    permissionType: "BasicRead",
    adRights: ["replicatingDirectoryChanges"],
    note: "Part of BasicRead.",
    cite: cite("cloudSyncGmsa2023", "Basic Read"),
  },
  {
    feature: "basic",
    right: "Write mS-DS-ConsistencyGuid",
    appliesTo: "Descendant user and group objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "All",
    adRights: ["msDsConsistencyGuid"],
    note: "No permission type of its own: only -PermissionType All grants it.",
    cite: cite("cloudSyncGmsa", "MS-DS-Consistency-Guid"),
  },
  {
    feature: "basic",
    right: "Write msDS-KeyCredentialLink",
    appliesTo: "Descendant user and device objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "All",
    adRights: ["msDsKeyCredentialLink"],
    note: "Set in forests at the Windows Server 2016 level (for NGC and STK keys). No permission type of its own: only -PermissionType All grants it.",
    cite: cite("cloudSyncGmsa", "MS-DS-Consistency-Guid"),
  },
  {
    feature: "passwordHashSync",
    right: "Replicating Directory Changes and Replicating Directory Changes All",
    appliesTo: "Domain root, this object only",
    cmdlet: SET_PERMISSIONS,
    permissionType: "PasswordHashSync",
    adRights: ["replicatingDirectoryChanges", "replicatingDirectoryChangesAll"],
    cite: cite("cloudSyncGmsa", "Password Hash Sync"),
  },
  {
    feature: "passwordWriteback",
    right: "Reset Password; write lockoutTime; write pwdLastSet",
    appliesTo: "Descendant user objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "PasswordWriteBack",
    adRights: ["resetPassword", "lockoutTime", "pwdLastSet"],
    cite: cite("cloudSyncGmsa", "Password Writeback"),
  },
  {
    feature: "passwordWriteback",
    right: "Unexpire Password",
    appliesTo: "Domain root, this object only",
    cmdlet: SET_PERMISSIONS,
    permissionType: "PasswordWriteBack",
    adRights: ["unexpirePassword"],
    cite: cite("cloudSyncGmsa", "Password Writeback"),
  },
  {
    feature: "groupWriteback",
    right: "Generic read and write; create and delete child objects; delete and delete tree",
    appliesTo: "Group objects and their subobjects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "All",
    note: "No permission type of its own: only -PermissionType All grants it.",
    cite: cite("cloudSyncGmsa", "Group Writeback"),
  },
  {
    feature: "exchangeHybrid",
    right: "Read and write all properties",
    appliesTo: "Descendant user, InetOrgPerson, group and contact objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "HybridExchangePermissions",
    cite: cite("cloudSyncGmsa", "Exchange Hybrid Deployment"),
  },
  {
    feature: "exchangeMailPublicFolders",
    right: "Read all properties",
    appliesTo: "Descendant publicFolder objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "ExchangeMailPublicFolderPermissions",
    cite: cite("cloudSyncGmsa", "Exchange Mail Public Folders"),
  },
  {
    feature: "groupProvisioningToAd",
    right: "Create and delete user and group objects",
    appliesTo: "This object and all descendant objects",
    cmdlet: SET_PERMISSIONS,
    permissionType: "UserGroupCreateDelete",
    note: "Set on a clean install only: after an upgrade run Set-AADCloudSyncPermissions -PermissionType UserGroupCreateDelete. Not applied to AdminSDHolder-protected objects.",
    cite: cite("cloudSyncGroupProvisioning", "General requirements"),
  },
];

export const CLOUD_SYNC_ACCOUNTS: readonly AccountDefinition[] = [
  {
    id: "cloudSyncDomainAdmin",
    name: "Domain/Enterprise administrator",
    tools: ["cloudSync"],
    articleRow: {
      table: "cloudSync",
      requirement: "Domain/Enterprise administrator",
      description: "Installs the agent on the server and creates the gMSA.",
    },
    purpose: fact("Installs the provisioning agent on the server and creates the gMSA it runs as.", "accounts", SEED_CLOUD_SYNC),
    directory: "activeDirectory",
    scope: "forest",
    identity: "adUser",
    requiredWhen: { tool: "cloudSync", gmsaMode: ["default"] },
    optionalWhen: CLOUD_SYNC,
    creation: [
      {
        when: {},
        by: "admin",
        how: "An existing member of Domain Admins (or Enterprise Admins) of this forest; nothing new is created.",
        cite: cite("cloudSyncPrerequisites", AGENT_REQUIREMENTS),
      },
    ],
    constraints: [
      fact(
        "The agent wizard's \"Create gMSA\" asks for a domain administrator (the recommended choice); an Enterprise Admin also works.",
        "cloudSyncInstall",
        INSTALL_THE_AGENT,
      ),
      fact(
        "The wizard's \"Connect Active Directory\" page asks for a domain administrator of each domain you add; its password must not be expired.",
        "cloudSyncInstall",
        INSTALL_THE_AGENT,
      ),
      fact(
        "Since agent 1.1.2505.0 (21 September 2026) no Domain Admin credentials are needed when you provide a custom gMSA and choose custom gMSA permissions.",
        "cloudSyncVersionHistory",
        "1.1.2505.0 › New features and improvements",
      ),
      fact(
        "Granting rights afterwards with Set-AADCloudSyncPermissions -EACredential takes an Enterprise Admin and covers every configured domain.",
        "cloudSyncGmsaCmdlets",
        "Grant permissions to all configured domains",
      ),
      fact(
        "For one domain, -TargetDomain <FQDN> -TargetDomainCredential takes an Enterprise Admin or that domain's Domain Admin; the domain must already be configured in the wizard.",
        "cloudSyncGmsaCmdlets",
        "Grant permissions to a specific domain",
      ),
      fact(
        "The gMSA needs a KDS root key, created on a domain controller by a member of Domain Admins or Enterprise Admins. Domain controllers wait up to 10 hours after its creation before they allow gMSAs; deleting and re-creating a key needs the key distribution service restarted on every domain controller.",
        "kdsRootKey",
        INTRODUCTION,
      ),
    ],
    installDayCheck: [
      fact(
        "On the agent host, in PowerShell with the Active Directory module, run Get-ADPrincipalGroupMembership <account> -Server <domain> for each domain the agent will connect to: Domain Admins of that domain (or Enterprise Admins) must be in the list.",
        "getAdPrincipalGroupMembership",
        "Description",
      ),
      fact(
        "Make sure its password has not expired and will not change during the install: the agent wizard's \"Connect Active Directory\" screen signs in with it, and a password changed mid-install means configuring the agent again.",
        "cloudSyncInstall",
        INSTALL_THE_AGENT,
      ),
    ],
    securityNotes: [
      fact(
        "Domain and Enterprise Admins control the agent hosts: harden them as Control Plane (Tier 0) assets.",
        "cloudSyncPrerequisites",
        "Harden your Microsoft Entra provisioning agent server",
      ),
    ],
    sources: ["accounts", "cloudSyncPrerequisites", "cloudSyncInstall", "cloudSyncGmsaCmdlets", "cloudSyncVersionHistory", "kdsRootKey", "getAdPrincipalGroupMembership"],
  },
  {
    id: "cloudSyncHybridIdentityAdmin",
    name: "Hybrid Identity Administrator",
    tools: ["cloudSync"],
    articleRow: {
      table: "cloudSync",
      requirement: "Hybrid Identity Administrator",
      description: "Configures cloud sync; cannot be a guest account.",
    },
    purpose: fact("Configures cloud sync: signs in to the agent's configuration wizard and to the Microsoft Entra admin center.", "accounts", SEED_CLOUD_SYNC),
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    requiredWhen: CLOUD_SYNC,
    roles: ["hybridIdentityAdministrator"],
    upnRule: "tenantMember",
    roleAssignment: "directOrGroup",
    creation: [
      {
        when: {},
        by: "admin",
        how: "A member account of the tenant holding Hybrid Identity Administrator (or a higher role).",
        cite: cite("cloudSyncPrerequisites", AGENT_REQUIREMENTS),
      },
    ],
    constraints: [
      fact("Must not be a guest account.", "cloudSyncPrerequisites", AGENT_REQUIREMENTS),
      fact("The agent wizard's sign-in needs at least the Hybrid Identity Administrator role.", "cloudSyncInstall", INSTALL_THE_AGENT),
      fact(
        "Since agent 1.1.2102.0 the wizard checks the role and activates it for a user who is only eligible for it (Privileged Identity Management).",
        "cloudSyncVersionHistory",
        "1.1.2102.0 › Fixed issues",
      ),
    ],
    securityNotes: [
      fact(
        "Also create a cloud-only Hybrid Identity Administrator, so the tenant stays manageable if on-premises services fail.",
        "cloudSyncPrerequisites",
        "In the Microsoft Entra admin center",
      ),
    ],
    sources: ["accounts", "cloudSyncPrerequisites", "cloudSyncInstall", "cloudSyncVersionHistory"],
  },
  {
    id: "cloudSyncGmsa",
    name: "gMSA service account",
    tools: ["cloudSync"],
    articleRow: { table: "cloudSync", requirement: "gMSA service account", description: "Runs the agent." },
    purpose: fact("The group managed service account the provisioning agent runs as, to read from and write to Active Directory.", "accounts", SEED_CLOUD_SYNC),
    directory: "activeDirectory",
    scope: "serverDomain",
    identity: "gmsa",
    requiredWhen: CLOUD_SYNC,
    creation: [
      {
        when: { gmsaMode: ["default"] },
        by: "installer",
        how: "The agent wizard's \"Create gMSA\" creates it in the Active Directory domain the agent host is joined to. A second agent in that domain also chooses \"Create gMSA\": the installer finds the account and adds what it needs.",
        cite: cite("cloudSyncInstall", INSTALL_THE_AGENT),
      },
      {
        when: { gmsaMode: ["custom"] },
        by: "admin",
        how: "An administrator creates the gMSA beforehand in each domain that agent hosts are joined to, grants its rights (see below), and names it on the wizard's \"Use custom gMSA\" choice.",
        cite: cite("cloudSyncInstall", INSTALL_THE_AGENT),
      },
    ],
    defaultNames: [{ when: { gmsaMode: ["default"] }, name: "provAgentgMSA$", cite: cite("cloudSyncInstall", INSTALL_THE_AGENT) }],
    constraints: [
      fact(
        "It lives in the domain of the agent host: agents joined to another domain, or in a disconnected forest, get a gMSA of their own.",
        "cloudSyncInstall",
        INSTALL_THE_AGENT,
      ),
      fact(
        "Needs a forest schema of Windows Server 2012 or later, at least one Windows Server 2012 or later domain controller in the domain, and agent hosts on Windows Server 2016 or later.",
        "cloudSyncPrerequisites",
        "Prerequisites for gMSA",
      ),
      fact(
        "gMSAs need the domain's KDS root key; domain controllers use a new key only after up to 10 hours.",
        "kdsRootKey",
        INTRODUCTION,
      ),
      fact("The schema must hold the msDS-ExternalDirectoryObjectId attribute.", "cloudSyncPrerequisites", AGENT_REQUIREMENTS),
      fact(
        "Since agent 1.1.2334.0 (14 April 2026) the installer no longer grants rights to a custom gMSA: the administrator grants them with Set-AADCloudSyncPermissions -PermissionType All, then hardens the account with Set-AADCloudSyncRestrictedPermissions.",
        "cloudSyncVersionHistory",
        CUSTOM_GMSA_SINCE_2334,
      ),
      fact(
        "Granting by feature instead of All misses three rights that have no permission type of their own: write ms-DS-ConsistencyGuid, write msDS-KeyCredentialLink, and group writeback.",
        "cloudSyncGmsaCmdlets",
        "Using Set-AADCloudSyncPermissions",
      ),
      fact(
        "The cmdlets come from Microsoft.CloudSync.Powershell.dll in the agent's install folder and take an Enterprise Admin, or at least a Domain Admin of the target domain.",
        "cloudSyncGmsaCmdlets",
        "How to use the cmdlets:",
      ),
    ],
    installDayCheck: [
      fact(
        "With a custom gMSA, run Test-ADServiceAccount -Identity <gMSA> in PowerShell on each agent host before the wizard: True means the host can authenticate as the account and reach the domain with it.",
        "testAdServiceAccount",
        "Example 1: Test an MSA",
      ),
      fact(
        "After the wizard, open Services (services.msc) on each agent host: Microsoft Entra Connect Provisioning Agent and Microsoft Entra Connect Agent Updater must be listed with the status Running.",
        "cloudSyncInstall",
        "Verify the agent installation › Verify the agent on the local server",
      ),
      fact(
        "Then, in the Azure portal, under Microsoft Entra ID › Microsoft Entra Connect › Cloud Sync, each agent must be listed with the status healthy.",
        "cloudSyncInstall",
        "Verify the agent installation › Verify the agent in the Azure portal",
      ),
    ],
    rights: GMSA_RIGHTS,
    securityNotes: [
      fact(
        "Harden it after the rights are granted with Set-AADCloudSyncRestrictedPermissions: inheritance is disabled on the gMSA object and only SELF, the admin groups and read entries remain.",
        "cloudSyncGmsaCmdlets",
        "Using Set-AADCloudSyncRestrictedPermissions",
      ),
      fact("Treat the agent hosts as Tier 0: whoever administers them can act as the gMSA.", "cloudSyncPrerequisites", AGENT_REQUIREMENTS),
    ],
    disagreements: [
      {
        topic: "The default gMSA's name",
        when: { gmsaMode: ["default"] },
        readings: [
          reading("The wizard's \"Create gMSA\" creates provAgentgMSA$ (shown as DOMAIN\\provAgentgMSA$).", "cloudSyncInstall", INSTALL_THE_AGENT),
          reading("An installer error quoted on Microsoft's gMSA page names the account pGMSA_<hex-string>$.", "cloudSyncGmsa", "Troubleshooting"),
          reading(
            "Reported for agents 1.1.2334.0 and later: the object is named provAgentgMSA (its CN) while its sAMAccountName is pGMSA_<8 hex>$. Look the account up by both names.",
            "fieldReports",
            "Default gMSA object of agents 1.1.2334.0 and later",
          ),
        ],
      },
      {
        topic: "Whether the installer grants a custom gMSA its rights",
        when: { gmsaMode: ["custom"] },
        readings: [
          reading("The installer doesn't set permissions on a custom gMSA (November 2023 copy).", "cloudSyncGmsa2023", "Using a custom gMSA account"),
          reading("The installer sets all permissions on a custom gMSA too (May 2024 copy).", "cloudSyncGmsa", "Using a custom gMSA account"),
          reading("By default all permissions are applied during install, to the default or a custom gMSA.", "cloudSyncGmsaCmdlets", INTRODUCTION),
          reading(
            "Since agent 1.1.2334.0 (April 2026) it no longer does: the administrator grants them. This is the newest statement and the one the plan follows.",
            "cloudSyncVersionHistory",
            CUSTOM_GMSA_SINCE_2334,
          ),
        ],
      },
      {
        topic: "The minimum rights of a custom gMSA",
        when: { gmsaMode: ["custom"] },
        readings: [
          reading(
            "Read all properties on descendant device, InetOrgPerson, computer, foreignSecurityPrincipal, user and contact objects; full control on descendant groups; create and delete user objects.",
            "cloudSyncPrerequisites",
            "Custom gMSA account",
          ),
          reading(
            "The rights Set-AADCloudSyncPermissions -PermissionType All grants, by feature (the list below).",
            "cloudSyncGmsa",
            "Permissions set on a gMSA account (ALL permissions)",
          ),
        ],
      },
      {
        topic: "Name of the group provisioning permission",
        when: { anyFeature: ["groupProvisioningToAd"] },
        readings: [
          reading("The section is headed \"UserGroupCreateDelete (CloudHR)\".", "cloudSyncGmsa", "UserGroupCreateDelete (CloudHR)"),
          reading("The cmdlet's permission type is UserGroupCreateDelete; there is no CloudHR value.", "cloudSyncGmsaCmdlets", "Using Set-AADCloudSyncPermissions"),
        ],
      },
    ],
    sources: [
      "accounts",
      "cloudSyncInstall",
      "cloudSyncGmsa",
      "cloudSyncGmsa2023",
      "cloudSyncGmsaCmdlets",
      "cloudSyncPrerequisites",
      "cloudSyncVersionHistory",
      "cloudSyncGroupProvisioning",
      "kdsRootKey",
      "testAdServiceAccount",
    ],
  },
];
