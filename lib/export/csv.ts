import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { ACCOUNT_COLUMNS, accountRows } from "./account-rows";
import { neutraliseCell } from "./cell-safety";
import { unsavedNotices, type ExportOptions } from "./unsaved";

/** RFC 4180: quote every field, double the quotes inside, CRLF between records. */
function field(value: string): string {
  return `"${neutraliseCell(value).replaceAll('"', '""')}"`;
}

/**
 * The Accounts sheet as CSV, UTF-8 with a byte order mark so Excel reads accents correctly.
 * An unsaved edit is told in a row of its own above the header: spreadsheet apps have no
 * comment syntax, and a one-cell row is what Excel, LibreOffice and Sheets all show as written.
 */
export function planToCsv(plan: Plan, report?: ValidationReport, options?: ExportOptions): string {
  const header = ACCOUNT_COLUMNS.map((column) => field(column.header)).join(",");
  const rows = accountRows(plan, report).map((row) => ACCOUNT_COLUMNS.map((column) => field(row[column.key])).join(","));
  const notices = unsavedNotices(options).map(field);
  return `\uFEFF${[...notices, header, ...rows].join("\r\n")}\r\n`;
}
