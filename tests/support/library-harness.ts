import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { PlanStore } from "@/lib/library/plan-store";
import { LibraryStorage } from "@/lib/library/storage";
import { memoryTabSession, type LibraryMessage, type TabChannel, type TabSession } from "@/lib/library/tabs";

let databases = 0;

/** A fresh IndexedDB database (fake-indexeddb) for one test. */
export function freshStorage(): LibraryStorage {
  databases += 1;
  return new LibraryStorage(createStore(`library-test-${databases}-${Math.random()}`, "plans"));
}

/** A BroadcastChannel stand-in shared by the "tabs" of one test; like the real one, a tab does not hear itself. */
export function channelHub() {
  const handlers = new Set<{ from: TabChannel; handler: (message: LibraryMessage) => void }>();
  return {
    tab(): TabChannel {
      const channel: TabChannel = {
        post: (message) => {
          for (const entry of handlers) if (entry.from !== channel) queueMicrotask(() => entry.handler(message));
        },
        listen: (handler) => {
          const entry = { from: channel, handler };
          handlers.add(entry);
          return () => handlers.delete(entry);
        },
      };
      return channel;
    },
  };
}

/** A Map-backed localStorage for the migration. */
export function fakeLocalStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return {
    values,
    getItem: (key: string) => values.get(key) ?? null,
    removeItem: (key: string) => void values.delete(key),
  };
}

/** A tab: a store over the given database, as a page load makes it. */
export async function openTab(
  storage: LibraryStorage,
  options: { session?: TabSession; channel?: TabChannel; legacy?: ReturnType<typeof fakeLocalStorage>; now?: () => Date } = {},
): Promise<PlanStore> {
  const store = new PlanStore({
    storage,
    session: options.session ?? memoryTabSession(),
    channel: options.channel ?? channelHub().tab(),
    ...(options.legacy ? { legacy: options.legacy } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  await store.ready();
  return store;
}
