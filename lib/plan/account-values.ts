import { ACCOUNT_STATUS_LABELS, ACCOUNT_TYPE_LABELS, KEY_STORAGE_LABELS, type ConnectorProvisioning, type IdentityKind } from "@/lib/catalog";
import type { RequiredAccount } from "./derive";
import type { AccountEntry } from "./schema";

const PROVISIONING_LABELS: Record<ConnectorProvisioning, string> = {
  wizard: "The wizard creates it and names it MSOL_… (\"Create new account\", with this forest's Enterprise Admin)",
  existing: "An administrator creates it first (\"Use existing account\")",
};

/** What the name field holds, by what identifies the account. */
const NAME_LABELS: Record<IdentityKind, string> = {
  upn: "User principal name",
  adUser: "Name",
  localOrDomainUser: "Name",
  gmsa: "Name",
  serviceAccount: "Name",
  sqlLogin: "Login",
  application: "Application",
  generated: "Name",
};

export function provisioningLabel(value: ConnectorProvisioning): string {
  return PROVISIONING_LABELS[value];
}

/** One value of an account entry: its label in the words of the account step, and the entry field that holds it. */
export interface AccountValueField {
  label: string;
  value: string;
  /** The account step's form field ("name", "domain", …), for links that land on it. */
  field: keyof AccountEntry;
}

/**
 * The values the user entered for an account, as label/value rows, in the
 * words of the account step. Shared by the review page and every export.
 */
export function accountValueRows(account: RequiredAccount, entry: AccountEntry | undefined): [string, string][] {
  return accountValueFields(account, entry).map((row) => [row.label, row.value]);
}

/** `accountValueRows` with the field each row comes from. */
export function accountValueFields(account: RequiredAccount, entry: AccountEntry | undefined): AccountValueField[] {
  const rows: AccountValueField[] = [];
  const add = (label: string, value: string, field: keyof AccountEntry) => rows.push({ label, value, field });
  if (account.definition.informational) {
    add("Name", account.defaultName ?? "", "name");
    return rows;
  }
  if (!entry) {
    add("Status", "Not filled in yet", "status");
    return rows;
  }
  if (!entry.inUse) {
    add("In use", "No: this optional account is not used", "inUse");
    return rows;
  }
  const { identity, ordinaryUserOnly, provisioningChoice } = account.definition;
  const name = entry.name || account.defaultName || "";
  if (identity === "serviceAccount" && entry.accountType) add("Kind of account", ACCOUNT_TYPE_LABELS[entry.accountType], "accountType");
  if (provisioningChoice && entry.provisioning) add("Created by", PROVISIONING_LABELS[entry.provisioning], "provisioning");
  add(NAME_LABELS[identity], name, "name");
  if (entry.domain) add("Domain", entry.domain, "domain");
  if (entry.keyStorage) add("Certificate private key", KEY_STORAGE_LABELS[entry.keyStorage], "keyStorage");
  if (ordinaryUserOnly && !(provisioningChoice && entry.provisioning === "wizard")) {
    add("Member of Domain or Enterprise Admins", entry.privilegedGroupMember ? "Yes" : "No", "privilegedGroupMember");
  }
  add("Owner or contact", entry.owner, "owner");
  add("Person who creates it", entry.createdBy, "createdBy");
  add("Status", ACCOUNT_STATUS_LABELS[entry.status], "status");
  return rows;
}
