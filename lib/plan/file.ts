import { toPlanIssues, type PlanIssue } from "./issues";
import { migratePlan } from "./migrations";
import { planSchema } from "./plan-schema";
import { PLAN_KIND, PLAN_SCHEMA_VERSION, planShape, type Plan } from "./schema";

/** What an older plan's migration changed, to tell the user when it opens. */
export interface PlanUpgrade {
  fromVersion: number;
  changes: string[];
}

export type PlanFileResult = { ok: true; plan: Plan; upgrade?: PlanUpgrade } | { ok: false; issues: PlanIssue[] };

/** Largest plan file accepted; a real plan is a few kilobytes. */
export const PLAN_FILE_MAX_BYTES = 1_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a plan from parsed JSON, with the file-level problems named before the
 * field-level ones: not a plan at all, a plan from a newer version, then the
 * schema's own issues. A plan of an earlier version is migrated first (stored
 * drafts, imported files and API bodies all come through here).
 */
export function readPlan(value: unknown): PlanFileResult {
  return readWith(value, planSchema);
}

/**
 * Reads a plan that fits the plan's shape, even if it breaks the rules that
 * span several fields: how a stored draft is read, so an edit that leaves the
 * plan inconsistent is shown as needing attention, never discarded.
 */
export function readPlanShape(value: unknown): PlanFileResult {
  return readWith(value, planShape);
}

function readWith(value: unknown, schema: typeof planShape): PlanFileResult {
  if (!isRecord(value) || value.kind !== PLAN_KIND) {
    return {
      ok: false,
      issues: [{ path: "", message: `This is not an account plan: a plan file has "kind": "${PLAN_KIND}". Choose a file exported by this planner.` }],
    };
  }
  if (typeof value.schemaVersion === "number" && value.schemaVersion > PLAN_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: "schemaVersion",
          message: `This plan was saved by a newer version of the planner (schema version ${value.schemaVersion}); this version reads up to version ${PLAN_SCHEMA_VERSION}. Open it with the newer planner.`,
        },
      ],
    };
  }
  let candidate: Record<string, unknown> = value;
  let upgrade: PlanUpgrade | undefined;
  if (typeof value.schemaVersion === "number" && Number.isInteger(value.schemaVersion) && value.schemaVersion < PLAN_SCHEMA_VERSION) {
    const migrated = migratePlan(value, PLAN_SCHEMA_VERSION);
    if (!migrated) {
      return {
        ok: false,
        issues: [{ path: "schemaVersion", message: `Schema version ${value.schemaVersion} was never written by this planner: choose a plan file it exported.` }],
      };
    }
    candidate = migrated.plan;
    upgrade = { fromVersion: migrated.fromVersion, changes: migrated.changes };
  }
  const result = schema.safeParse(candidate);
  if (!result.success) return { ok: false, issues: toPlanIssues(result.error) };
  return upgrade ? { ok: true, plan: result.data, upgrade } : { ok: true, plan: result.data };
}

/** A file's JSON, or the one issue that says why it cannot be read: too large, or not JSON. */
export function parseJsonFile(text: string, maxBytes: number, tooLarge: string): { ok: true; value: unknown } | { ok: false; issues: PlanIssue[] } {
  if (text.length > maxBytes) return { ok: false, issues: [{ path: "", message: tooLarge }] };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { ok: false, issues: [{ path: "", message: `The file is not valid JSON${detail}. Choose the .json file the planner exported.` }] };
  }
}

/** Reads a plan from the text of a file. */
export function readPlanFile(text: string): PlanFileResult {
  const parsed = parseJsonFile(text, PLAN_FILE_MAX_BYTES, "The file is larger than 1 MB, far larger than any plan: choose the plan's JSON file.");
  return parsed.ok ? readPlan(parsed.value) : parsed;
}
