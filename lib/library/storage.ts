import { createStore, del, entries, get, set, update, clear, type UseStore } from "idb-keyval";
import { LIBRARY_DB_NAME, LIBRARY_STORE_NAME, NAME_KEY_PREFIX, RECORD_KEY_PREFIX, TRASH_KEY_PREFIX } from "./names";
import { newPlanId, type PlanRecord } from "./records";

/** The IndexedDB database and object store the library lives in (through idb-keyval). */
export { LIBRARY_DB_NAME, LIBRARY_STORE_NAME } from "./names";

export type WriteResult = { ok: true; revision: number } | { ok: false; theirs: unknown };

export interface TrashEntry {
  deletedAt: string;
  record: unknown;
  name?: string;
}

/** Everything stored, as read in one pass: records, names and deleted plans, all by id. */
export interface LibraryContents {
  records: Map<string, unknown>;
  names: Map<string, string>;
  trash: Map<string, TrashEntry>;
}

/**
 * The library's storage. Writes that must not overwrite another tab's work go
 * through idb-keyval's `update`, which reads and writes in one IndexedDB
 * transaction: the revision check and the write cannot be split by another tab.
 */
export class LibraryStorage {
  constructor(readonly store: UseStore = createStore(LIBRARY_DB_NAME, LIBRARY_STORE_NAME)) {}

  async contents(): Promise<LibraryContents> {
    const all = await entries<IDBValidKey, unknown>(this.store);
    const contents: LibraryContents = { records: new Map(), names: new Map(), trash: new Map() };
    for (const [key, value] of all) {
      if (typeof key !== "string") continue;
      if (key.startsWith(RECORD_KEY_PREFIX)) contents.records.set(key.slice(RECORD_KEY_PREFIX.length), value);
      else if (key.startsWith(NAME_KEY_PREFIX) && typeof value === "string") contents.names.set(key.slice(NAME_KEY_PREFIX.length), value);
      else if (key.startsWith(TRASH_KEY_PREFIX)) contents.trash.set(key.slice(TRASH_KEY_PREFIX.length), value as TrashEntry);
    }
    return contents;
  }

  read(id: string): Promise<unknown> {
    return get(RECORD_KEY_PREFIX + id, this.store);
  }

  /**
   * Writes the record if the stored one is still at `baseRevision` (0: none
   * stored yet); otherwise leaves the stored one and returns it.
   */
  async write(record: PlanRecord, baseRevision: number): Promise<WriteResult> {
    let outcome: WriteResult = { ok: false, theirs: undefined };
    await update<unknown>(
      RECORD_KEY_PREFIX + record.id,
      (stored) => {
        const storedRevision = revisionOf(stored);
        if (storedRevision !== baseRevision) {
          outcome = { ok: false, theirs: stored };
          return stored;
        }
        outcome = { ok: true, revision: baseRevision + 1 };
        return { ...record, revision: baseRevision + 1 };
      },
      this.store,
    );
    return outcome;
  }

  setName(id: string, name: string): Promise<void> {
    return name.trim() === "" ? del(NAME_KEY_PREFIX + id, this.store) : set(NAME_KEY_PREFIX + id, name.trim(), this.store);
  }

  /** Moves a plan to the trash: written to the trash first, so a failure in between leaves two copies, never none. */
  async moveToTrash(id: string, now: Date): Promise<boolean> {
    const [record, name] = await Promise.all([get(RECORD_KEY_PREFIX + id, this.store), get<string>(NAME_KEY_PREFIX + id, this.store)]);
    if (record === undefined) return false;
    const entry: TrashEntry = { deletedAt: now.toISOString(), record, ...(name ? { name } : {}) };
    await set(TRASH_KEY_PREFIX + id, entry, this.store);
    await del(RECORD_KEY_PREFIX + id, this.store);
    await del(NAME_KEY_PREFIX + id, this.store);
    return true;
  }

  /**
   * Puts a deleted plan back, under its old id, with a new revision so no tab
   * holding it overwrites it unasked. When another tab has stored a plan under
   * that id since (its "keep mine" re-created it), the deleted version comes
   * back as a copy under a new id instead. The trash entry goes only once the
   * plan is written again. Returns where it went, or undefined when nothing was restored.
   */
  async restoreFromTrash(id: string): Promise<{ id: string; asCopy: boolean } | undefined> {
    const entry = await get<TrashEntry>(TRASH_KEY_PREFIX + id, this.store);
    if (!entry) return undefined;
    const restoreAt = async (targetId: string): Promise<boolean> => {
      let wrote = false;
      await update<unknown>(
        RECORD_KEY_PREFIX + targetId,
        (stored) => {
          if (stored !== undefined) return stored;
          wrote = true;
          const revised = withRevision(entry.record, revisionOf(entry.record) + 1);
          return targetId === id ? revised : withId(revised, targetId);
        },
        this.store,
      );
      return wrote;
    };
    let restored: { id: string; asCopy: boolean } | undefined;
    if (await restoreAt(id)) restored = { id, asCopy: false };
    else {
      const copyId = newPlanId();
      if (await restoreAt(copyId)) restored = { id: copyId, asCopy: true };
    }
    if (!restored) return undefined;
    if (entry.name) await set(NAME_KEY_PREFIX + restored.id, restored.asCopy ? `${entry.name} (restored copy)` : entry.name, this.store);
    await del(TRASH_KEY_PREFIX + id, this.store);
    return restored;
  }

  async removeAll(): Promise<void> {
    await clear(this.store);
  }
}

export function revisionOf(stored: unknown): number {
  return typeof stored === "object" && stored !== null && typeof (stored as { revision?: unknown }).revision === "number"
    ? (stored as { revision: number }).revision
    : 0;
}

function withRevision(stored: unknown, revision: number): unknown {
  return typeof stored === "object" && stored !== null ? { ...stored, revision } : stored;
}

function withId(stored: unknown, id: string): unknown {
  return typeof stored === "object" && stored !== null ? { ...stored, id } : stored;
}
