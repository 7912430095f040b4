/**
 * Numeric limits and reserved names Microsoft and Active Directory impose.
 * The plan schema enforces them; the UI quotes them.
 */
export const LIMITS = {
  /** sAMAccountName of a user (pre-Windows 2000 logon name). */
  samAccountNameMaxLength: 20,
  /** A gMSA's sAMAccountName holds 15 characters before the trailing `$`. */
  gmsaNameMaxLength: 15,
  /** NetBIOS computer names. */
  computerNameMaxLength: 15,
  /** Directory Synchronization Accounts (Sync_ users) a tenant may hold. */
  syncAccountsPerTenant: 20,
  /** Cloud sync agents Microsoft recommends for high availability. */
  recommendedCloudSyncAgents: 3,
  /** Pass-through authentication agents Microsoft asks for in production (the Connect server runs the first). */
  recommendedPassThroughAgents: 3,
  /** Objects SQL Server Express LocalDB (10 GB) handles. */
  localDbObjectLimit: 100_000,
} as const;

/** Characters Active Directory refuses in a sAMAccountName. */
export const SAM_ACCOUNT_NAME_FORBIDDEN_CHARACTERS = ['"', "/", "\\", "[", "]", ":", ";", "|", "=", ",", "+", "*", "?", "<", ">", "@"] as const;

/**
 * Built-in or conventional names of Domain and Enterprise Admins. The AD DS
 * Connector account may not be one of them (the wizard refuses such accounts).
 */
export const WELL_KNOWN_ADMIN_NAMES = ["administrator", "admin", "domain admins", "enterprise admins", "krbtgt"] as const;

/** Application-based authentication becomes mandatory for Connect on this date. */
export const APP_AUTH_DEADLINE = { date: "2027-04-07", minimumConnectVersion: "2.6.84.0" } as const;
