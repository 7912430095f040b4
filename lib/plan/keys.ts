import { ACCOUNT_IDS, type AccountId } from "@/lib/catalog";

/**
 * An account entry's key in the plan: the catalog id, plus the forest or
 * server it belongs to for per-forest and per-server accounts
 * (`connectAdDsConnector@forest-2`). Keys contain no dots, so they can name
 * form fields and URL segments as they are.
 */
export const OWNER_ID_PATTERN = /^(forest|server)-[1-9][0-9]{0,3}$/;

export const ACCOUNT_KEY_PATTERN = new RegExp(`^(${ACCOUNT_IDS.join("|")})(@(forest|server)-[1-9][0-9]{0,3})?$`);

export function accountKey(accountId: AccountId, ownerId?: string): string {
  return ownerId ? `${accountId}@${ownerId}` : accountId;
}

export function parseAccountKey(key: string): { accountId: AccountId; ownerId?: string } | undefined {
  if (!ACCOUNT_KEY_PATTERN.test(key)) return undefined;
  const [accountId, ownerId] = key.split("@") as [AccountId, string | undefined];
  return ownerId ? { accountId, ownerId } : { accountId };
}

/** The next free id of the form `forest-N` / `server-N`, never re-using one in the list. */
export function nextOwnerId(prefix: "forest" | "server", existing: readonly { id: string }[]): string {
  const used = existing.map((item) => Number(item.id.slice(prefix.length + 1))).filter(Number.isFinite);
  return `${prefix}-${Math.max(0, ...used) + 1}`;
}
