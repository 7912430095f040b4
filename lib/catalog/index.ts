/**
 * The catalog: everything the planner knows about the accounts of both sync
 * tools. Data only; the wizard, the validator and the exports all read it.
 */
import { CLOUD_SYNC_ACCOUNTS } from "./accounts-cloud-sync";
import { CONNECT_ACCOUNTS } from "./accounts-connect";
import { FEDERATION_ACCOUNTS } from "./accounts-federation";
import { SEAMLESS_SSO_ACCOUNTS, TENANT_ADMIN_ACCOUNTS } from "./accounts-shared";
import { ACCOUNT_IDS, type AccountDefinition, type AccountId } from "./types";

const DEFINED = [...CLOUD_SYNC_ACCOUNTS, ...CONNECT_ACCOUNTS, ...SEAMLESS_SSO_ACCOUNTS, ...FEDERATION_ACCOUNTS, ...TENANT_ADMIN_ACCOUNTS];

/** Every account, in ACCOUNT_IDS order (the order of the wizard's steps). */
export const ACCOUNTS: readonly AccountDefinition[] = ACCOUNT_IDS.map((id) => {
  const definition = DEFINED.find((account) => account.id === id);
  if (!definition) throw new Error(`The catalog has no definition for ${id}.`);
  return definition;
});

export const ACCOUNTS_BY_ID: Readonly<Record<AccountId, AccountDefinition>> = Object.fromEntries(
  ACCOUNTS.map((account) => [account.id, account]),
) as Record<AccountId, AccountDefinition>;

export * from "./ad-rights";
export * from "./app-auth";
export * from "./citations";
export * from "./condition";
export * from "./decision";
export * from "./features";
export * from "./limits";
export * from "./roles";
export * from "./select";
export * from "./servers";
export * from "./sources";
export * from "./types";
export * from "./vocabulary";
