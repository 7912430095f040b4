import { currentRuns, hasToolAndEnvironment, type Plan, type PreflightRun } from "@/lib/plan";
import { formatDateTime } from "@/lib/format/date";
import { PLAN_LIMITS } from "@/lib/plan/limits";
import { INSTALL_DAY_PREFIX, installDayChecks } from "@/lib/validation/install-day-todos";
import type { CheckResult, ValidationReport } from "@/lib/validation/schema";
import { answersTodo } from "./rules/context";

/** Every pre-flight result's id starts with this; the out-of-date notes that replace them in exports, with the other. */
export const PREFLIGHT_PREFIX = "preflight-";
export const PREFLIGHT_STALE_PREFIX = "out-of-date-preflight";

export const isPreflightResult = (result: Pick<CheckResult, "id">) => result.id.startsWith(PREFLIGHT_PREFIX);
export const isPreflightNote = (result: Pick<CheckResult, "id">) => result.id === PREFLIGHT_STALE_PREFIX || result.id.startsWith(`${PREFLIGHT_STALE_PREFIX}:`);

/** The results of the files whose forest or server the plan still holds. */
export function preflightResults(plan: Plan): CheckResult[] {
  return currentRuns(plan).flatMap((run) => run.results);
}

/**
 * The checks as one report: the tenant's results (when the checks have run)
 * with each on-premises to-do that a pre-flight file answered replaced by
 * its results, taken from the plan. Without tenant results the to-dos are
 * listed from the plan (stamped with `stamp`, the plan's fingerprinter).
 * Applying it twice gives the same report.
 */
export function withPreflight(report: ValidationReport | undefined, plan: Plan, stamp: (result: CheckResult) => string): ValidationReport | undefined {
  if (plan.preflight.length === 0) return report;
  const preflight = preflightResults(plan);
  // Only a rule that judges what the to-do asks replaces it; other results sit beside it.
  const answered = new Set(preflight.filter(answersTodo).map((result) => result.accountKey).filter((key): key is string => key !== undefined));
  // To-dos listed from the plan are as current as the plan: they carry its fingerprint.
  const base = report?.results ?? (hasToolAndEnvironment(plan) ? installDayChecks(plan).map((result) => ({ ...result, fingerprint: stamp(result) })) : []);
  const kept = base.filter(
    (result) => !isPreflightResult(result) && !isPreflightNote(result) && !(result.id.startsWith(INSTALL_DAY_PREFIX) && result.accountKey !== undefined && answered.has(result.accountKey)),
  );
  const latest = plan.preflight.map((run) => run.collectedAt).sort().at(-1)!;
  return { checkedAt: report?.checkedAt ?? latest, tenant: report?.tenant ?? null, results: [...kept, ...preflight] };
}

export type AddRunResult = { ok: true; plan: Plan; replaced: boolean } | { ok: false; message: string };

const ownerLabel = (run: PreflightRun) => `${run.scope} ${run.name}`;

/**
 * The plan with a file's results in place of those of an earlier collection
 * for the same forest or server, within the plan's bounds. A file collected
 * before the one the plan holds is refused: it would hide newer facts.
 */
export function withPreflightRun(plan: Plan, run: PreflightRun): AddRunResult {
  const sameOwner = (existing: PreflightRun) => existing.scope === run.scope && existing.ownerId === run.ownerId;
  const previous = plan.preflight.filter(sameOwner).sort((a, b) => Date.parse(b.collectedAt) - Date.parse(a.collectedAt))[0];
  if (previous && Date.parse(run.collectedAt) < Date.parse(previous.collectedAt)) {
    return {
      ok: false,
      message: `This file's facts were collected ${formatDateTime(run.collectedAt)}, before those the plan holds for ${ownerLabel(run)} (collected ${formatDateTime(previous.collectedAt)}), so the newer results were kept. To use this older file, remove the results of ${ownerLabel(run)} first.`,
    };
  }
  // A file of a forest or server no longer in the plan makes way: it is judged against nothing the plan holds.
  const others = currentRuns(plan).filter((existing) => !sameOwner(existing));
  if (others.length >= PLAN_LIMITS.preflightRuns) {
    return { ok: false, message: `The plan keeps at most ${PLAN_LIMITS.preflightRuns} pre-flight files, one per forest and per server, and holds ${others.length} already: remove the results of a forest or server first.` };
  }
  const total = [...others, run].reduce((sum, kept) => sum + kept.results.length, 0);
  if (total > PLAN_LIMITS.preflightResults) {
    return { ok: false, message: `The plan keeps at most ${PLAN_LIMITS.preflightResults} pre-flight results and this file would bring it to ${total}: remove the results of a forest or server first.` };
  }
  return { ok: true, plan: { ...plan, preflight: [...others, run] }, replaced: previous !== undefined };
}

export function withoutPreflightRun(plan: Plan, scope: PreflightRun["scope"], ownerId: string): Plan {
  return { ...plan, preflight: plan.preflight.filter((run) => !(run.scope === scope && run.ownerId === ownerId)) };
}

/**
 * Whether the tenant checks ran: their report holds results besides to-dos and
 * pre-flight results. A tenant result gone out of date is still one (its note
 * says to run the checks again); a pre-flight file's out-of-date note is not.
 */
export function hasTenantResults(report: ValidationReport | undefined): boolean {
  return (report?.results ?? []).some((result) => !result.id.startsWith(INSTALL_DAY_PREFIX) && !isPreflightResult(result) && !isPreflightNote(result));
}

/** One line per pre-flight file: what it was collected on, when, and its results by status. */
export function preflightRunLines(plan: Plan, formatTime: (iso: string) => string): string[] {
  const order = ["fail", "warn", "unknown", "pass"] as const;
  const labels = { fail: "fail", warn: "warning", unknown: "to check", pass: "pass" } as const;
  return currentRuns(plan).map((run) => {
    const counts = order.map((status) => [status, run.results.filter((result) => result.status === status).length] as const).filter(([, count]) => count > 0);
    return `${run.scope === "forest" ? "Forest" : "Server"} ${run.name}, facts collected ${formatTime(run.collectedAt)}: ${counts.map(([status, count]) => `${count} ${labels[status]}`).join(", ") || "no results"}`;
  });
}
