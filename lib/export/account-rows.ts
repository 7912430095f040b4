import { ACCOUNT_STATUS_LABELS, ACCOUNT_TYPE_LABELS, CATALOG_FACTS_AS_OF, CREATOR_LABELS, TOOL_LABELS, type Citation } from "@/lib/catalog";
import { deriveAccounts, provisioningLabel, type AccountEntry, type Plan, type RequiredAccount } from "@/lib/plan";
import { exportableReport, isStaleNote } from "@/lib/validation/fingerprint";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER, type ValidationReport } from "@/lib/validation/schema";
import { citationView } from "./citations";
import { accountStatements, grantedBy, rightLabel } from "./facts";

/** One row per account of the plan: the Accounts sheet, the CSV and the print view read the same rows. */
export interface AccountRow {
  account: string;
  tool: string;
  purpose: string;
  required: string;
  name: string;
  domain: string;
  type: string;
  createdBy: string;
  owner: string;
  status: string;
  rights: string;
  cmdlet: string;
  validation: string;
  notes: string;
  sources: string;
  factsAsOf: string;
  /** The account entry's key: an import matches rows by it, whatever order the customer sorted them into. */
  key: string;
}

export const ACCOUNT_COLUMNS: readonly { key: keyof AccountRow; header: string; width: number }[] = [
  { key: "account", header: "Account", width: 38 },
  { key: "tool", header: "Tool", width: 24 },
  { key: "purpose", header: "Purpose", width: 50 },
  { key: "required", header: "Required", width: 11 },
  { key: "name", header: "Name / UPN", width: 36 },
  { key: "domain", header: "Domain", width: 22 },
  { key: "type", header: "Type", width: 28 },
  { key: "createdBy", header: "Created by", width: 32 },
  { key: "owner", header: "Owner", width: 20 },
  { key: "status", header: "Status", width: 12 },
  { key: "rights", header: "Rights", width: 60 },
  { key: "cmdlet", header: "Cmdlet", width: 44 },
  { key: "validation", header: "Validation", width: 16 },
  { key: "notes", header: "Notes", width: 40 },
  { key: "sources", header: "Sources", width: 80 },
  { key: "factsAsOf", header: "Facts as of", width: 12 },
  { key: "key", header: "Key", width: 30 },
];

/** The header of the key column; the workbook hides it, and an import refuses a file whose keys were edited. */
export const KEY_HEADER = "Key";

/** The worst status among an account's checks, "Out of date" when the plan changed under some of them, or empty when it was not checked. */
export function accountValidation(account: RequiredAccount, report?: ValidationReport): string {
  const results = report?.results.filter((result) => result.accountKey === account.key) ?? [];
  if (results.some(isStaleNote)) return "Out of date";
  const statuses = results.map((result) => result.status);
  const worst = CHECK_STATUS_ORDER.find((status) => statuses.includes(status));
  return worst ? CHECK_STATUS_LABELS[worst] : "";
}

/**
 * The account's name as install day will see it: the planned name, or the
 * one Microsoft's installer or wizard generates. An account the wizard
 * creates ("Create new account") gets the generated name even if an older
 * plan held one, because the wizard does not use it.
 */
export function accountName(account: RequiredAccount, entry: AccountEntry | undefined): string {
  if (entry?.inUse === false) return "Not used";
  if (account.definition.provisioningChoice && entry?.provisioning === "wizard") return account.defaultName ?? "";
  return entry?.name || account.defaultName || "";
}

/** The pages an account's statements and rights come from, one line each, with the address to check them. */
export function accountSources(account: RequiredAccount): string[] {
  const cites: Citation[] = [...accountStatements(account).map((statement) => statement.cite), ...account.rights.map((right) => right.cite)];
  for (const disagreement of account.disagreements) cites.push(...disagreement.readings.map((reading) => reading.cite));
  const lines = cites.map((cite) => {
    const view = citationView(cite);
    return view.url ? `${view.text}: ${view.url}` : view.text;
  });
  return [...new Set(lines)];
}

export function accountRows(plan: Plan, given?: ValidationReport): AccountRow[] {
  const report = exportableReport(given, plan);
  return deriveAccounts(plan).map((account) => {
    const entry = plan.accounts[account.key];
    const used = entry?.inUse !== false;
    return {
      account: account.label,
      tool: account.definition.tools.length > 1 ? "Both" : TOOL_LABELS[account.definition.tools[0]!],
      purpose: account.definition.purpose.text,
      required: account.requirement === "required" ? "Required" : used && entry ? "Optional, used" : "Optional",
      name: accountName(account, entry),
      domain: used ? (entry?.domain ?? account.domain ?? "") : "",
      type: entry?.accountType ? ACCOUNT_TYPE_LABELS[entry.accountType] : "",
      createdBy: [entry?.provisioning ? provisioningLabel(entry.provisioning) : CREATOR_LABELS[account.creation.by], entry?.createdBy].filter(Boolean).join(" · "),
      owner: entry?.owner ?? "",
      status: entry ? ACCOUNT_STATUS_LABELS[entry.status] : "Planned",
      rights: account.rights.map(rightLabel).join("\n"),
      cmdlet: [...new Set(account.rights.map(grantedBy))].join("\n"),
      validation: accountValidation(account, report),
      notes: entry?.notes ?? "",
      sources: accountSources(account).join("\n"),
      factsAsOf: CATALOG_FACTS_AS_OF,
      key: account.key,
    };
  });
}
