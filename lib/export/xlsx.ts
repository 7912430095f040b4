import ExcelJS from "exceljs";
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES, type Citation, type Disagreement } from "@/lib/catalog";
import { deriveAccounts, type Forest, type Plan, type RequiredAccount } from "@/lib/plan";
import { exportableReport } from "@/lib/validation/fingerprint";
import { CHECK_STATUS_LABELS, type ValidationReport } from "@/lib/validation/schema";
import { ACCOUNT_COLUMNS, accountRows } from "./account-rows";
import { attentionRows } from "./attention";
import { neutraliseCell } from "./cell-safety";
import { citationView } from "./citations";
import { accountDisagreements, accountStatements, featureLabel, grantedBy, planFactGroups } from "./facts";
import { spreadsheetDate } from "@/lib/format/date";
import { planSummary, type SummaryRow } from "./summary";
import { unsavedNotices, type ExportOptions } from "./unsaved";

/**
 * The consultant's workbook: Summary (with what needs attention), Accounts
 * (one row per account, with a Status drop-down), a Rights sheet per forest,
 * the Facts behind every account with their sources, and the tenant Checks.
 * Every cell from the plan is written as text, neutralised against formulas.
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

/**
 * Excel's built-in formats 14 and 22 show a date, and a date with its time,
 * in the reader's own regional format. exceljs knows them by these strings
 * (its table's spelling of 22) and writes their built-in ids.
 */
export const DATE_FORMAT = "mm-dd-yy";
export const DATE_TIME_FORMAT = 'm/d/yy "h":mm';

/** Turns the summary's dated rows (row `first` onwards, value in column 2) into real dates in the reader's format. */
function writeDates(sheet: ExcelJS.Worksheet, first: number, rows: readonly SummaryRow[]) {
  rows.forEach((row, index) => {
    const date = row.date && spreadsheetDate(row.date.iso, row.date.withTime);
    if (!row.date || !date) return;
    const cell = sheet.getRow(first + index).getCell(2);
    cell.value = date;
    cell.numFmt = row.date.withTime ? DATE_TIME_FORMAT : DATE_FORMAT;
    cell.alignment = { vertical: "top", horizontal: "left" };
  });
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], and unique in the workbook regardless of case. */
export function sheetName(name: string, taken: ReadonlySet<string> = new Set()): string {
  // XML-safe, no characters Excel refuses, no leading or trailing apostrophe (Excel refuses those too).
  const clean = xmlSafe(name).replace(/[:\\/?*[\]]/g, "-").replace(/^'+|'+$/g, "") || "Sheet";
  for (let copy = 1; ; copy += 1) {
    const suffix = copy === 1 ? "" : ` (${copy})`;
    const candidate = clean.slice(0, 31 - suffix.length) + suffix;
    if (![...taken].some((existing) => existing.toLowerCase() === candidate.toLowerCase())) return candidate;
  }
}

/** The accounts whose rights are granted in a forest: that forest's own, and those not tied to one forest. */
function accountsOfForest(accounts: readonly RequiredAccount[], forest: Forest): RequiredAccount[] {
  return accounts.filter((account) => (account.forest ? account.forest.id === forest.id : account.definition.directory === "activeDirectory"));
}

const SOURCE_COLUMNS = [
  { header: "Source", width: 60 },
  { header: "Link", width: 50 },
] as const;

function sourceCells(cite: Citation): string[] {
  const view = citationView(cite);
  return [view.text, view.url];
}

