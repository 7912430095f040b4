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

/**
 * The values the user entered for an account, as label/value rows, in the
 * words of the account step. Shared by the review page and every export.
 */
export function accountValueRows(account: RequiredAccount, entry: AccountEntry | undefined): [string, string][] {
  if (account.definition.informational) return [["Name", account.defaultName ?? ""]];
  if (!entry) return [["Status", "Not filled in yet"]];
  if (!entry.inUse) return [["In use", "No: this optional account is not used"]];
  const rows: [string, string][] = [];
  const { identity, ordinaryUserOnly, provisioningChoice } = account.definition;
  const name = entry.name || account.defaultName || "";
  if (identity === "serviceAccount" && entry.accountType) rows.push(["Kind of account", ACCOUNT_TYPE_LABELS[entry.accountType]]);
  if (provisioningChoice && entry.provisioning) rows.push(["Created by", PROVISIONING_LABELS[entry.provisioning]]);
  rows.push([NAME_LABELS[identity], name]);
  if (entry.domain) rows.push(["Domain", entry.domain]);
  if (entry.keyStorage) rows.push(["Certificate private key", KEY_STORAGE_LABELS[entry.keyStorage]]);
  if (ordinaryUserOnly && !(provisioningChoice && entry.provisioning === "wizard")) {
    rows.push(["Member of Domain or Enterprise Admins", entry.privilegedGroupMember ? "Yes" : "No"]);
  }
  rows.push(["Owner or contact", entry.owner]);
  rows.push(["Person who creates it", entry.createdBy]);
  rows.push(["Status", ACCOUNT_STATUS_LABELS[entry.status]]);
  return rows;
}
