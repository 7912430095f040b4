/**
 * The closed vocabularies every other module speaks: tools, features, account
 * types. The plan schema builds its enums from these tuples, so adding a value
 * here is the only change needed for it to be accepted everywhere.
 */

export const TOOLS = ["cloudSync", "connect"] as const;
export type Tool = (typeof TOOLS)[number];

export const INSTALL_TYPES = ["express", "custom"] as const;
export type InstallType = (typeof INSTALL_TYPES)[number];

export const DATABASES = ["localDb", "localSql", "remoteSql"] as const;
export type Database = (typeof DATABASES)[number];

export const SERVER_ROLES = ["memberServer", "domainController"] as const;
export type ServerRole = (typeof SERVER_ROLES)[number];

export const FEATURE_IDS = [
  "passwordHashSync",
  "passThroughAuth",
  "federation",
  "passwordWriteback",
  "exchangeHybrid",
  "exchangeMailPublicFolders",
  "groupWriteback",
  "groupProvisioningToAd",
  "deviceWriteback",
  "seamlessSso",
  "msDsConsistencyGuid",
  "connectHealth",
] as const;
export type FeatureId = (typeof FEATURE_IDS)[number];

/** How a service or admin account exists, where the user has a choice. */
export const ACCOUNT_TYPES = ["vsa", "smsa", "gmsa", "domainUser", "localUser"] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_TYPE_LABELS: Record<AccountType, string> = {
  vsa: "Virtual service account (VSA)",
  smsa: "Standalone managed service account (sMSA)",
  gmsa: "Group managed service account (gMSA)",
  domainUser: "Domain user account",
  localUser: "Local user account",
};

/** Who brings an account into existence on install day. */
export const CREATORS = ["admin", "installer", "wizard"] as const;
export type Creator = (typeof CREATORS)[number];

export const CREATOR_LABELS: Record<Creator, string> = {
  admin: "An administrator, before installing",
  installer: "The installer, during setup",
  wizard: "The configuration wizard, during setup",
};

export const ACCOUNT_STATUSES = ["planned", "created", "verified"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  planned: "Planned",
  created: "Created",
  verified: "Verified",
};

/** How the Connect server authenticates to Microsoft Entra ID. */
export const ENTRA_AUTH_MODES = ["applicationManaged", "applicationOwnCertificate", "applicationOwnApp", "syncAccount"] as const;
export type EntraAuthMode = (typeof ENTRA_AUTH_MODES)[number];

export const ENTRA_AUTH_MODE_LABELS: Record<EntraAuthMode, string> = {
  applicationManaged: "Application-based authentication, certificate managed by Connect (recommended)",
  applicationOwnCertificate: "Application-based authentication, bring your own certificate",
  applicationOwnApp: "Application-based authentication, bring your own application",
  syncAccount: "Legacy Directory Synchronization Account (Sync_… user with a password)",
};

export const GMSA_MODES = ["default", "custom"] as const;
export type GmsaMode = (typeof GMSA_MODES)[number];

/** How the AD DS Connector account comes to exist in a custom Connect install. */
export const CONNECTOR_PROVISIONING = ["wizard", "existing"] as const;
export type ConnectorProvisioning = (typeof CONNECTOR_PROVISIONING)[number];

export const TOOL_LABELS: Record<Tool, string> = {
  cloudSync: "Microsoft Entra Cloud Sync",
  connect: "Microsoft Entra Connect Sync",
};

export const DATABASE_LABELS: Record<Database, string> = {
  localDb: "SQL Server Express LocalDB (installed with Connect)",
  localSql: "Full SQL Server on the Connect server",
  remoteSql: "Full SQL Server on another server",
};

export const SERVER_ROLE_LABELS: Record<ServerRole, string> = {
  memberServer: "Member server",
  domainController: "Domain controller",
};
