import { sha256Hex } from "@/lib/export/sha256";
import { deriveAccounts, effectiveFeatures, hasToolAndEnvironment, withoutOrphanedRuns, type AccountEntry, type Plan } from "@/lib/plan";
import { isPreflightResult, PREFLIGHT_STALE_PREFIX, withPreflight } from "@/lib/preflight/report";
import type { CheckResult, ValidationReport } from "./schema";

/**
 * Which plan values each tenant check read, so a result can say whether it
 * still describes the plan. Owner, creator, status and notes are never
 * inputs: editing them never makes a check out of date.
 */

/** A JSON text with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** 64 bits of SHA-256: enough to tell a change apart, short enough to ride along with a thousand results. */
function fingerprintOf(inputs: unknown): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(inputs))).slice(0, 16);
}

const tenantOf = (plan: Plan) => ({ initialDomain: plan.environment?.tenant.initialDomain ?? null, tenantId: plan.environment?.tenant.tenantId ?? null });

/** Everything a check could read: the plan without what the customer tracks (owner, creator, status, notes) and without its timestamp. */
function wholePlanInputs(plan: Plan) {
  const accounts = Object.fromEntries(
    Object.entries(plan.accounts).map(([key, entry]) => [
      key,
      { inUse: entry.inUse, name: entry.name, domain: entry.domain, accountType: entry.accountType, provisioning: entry.provisioning, keyStorage: entry.keyStorage, privilegedGroupMember: entry.privilegedGroupMember } satisfies Record<
        Exclude<keyof AccountEntry, "owner" | "createdBy" | "status" | "notes">,
        unknown
      >,
    ]),
  );
  return { tool: plan.tool, environment: plan.environment, accounts };
}

/** Ids merged by boundedReport ("kind:status:chunk") no longer name their subjects: they read the whole plan. */
const MERGED_SUBJECT = /^(pass|warn|fail|unknown):\d+$/;

type Result = Pick<CheckResult, "id" | "accountKey">;

/**
 * The plan values the check behind a result read, for one plan: what is
 * derived from the plan is computed once, so a report of a thousand
 * results costs one derivation, not a thousand.
 */
export function checkInputsOf(plan: Plan): (result: Result) => unknown {
  const tenant = tenantOf(plan);
  const entraAuth = plan.environment?.connect.entraAuth ?? null;
  let derived: Map<string, string> | undefined;
  let suffixes: string[] | undefined;
  let suffixSet: Set<string> | undefined;
  let whole: string | undefined;
  const labels = () => (derived ??= new Map(deriveAccounts(plan).map((account) => [account.key, account.label])));
  const upnSuffixes = () =>
    (suffixes ??= [...new Set((plan.environment?.forests ?? []).flatMap((forest) => forest.upnSuffixes.map((suffix) => suffix.toLowerCase())))].sort());
  // Hashed once: a merged result or an unknown check names this hash rather than hashing the whole plan again.
  const wholePlan = () => (whole ??= fingerprintOf(wholePlanInputs(plan)));
  /** The account entry as a check of that account read it: whether the plan still needs it, in use, its name, its label. */
  const account = (key: string | undefined) => {
    const entry = key === undefined ? undefined : plan.accounts[key];
    const label = key === undefined ? undefined : labels().get(key);
    return { key: key ?? null, required: label !== undefined, label: label ?? null, inUse: entry?.inUse ?? null, name: entry?.name ?? null };
  };
  /**
   * A pre-flight result judged the facts of one forest or server against the
   * plan's answers for it: that forest's domains or that server, the account
   * it is listed under, the features (their rights), and for a gMSA's hosts
   * the servers.
   */
  const preflightInputs = (kind: string, ownerId: string | undefined, key: string | undefined) => {
    const environment = plan.environment;
    const forest = environment?.forests.find((candidate) => candidate.id === ownerId);
    const server = environment?.servers.find((candidate) => candidate.id === ownerId);
    const entry = key === undefined ? undefined : plan.accounts[key];
    return {
      kind,
      tool: plan.tool,
      owner: forest ? { rootDomain: forest.rootDomain, domains: forest.domains } : server ? { name: server.name, role: server.role, domain: server.domain } : null,
      account: account(key),
      entry: entry ? { domain: entry.domain, accountType: entry.accountType, provisioning: entry.provisioning, privilegedGroupMember: entry.privilegedGroupMember } : null,
      features: hasToolAndEnvironment(plan) ? [...effectiveFeatures(plan)].sort() : [],
      seamlessSso: environment?.signIn.seamlessSso ?? null,
      deviceWritebackForestId: environment?.connect.deviceWritebackForestId ?? null,
      hosts: kind === "preflight-gmsa-retrieval" ? (environment?.servers ?? []).map((candidate) => ({ id: candidate.id, name: candidate.name, domain: candidate.domain })) : null,
    };
  };
  return (result) => {
    const colon = result.id.indexOf(":");
    const kind = colon > 0 ? result.id.slice(0, colon) : result.id;
    const subject = colon > 0 ? result.id.slice(colon + 1) : undefined;
    if (subject !== undefined && MERGED_SUBJECT.test(subject)) return { kind, plan: wholePlan() };
    if (kind.startsWith("preflight-")) return preflightInputs(kind, subject?.split(":")[0], result.accountKey);
    switch (kind) {
      case "admin-exists":
      case "admin-member":
      case "admin-enabled":
      case "admin-cloud-only":
      case "admin-role":
        return { kind, tenant, tool: plan.tool, account: account(result.accountKey) };
      case "install-day":
        return { kind, tool: plan.tool, account: account(result.accountKey) };
      case "tenant-initial-domain":
        return { kind, tenant };
      // Its advice differs by tool (staging mode is Connect's).
      case "tenant-synced":
        return { kind, tenant, tool: plan.tool };
      case "tenant-upn-suffix":
        return { kind, tenant, present: subject !== undefined && (suffixSet ??= new Set(upnSuffixes())).has(subject) };
      case "tenant-domains":
        return { kind, tenant, suffixes: upnSuffixes() };
      case "connect-sync-accounts":
        return { kind, tenant, tool: plan.tool, entraAuth, servers: plan.environment?.servers.length ?? 0 };
      case "connect-legacy-sync-users":
      case "connect-app-identity":
        return { kind, tenant, tool: plan.tool, entraAuth };
      case "connect-app-auth-deadline":
        return { kind, tool: plan.tool, entraAuth };
      case "connect-global-admin-features":
        return { kind, tool: plan.tool, features: hasToolAndEnvironment(plan) ? [...effectiveFeatures(plan)].sort() : [] };
      default:
        // A check this table does not know (or the "report-shortened" note) is out of date as soon as anything it could have read changes.
        return { kind, plan: wholePlan() };
    }
  };
}