export async function planToWorkbook(plan: Plan, given?: ValidationReport, options?: ExportOptions): Promise<Uint8Array> {
  // Out-of-date results are left out with a note, judged from this plan (lib/validation/fingerprint.ts).
  const report = exportableReport(given, plan);
  const workbook = new ExcelJS.Workbook();
  const environment = plan.environment;
  const organisation = environment?.organisation.name || "Unnamed organisation";
  workbook.title = xmlSafe(`Account plan: ${organisation}`);
  workbook.subject = "Accounts for Microsoft Entra Cloud Sync or Connect Sync";
  workbook.creator = xmlSafe(environment?.organisation.preparer || "Entra sync account planner");
  workbook.created = new Date(plan.updatedAt);
  workbook.modified = new Date(plan.updatedAt);

  const summary = planSummary(plan, report);
  const notices = unsavedNotices(options).map((notice) => ["Unsaved edit", notice]);
  const attention = attentionRows(plan).map((item) => ["Needs attention", `${item.message} (${item.where})`]);
  const summarySheet = tableSheet(
    workbook,
    "Summary",
    [{ header: "Field", width: 34 }, { header: "Value", width: 90 }],
    [...notices, ...summary.map((row) => [row.label, row.value]), ...attention],
  );
  // Below the header row and any unsaved-edit notices.
  writeDates(summarySheet, 2 + notices.length, summary);

  const rows = accountRows(plan, report);
  const accounts = tableSheet(workbook, "Accounts", ACCOUNT_COLUMNS, rows.map((row) => ACCOUNT_COLUMNS.map((column) => row[column.key])));
  // The key column matches rows on import whatever order the customer sorts them into; hidden so nobody edits it by accident.
  accounts.getColumn(ACCOUNT_COLUMNS.findIndex((column) => column.key === "key") + 1).hidden = true;
  const statusColumn = ACCOUNT_COLUMNS.findIndex((column) => column.key === "status") + 1;
  const statusList = `"${ACCOUNT_STATUSES.map((status) => ACCOUNT_STATUS_LABELS[status]).join(",")}"`;
  const statusLetter = accounts.getColumn(statusColumn).letter;
  // One rule for the whole column of accounts, so the file holds a single drop-down definition.
  (accounts as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(
    `${statusLetter}2:${statusLetter}${Math.max(rows.length + 1, 2)}`,
    { type: "list", allowBlank: false, formulae: [statusList], showErrorMessage: true, errorTitle: "Status", error: "Choose Planned, Created or Verified." },
  );

  const derived = deriveAccounts(plan);
  for (const forest of environment?.forests ?? []) {
    const rights = accountsOfForest(derived, forest).flatMap((account) =>
      account.rights.map((right) => [
        account.label,
        featureLabel(right.feature),
        right.right + (right.note ? ` (${right.note})` : ""),
        right.appliesTo,
        grantedBy(right),
        ...sourceCells(right.cite),
      ]),
    );
    tableSheet(
      workbook,
      sheetName(`Rights ${forest.rootDomain}`, new Set(workbook.worksheets.map((sheet) => sheet.name))),
      [
        { header: "Account", width: 40 },
        { header: "Feature", width: 28 },
        { header: "Right", width: 50 },
        { header: "Applies to", width: 50 },
        { header: "Granted by", width: 44 },
        ...SOURCE_COLUMNS,
      ],
      rights,
    );
  }

  const disagreementRows = (about: string, disagreements: readonly Disagreement[]) =>
    disagreements.flatMap((disagreement) =>
      disagreement.readings.map((reading) => [about, `Microsoft's pages disagree: ${disagreement.topic}`, reading.says, ...sourceCells(reading.cite)]),
    );
  const facts = [
    ...planFactGroups(plan).flatMap((group) => [
      ...group.statements.map((statement) => [group.topic, "Plan", statement.text, ...sourceCells(statement.cite)]),
      ...disagreementRows(group.topic, group.disagreements),
    ]),
    ...derived.flatMap((account) => [
      ...accountStatements(account).map((statement) => [account.label, statement.kind, statement.text, ...sourceCells(statement.cite)]),
      ...disagreementRows(account.label, accountDisagreements(account)),
    ]),
  ];
  tableSheet(
    workbook,
    "Facts",
    [{ header: "About", width: 40 }, { header: "Kind", width: 30 }, { header: "Statement", width: 80 }, ...SOURCE_COLUMNS],
    facts,
  );

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
