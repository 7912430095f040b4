"use client";

import { useSyncExternalStore } from "react";
import { emptyPlan, readPlan, type Plan, type PlanUpgrade } from "@/lib/plan";
import { migrateStepValues } from "@/lib/plan/migrations";
import { validationReportSchema, type ValidationReport } from "@/lib/validation/schema";

/**
 * The draft lives in this browser's localStorage only: the server never stores
 * a plan. Besides the plan, it keeps the raw values of a step being edited, so
 * a reload in the middle of a step loses nothing, even values not yet valid.
 */
export const DRAFT_STORAGE_KEY = "entra-sync-planner:draft";
/** Where an unreadable draft is moved, so a bad write never destroys the user's work silently. */
const UNREADABLE_DRAFT_KEY = "entra-sync-planner:unreadable-draft";

export interface Draft {
  plan: Plan;
  /** Values of steps edited but not yet valid, by step id. */
  stepValues: Record<string, unknown>;
  /** True when the plan has been started (tool chosen, a file imported, ...). */
  started: boolean;
  /** The last checks against Microsoft Graph, carried into the exports. */
  validation?: ValidationReport;
}

export interface DraftSnapshot {
  draft: Draft;
  /** Set when a stored draft could not be read and was set aside. */
  recoveredFromUnreadable: boolean;
  /** Set when the stored draft was made by an earlier version of the planner: what its migration changed. */
  upgrade?: PlanUpgrade;
}

const listeners = new Set<() => void>();
let cached: { raw: string | null; snapshot: DraftSnapshot } | undefined;

function freshDraft(): Draft {
  return { plan: emptyPlan(), stepValues: {}, started: false };
}

function parseDraft(raw: string | null): DraftSnapshot {
  if (raw === null) return { draft: freshDraft(), recoveredFromUnreadable: false };
  try {
    const stored = JSON.parse(raw) as Partial<Draft>;
    const result = readPlan(stored.plan);
    if (result.ok) {
      const storedValues = typeof stored.stepValues === "object" && stored.stepValues !== null ? stored.stepValues : {};
      // Values typed into a step of an older version's form move to the new shape with the plan.
      const stepValues = result.upgrade ? migrateStepValues(storedValues, stored.plan, Object.keys(result.plan.accounts)) : storedValues;
      const validation = validationReportSchema.safeParse(stored.validation);
      return {
        draft: { plan: result.plan, stepValues, started: stored.started !== false, ...(validation.success ? { validation: validation.data } : {}) },
        recoveredFromUnreadable: false,
        ...(result.upgrade ? { upgrade: result.upgrade } : {}),
      };
    }
  } catch {
    // Falls through: an unreadable draft is set aside below.
  }
  window.localStorage.setItem(UNREADABLE_DRAFT_KEY, raw);
  return { draft: freshDraft(), recoveredFromUnreadable: true };
}

function readSnapshot(): DraftSnapshot {
  const raw = window.localStorage.getItem(DRAFT_STORAGE_KEY);
  if (!cached || cached.raw !== raw) cached = { raw, snapshot: parseDraft(raw) };
  return cached.snapshot;
}

function emit() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === DRAFT_STORAGE_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function write(draft: Draft) {
  window.localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(draft));
  emit();
}

export const draftActions = {
  /** Replaces the plan (already valid) and forgets the raw values of the given steps. */
  savePlan(plan: Plan, clearSteps: readonly string[] = []) {
    const { draft } = readSnapshot();
    const stepValues = { ...draft.stepValues };
    for (const step of clearSteps) delete stepValues[step];
    write({ ...draft, plan: { ...plan, updatedAt: new Date().toISOString() }, stepValues, started: true });
  },
  saveValidation(validation: ValidationReport) {
    const { draft } = readSnapshot();
    write({ ...draft, validation });
  },
  /** Keeps what a step's form holds right now, valid or not. */
  saveStepValues(stepId: string, values: unknown) {
    const { draft } = readSnapshot();
    write({ ...draft, stepValues: { ...draft.stepValues, [stepId]: values }, started: true });
  },
  /** Replaces the whole draft with a plan from a file or an example, as is. */
  replace(plan: Plan) {
    write({ plan, stepValues: {}, started: true });
  },
  discard() {
    window.localStorage.removeItem(DRAFT_STORAGE_KEY);
    emit();
  },
};

/** The draft, or null while rendering on the server and before hydration. */
export function useDraft(): DraftSnapshot | null {
  return useSyncExternalStore(subscribe, readSnapshot, () => null);
}
