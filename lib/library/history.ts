import { HISTORY_LIMIT, type HistoryEntry, type PlanRecord } from "./records";

/** Keeps the record's plan as it is now, before a destructive change, under the change's label. */
export function withCheckpoint(record: PlanRecord, label: string, now: Date): PlanRecord {
  if (!record.plan) return record;
  const entry: HistoryEntry = { label, at: now.toISOString(), plan: record.plan, stepValues: record.stepValues };
  return { ...record, history: [...record.history, entry].slice(-HISTORY_LIMIT) };
}

/** Keeps a version that is about to be replaced (by an undo, or a conflict choice) in `replaced`. */
export function withReplaced(record: PlanRecord, label: string, now: Date): PlanRecord {
  if (!record.plan) return record;
  const entry: HistoryEntry = { label, at: now.toISOString(), plan: record.plan, stepValues: record.stepValues };
  return { ...record, replaced: [...record.replaced, entry].slice(-HISTORY_LIMIT) };
}

/**
 * Restores the plan as it was before the last checkpoint. The version it
 * replaces is kept in `replaced`, so what was typed after the checkpoint is
 * not lost by undoing. Undefined when there is nothing to undo.
 */
export function undoLast(record: PlanRecord, now: Date): { record: PlanRecord; label: string } | undefined {
  const last = record.history[record.history.length - 1];
  if (!last) return undefined;
  const kept = withReplaced(record, `Before undoing “${last.label}”`, now);
  return {
    label: last.label,
    record: { ...kept, plan: last.plan, stepValues: last.stepValues, history: record.history.slice(0, -1) },
  };
}

/**
 * The versions of `lists` in time order, each once, leaving out those already in
 * `alreadyKept` (the two tabs share the history from before they diverged).
 */
export function mergeKept(alreadyKept: readonly HistoryEntry[], ...lists: (readonly HistoryEntry[])[]): HistoryEntry[] {
  const keyOf = (entry: HistoryEntry) => JSON.stringify([entry.at, entry.label, entry.plan, entry.stepValues]);
  const seen = new Set(alreadyKept.map(keyOf));
  const merged: HistoryEntry[] = [];
  for (const entry of lists.flat()) {
    const key = keyOf(entry);
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(entry);
  }
  // ISO timestamps sort as strings; the sort is stable, so equal times keep their order.
  return merged.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0)).slice(-HISTORY_LIMIT);
}
