import * as z from "zod/mini";
import type { Plan, PlanIssue, PlanUpgrade } from "@/lib/plan";
import { migrateStepValues } from "@/lib/plan/migrations";
import { parseJsonFile } from "@/lib/plan/file";
import { readStoredPlan } from "./read-stored";
import { loadRecord } from "./records";
import type { LibraryContents } from "./storage";

/** One file holding many plans: "Export all" writes it, "Import plans" reads it. */
export const LIBRARY_KIND = "entra-sync-account-plan-library";
export const LIBRARY_SCHEMA_VERSION = 1;
/** A library of the largest plans (1 MB each at most) stays far below this; a bigger file is not one of ours. */
export const LIBRARY_FILE_MAX_BYTES = 20_000_000;
export const LIBRARY_MAX_PLANS = 500;

/**
 * The library file's structure. Each plan inside is a plan file of its own
 * (see /plan.schema.json) and is read like one: older versions migrate, newer
 * ones are refused, each on its own.
 */
export const libraryFileShape = z.object({
  kind: z.literal(LIBRARY_KIND),
  schemaVersion: z.literal(LIBRARY_SCHEMA_VERSION),
  exportedAt: z.iso.datetime(),
  plans: z
    .array(
      z.object({
        name: z.optional(z.string().check(z.maxLength(200))),
        plan: z.unknown(),
        // What was typed into a step but is not yet valid, by step id: exporting all must not drop it.
        stepValues: z.optional(z.record(z.string(), z.unknown())),
      }),
    )
    .check(z.maxLength(LIBRARY_MAX_PLANS, `A library file holds at most ${LIBRARY_MAX_PLANS} plans.`)),
});

export type LibraryFile = z.output<typeof libraryFileShape>;

export function libraryFileFrom(contents: LibraryContents, now: Date): LibraryFile {
  const plans = [...contents.records].map(([id, value]) => {
    const { record } = loadRecord(value, id);
    const name = contents.names.get(id);
    // A plan this version cannot read goes out as it is stored, so exporting never drops it.
    const hasValues = Object.keys(record.stepValues).length > 0;
    return { ...(name ? { name } : {}), plan: record.plan ?? record.raw, ...(hasValues ? { stepValues: record.stepValues } : {}) };
  });
  return { kind: LIBRARY_KIND, schemaVersion: LIBRARY_SCHEMA_VERSION, exportedAt: now.toISOString(), plans };
}

export interface ImportedPlan {
  label: string;
  name?: string;
  plan: Plan;
  stepValues?: Record<string, unknown>;
  ruleIssues: PlanIssue[];
  upgrade?: PlanUpgrade;
}

export type LibraryFileResult = { ok: true; plans: ImportedPlan[]; refused: { label: string; issues: PlanIssue[] }[] } | { ok: false; issues: PlanIssue[] };

function labelOf(index: number, name: string | undefined, plan: unknown): string {
  const organisation = (plan as { environment?: { organisation?: { name?: unknown } } } | null)?.environment?.organisation?.name;
  const title = name || (typeof organisation === "string" && organisation) || "";
  return title ? `Plan ${index + 1} (“${title}”)` : `Plan ${index + 1}`;
}

/** Reads a library file's text: the file as a whole first, then each plan on its own. */
export function readLibraryFile(text: string): LibraryFileResult {
  const parsed = parseJsonFile(text, LIBRARY_FILE_MAX_BYTES, "The file is larger than 20 MB, far larger than any library of plans: choose the file “Export all plans” wrote.");
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  const shape = libraryFileShape.safeParse(value);
  if (!shape.success) {
    const kind = (value as { kind?: unknown } | null)?.kind;
    if (kind !== LIBRARY_KIND) {
      return { ok: false, issues: [{ path: "", message: `This is not a library of plans: a library file has "kind": "${LIBRARY_KIND}". Choose the file “Export all plans” wrote.` }] };
    }
    return { ok: false, issues: shape.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })) };
  }
  const plans: ImportedPlan[] = [];
  const refused: { label: string; issues: PlanIssue[] }[] = [];
  shape.data.plans.forEach((entry, index) => {
    const label = labelOf(index, entry.name, entry.plan);
    const read = readStoredPlan(entry.plan);
    if (!read.ok) refused.push({ label, issues: read.issues });
    else {
      // Values typed into an older version's steps move with the plan, as a stored record's do.
      const stepValues = entry.stepValues && read.upgrade ? migrateStepValues(entry.stepValues, entry.plan, Object.keys(read.plan.accounts)) : entry.stepValues;
      plans.push({ label, ...(entry.name ? { name: entry.name } : {}), plan: read.plan, ...(stepValues ? { stepValues } : {}), ruleIssues: read.ruleIssues, ...(read.upgrade ? { upgrade: read.upgrade } : {}) });
    }
  });
  return { ok: true, plans, refused };
}
