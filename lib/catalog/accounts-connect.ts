import { cite, fact, INTRODUCTION, reading } from "./fact";
import type { AccountDefinition, RightDefinition } from "./types";

const CONNECT = { tool: "connect" } as const;
const SEED_CONNECT = "Accounts for installing and running Microsoft Entra Connect";
const ADSYNCCONFIG = "Using the ADSyncConfig PowerShell module";
const CONNECT_DIRECTORIES = "Connect your directories";
const SSPR_PERMISSIONS = "Configure account permissions for Microsoft Entra Connect";

/**
 * The AD DS Connector account's rights, each with the ADSyncConfig cmdlet
 * that grants it. The cmdlets act on the domains of the forest of the user
 * who runs them, so each forest's grants run in that forest.
 */
const CONNECTOR_RIGHTS: readonly RightDefinition[] = [
  {
    feature: "basic",
    right: "Read all properties",
    appliesTo: "Descendant device, InetOrgPerson, computer, foreignSecurityPrincipal, group, user and contact objects",
    cmdlet: "Set-ADSyncBasicReadPermissions",
    cite: cite("connectConnectorAccount", "Configure Basic Read-Only Permissions"),
  },
  {
    feature: "basic",
    right: "Replicating Directory Changes",
    appliesTo: "Domain root, this object only",
    cmdlet: "Set-ADSyncBasicReadPermissions",
    adRights: ["replicatingDirectoryChanges"],
    note: "Listed with the basic read rights on one Microsoft page, absent from the cmdlet's reference: check it after granting.",
    cite: cite("connectConnectorAccount", "Configure Basic Read-Only Permissions"),
  },
  {
    feature: "msDsConsistencyGuid",
    right: "Read and write mS-DS-ConsistencyGuid",
    appliesTo: "Descendant user objects",
    cmdlet: "Set-ADSyncMsDsConsistencyGuidPermissions",
    adRights: ["msDsConsistencyGuid"],
    note: "Needed whenever ms-DS-ConsistencyGuid is the source anchor, which is the express and custom default: without it objects are not exported.",
    cite: cite("connectConnectorAccount", "Configure MS-DS-Consistency-Guid Permissions"),
  },
  {
    feature: "passwordHashSync",
    right: "Replicating Directory Changes and Replicating Directory Changes All",
    appliesTo: "Domain root, this object only",
    cmdlet: "Set-ADSyncPasswordHashSyncPermissions",
    adRights: ["replicatingDirectoryChanges", "replicatingDirectoryChangesAll"],
    note: "This cmdlet has no -ADobjectDN and no -IncludeAdminSdHolders: it always works on the domain root.",
    cite: cite("connectConnectorAccount", "Permissions for Password Hash Synchronization"),
  },
  {
    feature: "passwordWriteback",
    right: "Reset Password; write lockoutTime; write pwdLastSet",
    appliesTo: "Descendant user objects",
    cmdlet: "Set-ADSyncPasswordWritebackPermissions",
    adRights: ["resetPassword", "lockoutTime", "pwdLastSet"],
    note: "This is all the cmdlet grants: the rights on the domain root below need a grant of their own.",
    cite: cite("connectConnectorAccount", "Permissions for Password Writeback"),
  },
  {
    feature: "passwordWriteback",
    right: "Change Password, and the Unexpire Password extended right",
    appliesTo: "The root of each domain: Change Password for descendant user objects, Unexpire Password on the domain object itself",
    adRights: ["changePassword", "unexpirePassword"],
    note: "No ADSyncConfig cmdlet grants these: grant them with dsacls or Active Directory Users and Computers, as a Domain Admin of each domain. Also set the domain's \"Minimum password age\" policy to 0.",
    cite: cite("ssprWriteback", SSPR_PERMISSIONS),
  },
  {
    feature: "groupWriteback",
    right: "Generic read and write; create and delete child objects; delete and delete tree",
    appliesTo: "Group objects and their subobjects",
    cmdlet: "Set-ADSyncUnifiedGroupWritebackPermissions",
    cite: cite("connectConnectorAccount", "Permissions for Group Writeback"),
  },
  {
    feature: "exchangeHybrid",
    right: "Read and write all properties",
    appliesTo: "Descendant user, InetOrgPerson, group and contact objects",
    cmdlet: "Set-ADSyncExchangeHybridPermissions",
    when: { exchangeForest: true },
    cite: cite("connectConnectorAccount", "Permissions for Exchange Hybrid Deployment"),
  },
  {
    feature: "exchangeMailPublicFolders",
    right: "Read all properties",
    appliesTo: "Descendant publicFolder objects",
    cmdlet: "Set-ADSyncExchangeMailPublicFolderPermissions",
    when: { exchangeForest: true },
    cite: cite("connectConnectorAccount", "Permissions for Exchange Mail Public Folders"),
  },
  {
    feature: "deviceWriteback",
    right: "The Device Registration containers (CN=Device Registration Configuration and CN=RegisteredDevices), with rights for the connector account",
    appliesTo: "The device writeback forest only",
    cmdlet: "The wizard's \"Configure device options\" with that forest's Enterprise Admin, or CreateDeviceContainer.ps1 run by that forest's Enterprise Admin",
    when: { deviceWritebackForest: true },
    cite: cite("deviceWriteback", "Part 2: Enable device writeback in Microsoft Entra Connect"),
  },
];

