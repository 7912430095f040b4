import { migratePlan } from "@/lib/plan/migrations";
import { PLAN_FILE_MAX_BYTES, PLAN_KIND, PLAN_SCHEMA_VERSION, planSchema, planShape, readPlan, readPlanFile, toPlanIssues, type Plan, type PlanIssue, type PlanUpgrade } from "@/lib/plan";

/**
 * How the library reads a plan it stores or imports: like `readPlan`, but a plan
 * that has the plan's shape and only breaks the cross-field rules is kept, with
 * those rule issues, so it opens in the repair view instead of being dropped.
 */
export type StoredPlanResult =
  | { ok: true; plan: Plan; upgrade?: PlanUpgrade; ruleIssues: PlanIssue[] }
  | { ok: false; issues: PlanIssue[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function readStoredPlan(value: unknown): StoredPlanResult {
  const strict = readPlan(value);
  if (strict.ok) return { ok: true, plan: strict.plan, ruleIssues: [], ...(strict.upgrade ? { upgrade: strict.upgrade } : {}) };
  // Not a plan, or from a newer version: the strict reader's message stands.
  if (!isRecord(value) || value.kind !== PLAN_KIND || typeof value.schemaVersion !== "number" || value.schemaVersion > PLAN_SCHEMA_VERSION) {
    return strict;
  }
  let candidate: unknown = value;
  let upgrade: PlanUpgrade | undefined;
  if (value.schemaVersion < PLAN_SCHEMA_VERSION) {
    const migrated = migratePlan(value, PLAN_SCHEMA_VERSION);
    if (!migrated) return strict;
    candidate = migrated.plan;
    upgrade = { fromVersion: migrated.fromVersion, changes: migrated.changes };
  }
  const shape = planShape.safeParse(candidate);
  // Not even the shape: the strict reader's issues name every problem, rules included.
  if (!shape.success) return strict;
  const rules = planSchema.safeParse(shape.data);
  const ruleIssues = rules.success ? [] : toPlanIssues(rules.error);
  return { ok: true, plan: shape.data as Plan, ruleIssues, ...(upgrade ? { upgrade } : {}) };
}

/** The cross-field rule issues of a plan that has the plan's shape. */
export function ruleIssuesOf(plan: Plan): PlanIssue[] {
  const result = planSchema.safeParse(plan);
  return result.success ? [] : toPlanIssues(result.error);
}

/** Reads a plan file's text as the library keeps plans: a file that only breaks the rules is accepted, to be repaired. */
export function readPlanText(text: string): StoredPlanResult {
  const parsed = readPlanFile(text);
  if (parsed.ok) return { ok: true, plan: parsed.plan, ruleIssues: [], ...(parsed.upgrade ? { upgrade: parsed.upgrade } : {}) };
  let value: unknown;
  try {
    value = text.length > PLAN_FILE_MAX_BYTES ? undefined : JSON.parse(text);
  } catch {
    return parsed;
  }
  return value === undefined ? parsed : readStoredPlan(value);
}
