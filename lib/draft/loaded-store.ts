import { useSyncExternalStore } from "react";
import type { DraftSnapshot, LibrarySnapshot, PlanStore, UndoOffer } from "@/lib/library/plan-store";

/**
 * The tab's plan store for pages that do not always need it (the start
 * page): the store, the plan's schema and the catalog load on first use
 * (`loadPlanStore`), and these hooks read null until then. Pages that always
 * need a plan (the wizard) import lib/draft/store directly; either way there
 * is one store per tab, announced here when lib/draft/store makes it.
 */
let current: PlanStore | undefined;
const waiting = new Set<() => void>();

export function announcePlanStore(store: PlanStore) {
  current = store;
  for (const onAnnounce of [...waiting]) onAnnounce();
}

export async function loadPlanStore(): Promise<PlanStore> {
  return (await import("./store")).planStore();
}

function subscribe(listener: () => void): () => void {
  let unsubscribe = current?.subscribe(listener);
  const onAnnounce = () => {
    waiting.delete(onAnnounce);
    unsubscribe = current?.subscribe(listener);
    listener();
  };
  if (!unsubscribe) waiting.add(onAnnounce);
  return () => {
    waiting.delete(onAnnounce);
    unsubscribe?.();
  };
}

const none = () => null;

export function useLoadedDraft(): DraftSnapshot | null {
  return useSyncExternalStore(subscribe, () => current?.getDraft() ?? null, none);
}

export function useLoadedLibrary(): LibrarySnapshot | null {
  return useSyncExternalStore(subscribe, () => current?.getLibrary() ?? null, none);
}

export function useLoadedUndoOffer(): UndoOffer | null {
  return useSyncExternalStore(subscribe, () => current?.getUndoOffer() ?? null, none);
}
