import { toPlanIssues, type PlanIssue } from "./issues";
import { PLAN_KIND, PLAN_SCHEMA_VERSION, planSchema, type Plan } from "./schema";

export type PlanFileResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

/** Largest plan file accepted; a real plan is a few kilobytes. */
export const PLAN_FILE_MAX_BYTES = 1_000_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a plan from parsed JSON, with the file-level problems named before the
 * field-level ones: not a plan at all, a plan from a newer version, then the
 * schema's own issues.
 */
export function readPlan(value: unknown): PlanFileResult {
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
          message: `This plan was saved by a newer version of the planner (schema version ${value.schemaVersion}); this version reads version ${PLAN_SCHEMA_VERSION}. Open it with the newer planner.`,
        },
      ],
    };
  }
  const result = planSchema.safeParse(value);
  return result.success ? { ok: true, plan: result.data } : { ok: false, issues: toPlanIssues(result.error) };
}

/** Reads a plan from the text of a file. */
export function readPlanFile(text: string): PlanFileResult {
  if (text.length > PLAN_FILE_MAX_BYTES) {
    return { ok: false, issues: [{ path: "", message: "The file is larger than 1 MB, far larger than any plan: choose the plan's JSON file." }] };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof SyntaxError ? ` (${error.message})` : "";
    return { ok: false, issues: [{ path: "", message: `The file is not valid JSON${detail}. Choose the .json file the planner exported.` }] };
  }
  return readPlan(value);
}
