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
}

const SelectionContext = createContext<FactsSelection | null>(null);

export function FactsSelectionProvider({ selection, children }: { selection: FactsSelection | null; children: ReactNode }) {
  return <SelectionContext.Provider value={selection}>{children}</SelectionContext.Provider>;
}

/** Shows its children when the plan selects the right (or creation rule) at that index; `anyRight` when it selects any right. */
export function ShownForPlan({ right, creation, anyRight, children }: { right?: number; creation?: number; anyRight?: boolean; children: ReactNode }) {
  const selection = useContext(SelectionContext);
  if (!selection) return null;
  if (anyRight && selection.rights.size === 0) return null;
  if (right !== undefined && !selection.rights.has(right)) return null;
  if (creation !== undefined && selection.creation !== creation) return null;
  return <>{children}</>;
}
