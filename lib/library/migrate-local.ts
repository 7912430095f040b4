import { migrateStepValues } from "@/lib/plan/migrations";
import { validationReportSchema } from "@/lib/validation/schema";
import { readStoredPlan } from "./read-stored";
import { newPlanId, type PlanRecord } from "./records";
import { LEGACY_DRAFT_KEY, LEGACY_UNREADABLE_KEY } from "./names";
import type { LibraryStorage } from "./storage";

export { LEGACY_DRAFT_KEY, LEGACY_UNREADABLE_KEY };

type KeyValue = Pick<Storage, "getItem" | "removeItem">;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Turns an old localStorage draft into a library record, keeping anything it cannot read as raw content. */
export function recordFromLegacyDraft(text: string, id: string, now: Date): PlanRecord | null {
  const base = { id, revision: 0, changedAt: now.toISOString(), history: [], replaced: [] };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ...base, plan: null, raw: text, stepValues: {}, started: true };
  }
  const stored = isRecord(parsed) ? parsed : {};
  const storedValues = isRecord(stored.stepValues) ? stored.stepValues : {};
  // A draft never started holds nothing the user entered.
  if (stored.started === false && Object.keys(storedValues).length === 0) return null;
  const read = readStoredPlan(stored.plan);
  const validation = validationReportSchema.safeParse(stored.validation);
  const kept = validation.success ? { validation: validation.data } : {};
  if (!read.ok) return { ...base, plan: null, raw: "plan" in stored ? stored.plan : parsed, stepValues: storedValues, started: true, ...kept };
  // Values typed into a step of an older version's form move to the new shape with the plan.
  const stepValues = read.upgrade ? migrateStepValues(storedValues, stored.plan, Object.keys(read.plan.accounts)) : storedValues;
  return { ...base, plan: read.plan, stepValues, started: true, ...kept, ...(read.upgrade ? { upgrade: read.upgrade } : {}) };
}

async function underLock(run: () => Promise<string[]>): Promise<string[]> {
  // Two tabs opening at once must not both copy the old draft: the second waits, then finds the keys gone.
  const locks = typeof navigator !== "undefined" ? navigator.locks : undefined;
  return locks ? locks.request("entra-sync-planner:migrate", run) : run();
}

/**
 * Moves the old localStorage draft (and the set-aside unreadable one) into the
 * library. Each old key is removed only once its copy has been read back from
 * IndexedDB unchanged. Returns the new plans' ids, the current draft first.
 */
export function migrateLegacyDrafts(storage: LibraryStorage, local: KeyValue, now: Date = new Date()): Promise<string[]> {
  return underLock(async () => {
    const moved: string[] = [];
    for (const key of [LEGACY_DRAFT_KEY, LEGACY_UNREADABLE_KEY]) {
      const text = local.getItem(key);
      if (text === null) continue;
      const record = recordFromLegacyDraft(text, newPlanId(), now);
      if (!record) {
        local.removeItem(key);
        continue;
      }
      const written = await storage.write(record, 0);
      if (!written.ok) continue;
      const back = await storage.read(record.id);
      if (JSON.stringify(back) === JSON.stringify({ ...record, revision: written.revision })) {
        local.removeItem(key);
        moved.push(record.id);
      }
    }
    return moved;
  });
}
