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

/**
 * Everything a plan can switch on, as the catalog's conditions and rights
 * name it. The plan chooses some of these as features (PLAN_FEATURE_IDS); the
 * others follow from its sign-in method and source anchor.
 */
export const FEATURE_IDS = [
  "passwordHashSync",
  "passThroughAuth",
  "federation",
  "pingFederate",
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

/** The features a plan ticks (the Connect wizard's "Optional features" and their Cloud Sync peers). */
export const PLAN_FEATURE_IDS = [
  "passwordHashSync",
  "passwordWriteback",
  "exchangeHybrid",
  "exchangeMailPublicFolders",
  "groupWriteback",
  "groupProvisioningToAd",
  "deviceWriteback",
  "connectHealth",
] as const satisfies readonly FeatureId[];
export type PlanFeatureId = (typeof PLAN_FEATURE_IDS)[number];

/** How users sign in: the Connect wizard's "User sign-in" page. */
export const SIGN_IN_METHODS = ["passwordHashSync", "passThroughAuth", "federationAdfs", "federationPingFederate", "doNotConfigure"] as const;
export type SignInMethod = (typeof SIGN_IN_METHODS)[number];

export const SIGN_IN_METHOD_LABELS: Record<SignInMethod, string> = {
  passwordHashSync: "Password hash synchronization",
  passThroughAuth: "Pass-through authentication",
  federationAdfs: "Federation with AD FS",
  federationPingFederate: "Federation with PingFederate",
  doNotConfigure: "Do not configure",
};

/** The sign-in methods each tool can set up (Cloud Sync leaves an existing pass-through or AD FS setup as it is). */
export const SIGN_IN_METHODS_BY_TOOL: Record<Tool, readonly SignInMethod[]> = {
  connect: SIGN_IN_METHODS,
  cloudSync: ["passwordHashSync", "doNotConfigure"],
};

/** The feature each sign-in method turns on, where it has one. */
export const SIGN_IN_METHOD_FEATURE: Record<SignInMethod, FeatureId | undefined> = {
  passwordHashSync: "passwordHashSync",
  passThroughAuth: "passThroughAuth",
  federationAdfs: "federation",
  federationPingFederate: "pingFederate",
  doNotConfigure: undefined,
};

/** The Connect wizard's "Identifying users" page: how the source anchor is chosen. */
export const SOURCE_ANCHORS = ["msDsConsistencyGuid", "objectGUID", "otherAttribute"] as const;
export type SourceAnchor = (typeof SOURCE_ANCHORS)[number];

export const SOURCE_ANCHOR_LABELS: Record<SourceAnchor, string> = {
  msDsConsistencyGuid: "Let Microsoft Entra ID manage the source anchor (ms-DS-ConsistencyGuid)",
  objectGUID: "A specific attribute: objectGUID",
  otherAttribute: "A specific attribute: another one",
};

/** The feature each source anchor turns on: ms-DS-ConsistencyGuid needs the connector's write on that attribute. */
export const SOURCE_ANCHOR_FEATURE: Record<SourceAnchor, FeatureId | undefined> = {
  msDsConsistencyGuid: "msDsConsistencyGuid",
  objectGUID: undefined,
  otherAttribute: undefined,
};

/** Where the private key of a Connect application identity's certificate lives. */
export const KEY_STORAGES = ["tpm", "hsm", "software"] as const;
export type KeyStorage = (typeof KEY_STORAGES)[number];

export const KEY_STORAGE_LABELS: Record<KeyStorage, string> = {
  tpm: "The server's Trusted Platform Module (TPM 2.0)",
  hsm: "A hardware security module (HSM)",
  software: "Software key storage, non-exportable key",
};

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
