import { ACCOUNTS, LIMITS } from "@/lib/catalog";

/**
 * How large a plan may be, each cap with its reason. They bound the work one
 * request can cause (the checks, the exports, the answers) as well as what a
 * real plan needs; the plan schema enforces them with a message that says
 * what to do.
 */
export const PLAN_LIMITS = {
  /** Sync servers or agent hosts: Connect runs one active server and a few staging ones; Cloud Sync recommends 3 agents. */
  servers: 10,
  /** Forests of one organisation synchronized into one tenant: far above any real plan, and each adds accounts and checks. */
  forests: 50,
  /** Domains besides the root, per forest: the largest real forests hold dozens. */
  domainsPerForest: 100,
  /** UPN suffixes per forest: each becomes a tenant domain to verify, and a tenant holds at most 5,000 domains in all. */
  upnSuffixesPerForest: 200,
  /** AD FS, Web Application Proxy and pass-through agent servers listed by name: a tenant registers at most 40 pass-through agents. */
  listedServers: LIMITS.passThroughAgentsPerTenant,
  /** DNS names: 253 characters (RFC 1035). */
  domainName: 253,
  /**
   * An account's name: the longest of the kinds the field holds. A SQL Server
   * login is a sysname (128); a UPN is 113 in Microsoft Entra ID; a
   * sAMAccountName 20 and a gMSA's 15 plus $ (see the catalog's LIMITS).
   */
  accountName: 128,
  /** Organisation, preparer, owner, "created by": a display name (Entra ID allows 256; a worksheet header needs far less). */
  shortText: 200,
  /** Notes: a paragraph or two; the worksheet prints them in a table cell. */
  freeText: 2_000,
  /** An email address: 254 characters (RFC 5321's path limit). */
  email: 254,
  /** Server names are NetBIOS computer names. */
  computerName: LIMITS.computerNameMaxLength,
  /** Pre-flight files kept: one per forest and per server, the latest of each. */
  preflightRuns: 60,
  /** Results judged from one pre-flight file: a few per account and domain of one forest, merged per rule beyond that. */
  preflightResultsPerRun: 100,
  /** Pre-flight results in one plan: they travel with the plan file (1 MB at most), so the whole plan stays a few hundred kilobytes at worst. */
  preflightResults: 400,
  /** A 400 answer lists this many issues, then the number of the rest: the first ones are what to fix first. */
  issuesListed: 100,
} as const;

const OWNERS = { tenant: 1, forest: PLAN_LIMITS.forests, server: PLAN_LIMITS.servers, serverDomain: PLAN_LIMITS.servers } as const;

/** Account entries a plan can hold: one per account of the largest plan (per forest, per server, once per tenant). */
export const MAX_ACCOUNT_ENTRIES = ACCOUNTS.reduce((sum, account) => sum + OWNERS[account.scope], 0);

/**
 * "a, b, c and 7 more": a message names a few values, never a list as long as
 * the plan (a cap on what one answer can hold).
 */
export function someOf(values: readonly string[], shown = 5): string {
  if (values.length <= shown) return values.join(", ");
  return `${values.slice(0, shown).join(", ")} and ${values.length - shown} more`;
}
