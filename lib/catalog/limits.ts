import { cite, fact, reading } from "./fact";
import type { Citation, Disagreement, Fact } from "./types";

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
  /**
   * Sync service accounts (the legacy Sync_ users with the Directory
   * Synchronization Accounts role) a tenant may hold. Microsoft states the
   * limit for these user accounts; a Connect application identity is not one.
   */
  syncAccountsPerTenant: 20,
  /** Cloud sync agents Microsoft recommends for high availability. */
  recommendedCloudSyncAgents: 3,
  /** Pass-through authentication agents Microsoft asks for in production, and the most a tenant may register. */
  recommendedPassThroughAgents: 3,
  passThroughAgentsPerTenant: 40,
  /** Objects SQL Server Express LocalDB (10 GB) handles. */
  localDbObjectLimit: 100_000,
} as const;

/** Where each of Microsoft's limits above is stated. */
export const LIMIT_FACTS: Record<"syncAccountsPerTenant" | "recommendedCloudSyncAgents" | "passThroughAgents" | "localDbObjectLimit", Fact> = {
  syncAccountsPerTenant: fact(
    "A tenant may hold at most 20 sync service accounts: the Sync_ users Connect creates. The limit is stated for these user accounts; the page says nothing of application identities, so planned application identities are not counted against it.",
    "connectAccounts",
    "Microsoft Entra Connector account",
  ),
  recommendedCloudSyncAgents: fact(
    "Microsoft recommends three active provisioning agents for high availability.",
    "cloudSyncPrerequisites",
    "Cloud provisioning agent requirements",
  ),
  passThroughAgents: fact(
    "Run at least three Authentication Agents in production; a tenant may register at most 40.",
    "passThroughAuth",
    "In your on-premises environment",
  ),
  localDbObjectLimit: fact(
    "SQL Server Express LocalDB, installed with Connect, is limited to 10 GB, enough for about 100,000 objects.",
    "connectPrerequisites",
    "SQL Server used by Microsoft Entra Connect",
  ),
};

/** Characters Active Directory refuses in a sAMAccountName. */
export const SAM_ACCOUNT_NAME_FORBIDDEN_CHARACTERS = ['"', "/", "\\", "[", "]", ":", ";", "|", "=", ",", "+", "*", "?", "<", ">", "@"] as const;

/**
 * Built-in or conventional names of Domain and Enterprise Admins. The AD DS
 * Connector account may not be one of them (the wizard refuses such accounts).
 */
export const WELL_KNOWN_ADMIN_NAMES = ["administrator", "admin", "domain admins", "enterprise admins", "krbtgt"] as const;

/** Every Connect server must run this version or later since this date, or synchronization stops. */
export const CONNECT_MINIMUM_VERSION: { version: string; since: string; cite: Citation } = {
  version: "2.5.79.0",
  since: "2026-09-30",
  cite: cite("connectSecurityUpdates", "Minimum versions"),
};

/**
 * A deadline for application-based authentication that field reports name
 * but no Microsoft page read states: shown as reported, with Microsoft's own
 * statements beside it, never as a fact.
 */
export const APP_AUTH_DEADLINE: {
  date: string;
  minimumConnectVersion: string;
  verified: false;
  cite: Citation;
  disagreement: Disagreement;
} = {
  date: "2027-04-07",
  minimumConnectVersion: "2.6.84.0",
  verified: false,
  cite: cite("fieldReports", "Connect 2.6.84.0 and application-based authentication required by 7 April 2027"),
  disagreement: {
    topic: "A deadline for application-based authentication",
    readings: [
      reading(
        "Reported: from 7 April 2027 Connect must run 2.6.84.0 or later with application-based authentication, or synchronization stops. Third-party notes attribute this to Connect's version history; no Microsoft copy read states it.",
        "fieldReports",
        "Connect 2.6.84.0 and application-based authentication required by 7 April 2027",
      ),
      reading(
        "Microsoft's stated floor is 2.5.79.0 by 30 September 2026; the page names no later deadline.",
        "connectSecurityUpdates",
        "Minimum versions",
      ),
      reading(
        "The page on application-based authentication names version floors (2.5.3.0, 2.5.76.0) but no deadline.",
        "connectAppAuth",
        "Prerequisites",
      ),
    ],
  },
};
