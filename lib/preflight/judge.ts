import { deriveAccounts, type PlanWithTool, type PreflightRun } from "@/lib/plan";
import { PLAN_LIMITS } from "@/lib/plan/limits";
import { fingerprinterOf } from "@/lib/validation/fingerprint";
import { CHECK_STATUS_ORDER, type CheckResult } from "@/lib/validation/schema";
import type { PreflightFacts } from "./facts-schema";
import { toResult, type RuleContext } from "./rules/context";
import { judgeForest } from "./rules/forest";
import { judgeServer } from "./rules/server";

/**
 * Judges one pre-flight file against the plan, in the browser: pure, no
 * server code. Each result is tied to a plan account, cites the catalog
 * statement it applies, says when and where its facts were collected, and
 * carries the fingerprint of the plan values it judged (so it goes out of
 * date like a tenant check).
 */
export function judgePreflight(plan: PlanWithTool, facts: PreflightFacts, ownerId: string): PreflightRun {
  const collectedAt = new Date(facts.collectedAt).toISOString();
  const context: RuleContext = {
    plan,
    accounts: deriveAccounts(plan),
    ownerId,
    collected: `(Pre-flight facts collected ${collectedAt} on ${facts.ranBy.computer} by ${facts.ranBy.userName}.)`,
    unreadable: new Map(facts.unreadable.flatMap((entry) => (entry.about ? [[entry.about, `${entry.fact}: ${entry.message}`] as const] : []))),
  };
  const findings = facts.scope === "forest" ? judgeForest(context, facts) : judgeServer(context, facts);
  const fingerprint = fingerprinterOf(plan);
  let results: CheckResult[] = findings.map((finding) => toResult(context, finding));
  if (results.length > PLAN_LIMITS.preflightResultsPerRun) {
    // Worst first, so what needs action is what is kept.
    results = [...results].sort((a, b) => CHECK_STATUS_ORDER.indexOf(a.status) - CHECK_STATUS_ORDER.indexOf(b.status)).slice(0, PLAN_LIMITS.preflightResultsPerRun);
  }
  return {
    scope: facts.scope,
    ownerId,
    name: facts.scope === "forest" ? facts.forest.plannedName : facts.server.plannedName,
    collectedAt,
    results: results.map((result) => ({ ...result, fingerprint: fingerprint(result) })),
  };
}
