/**
 * Where the library keeps things, in one place: the IndexedDB database and
 * store, the key prefixes of its entries and the old localStorage draft keys.
 * Light on purpose: the start page asks whether there is anything to read
 * before it loads the plan's schema and the catalog.
 */
export const LIBRARY_DB_NAME = "entra-sync-planner";
export const LIBRARY_STORE_NAME = "plans";
export const RECORD_KEY_PREFIX = "plan:";
export const TRASH_KEY_PREFIX = "trash:";
export const NAME_KEY_PREFIX = "name:";
export const LEGACY_DRAFT_KEY = "entra-sync-planner:draft";
export const LEGACY_UNREADABLE_KEY = "entra-sync-planner:unreadable-draft";
