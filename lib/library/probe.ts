import { createStore, keys } from "idb-keyval";
import { LEGACY_DRAFT_KEY, LEGACY_UNREADABLE_KEY, LIBRARY_DB_NAME, LIBRARY_STORE_NAME, RECORD_KEY_PREFIX } from "./names";

/**
 * Whether this browser holds anything the library would read: a plan in
 * IndexedDB or an old localStorage draft to move into it. Reads keys only, so
 * a first visit shows the start page without loading the plan's schema or the
 * catalog; when in doubt (storage switched off, an error), it says yes.
 */
export async function libraryHasContent(): Promise<boolean> {
  try {
    if (window.localStorage.getItem(LEGACY_DRAFT_KEY) !== null || window.localStorage.getItem(LEGACY_UNREADABLE_KEY) !== null) return true;
    const stored = await keys(createStore(LIBRARY_DB_NAME, LIBRARY_STORE_NAME));
    return stored.some((key) => typeof key === "string" && key.startsWith(RECORD_KEY_PREFIX));
  } catch {
    return true;
  }
}
