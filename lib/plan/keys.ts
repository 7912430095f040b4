import { ACCOUNT_IDS, type AccountId } from "@/lib/catalog";

/**
 * An account entry's key in the plan: the catalog id, plus what it belongs to
 * for accounts that come once per forest, server or server domain
 * (`connectAdDsConnector@forest-2`, `cloudSyncGmsa@domain-corp_contoso_com`).
 * Keys contain no dots, so they can name form fields and URL segments as they are.
 */
export const OWNER_ID_PATTERN = /^(forest|server)-[1-9][0-9]{0,3}$/;

/** A domain as an owner id: lower case, dots written as underscores (DNS names have no underscores here). */
const DOMAIN_OWNER_PATTERN = "domain-[a-z0-9_-]{1,253}";

export const ACCOUNT_KEY_PATTERN = new RegExp(`^(${ACCOUNT_IDS.join("|")})(@((forest|server)-[1-9][0-9]{0,3}|${DOMAIN_OWNER_PATTERN}))?$`);

export function accountKey(accountId: AccountId, ownerId?: string): string {
  return ownerId ? `${accountId}@${ownerId}` : accountId;
}

/** The owner id of an Active Directory domain, for accounts that come once per domain. */
export function domainOwnerId(domain: string): string {
  return `domain-${domain.toLowerCase().replaceAll(".", "_")}`;
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
