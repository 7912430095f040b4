import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES, CREATOR_LABELS, type AccountStatus } from "@/lib/catalog";
import { ACCOUNT_COLUMNS, accountName, KEY_HEADER } from "@/lib/export/account-rows";
import { accountEntrySchema, deriveAccounts, emptyAccountEntry, provisioningLabel, type AccountEntry, type Plan, type RequiredAccount } from "@/lib/plan";
import { ImportRefusal } from "./refusal";
import { WORKBOOK_SHEETS, type ImportedTable } from "./read-table";

/**
 * What a returned worksheet changes in the plan: the fields the customer
 * fills in (owner, who creates the account, status, notes, and names the
 * plan left blank), matched to the plan by the key column. Anything else
 * that changed the table's structure refuses the whole file, naming the row
 * or sheet, so no change lands on the wrong account.
 */

export type ImportedField = "name" | "createdBy" | "owner" | "status" | "notes";

export interface ProposedChange {
  /** Stable id of the change within one import, for the preview's checkboxes. */
  id: string;
  key: string;
  account: string;
  field: ImportedField;
  /** The field's name as the worksheet's column shows it. */
  fieldLabel: string;
  /** Values as shown (a status by its label). */
  from: string;
  to: string;
  /** The value written to the plan. */
  value: string;
}

const header = (key: (typeof ACCOUNT_COLUMNS)[number]["key"]) => ACCOUNT_COLUMNS.find((column) => column.key === key)!.header;
const FIELD_COLUMNS: Record<ImportedField, string> = {
  name: header("name"),
  createdBy: header("createdBy"),
  owner: header("owner"),
  status: header("status"),
  notes: header("notes"),
};
const NEEDED_HEADERS = [KEY_HEADER, header("account"), ...Object.values(FIELD_COLUMNS)];
const MAX_PROBLEMS = 20;

/** The name is the customer's to fill in only when the plan has none and no installer or wizard names the account. */
function nameIsOpen(account: RequiredAccount, entry: AccountEntry | undefined): boolean {
  if (account.definition.informational || entry?.inUse === false) return false;
  if (account.definition.provisioningChoice && entry?.provisioning === "wizard") return false;
  return !entry?.name;
}

/** "Created by" as the export writes it: how the account is created, then who, joined by " · ". */
function creatorPrefix(account: RequiredAccount, entry: AccountEntry | undefined): string {
  return entry?.provisioning ? provisioningLabel(entry.provisioning) : CREATOR_LABELS[account.creation.by];
}

function createdByFrom(cell: string, prefix: string): string {
  const trimmed = cell.trim();
  if (trimmed === prefix || trimmed === "") return "";
  if (trimmed.startsWith(`${prefix} · `)) return trimmed.slice(prefix.length + 3).trim();
  return trimmed;
}

function statusFrom(cell: string): AccountStatus | undefined {
  const wanted = cell.trim().toLowerCase();
  return ACCOUNT_STATUSES.find((status) => ACCOUNT_STATUS_LABELS[status].toLowerCase() === wanted || status === wanted);
}

/** The sheets of an exported workbook: the fixed four, and one "Rights …" sheet per forest. */
export function sheetProblems(sheetNames: readonly string[]): string[] {
  const problems: string[] = [];
  for (const wanted of WORKBOOK_SHEETS) {
    if (!sheetNames.includes(wanted)) problems.push(`The sheet “${wanted}” is missing: was it renamed or deleted? Name it “${wanted}” again, or export the workbook again.`);
  }
  for (const name of sheetNames) {
    if (!(WORKBOOK_SHEETS as readonly string[]).includes(name) && !name.startsWith("Rights ")) {
      problems.push(`The sheet “${name}” is not one the planner wrote: sheets may not be renamed or added. Give it its exported name again, or delete it.`);
    }
  }
  return problems;
}

