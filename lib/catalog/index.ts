/**
 * The catalog: everything the planner knows about the accounts of both sync
 * tools. Data only; the wizard, the validator and the exports all read it.
 */
import { CLOUD_SYNC_ACCOUNTS } from "./accounts-cloud-sync";
import { CONNECT_ACCOUNTS } from "./accounts-connect";
import { SHARED_ACCOUNTS } from "./accounts-shared";
import type { AccountDefinition, AccountId } from "./types";

export const ACCOUNTS: readonly AccountDefinition[] = [...CLOUD_SYNC_ACCOUNTS, ...CONNECT_ACCOUNTS, ...SHARED_ACCOUNTS];

export const ACCOUNTS_BY_ID: Readonly<Record<AccountId, AccountDefinition>> = Object.fromEntries(
  ACCOUNTS.map((account) => [account.id, account]),
) as Record<AccountId, AccountDefinition>;

export * from "./condition";
export * from "./decision";
export * from "./features";
export * from "./limits";
export * from "./roles";
export * from "./sources";
export * from "./types";
export * from "./vocabulary";
export * from "./servers";
