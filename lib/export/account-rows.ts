import { ACCOUNT_STATUS_LABELS, ACCOUNT_TYPE_LABELS, CREATOR_LABELS, FEATURES_BY_ID, TOOL_LABELS } from "@/lib/catalog";
import { deriveAccounts, provisioningLabel, type Plan, type RequiredAccount } from "@/lib/plan";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER, type ValidationReport } from "@/lib/validation/schema";

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
];

/** The worst status among an account's checks, or empty when it was not checked. */
export function accountValidation(account: RequiredAccount, report?: ValidationReport): string {
  const statuses = report?.results.filter((result) => result.accountKey === account.key).map((result) => result.status) ?? [];
  const worst = CHECK_STATUS_ORDER.find((status) => statuses.includes(status));
  return worst ? CHECK_STATUS_LABELS[worst] : "";
}

export function rightLabel(right: RequiredAccount["rights"][number]): string {
  return `${right.feature === "basic" ? "Always" : FEATURES_BY_ID[right.feature].label}: ${right.right} (${right.appliesTo})`;
}

export function accountRows(plan: Plan, report?: ValidationReport): AccountRow[] {
  return deriveAccounts(plan).map((account) => {
    const entry = plan.accounts[account.key];
    const used = entry?.inUse !== false;
    const cmdlets = [...new Set(account.rights.map((right) => [right.cmdlet, right.permissionType ? `-PermissionType ${right.permissionType}` : ""].filter(Boolean).join(" ")))];
    return {
      account: account.label,
      tool: account.definition.tools.length > 1 ? "Both" : TOOL_LABELS[account.definition.tools[0]!],
      purpose: account.definition.purpose,
      required: account.requirement === "required" ? "Required" : used && entry ? "Optional, used" : "Optional",
      name: !used ? "Not used" : entry?.name || account.defaultName || "",
      domain: used ? (entry?.domain ?? "") : "",
      type: entry?.accountType ? ACCOUNT_TYPE_LABELS[entry.accountType] : "",
      createdBy: [entry?.provisioning ? provisioningLabel(entry.provisioning) : CREATOR_LABELS[account.creation.by], entry?.createdBy].filter(Boolean).join(" · "),
      owner: entry?.owner ?? "",
      status: entry ? ACCOUNT_STATUS_LABELS[entry.status] : "Planned",
      rights: account.rights.map(rightLabel).join("\n"),
      cmdlet: cmdlets.join("\n"),
      validation: accountValidation(account, report),
      notes: entry?.notes ?? "",
    };
  });
}
