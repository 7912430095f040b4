/**
 * Which plan this tab is editing lives in sessionStorage, not in the URL: the
 * wizard's addresses (/plan/tool, /plan/accounts/…) stay as they are for every
 * link, while each tab keeps its own plan across reloads and two tabs can edit
 * two customers' plans side by side. A tab with none yet (a new tab, a link
 * opened from elsewhere) opens the most recently changed plan.
 */
const OPEN_PLAN_KEY = "entra-sync-planner:open-plan";

export interface TabSession {
  get(): string | null;
  set(id: string | null): void;
}

export function browserTabSession(): TabSession {
  return {
    get: () => {
      try {
        return window.sessionStorage.getItem(OPEN_PLAN_KEY);
      } catch {
        return null;
      }
    },
    set: (id) => {
      try {
        if (id === null) window.sessionStorage.removeItem(OPEN_PLAN_KEY);
        else window.sessionStorage.setItem(OPEN_PLAN_KEY, id);
      } catch {
        // Storage switched off: the tab still works, it just opens the latest plan after a reload.
      }
    },
  };
}

export function memoryTabSession(): TabSession {
  let id: string | null = null;
  return { get: () => id, set: (value) => void (id = value) };
}

/** What a tab tells the others after it wrote: they learn early that their copy is out of date. */
export interface LibraryMessage {
  id: string;
  revision: number;
  /** Sent by a tab that deleted, restored or added plans, so start pages refresh their list. */
  listChanged?: boolean;
}

export interface TabChannel {
  post(message: LibraryMessage): void;
  listen(handler: (message: LibraryMessage) => void): () => void;
}

const CHANNEL_NAME = "entra-sync-planner:library";

export function browserTabChannel(): TabChannel {
  if (typeof BroadcastChannel === "undefined") return silentTabChannel();
  const channel = new BroadcastChannel(CHANNEL_NAME);
  return {
    post: (message) => channel.postMessage(message),
    listen: (handler) => {
      const onMessage = (event: MessageEvent<LibraryMessage>) => handler(event.data);
      channel.addEventListener("message", onMessage);
      return () => channel.removeEventListener("message", onMessage);
    },
  };
}

export function silentTabChannel(): TabChannel {
  return { post: () => {}, listen: () => () => {} };
}
