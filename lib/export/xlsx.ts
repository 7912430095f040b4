import ExcelJS from "exceljs";
import { FEATURES_BY_ID, TOOL_LABELS, ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES } from "@/lib/catalog";
import { deriveAccounts, type Plan } from "@/lib/plan";
import { CHECK_STATUS_LABELS, type ValidationReport } from "@/lib/validation/schema";
import { ACCOUNT_COLUMNS, accountRows } from "./account-rows";
import { neutraliseCell } from "./cell-safety";
import { setupRows } from "./summary";

/**
 * The consultant's workbook: Summary, Accounts (one row per account, with a
 * Status drop-down), a Rights sheet per forest and the tenant Checks. Every
 * cell from the plan is written as text, neutralised against formulas.
 */

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF1E40AF" } };
const HEADER_FONT: Partial<ExcelJS.Font> = { bold: true, color: { argb: "FFFFFFFF" } };

/**
 * Characters XML 1.0 cannot hold (C0 controls but tab and line breaks,
 * U+FFFE, U+FFFF, unpaired surrogates): one of them makes the whole
 * workbook unreadable, so each becomes U+FFFD.
 */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(value: string): string {
  return value.replace(NOT_XML, "\uFFFD");
}

function text(value: string): string {
  return neutraliseCell(xmlSafe(value));
}

function styleHeader(sheet: ExcelJS.Worksheet, columnCount: number) {
  const header = sheet.getRow(1);
  header.font = HEADER_FONT;
  header.fill = HEADER_FILL;
  header.alignment = { vertical: "middle", wrapText: true };
  sheet.views = [{ state: "frozen", ySplit: 1, xSplit: 0 }];
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columnCount } };
}

function tableSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly { header: string; width: number }[], rows: readonly string[][]) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = columns.map((column) => ({ header: column.header, width: column.width }));
  for (const row of rows) sheet.addRow(row.map(text)).alignment = { vertical: "top", wrapText: true };
  styleHeader(sheet, columns.length);
  return sheet;
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique regardless of case. */
export function sheetName(name: string, taken: Set<string> = new Set()): string {
  const base = xmlSafe(name).replace(/[:\\/?*[\]]/g, "-").replace(/^'+|'+$/g, "").slice(0, 31) || "Sheet";
  let candidate = base;
  // Two forest roots may share their first 31 characters: number the later ones.
  for (let number = 2; taken.has(candidate.toLowerCase()); number += 1) {
    const suffix = ` (${number})`;
    candidate = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

export async function planToWorkbook(plan: Plan, report?: ValidationReport): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const environment = plan.environment;
  const organisation = environment?.organisation.name || "Unnamed organisation";
  workbook.title = xmlSafe(`Account plan: ${organisation}`);
  workbook.subject = "Accounts for Microsoft Entra Cloud Sync or Connect Sync";
  workbook.creator = xmlSafe(environment?.organisation.preparer || "Entra sync account planner");
  workbook.created = new Date(plan.updatedAt);
  workbook.modified = new Date(plan.updatedAt);

  const summary: [string, string][] = [
    ["Organisation", organisation],
    ["Prepared by", environment?.organisation.preparer ?? ""],
    ["Contact", environment?.organisation.contact ?? ""],
    ["Date", plan.updatedAt.slice(0, 10)],
    ["Sync tool", plan.tool ? TOOL_LABELS[plan.tool] : "Not chosen yet"],
  ];
  summary.push(...setupRows(plan));
  if (environment) {
    summary.push(["Forests", environment.forests.map((forest) => forest.rootDomain).join(", ")]);
    summary.push(["Servers", environment.servers.map((server) => server.name).join(", ")]);
  }
  summary.push(["Validated", report ? `${report.checkedAt}${report.tenant ? ` against ${report.tenant.displayName}` : ""}` : "Not validated"]);
  tableSheet(workbook, "Summary", [{ header: "Field", width: 28 }, { header: "Value", width: 80 }], summary.map(([field, value]) => [field, value]));

  const rows = accountRows(plan, report);
  const accounts = tableSheet(workbook, "Accounts", ACCOUNT_COLUMNS, rows.map((row) => ACCOUNT_COLUMNS.map((column) => row[column.key])));
  const statusColumn = ACCOUNT_COLUMNS.findIndex((column) => column.key === "status") + 1;
  const statusList = `"${ACCOUNT_STATUSES.map((status) => ACCOUNT_STATUS_LABELS[status]).join(",")}"`;
  const statusLetter = accounts.getColumn(statusColumn).letter;
  // One rule for the whole column of accounts, so the file holds a single drop-down definition.
  (accounts as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${statusLetter}2:${statusLetter}${Math.max(rows.length + 1, 2)}`,
    { type: "list", allowBlank: false, formulae: [statusList], showErrorMessage: true, errorTitle: "Status", error: "Choose Planned, Created or Verified." },
  );

  const derived = deriveAccounts(plan);
  const sheetNames = new Set(["summary", "accounts", "checks"]);
  for (const forest of environment?.forests ?? []) {
    const rights = derived
      .filter((account) => (account.forest ? account.forest.id === forest.id : account.definition.directory === "activeDirectory"))
      .flatMap((account) =>
        account.rights.map((right) => [
          account.label,
          right.feature === "basic" ? "Always" : FEATURES_BY_ID[right.feature].label,
          right.right,
          right.appliesTo,
          [right.cmdlet, right.permissionType ? `-PermissionType ${right.permissionType}` : ""].filter(Boolean).join(" "),
        ]),
      );
    tableSheet(
      workbook,
      sheetName(`Rights ${forest.rootDomain}`, sheetNames),
      [
        { header: "Account", width: 40 },
        { header: "Feature", width: 28 },
        { header: "Right", width: 50 },
        { header: "Applies to", width: 50 },
        { header: "Granted by", width: 44 },
      ],
      rights,
    );
  }

  const labels = new Map(derived.map((account) => [account.key, account.label]));
  tableSheet(
    workbook,
    "Checks",
    [
      { header: "Status", width: 12 },
      { header: "Account", width: 36 },
      { header: "Check", width: 44 },
      { header: "Detail", width: 60 },
      { header: "What to do", width: 60 },
      { header: "Microsoft Learn", width: 50 },
    ],
    (report?.results ?? []).map((result) => [
      CHECK_STATUS_LABELS[result.status],
      result.accountKey ? (labels.get(result.accountKey) ?? result.accountKey) : "Tenant",
      result.title,
      result.detail,
      result.remediation ?? "",
      result.docUrl ?? "",
    ]),
  );

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