/** The changes a returned table proposes for the plan, or an ImportRefusal listing every structural problem. */
export function proposeChanges(plan: Plan, table: ImportedTable): ProposedChange[] {
  const missingHeaders = NEEDED_HEADERS.filter((name) => !table.headers.includes(name));
  if (missingHeaders.length > 0) {
    throw new ImportRefusal(
      `${table.source} lacks the column${missingHeaders.length === 1 ? "" : "s"} ${missingHeaders.map((name) => `“${name}”`).join(", ")}: columns may not be renamed or deleted. Export the worksheet again and fill in that copy.`,
    );
  }
  const accounts = new Map(deriveAccounts(plan).map((account) => [account.key, account]));
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const changes: ProposedChange[] = [];
  for (const row of table.rows) {
    const cell = (name: string) => row.cells.get(name) ?? "";
    const key = cell(KEY_HEADER).trim();
    const label = cell(header("account")).trim();
    const where = `Row ${row.number}${label ? ` (${label})` : ""}`;
    if (!key) {
      problems.push(`${where} has no key: rows may not be added. Delete the row, or export the worksheet again to plan another account.`);
      continue;
    }
    const account = accounts.get(key);
    if (!account) {
      problems.push(`${where}: the key “${key}” is not an account of this plan. Keys may not be edited and rows may not be added: restore the key, or import the worksheet into the plan it was exported from.`);
      continue;
    }
    if (seen.has(key)) {
      problems.push(`${where} repeats the key of row ${seen.get(key)}: rows may not be copied. Delete one of them.`);
      continue;
    }
    seen.set(key, row.number);
    if (label !== account.label) {
      problems.push(`${where}: the Account column should say “${account.label}” for this key. The kind of account cannot be changed in the worksheet: restore it, or change the plan in the planner.`);
      continue;
    }
    const entry = plan.accounts[key];
    const proposals: [ImportedField, string, string, string][] = [];
    // Names: only where the plan left one blank; elsewhere the export's value must come back as it was.
    const shownName = accountName(account, entry);
    const name = cell(FIELD_COLUMNS.name).trim();
    if (name !== shownName) {
      if (!nameIsOpen(account, entry)) {
        problems.push(`${where}: the ${FIELD_COLUMNS.name} column was changed from “${shownName}” to “${name}”, but the plan already sets it. Change it in the planner, then export again.`);
        continue;
      }
      if (name !== "") proposals.push(["name", shownName, name, name]);
    }
    const prefix = creatorPrefix(account, entry);
    const createdBy = createdByFrom(cell(FIELD_COLUMNS.createdBy), prefix);
    if (createdBy !== (entry?.createdBy ?? "")) proposals.push(["createdBy", entry?.createdBy ?? "", createdBy, createdBy]);
    const owner = cell(FIELD_COLUMNS.owner).trim();
    if (owner !== (entry?.owner ?? "")) proposals.push(["owner", entry?.owner ?? "", owner, owner]);
    const statusCell = cell(FIELD_COLUMNS.status);
    const status = statusFrom(statusCell);
    const currentStatus = entry?.status ?? "planned";
    if (!status) {
      problems.push(`${where}: the Status “${statusCell}” is not one of ${ACCOUNT_STATUSES.map((value) => ACCOUNT_STATUS_LABELS[value]).join(", ")}. Choose one from the drop-down.`);
      continue;
    }
    if (status !== currentStatus) proposals.push(["status", ACCOUNT_STATUS_LABELS[currentStatus], ACCOUNT_STATUS_LABELS[status], status]);
    // Notes keep their line breaks; spreadsheet programs write CRLF or LF.
    const notes = cell(FIELD_COLUMNS.notes).replace(/\r\n?/g, "\n");
    if (notes.trim() !== (entry?.notes ?? "").trim()) proposals.push(["notes", entry?.notes ?? "", notes, notes]);
    for (const [field, from, to, value] of proposals) {
      const check = accountEntrySchema.shape[field].safeParse(value);
      if (!check.success) {
        problems.push(`${where}: ${FIELD_COLUMNS[field]}: ${check.error.issues[0]?.message ?? "the value is not accepted."}`);
        continue;
      }
      changes.push({ id: `${key}/${field}`, key, account: account.label, field, fieldLabel: FIELD_COLUMNS[field], from, to, value });
    }
  }
  for (const [key, account] of accounts) {
    if (!seen.has(key)) {
      problems.push(`The row of “${account.label}” (key ${key}) is missing: rows may not be deleted. Restore it, or export the worksheet again; filtering rows out is fine.`);
    }
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_PROBLEMS);
    const more = problems.length - listed.length;
    throw new ImportRefusal(
      `Nothing was imported: ${table.source.replace(/^The/, "the")} was changed in ways the planner cannot match to the plan.`,
      more > 0 ? [...listed, `And ${more} more.`] : listed,
    );
  }
  return changes;
}

/** The plan with the accepted changes; an account without an entry yet gets the catalog's defaults first. */
export function applyChanges(plan: Plan, accepted: readonly ProposedChange[]): Plan {
  const accounts = { ...plan.accounts };
  const derived = new Map(deriveAccounts(plan).map((account) => [account.key, account]));
  for (const change of accepted) {
    const account = derived.get(change.key);
    if (!account) continue;
    const entry = accounts[change.key] ?? emptyAccountEntry(account);
    accounts[change.key] = { ...entry, [change.field]: change.value } as AccountEntry;
  }
  return { ...plan, accounts };
}
