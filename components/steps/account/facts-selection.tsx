"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * The account's facts are rendered on the server, every right and every
 * creation rule of the catalog; the step says which of them the plan selects
 * (by their index in the catalog's lists). Until the plan is read from the
 * browser, only what holds for every plan is shown.
 */
export interface FactsSelection {
  rights: ReadonlySet<number>;
  creation: number;
  /** Rules, security notes and disagreements that apply to the plan's tool and choices. */
  constraints: ReadonlySet<number>;
  securityNotes: ReadonlySet<number>;
  disagreements: ReadonlySet<number>;
}

/** A list of the account's statements whose members hold only for some plans. */
export type ListedFacts = "constraints" | "securityNotes" | "disagreements";

const SelectionContext = createContext<FactsSelection | null>(null);

export function FactsSelectionProvider({ selection, children }: { selection: FactsSelection | null; children: ReactNode }) {
  return <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>;
}

/**
 * Shows its children when the plan selects the right (or creation rule) at
 * that index; `anyRight` when it selects any right. `listed` names a rule,
 * security note or disagreement by its index (or, without one, the whole
 * list: shown when any of it applies); `everyPlan` says it holds whatever the
 * plan, so it shows while the plan is still loading.
 */
export function ShownForPlan({
  right,
  creation,
  anyRight,
  listed,
  children,
}: {
  right?: number;
  creation?: number;
  anyRight?: boolean;
  listed?: { list: ListedFacts; index?: number; everyPlan: boolean };
  children: ReactNode;
}) {
  const selection = useContext(SelectionContext);
  if (listed) {
    if (!selection) return listed.everyPlan ? <>{children}</> : null;
    const held = selection[listed.list];
    return (listed.index === undefined ? held.size > 0 : held.has(listed.index)) ? <>{children}</> : null;
  }
  if (!selection) return null;
  if (anyRight && selection.rights.size === 0) return null;
  if (right !== undefined && !selection.rights.has(right)) return null;
  if (creation !== undefined && selection.creation !== creation) return null;
  return <>{children}</>;
}