export const CONNECT_ACCOUNTS: readonly AccountDefinition[] = [
  {
    id: "connectAdDsConnector",
    name: "AD DS Connector account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "AD DS Connector account",
      description: "Reads and writes Windows Server Active Directory through AD DS.",
    },
    purpose: fact("Connect reads from and writes to this forest's Active Directory with it; one per forest.", "accounts", SEED_CONNECT),
    directory: "activeDirectory",
    scope: "forest",
    identity: "adUser",
    requiredWhen: CONNECT,
    ordinaryUserOnly: true,
    provisioningChoice: true,
    creation: [
      {
        when: { installType: ["express"] },
        by: "wizard",
        how: "Express settings create it in the forest root domain's Users container, with a long, complex password that does not expire.",
        cite: cite("connectAccounts", "Created accounts details › AD DS Connector account"),
      },
      {
        when: { installType: ["custom"], connectorProvisioning: ["wizard"] },
        by: "wizard",
        how: "The custom install's \"Create new account\" creates it, with this forest's Enterprise Admin credentials; the wizard picks its name.",
        cite: cite("connectCustom", CONNECT_DIRECTORIES),
      },
      {
        when: { installType: ["custom"] },
        by: "admin",
        how: "An administrator creates an ordinary user beforehand and grants its rights; the custom install's \"Use existing account\" names it.",
        cite: cite("connectCustom", CONNECT_DIRECTORIES),
      },
    ],
    defaultNames: [
      { when: { installType: ["express"] }, name: "MSOL_<generated>", cite: cite("connectConnectorAccount", "Overview") },
      { when: { installType: ["custom"], connectorProvisioning: ["wizard"] }, name: "MSOL_<generated>", cite: cite("connectCustom", CONNECT_DIRECTORIES) },
    ],
    constraints: [
      fact(
        "Must be an ordinary user object: not a virtual, standalone or group managed service account.",
        "connectAccounts",
        "Create the AD DS Connector account",
      ),
      fact(
        "Must not be a member of Enterprise Admins or Domain Admins: the wizard refuses such accounts since build 1.4.18.0.",
        "connectCustom",
        CONNECT_DIRECTORIES,
      ),
      fact(
        "\"Create new account\" needs an Enterprise Admin of the forest, in NetBIOS or FQDN form.",
        "connectCustom",
        CONNECT_DIRECTORIES,
      ),
      fact(
        "The wizard does not check the account's rights: missing rights show up only during synchronization. With several domains, grant the rights in every domain of the forest.",
        "connectAccounts",
        "Create the AD DS Connector account",
      ),
      fact(
        "The ADSyncConfig cmdlets set rights at the root of each domain of the forest of the user who runs them, so that user needs Domain Admin in each domain (an Enterprise Admin of the forest). With several forests, run the same cmdlets in each forest that has an AD DS Connector, as that forest's Enterprise Admin.",
        "connectConnectorAccount",
        ADSYNCCONFIG,
      ),
      fact(
        "ADSyncConfig needs the RSAT-AD-Tools feature; the module may be copied to a domain controller of the forest and run there.",
        "connectConnectorAccount",
        ADSYNCCONFIG,
      ),
      fact(
        "-IncludeAdminSdHolders also grants on AdminSDHolder-protected objects and is not recommended.",
        "connectConnectorAccount",
        ADSYNCCONFIG,
      ),
      fact(
        "Version 2.0.3.0 renamed the switch -SkipAdminSdHolders to -IncludeAdminSdHolders.",
        "connectVersionHistory2022",
        "2.0.3.0 › Functional changes",
      ),
      fact(
        "Set-ADSyncRestrictedPermissions -Credential takes an Enterprise Admin or Domain Admin in DOMAIN\\user form (Microsoft's example: CONTOSO\\admin).",
        "connectAdSyncConfig",
        "Set-ADSyncRestrictedPermissions › -Credential",
      ),
      fact(
        "The domain's \"Minimum password age\" policy must be 0 for password writeback.",
        "ssprWriteback",
        SSPR_PERMISSIONS,
      ),
    ],
    installDayCheck: [
      fact(
        "On the Connect server, import ADSyncConfig and run Show-ADSyncADObjectPermissions -ADobjectDN '<domain root DN>' for each domain of this forest: the connector account must be listed with the rights this plan grants it.",
        "connectConnectorAccount",
        "View AD DS permissions of an object",
      ),
      fact(
        "Run Get-ADSyncObjectsWithInheritanceDisabled -SearchBase '<domain root DN>': each OU it lists keeps the domain root's rights out, so grant them there too with -ADobjectDN.",
        "connectConnectorAccount",
        "Locate AD DS objects with permission inheritance disabled",
      ),
      fact(
        "After the wizard, Get-ADSyncADConnectorAccount on the Connect server shows the account each forest's connector really uses: it must be this one.",
        "connectConnectorAccount",
        "Determine your AD DS Connector Account",
      ),
    ],
    rights: CONNECTOR_RIGHTS,
    securityNotes: [
      fact("Never use an Enterprise Admin or Domain Admin as the connector account.", "connectAccounts", "Accounts used for Microsoft Entra Connect"),
      fact(
        "Harden it with Set-ADSyncRestrictedPermissions: inheritance is disabled and only SELF and admin entries remain. Run it with another administrator's credential, not the connector's own.",
        "connectConnectorAccount",
        "Restrict Permissions on the AD DS Connector Account",
      ),
    ],
    disagreements: [
      {
        topic: "Whether basic read includes Replicating Directory Changes",
        readings: [
          reading(
            "Basic read also grants Replicating Directory Changes on the domain root (this object only).",
            "connectConnectorAccount",
            "Configure Basic Read-Only Permissions",
          ),
          reading(
            "Set-ADSyncBasicReadPermissions grants read all properties on the descendant object classes; Replicating Directory Changes is not named.",
            "connectAdSyncConfig",
            "Set-ADSyncBasicReadPermissions › DESCRIPTION",
          ),
        ],
      },
      {
        topic: "The switch for AdminSDHolder-protected objects",
        readings: [
          reading("-IncludeAdminSdHolders (not recommended); protected objects are left alone by default.", "connectConnectorAccount", ADSYNCCONFIG),
          reading("The cmdlet reference still documents the pre-2.0.3.0 switch, -SkipAdminSdHolders.", "connectAdSyncConfig", "Set-ADSyncBasicReadPermissions › SYNTAX"),
        ],
      },
      {
        topic: "The rights password writeback needs",
        when: { anyFeature: ["passwordWriteback"] },
        readings: [
          reading(
            "Set-ADSyncPasswordWritebackPermissions grants Reset Password, write lockoutTime and write pwdLastSet on descendant users, and nothing else.",
            "connectConnectorAccount",
            "Permissions for Password Writeback",
          ),
          reading(
            "The password writeback tutorial lists Reset password, Change password, write lockoutTime, write pwdLastSet and the Unexpire Password extended right on the root of each domain; its own step-by-step grants never tick Change password.",
            "ssprWriteback",
            SSPR_PERMISSIONS,
          ),
          reading("Version 2.1.15.0 fixed the setting of the Unexpire Password extended right for password reset.", "connectVersionHistory", "2.1.15.0 › Bug fixes"),
        ],
      },
      {
        topic: "The name \"Create new account\" gives the connector",
        when: { installType: ["custom"], connectorProvisioning: ["wizard"] },
        readings: [
          reading("The custom install's \"Create new account\" creates the account; the page does not give its name.", "connectCustom", CONNECT_DIRECTORIES),
          reading(
            "It is named like the express one, MSOL_ and a generated suffix: find it by that prefix after install.",
            "sharedReference",
            "M6 Create new account",
          ),
        ],
      },
      {
        topic: "The hardening credential",
        readings: [
          reading("Give the administrator as DOMAIN\\user (for example CONTOSO\\admin).", "connectAdSyncConfig", "Set-ADSyncRestrictedPermissions › -Credential"),
          reading(
            "The module refuses a credential in user@domain form, and the administrator must belong to the connector's own forest (not stated on a Microsoft page).",
            "sharedReference",
            "M7 Set-ADSyncRestrictedPermissions credential",
          ),
        ],
      },
      {
        topic: "Where ADSyncConfig is installed",
        readings: [
          reading(
            "The page's note gives C:\\Program Files\\Microsoft Entra Connect\\AdSyncConfig\\, while its Import-Module example uses C:\\Program Files\\Microsoft Azure Active Directory Connect\\AdSyncConfig\\.",
            "connectConnectorAccount",
            ADSYNCCONFIG,
          ),
          reading("Check both folders on the server.", "sharedReference", "ADSyncConfig module path"),
        ],
      },
    ],
    sources: [
      "accounts",
      "connectAccounts",
      "connectConnectorAccount",
      "connectAdSyncConfig",
      "connectCustom",
      "connectVersionHistory",
      "connectVersionHistory2022",
      "ssprWriteback",
      "deviceWriteback",
    ],
  },
  {
    id: "connectAdSyncService",
    name: "ADSync service account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "ADSync service account",
      description: "Runs the sync service and accesses the SQL Server database.",
    },
    purpose: fact("Runs the Microsoft Entra Connect sync service (ADSync) and opens its SQL Server database.", "accounts", SEED_CONNECT),
    directory: "server",
    scope: "server",
    identity: "serviceAccount",
    requiredWhen: CONNECT,
    creation: [
      {
        when: { installType: ["express"] },
        by: "installer",
        how: "Express settings create the default account: the virtual service account, or a standalone managed service account on a domain controller.",
        cite: cite("connectServiceAccount", INTRODUCTION),
      },
      {
        when: { installType: ["custom"] },
        by: "installer",
        how: "The installer creates a virtual or standalone managed service account; for a gMSA, domain or local account, an administrator creates it first and names it under \"Use an existing service account\".",
        cite: cite("connectCustom", "Install required components"),
      },
    ],
    serviceAccountOptions: [
      {
        when: { database: ["remoteSql"] },
        allowed: ["gmsa", "domainUser"],
        default: "gmsa",
        recommended: "gmsa",
        why: "With a remote SQL Server the service signs in over the network: a gMSA (recommended) or a domain account.",
        cite: cite("connectServiceAccount", INTRODUCTION),
      },
      {
        when: { authenticatingProxy: true },
        allowed: ["gmsa", "smsa", "domainUser"],
        default: "gmsa",
        recommended: "gmsa",
        why: "Behind a proxy that asks for credentials the service needs a domain identity: a managed service account or a domain account; the virtual service account does not work.",
        cite: cite("connectCustom", "Install required components"),
      },
      {
        when: { installType: ["express"], serverRole: ["memberServer"] },
        allowed: ["vsa"],
        default: "vsa",
        why: "Express settings on a member server use the virtual service account NT SERVICE\\ADSync.",
        cite: cite("connectServiceAccount", INTRODUCTION),
      },
      {
        when: { installType: ["express"], serverRole: ["domainController"] },
        allowed: ["smsa"],
        default: "smsa",
        why: "Express settings on a domain controller create a standalone managed service account: a virtual service account cannot run on a domain controller.",
        cite: cite("connectServiceAccount", "Auto-generated standalone Managed Service Account"),
      },
      {
        when: { serverRole: ["domainController"] },
        allowed: ["smsa", "gmsa", "domainUser"],
        default: "smsa",
        recommended: "gmsa",
        why: "A virtual service account cannot be used on a domain controller, and a domain controller has no local accounts.",
        cite: cite("connectServiceAccount", INTRODUCTION),
      },
      {
        when: { serverRole: ["memberServer"] },
        allowed: ["vsa", "smsa", "gmsa", "localUser", "domainUser"],
        default: "vsa",
        recommended: "gmsa",
        alsoRecommended: ["smsa"],
        why: "With LocalDB or a local SQL Server every kind works; Microsoft marks both the sMSA and the gMSA as recommended.",
        cite: cite("connectServiceAccount", INTRODUCTION),
      },
    ],
    defaultNames: [
      { when: { serverRole: ["memberServer"] }, name: "NT SERVICE\\ADSync", cite: cite("connectServiceAccount", "Virtual Service Account") },
      { when: { serverRole: ["domainController"] }, name: "ADSyncMSA<generated>$", cite: cite("connectServiceAccount", "Auto-generated standalone Managed Service Account") },
    ],
    constraints: [
      fact("Chosen at first install only: changing its credentials later breaks the service.", "connectServiceAccount", INTRODUCTION),
      fact("A virtual service account cannot be used on a domain controller.", "connectServiceAccount", "Virtual Service Account"),
      fact(
        "With an authenticating proxy the service account must be a domain account, chosen in a custom install.",
        "connectPrerequisites",
        "Connectivity",
      ),
      fact(
        "With a full SQL Server the service account gets a SQL login and becomes DBO of the ADSync database.",
        "connectServiceAccount",
        "User Account",
      ),
    ],
    installDayCheck: [
      fact(
        "For a gMSA or sMSA, run Test-ADServiceAccount -Identity <account> in PowerShell on this Connect server before installing: True means the server can authenticate as the account and reach the domain with it.",
        "testAdServiceAccount",
        "Example 1: Test an MSA",
      ),
      fact(
        "After the install, the Microsoft Azure AD Sync service (ADSync) must start. If it does not, open the Local Group Policy Editor › Computer Configuration › Windows Settings › Security Settings › Local Policies › User Rights Assignment, and a gpresult /H report for domain policies: the service account must hold Allow log on locally, Log on as a batch job and Log on as a service.",
        "connectServicesDontStart",
        "Solution 1: Set User Rights Assignment permissions within Group Policy",
      ),
    ],
    securityNotes: [fact("Treat the Connect server, and so its service account, as Tier 0.", "connectPrerequisites", "Microsoft Entra Connect server")],
    disagreements: [
      {
        topic: "The default account on a domain controller",
        when: { serverRole: ["domainController"] },
        readings: [
          reading("Since March 2021 the default on a domain controller is a standalone managed service account.", "connectServiceAccount", INTRODUCTION),
          reading("The accounts and permissions page still gives a domain account as the express default on a domain controller.", "connectAccounts", "Created accounts details › ADSync service account"),
        ],
      },
      {
        topic: "The prefix of the standalone managed service account",
        // The installer makes one only on a domain controller.
        when: { serverRole: ["domainController"] },
        readings: [
          reading("The account created on a domain controller is prefixed ADSyncMSA_ (with an underscore).", "connectServiceAccount", "Auto-generated standalone Managed Service Account"),
          reading("Reported from real servers: ADSyncMSA followed by five hex digits, no underscore (for example ADSyncMSA82bf3$).", "fieldReports", "ADSync standalone managed service account names"),
        ],
      },
      {
        topic: "Which accounts are recommended with LocalDB or a local SQL Server",
        when: { database: ["localDb", "localSql"] },
        readings: [
          reading("Both the sMSA and the gMSA are marked as recommended.", "connectServiceAccount", INTRODUCTION),
          reading("Only the virtual service account is marked, as the default; the gMSA is not marked.", "connectAccounts", "Created accounts details › ADSync service account"),
        ],
      },
    ],
    sources: ["accounts", "connectServiceAccount", "connectCustom", "connectPrerequisites", "connectAccounts", "testAdServiceAccount", "connectServicesDontStart"],
  },
  {
    id: "connectEntraConnector",
    name: "Microsoft Entra Connector account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "Microsoft Entra Connector account",
      description: "Writes information to Microsoft Entra ID.",
    },
    purpose: fact(
      "The identity each Connect server, staging servers included, uses to write to Microsoft Entra ID: an application with a certificate, or in legacy mode a Sync_ user.",
      "accounts",
      SEED_CONNECT,
    ),
    directory: "entra",
    scope: "server",
    identity: "application",
    requiredWhen: CONNECT,
    creation: [
      {
        when: { entraAuth: ["applicationManaged"] },
        by: "wizard",
        how: "Connect registers a single-tenant application and creates, rotates and deletes its certificate itself, during the first install or an interactive upgrade.",
        cite: cite("connectAppAuth", "Installation and upgrade (managed by Microsoft Entra Connect)"),
      },
      {
        when: { entraAuth: ["applicationOwnCertificate"] },
        by: "admin",
        how: "An administrator creates the certificate (in the TPM or an HSM, LOCAL_MACHINE store), then registers the application with Add-EntraApplicationRegistration and links it with Add-ADSyncApplicationRegistration -CertificateSHA256Hash, in PowerShell after install.",
        cite: cite("connectAppAuth", "Onboard to application-based authentication › Manual"),
      },
      {
        when: { entraAuth: ["applicationOwnApp"] },
        by: "admin",
        how: "An administrator registers the application and its service principal, grants its app roles, registers the certificate with it, then links it with Add-ADSyncApplicationRegistration -CertificateSHA256Hash -ApplicationAppId, in PowerShell after install.",
        cite: cite("connectAppAuth", "Bring Your Own Application"),
      },
      {
        when: { entraAuth: ["syncAccount"] },
        by: "wizard",
        how: "The wizard creates the Sync_ user with a long password that does not expire, and gives it the Directory Synchronization Accounts role.",
        cite: cite("connectAccounts", "Microsoft Entra Connector account"),
      },
    ],
    defaultNames: [{ when: { entraAuth: ["syncAccount"] }, name: "Sync_{server}_<id>@{tenant}", cite: cite("connectAccounts", "Microsoft Entra Connector account") }],
    constraints: [
      fact("One per Connect server, staging servers included.", "connectAccounts", "Microsoft Entra Connector account"),
      fact(
        "Application-based authentication is set up during the first install and interactive upgrades; Get-ADSyncEntraConnectorCredential shows which mode a server uses (Application or ServiceAccount).",
        "connectAppAuth",
        "Installation and upgrade (managed by Microsoft Entra Connect)",
      ),
      fact(
        "Needs Connect 2.5.3.0 or later to switch by hand, and 2.5.76.0 or later for the service to switch a server that still uses a Sync_ user by itself, within six hours.",
        "connectAppAuth",
        "Prerequisites",
      ),
      fact("Configuring it needs at least a Hybrid Identity Administrator.", "connectAppAuth", "Prerequisites"),
      fact(
        "Bring-your-own certificate and bring-your-own application are configured only with PowerShell (Add-ADSyncApplicationRegistration); the certificate managed by Connect can also be set up in the wizard.",
        "connectAppAuth",
        "Onboard to application-based authentication › Manual",
      ),
      fact(
        "The application needs the app role ADSynchronization.ReadWrite.All on \"Microsoft Entra AD Synchronization Service\" (6bf85cfa-ac8a-4be5-b5de-425a0d0dc016); with password writeback also PasswordWriteback.OffboardClient.All, PasswordWriteback.RegisterClientVersion.All and PasswordWriteback.RefreshClient.All on \"Microsoft password reset service\".",
        "connectAppAuth",
        "Bring Your Own Application",
      ),
      fact(
        "An Application Administrator or Global Administrator grants a bring-your-own application its app roles.",
        "connectAppAuth",
        "Bring Your Own Application",
      ),
      fact(
        "Own certificate: a CNG certificate created in an HSM or the TPM, RSA 2048 with SHA256, non-exportable key, in the LOCAL_MACHINE store; grant the ADSync service account the right to sign with its private key. Without a TPM, event 1014 warns.",
        "connectAppAuth",
        "Prerequisites",
      ),
      fact(
        "Certificate managed by Connect: kept in the CURRENT_USER store, with the key in the TPM when there is one, otherwise in the software key storage provider as non-exportable.",
        "connectAppAuth",
        "Managed by Microsoft Entra Connect (default)",
      ),
      fact(
        "Connect warns (event 1011) when the certificate expires within 150 days and errs (event 1012) once it has expired; a certificate Connect manages is rotated automatically while the scheduler runs.",
        "connectAppAuth",
        "Certificate rotation",
      ),
      fact(
        "An application identity holds the app roles above, not the Directory Synchronization Accounts role: that role belongs to the legacy Sync_ user, which is removed (or stripped of the role) once the server uses the application.",
        "connectAppAuth",
        "Remove a legacy service account",
      ),
      fact(
        "After switching, remove the legacy Sync_ user with Remove-ADSyncAADServiceAccount; a custom account that can't be removed is deprivileged and loses the Directory Synchronization Accounts role.",
        "connectAppAuth",
        "Remove a legacy service account",
      ),
      fact(
        "Rolling back: disable the scheduler, run Add-ADSyncAADServiceAccount (it re-creates a Sync_ user; allow up to 15 minutes, \"Access Denied\" may appear meanwhile), check with Get-ADSyncEntraConnectorCredential, re-enable the scheduler.",
        "connectAppAuth",
        "Roll back to a legacy service account by using PowerShell",
      ),
      fact(
        "Legacy Sync_ user: the Directory Synchronization Accounts role can't be granted outside the Connect wizard, and a tenant may hold at most 20 sync service accounts.",
        "connectAccounts",
        "Microsoft Entra Connector account",
      ),
    ],
    securityNotes: [
      fact(
        "The Application Administrator role can add credentials to the Connect application and so act as it: treat that role as Tier 0 too.",
        "connectAppAuth",
        INTRODUCTION,
      ),
      fact(
        "Keep the certificate's private key in the TPM or an HSM, readable only by the ADSync service account.",
        "connectAppAuth",
        "Bring Your Own Certificate",
      ),
      fact(
        "Conditional Access policies scoped to users do not apply to an application; protect it with Conditional Access for workload identities. A legacy Sync_ user is excluded from user policies such as multifactor authentication.",
        "conditionalAccessMfaAllUsers",
        "User exclusions",
      ),
      fact("The Directory Synchronization Accounts role is for Connect only: never use the Sync_ user for anything else.", "rolesReference", "All roles"),
    ],
    disagreements: [
      {
        topic: "The first version that switches to application-based authentication by itself",
        readings: [
          reading("2.5.76.0 or later.", "connectAppAuth", "Onboard to application-based authentication › Automatic"),
          reading("2.5.74.0 or later.", "connectAppAuthOtherCopy", "Automatic configuration"),
        ],
      },
      {
        topic: "A deadline for application-based authentication",
        readings: [
          reading(
            "Reported: Connect must run 2.6.84.0 or later with application-based authentication by 7 April 2027, or synchronization stops.",
            "fieldReports",
            "Connect 2.6.84.0 and application-based authentication required by 7 April 2027",
          ),
          reading("Microsoft's pages read name the 2.5.79.0 floor of 30 September 2026 and no later deadline.", "connectSecurityUpdates", "Minimum versions"),
        ],
      },
      {
        topic: "The lifetime of the certificate Connect manages",
        when: { entraAuth: ["applicationManaged"] },
        readings: [
          reading("Reported: a 90-day certificate, rotated automatically.", "sharedReference", "Microsoft Entra Connector account"),
          reading("Microsoft's page gives no lifetime: Connect warns 150 days before expiry and rotates a certificate it manages.", "connectAppAuth", "Certificate rotation"),
        ],
      },
      {
        topic: "Whether the Directory Synchronization Accounts role can be re-assigned",
        when: { entraAuth: ["syncAccount"] },
        readings: [
          reading("The role can't be granted outside the Connect wizard.", "connectAccounts", "Microsoft Entra Connector account"),
          reading("Reported in a GitHub thread on the docs: it can be re-assigned to an existing account.", "fieldReports", "Re-assigning Directory Synchronization Accounts"),
        ],
      },
    ],
    sources: ["accounts", "connectAccounts", "connectAppAuth", "connectAppAuthOtherCopy", "connectSecurityUpdates", "conditionalAccessMfaAllUsers", "rolesReference"],
  },
  {
    id: "connectLocalAdmin",
    name: "Local Administrator account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "Local Administrator account",
      description: "The person installing Connect, with local Administrator rights on the server.",
    },
    purpose: fact("The person who runs the installer on this server, with local Administrator rights on it.", "accounts", SEED_CONNECT),
    directory: "server",
    scope: "server",
    identity: "localOrDomainUser",
    requiredWhen: CONNECT,
    creation: [
      {
        when: {},
        by: "admin",
        how: "An existing administrator of the server; leave the domain empty for a local account.",
        cite: cite("connectExpress", "Express installation of Microsoft Entra Connect Sync"),
      },
    ],
    constraints: [
      fact("Sign in to the server as a local administrator to install.", "connectExpress", "Express installation of Microsoft Entra Connect Sync"),
      fact("The installer creates the ADSync service account with this account's rights.", "connectAccounts", "Express settings wizard"),
      fact(
        "Upgrades need a local administrator who is also in ADSyncAdmins and DBO of the ADSync database.",
        "connectAccounts",
        "Permissions required to upgrade",
      ),
    ],
    installDayCheck: [
      fact(
        "On this Connect server, run Get-LocalGroupMember -Group \"Administrators\" in PowerShell: the account, or a group it belongs to, must be in the list.",
        "getLocalGroupMember",
        "Examples",
      ),
    ],
    securityNotes: [
      fact(
        "Whoever administers the Connect server controls synchronization: restrict administrative access to it (Tier 0).",
        "connectPrerequisites",
        "Harden your Microsoft Entra Connect server",
      ),
    ],
    sources: ["accounts", "connectExpress", "connectAccounts", "connectPrerequisites", "getLocalGroupMember"],
  },
  {
    id: "connectEnterpriseAdmin",
    name: "AD DS Enterprise Administrator account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "AD DS Enterprise Administrator account",
      description: "Optional: creates the AD DS Connector account.",
    },
    purpose: fact("Lets the wizard create the AD DS Connector account of this forest.", "accounts", SEED_CONNECT),
    directory: "activeDirectory",
    scope: "forest",
    identity: "adUser",
    requiredWhen: {
      anyOf: [
        { tool: "connect", installType: ["express"] },
        { tool: "connect", connectorProvisioning: ["wizard"] },
        { tool: "connect", deviceWritebackForest: true },
      ],
    },
    optionalWhen: CONNECT,
    creation: [
      {
        when: {},
        by: "admin",
        how: "An existing member of this forest's Enterprise Admins; the wizard uses it during setup only.",
        cite: cite("connectAccounts", "AD DS Enterprise Administrator credentials"),
      },
    ],
    constraints: [
      fact("Express settings ask for an Enterprise Admin, in NetBIOS or FQDN form.", "connectExpress", "Express installation of Microsoft Entra Connect Sync"),
      fact("Express installs and upgrades from DirSync need an Enterprise Administrator.", "connectPrerequisites", "Accounts"),
      fact(
        "It is an Enterprise Admin rather than a Domain Admin so that rights can be set in every domain of the forest; on a DirSync upgrade it also resets the DirSync account's password.",
        "connectAccounts",
        "AD DS Enterprise Administrator credentials",
      ),
      fact("A custom install's \"Create new account\" needs this forest's Enterprise Admin.", "connectCustom", CONNECT_DIRECTORIES),
      fact(
        "Device writeback: the wizard creates the device containers in the chosen forest with its Enterprise Admin, or that Enterprise Admin runs CreateDeviceContainer.ps1.",
        "deviceWriteback",
        "Part 2: Enable device writeback in Microsoft Entra Connect",
      ),
      fact(
        "The ADSyncConfig grants for this forest's connector run in this forest, by a user who is Domain Admin in each of its domains: its Enterprise Admin.",
        "connectConnectorAccount",
        ADSYNCCONFIG,
      ),
    ],
    installDayCheck: [
      fact(
        "In PowerShell with the Active Directory module, run Get-ADPrincipalGroupMembership <account> -Server <forest root domain>: Enterprise Admins must be in the list.",
        "getAdPrincipalGroupMembership",
        "Description",
      ),
    ],
    securityNotes: [fact("Used only during installation; Connect does not keep it.", "connectAccounts", "AD DS Enterprise Administrator credentials")],
    sources: ["accounts", "connectAccounts", "connectExpress", "connectCustom", "connectPrerequisites", "deviceWriteback", "connectConnectorAccount", "getAdPrincipalGroupMembership"],
  },
  {
    id: "connectHybridIdentityAdmin",
    name: "Hybrid Identity Administrator",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "Hybrid Identity Administrator",
      description: "Creates the Microsoft Entra Connector account and configures Microsoft Entra ID.",
    },
    purpose: fact("Signs in to the Connect wizard to create the Microsoft Entra Connector account and configure Microsoft Entra ID.", "accounts", SEED_CONNECT),
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    requiredWhen: CONNECT,
    roles: ["hybridIdentityAdministrator"],
    upnRule: "tenantMember",
    roleAssignment: "direct",
    creation: [
      {
        when: {},
        by: "admin",
        how: "A work or school account of the tenant with the role assigned to it directly.",
        cite: cite("connectPrerequisites", "Accounts"),
      },
    ],
    constraints: [
      fact("The role must be assigned to the user directly, not through a group.", "connectPrerequisites", "Installation prerequisites"),
      fact("A work or school account, not a Microsoft account.", "connectPrerequisites", "Accounts"),
      fact(
        "Used only to create the Connector account and configure sync. MFA and Privileged Identity Management work: activate an eligible role before starting. With AD FS federation, don't use an account in a domain you are federating.",
        "connectCustom",
        "Connect to Microsoft Entra ID",
      ),
      fact("Hybrid Identity Administrator is enough to install since version 2.0.3.0.", "connectVersionHistory2022", "2.0.3.0 › Functional changes"),
    ],
    securityNotes: [
      fact("An onmicrosoft.com cloud-only account is suggested.", "connectCustom", "Connect to Microsoft Entra ID"),
      fact("The role isn't needed after setup: lower the account's role rather than delete it.", "connectAccounts", "Accounts used for Microsoft Entra Connect"),
    ],
    disagreements: [
      {
        topic: "The Entra role that installs Connect",
        readings: [
          reading("Hybrid Identity Administrator.", "accounts", SEED_CONNECT),
          reading("Hybrid Identity Administrator on the express settings' \"Connect to Microsoft Entra ID\" page.", "connectExpress", "Express installation of Microsoft Entra Connect Sync"),
          reading("A Microsoft Entra Global Administrator account (page dated November 2023).", "connectAccounts", "Accounts used for Microsoft Entra Connect"),
          reading("The wizard's \"Connect to Microsoft Entra ID\" page asks for a Global Administrator.", "ssprWriteback", "Enable password writeback in Microsoft Entra Connect"),
          reading(
            "With Hybrid Identity Administrator, configuring self-service password reset, pass-through authentication or single sign-on still required a Global Administrator (a known issue of 2.0.3.0).",
            "connectVersionHistory2022",
            "2.0.3.0 › Known issues",
          ),
        ],
      },
    ],
    sources: ["accounts", "connectPrerequisites", "connectCustom", "connectAccounts", "connectExpress", "connectVersionHistory2022", "ssprWriteback"],
  },
  {
    id: "connectSqlSa",
    name: "SQL SA account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "SQL SA account (optional)",
      description: "Creates the ADSync database on a full SQL Server, local or remote; may be the same account as the Enterprise Administrator.",
    },
    purpose: fact(
      "Creates the ADSync database on a full SQL Server, local or remote; it can be the same account as the Enterprise Administrator.",
      "accounts",
      SEED_CONNECT,
    ),
    directory: "sql",
    scope: "tenant",
    identity: "sqlLogin",
    requiredWhen: { tool: "connect", database: ["localSql", "remoteSql"] },
    creation: [
      {
        when: {},
        by: "admin",
        how: "The installing administrator is sysadmin on the instance, or a SQL administrator pre-creates the ADSync database and grants the logins (SQL delegation).",
        cite: cite("connectCustom", "Install required components"),
      },
    ],
    constraints: [
      fact(
        "With SQL delegation, the SQL administrator creates the ADSync database and gives a login and dbo on it to the Connect installer and to the ADSync service account.",
        "connectSqlDelegation",
        "Before you begin",
      ),
      fact(
        "The collation must be case-insensitive (otherwise the install is blocked); Latin1_General_CI_AS is highly recommended. Logins may not come from nested groups.",
        "connectSqlDelegation",
        "Steps for installing Microsoft Entra Connect using SQL delegated permissions",
      ),
      fact(
        "Any mainstream-supported SQL Server up to 2022; SQL Server 2012 is no longer supported; not Azure SQL Database or Managed Instance; no named pipes; one sync engine per SQL instance (not shared with MIM Sync, DirSync or Azure AD Sync).",
        "connectPrerequisites",
        "SQL Server used by Microsoft Entra Connect",
      ),
      fact("Without delegation the installing account must be sysadmin on the instance.", "connectAccounts", "Custom settings wizard"),
    ],
    installDayCheck: [
      fact(
        "Connected to the SQL Server instance as the installing account (SQL Server Management Studio or sqlcmd), run SELECT IS_SRVROLEMEMBER('sysadmin'): 1 means the account is sysadmin; 0 or NULL means it is not.",
        "sqlIsSrvRoleMember",
        "Return Types",
      ),
      fact(
        "With SQL delegation, get the server and instance name from the SQL administrator and check that the ADSync database exists with a case-insensitive collation (Latin1_General_CI_AS), and that the Connect installer and the ADSync service account each have a login of their own, not through a group, with dbo on it.",
        "connectSqlDelegation",
        "Steps for installing Microsoft Entra Connect using SQL delegated permissions",
      ),
    ],
    securityNotes: [
      fact(
        "Delegation keeps sysadmin with the SQL team: the Connect installer only needs dbo on the one database.",
        "connectSqlDelegation",
        "Before you begin",
      ),
    ],
    sources: ["accounts", "connectCustom", "connectSqlDelegation", "connectPrerequisites", "connectAccounts", "sqlIsSrvRoleMember"],
  },
];