/** The plan values the check behind `result` read. */
export function checkInputs(result: Result, plan: Plan): unknown {
  return checkInputsOf(plan)(result);
}

/** Fingerprints for one plan; see checkInputsOf. */
export function fingerprinterOf(plan: Plan): (result: Result) => string {
  const inputs = checkInputsOf(plan);
  return (result) => fingerprintOf(inputs(result));
}

export function checkFingerprint(result: Result, plan: Plan): string {
  return fingerprinterOf(plan)(result);
}

/** The report with each result's fingerprint of the plan it was run on (the server does this when it answers). */
export function withFingerprints(report: ValidationReport, plan: Plan): ValidationReport {
  const fingerprint = fingerprinterOf(plan);
  return { ...report, results: report.results.map((result) => ({ ...result, fingerprint: fingerprint(result) })) };
}

/** A result is out of date when the plan values it read have changed since, or when it carries no fingerprint (a report from before fingerprints). */
export function isStale(result: CheckResult, plan: Plan): boolean {
  return staleTest(plan)(result);
}

/** isStale for many results of one plan. */
export function staleTest(plan: Plan): (result: CheckResult) => boolean {
  const fingerprint = fingerprinterOf(plan);
  return (result) => result.fingerprint === undefined || result.fingerprint !== fingerprint(result);
}

export function staleResults(report: ValidationReport, plan: Plan): CheckResult[] {
  return report.results.filter(staleTest(plan));
}

/** How an out-of-date result is marked wherever it is shown. */
export const STALE_MARK = "Out of date — the plan changed since this check; run the checks again";

const STALE_ID = "out-of-date";

/** True for the notes `exportableReport` puts in place of out-of-date results. */
export function isStaleNote(result: CheckResult): boolean {
  return [STALE_ID, PREFLIGHT_STALE_PREFIX].some((prefix) => result.id === prefix || result.id.startsWith(`${prefix}:`));
}

/** The checks of the plan as one report: the tenant's, with the pre-flight results the plan holds in place of the to-dos they answer. */
export function checksReport(report: ValidationReport | undefined, plan: Plan): ValidationReport | undefined {
  return withPreflight(report, withoutOrphanedRuns(plan), fingerprinterOf(plan));
}

/**
 * The report as every export shows it: results still true of the plan as
 * they are; out-of-date ones left out, with one note per account (and one
 * for the tenant) saying which checks are out of date. Recomputed from the
 * plan being exported, never taken from the report itself.
 */
export function exportableReport(given: ValidationReport | undefined, plan: Plan): ValidationReport | undefined {
  const report = checksReport(given, plan);
  if (!report) return undefined;
  const fresh: CheckResult[] = [];
  const staleByAccount = new Map<string, CheckResult[]>();
  const stale = staleTest(plan);
  for (const result of report.results) {
    // A note from an earlier pass stays as it is: applying this twice changes nothing.
    if (isStaleNote(result)) {
      fresh.push(result);
      continue;
    }
    if (!stale(result)) {
      fresh.push(result);
      continue;
    }
    // Tenant and pre-flight results are noted apart: each is brought up to date another way.
    const key = `${isPreflightResult(result) ? "p" : "t"}${result.accountKey ?? ""}`;
    staleByAccount.set(key, [...(staleByAccount.get(key) ?? []), result]);
  }
  const notes = [...staleByAccount.entries()].map(([group, results]): CheckResult => {
    const titles = results.map((result) => result.title).join("; ");
    const preflight = group.startsWith("p");
    const key = group.slice(1);
    const prefix = preflight ? PREFLIGHT_STALE_PREFIX : STALE_ID;
    return {
      id: key ? `${prefix}:${key}` : prefix,
      account: results[0]!.account,
      ...(key ? { accountKey: key } : {}),
      status: "unknown",
      title: results.length === 1 ? STALE_MARK : `${STALE_MARK} (${results.length} checks)`,
      detail: `Left out because the plan values they read have changed: ${titles}`.slice(0, 2000),
      remediation: preflight
        ? "Run the pre-flight collectors again (Export step) and load their files on the Check step, then export again."
        : "Run the checks again on the Check against your tenant step, then export again.",
    };
  });
  return { ...report, results: [...fresh, ...notes] };
}
