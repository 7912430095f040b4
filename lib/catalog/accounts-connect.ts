import type { AccountDefinition, RightDefinition } from "./types";

const CONNECT = { tool: "connect" } as const;
const MODULE = "ADSyncConfig.psm1";

const CONNECTOR_RIGHTS: readonly RightDefinition[] = [
  {
    feature: "basic",
    right: "Read all properties (and Replicating Directory Changes on the domain root since 2.0.25.1)",
    appliesTo: "Descendant device, InetOrgPerson, computer, foreignSecurityPrincipal, group, user and contact objects",
    cmdlet: "Set-ADSyncBasicReadPermissions",
    source: "connectConnectorAccount",
  },
  {
    feature: "msDsConsistencyGuid",
    right: "Read and write mS-DS-ConsistencyGuid",
    appliesTo: "Descendant user objects",
    cmdlet: "Set-ADSyncMsDsConsistencyGuidPermissions",
    source: "connectConnectorAccount",
  },
  {
    feature: "passwordHashSync",
    right: "Replicating Directory Changes and Replicating Directory Changes All",
    appliesTo: "Domain root only",
    cmdlet: "Set-ADSyncPasswordHashSyncPermissions",
    note: "This cmdlet has no -ADobjectDN: it always works on the domain root.",
    source: "connectConnectorAccount",
  },
  {
    feature: "passwordWriteback",
    right: "Reset password; change password; write lockoutTime and pwdLastSet; Unexpire Password",
    appliesTo: "Descendant user objects (Unexpire Password on each domain root)",
    cmdlet: "Set-ADSyncPasswordWritebackPermissions",
    source: "connectConnectorAccount",
  },
  {
    feature: "groupWriteback",
    right: "Generic read and write; create and delete child; delete and delete tree",
    appliesTo: "Group objects and subobjects",
    cmdlet: "Set-ADSyncUnifiedGroupWritebackPermissions",
    source: "connectConnectorAccount",
  },
  {
    feature: "exchangeHybrid",
    right: "Read and write all properties",
    appliesTo: "Descendant user, InetOrgPerson, group and contact objects",
    cmdlet: "Set-ADSyncExchangeHybridPermissions",
    source: "connectConnectorAccount",
  },
  {
    feature: "exchangeMailPublicFolders",
    right: "Read all properties",
    appliesTo: "Descendant publicFolder objects",
    cmdlet: "Set-ADSyncExchangeMailPublicFolderPermissions",
    source: "connectConnectorAccount",
  },
  {
    feature: "deviceWriteback",
    right: "Device Registration containers created once per forest, with rights for the connector account",
    appliesTo: "Configuration partition (Device Registration Services)",
    cmdlet: "CreateDeviceContainer.ps1 (or the wizard with an Enterprise Admin)",
    note: "Needs a Windows Server 2012 R2 schema and Microsoft Entra ID P1 or P2.",
    source: "deviceWriteback",
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
      description: "Used to read and write information to Windows Server AD by using Active Directory Domain Services (AD DS).",
    },
    purpose: "Connect reads from and writes to this forest's Active Directory with it. One per forest.",
    directory: "activeDirectory",
    scope: "forest",
    identity: "adUser",
    requiredWhen: CONNECT,
    creation: [
      {
        when: { installType: ["express"] },
        by: "wizard",
        how: "Express settings create MSOL_ plus a generated suffix in the forest root domain's Users container, with a long complex password that does not expire.",
      },
      {
        when: { installType: ["custom"] },
        by: "wizard",
        how: "Custom install: \"Create new account\" (needs Enterprise Admin credentials) or \"Use existing account\" pre-created by an administrator.",
      },
    ],
    defaultNames: [{ when: { installType: ["express"] }, name: "MSOL_<generated>" }],
    constraints: [
      "Must be an ordinary user object: not a virtual, standalone or group managed service account.",
      "Must not be a member of Enterprise Admins or Domain Admins; the wizard refuses such accounts since build 1.4.18.0.",
      "The wizard does not check its rights: missing rights only show up during synchronization.",
      "With several domains in the forest, grant the rights in every domain.",
      `The rights are granted per feature with the cmdlets of ${MODULE} (C:\\Program Files\\Microsoft Azure Active Directory Connect\\AdSyncConfig\\, needs RSAT-AD-Tools), run once per forest by an Enterprise Admin or a Domain Admin of every domain.`,
    ],
    rights: CONNECTOR_RIGHTS,
    securityNotes: [
      "Never use an Enterprise Admin or Domain Admin as the connector account.",
      "Harden it with Set-ADSyncRestrictedPermissions -ADConnectorAccountDN <dn> -Credential <admin>.",
      "Keep AdminSDHolder-protected objects out of scope unless there is a reason (-IncludeAdminSdHolders is not recommended).",
    ],
    disagreements: [
      {
        topic: "Switch for AdminSDHolder-protected objects",
        readings: [
          { says: "Current cmdlets take -IncludeAdminSdHolders (renamed in 2.0.3.0) and leave protected objects alone by default.", source: "connectAdSyncConfig" },
          { says: "Older examples show the opposite switch, -SkipAdminSdHolders.", source: "connectConnectorAccount" },
        ],
      },
    ],
    sources: ["accounts", "connectAccounts", "connectConnectorAccount", "connectAdSyncConfig"],
  },
  {
    id: "connectAdSyncService",
    name: "ADSync service account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "ADSync service account",
      description: "Used to run the sync service and access the SQL Server database.",
    },
    purpose: "Runs the Microsoft Entra Connect sync service (ADSync) on the server and opens its SQL Server database.",
    directory: "server",
    scope: "server",
    identity: "serviceAccount",
    requiredWhen: CONNECT,
    creation: [
      { when: { installType: ["express"] }, by: "installer", how: "Express settings use the default account and create it." },
      { when: { installType: ["custom"] }, by: "installer", how: "The installer creates a VSA or sMSA; a gMSA, domain or local account is created by an administrator first and named in the custom install." },
    ],
    serviceAccountOptions: [
      {
        when: { installType: ["express"], serverRole: ["memberServer"] },
        allowed: ["vsa"],
        default: "vsa",
        why: "Express settings on a member server always use the virtual service account NT SERVICE\\ADSync.",
      },
      {
        when: { installType: ["express"], serverRole: ["domainController"] },
        allowed: ["smsa"],
        default: "smsa",
        why: "Express settings on a domain controller use a standalone managed service account (ADSyncMSA_…): a VSA cannot run on a domain controller.",
      },
      {
        when: { database: ["remoteSql"] },
        allowed: ["gmsa", "domainUser"],
        default: "gmsa",
        recommended: "gmsa",
        why: "With a remote SQL Server the service must authenticate over the network: only a gMSA (recommended) or a domain account works.",
      },
      {
        when: { serverRole: ["domainController"] },
        allowed: ["smsa", "gmsa", "domainUser"],
        default: "smsa",
        recommended: "gmsa",
        why: "A VSA cannot be used on a domain controller, and a domain controller has no local accounts.",
      },
      {
        when: { serverRole: ["memberServer"] },
        allowed: ["vsa", "smsa", "gmsa", "localUser", "domainUser"],
        default: "vsa",
        recommended: "gmsa",
        why: "Every kind of account works on a member server with LocalDB or a local SQL Server.",
      },
    ],
    defaultNames: [
      { when: { serverRole: ["memberServer"] }, name: "NT SERVICE\\ADSync" },
      { when: { serverRole: ["domainController"] }, name: "ADSyncMSA_<generated>$" },
    ],
    constraints: [
      "Chosen at first install only: changing it later breaks the service.",
      "A domain account is also required when the server reaches the internet through an authenticating proxy.",
      "With a full SQL Server the service account becomes DBO of the ADSync database.",
    ],
    securityNotes: ["Treat the Connect server as Tier 0."],
    disagreements: [
      {
        topic: "Default account on a domain controller",
        readings: [
          { says: "Since March 2021 the default on a domain controller is a standalone managed service account (sMSA).", source: "connectServiceAccount" },
          { says: "The accounts and permissions page still gives a domain account as the domain controller default.", source: "connectAccounts" },
        ],
      },
    ],
    sources: ["accounts", "connectServiceAccount", "connectAccounts"],
  },
  {
    id: "connectEntraConnector",
    name: "Microsoft Entra Connector account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "Microsoft Entra Connector account",
      description: "Used to write information to Microsoft Entra ID.",
    },
    purpose:
      "The identity each Connect server (staging servers included) uses to write to Microsoft Entra ID: an application with a certificate, or the legacy Sync_ user.",
    directory: "entra",
    scope: "server",
    identity: "generated",
    requiredWhen: CONNECT,
    roles: ["directorySynchronizationAccounts"],
    creation: [
      {
        when: { entraAuth: ["syncAccount"] },
        by: "wizard",
        how: "The wizard creates the user with a long, non-expiring password and the Directory Synchronization Accounts role (only the wizard can grant that role).",
      },
      { when: { entraAuth: ["applicationManaged"] }, by: "wizard", how: "Connect registers an application and rotates its certificate every 90 days by itself." },
      { when: { entraAuth: ["applicationOwnCertificate"] }, by: "wizard", how: "Connect registers the application; you provide and rotate the certificate." },
      { when: { entraAuth: ["applicationOwnApp"] }, by: "admin", how: "An administrator registers the application and its certificate before install." },
    ],
    defaultNames: [
      { when: { entraAuth: ["syncAccount"] }, name: "Sync_{server}_<id>@{tenant}" },
      { when: { entraAuth: ["applicationManaged", "applicationOwnCertificate", "applicationOwnApp"] }, name: "Application identity for {server}" },
    ],
    constraints: [
      "One per Connect server, staging servers included.",
      "At most 20 sync service accounts per tenant.",
      "Application-based authentication needs Connect 2.5.3.0 or later (2.5.76.0 or later configures it during setup).",
      "Microsoft requires Connect 2.6.84.0 or later with application-based authentication by 7 April 2027; otherwise synchronization stops.",
      "After switching to application-based authentication, remove the legacy Sync_ account with Remove-ADSyncAADServiceAccount; Get-ADSyncEntraConnectorCredential tells which mode is in use.",
    ],
    securityNotes: [
      "Exclude the sync account from Conditional Access policies that require MFA.",
      "The Directory Synchronization Accounts role is for Connect only: never use the account for anything else.",
    ],
    sources: ["accounts", "connectAccounts", "connectAppAuth"],
  },
  {
    id: "connectLocalAdmin",
    name: "Local Administrator account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "Local Administrator account",
      description: "The administrator who is installing Microsoft Entra Connect and who has local Administrator permissions on the computer.",
    },
    purpose: "The person who runs the installer on this server, with local Administrator rights on it.",
    directory: "server",
    scope: "server",
    identity: "localOrDomainUser",
    requiredWhen: CONNECT,
    creation: [{ when: {}, by: "admin", how: "An existing administrator of the server; leave the domain empty for a local account." }],
    constraints: ["Must be a member of the local Administrators group of this server."],
    securityNotes: ["Whoever administers the Connect server controls synchronization: keep the group small (Tier 0)."],
    sources: ["accounts", "connectAccounts"],
  },
  {
    id: "connectEnterpriseAdmin",
    name: "AD DS Enterprise Administrator account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "AD DS Enterprise Administrator account",
      description: "Optionally used to create the required AD DS Connector account.",
    },
    purpose:
      "Lets the wizard create the AD DS Connector account and, with device writeback, the Device Registration containers. Express settings always ask for it.",
    directory: "activeDirectory",
    scope: "forest",
    identity: "adUser",
    requiredWhen: { tool: "connect", installType: ["express"] },
    optionalWhen: CONNECT,
    creation: [{ when: {}, by: "admin", how: "An existing member of Enterprise Admins of this forest; the wizard uses it once and does not store it." }],
    constraints: [
      "Required for express settings and for upgrades from DirSync.",
      "Optional in a custom install: needed to let the wizard create the AD DS Connector account, and for device writeback.",
    ],
    securityNotes: ["Use it only during setup; it is not stored by Connect."],
    sources: ["accounts", "connectAccounts", "connectExpress"],
  },
  {
    id: "connectHybridIdentityAdmin",
    name: "Hybrid Identity Administrator",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "Microsoft Entra Global Administrator account",
      description: "Used to create the Microsoft Entra Connector account and to configure Microsoft Entra ID.",
    },
    purpose: "Signs in to the Connect wizard to create the Microsoft Entra Connector account and configure Microsoft Entra ID.",
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    requiredWhen: CONNECT,
    roles: ["hybridIdentityAdministrator"],
    creation: [{ when: {}, by: "admin", how: "A work or school account in the tenant with the role assigned directly." }],
    constraints: [
      "The role must be assigned directly to the user, not through group membership.",
      "MFA and Privileged Identity Management work: activate an eligible role before starting the install.",
      "Not needed after setup: lower the role afterwards.",
    ],
    securityNotes: ["An onmicrosoft.com cloud-only account is suggested."],
    disagreements: [
      {
        topic: "Role needed to install Connect",
        readings: [
          { says: "Hybrid Identity Administrator is enough since Connect 1.6.2.4 and 2.0.3.0.", source: "connectAccounts" },
          { says: "The accounts article and older pages name a Global Administrator account.", source: "accounts" },
        ],
      },
    ],
    sources: ["accounts", "connectAccounts", "rolesReference"],
  },
  {
    id: "connectSqlSa",
    name: "SQL SA account",
    tools: ["connect"],
    articleRow: {
      table: "connect",
      requirement: "SQL SA account (optional)",
      description:
        "Used to create the ADSync database when you use the full version of SQL Server. The instance of SQL Server can be local or remote to the Microsoft Entra Connect installation. This account can be the same account as the Enterprise Administrator account.",
    },
    purpose: "Creates the ADSync database on a full SQL Server, local or remote.",
    directory: "sql",
    scope: "tenant",
    identity: "sqlLogin",
    requiredWhen: { tool: "connect", database: ["localSql", "remoteSql"] },
    creation: [
      {
        when: {},
        by: "admin",
        how: "The installer needs sysadmin on the instance, or a SQL administrator pre-creates the ADSync database and grants DBO (SQL delegation).",
      },
    ],
    constraints: [
      "SQL Server up to 2022, case-insensitive collation, local or remote; not Azure SQL; no named pipes.",
      "With delegated DBO, logins may not come from nested groups.",
      "It can be the same person as the AD DS Enterprise Administrator.",
    ],
    securityNotes: ["Sysadmin is needed only during install; use delegated DBO where the SQL team prefers."],
    sources: ["accounts", "connectPrerequisites", "connectSqlDelegation"],
  },
];
