import type { Plan, PlanIssue, PlanUpgrade } from "@/lib/plan";
import { validationReportSchema, type ValidationReport } from "@/lib/validation/schema";
import { migrateStepValues } from "@/lib/plan/migrations";
import { readStoredPlan, type StoredPlanResult } from "./read-stored";

/** A version of a plan kept so a destructive change, an undo or a conflict never loses it. */
export interface HistoryEntry {
  label: string;
  at: string;
  plan: Plan;
  stepValues: Record<string, unknown>;
}

/**
 * One plan of the library as stored in IndexedDB. `revision` grows by one on
 * every write, so a tab writing from an older revision is told (a conflict)
 * instead of overwriting another tab's work.
 */
export interface PlanRecord {
  id: string;
  revision: number;
  /** When anything in the record last changed (the plan's own updatedAt is the plan's). */
  changedAt: string;
  /** Null when the stored plan fails even the plan's shape: `raw` then holds it, untouched. */
  plan: Plan | null;
  raw?: unknown;
  stepValues: Record<string, unknown>;
  started: boolean;
  validation?: ValidationReport;
  /** Undo history, oldest first: the plan as it was before each checkpointed change. */
  history: HistoryEntry[];
  /** Versions an undo or a conflict choice replaced, kept so that neither loses anything. */
  replaced: HistoryEntry[];
  /** What moving the plan from an earlier version changed, shown until the plan is next changed. */
  upgrade?: PlanUpgrade;
}

/** A record as a tab holds it: the stored record plus what reading it found. */
export interface LoadedRecord {
  record: PlanRecord;
  ruleIssues: PlanIssue[];
  /** Why the stored plan could not be read as a plan (for a raw record). */
  rawIssues?: PlanIssue[];
  upgrade?: PlanUpgrade;
}

/** Kept checkpoints per plan; a plan is a few kilobytes, so this stays well under a megabyte. */
export const HISTORY_LIMIT = 100;

export { NAME_KEY_PREFIX, RECORD_KEY_PREFIX, TRASH_KEY_PREFIX } from "./names";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  const entries: HistoryEntry[] = [];
  for (const item of value) {
    if (!isRecord(item)) continue;
    const read = readStoredPlan(item.plan);
    if (!read.ok) continue;
    entries.push({
      label: typeof item.label === "string" ? item.label : "Earlier version",
      at: typeof item.at === "string" ? item.at : "",
      plan: read.plan,
      stepValues: stepValuesFor(item.stepValues, item.plan, read),
    });
  }
  return entries;
}

/**
 * Values typed into a step of an older version's form move to the new shape
 * with the plan they belong to (as the old localStorage draft's do), only when
 * this read migrated that plan.
 */
function stepValuesFor(value: unknown, storedPlan: unknown, read: Extract<StoredPlanResult, { ok: true }>): Record<string, unknown> {
  const stepValues = isRecord(value) ? value : {};
  return read.upgrade ? migrateStepValues(stepValues, storedPlan, Object.keys(read.plan.accounts)) : stepValues;
}

function readUpgrade(value: unknown): PlanUpgrade | undefined {
  if (!isRecord(value) || typeof value.fromVersion !== "number" || !Array.isArray(value.changes)) return undefined;
  return { fromVersion: value.fromVersion, changes: value.changes.filter((change): change is string => typeof change === "string") };
}

/**
 * Reads a stored record defensively: a plan of an earlier version migrates,
 * a plan breaking the rules is kept with its issues, and one that fails even
 * the shape is kept raw. Nothing stored is dropped on reading.
 */
export function loadRecord(value: unknown, id: string): LoadedRecord {
  const stored = isRecord(value) ? value : {};
  // A raw record keeps its content in `raw`: read it again, in case this version can read it now.
  const source = stored.plan !== null && stored.plan !== undefined ? stored.plan : stored.raw;
  const read = readStoredPlan(source);
  const validation = validationReportSchema.safeParse(stored.validation);
  const record: PlanRecord = {
    id,
    revision: typeof stored.revision === "number" ? stored.revision : 0,
    changedAt: typeof stored.changedAt === "string" ? stored.changedAt : new Date(0).toISOString(),
    plan: read.ok ? read.plan : null,
    ...(read.ok ? {} : { raw: source }),
    stepValues: read.ok ? stepValuesFor(stored.stepValues, source, read) : isRecord(stored.stepValues) ? stored.stepValues : {},
    started: stored.started !== false,
    ...(validation.success ? { validation: validation.data } : {}),
    history: readHistory(stored.history),
    replaced: readHistory(stored.replaced),
  };
  const upgrade = read.ok ? (read.upgrade ?? readUpgrade(stored.upgrade)) : undefined;
  if (upgrade) record.upgrade = upgrade;
  if (read.ok) return { record, ruleIssues: read.ruleIssues, ...(upgrade ? { upgrade } : {}) };
  return { record, ruleIssues: [], rawIssues: read.issues };
}

export function newPlanId(): string {
  return globalThis.crypto.randomUUID();
}
