"use client";

import { useSyncExternalStore } from "react";
import { PlanStore } from "@/lib/library/plan-store";
import { announcePlanStore } from "./loaded-store";
import { LibraryStorage } from "@/lib/library/storage";
import { browserTabChannel, browserTabSession } from "@/lib/library/tabs";
import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import type { ConflictChoice, DraftSnapshot, SaveOptions } from "@/lib/library/plan-store";

export type { Draft, DraftSnapshot, LibrarySnapshot, SaveState, UndoOffer, ConflictChoice } from "@/lib/library/plan-store";

/**
 * The plans live in this browser's IndexedDB only (lib/library): the server
 * never stores a plan. This module keeps the single-draft API the wizard was
 * written against: `useDraft()` is the plan this tab edits.
 */
let store: PlanStore | undefined;

/** The tab's store, made on first use in the browser (never during server rendering). */
export function planStore(): PlanStore {
  if (!store) {
    store = new PlanStore({
      storage: new LibraryStorage(),
      session: browserTabSession(),
      channel: browserTabChannel(),
      legacy: window.localStorage,
    });
    announcePlanStore(store);
  }
  return store;
}

const subscribe = (listener: () => void) => planStore().subscribe(listener);
const noSnapshot = () => null;

export const draftActions = {
  /** Replaces the plan and forgets the raw values of the given steps; `options.checkpoint` makes the change undoable. */
  savePlan(plan: Plan, clearSteps: readonly string[] = [], options?: SaveOptions) {
    planStore().savePlan(plan, clearSteps, options);
  },
  saveValidation(validation: ValidationReport) {
    planStore().saveValidation(validation);
  },
  /** Keeps what a step's form holds right now, valid or not. */
  saveStepValues(stepId: string, values: unknown) {
    planStore().saveStepValues(stepId, values);
  },
  /** Adds a plan (a file, an example, a new one) to the library and opens it in this tab; the current plan stays in the library. */
  replace(plan: Plan): Promise<string> {
    return planStore().createPlan(plan);
  },
  resolveConflict(choice: ConflictChoice): Promise<void> {
    return planStore().resolveConflict(choice);
  },
};

/** The plan this tab edits, or null while rendering on the server and until it is read from IndexedDB. */
export function useDraft(): DraftSnapshot | null {
  return useSyncExternalStore(subscribe, () => planStore().getDraft(), noSnapshot);
}
