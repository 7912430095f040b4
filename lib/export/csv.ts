import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { ACCOUNT_COLUMNS, accountRows } from "./account-rows";
import { neutraliseCell } from "./cell-safety";

/** RFC 4180: quote every field, double the quotes inside, CRLF between records. */
function field(value: string): string {
  return `"${neutraliseCell(value).replaceAll('"', '""')}"`;
}

/** The Accounts sheet as CSV, UTF-8 with a byte order mark so Excel reads accents correctly. */
export function planToCsv(plan: Plan, report?: ValidationReport): string {
  const header = ACCOUNT_COLUMNS.map((column) => field(column.header)).join(",");
  const rows = accountRows(plan, report).map((row) => ACCOUNT_COLUMNS.map((column) => field(row[column.key])).join(","));
  return `\uFEFF${[header, ...rows].join("\r\n")}\r\n`;
}
