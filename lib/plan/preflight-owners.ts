import type { Plan, PreflightRun } from "./schema";

/** Whether the forest or server a pre-flight file was collected on is still in the plan: only then are its results judged, shown and exported. */
export function isCurrentRun(plan: Plan, run: PreflightRun): boolean {
  const environment = plan.environment;
  if (!environment) return false;
  return run.scope === "forest" ? environment.forests.some((forest) => forest.id === run.ownerId) : environment.servers.some((server) => server.id === run.ownerId);
}

/** The plan's pre-flight files whose forest or server it still holds. */
export function currentRuns(plan: Plan): PreflightRun[] {
  return plan.preflight.filter((run) => isCurrentRun(plan, run));
}

/**
 * The plan without the pre-flight files of forests and servers it no longer
 * holds. Their facts describe nothing in the plan, and a forest id can be given
 * again to a new forest, whose checks they would then pose as.
 */
export function withoutOrphanedRuns(plan: Plan): Plan {
  const kept = currentRuns(plan);
  return kept.length === plan.preflight.length ? plan : { ...plan, preflight: kept };
}
