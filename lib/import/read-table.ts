import { zipSync } from "fflate";
import { ImportRefusal } from "./refusal";
import { readZipSafely, ZIP_LIMITS } from "./safe-zip";
import { UNSAVED_NOTICE_START } from "@/lib/export/unsaved";

/**
 * The Accounts table of a returned workbook or CSV, as text cells by header.
 * Every cell is read as the text the customer sees: a formula as its
 * formula text (never its result), and a cell the export neutralised with a
 * leading apostrophe as the value it was.
 */

/** Largest file read: the workbook of the largest plan is about 2 MB. */
export const IMPORT_MAX_BYTES = 5_000_000;
/** Rows read at most: a plan holds far fewer accounts. */
export const IMPORT_MAX_ROWS = 2_000;

/** The sheets every exported workbook holds besides one "Rights …" sheet per forest. */
export const WORKBOOK_SHEETS = ["Summary", "Accounts", "Facts", "Checks"] as const;

export interface TableRow {
  /** The row's number as the customer sees it (the header is row 1). */
  number: number;
  cells: Map<string, string>;
}

export interface ImportedTable {
  /** Where the rows came from, for messages: "the Accounts sheet" or "the CSV". */
  source: string;
  headers: string[];
  rows: TableRow[];
}

/** Spreadsheet programs run cells starting with these; the export wrote such cells with a leading apostrophe. */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r\n]/;

/** The value the export wrote before neutralising it: a leading apostrophe is removed only where the export would have added it. */
export function unneutralise(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

function tooLarge(bytes: number): ImportRefusal {
  return new ImportRefusal(`The file is ${bytes.toLocaleString("en")} bytes; an exported workbook or CSV is far smaller than ${IMPORT_MAX_BYTES.toLocaleString("en")}. Choose the file the planner exported.`);
}

function tooManyRows(source: string): ImportRefusal {
  return new ImportRefusal(`${source} has more than ${IMPORT_MAX_ROWS.toLocaleString("en")} rows: far more than any plan's accounts. Choose the file the planner exported.`);
}

function tableOf(source: string, rows: string[][], firstRowNumber = 1): ImportedTable {
  const [header, ...body] = rows;
  if (!header) throw new ImportRefusal(`${source} is empty: choose the file the planner exported.`);
  const headers = header.map((cell) => cell.trim());
  const tableRows: TableRow[] = [];
  body.forEach((cells, index) => {
    if (cells.every((cell) => cell.trim() === "")) return;
    tableRows.push({ number: firstRowNumber + index + 1, cells: new Map(headers.map((name, column) => [name, unneutralise(cells[column] ?? "")])) });
  });
  return { source, headers, rows: tableRows };
}

function isUnsavedNotice(row: string[] | undefined): boolean {
  return row !== undefined && row.filter((cell) => cell.trim() !== "").length === 1 && (row[0] ?? "").startsWith(UNSAVED_NOTICE_START);
}

/** RFC 4180 with the byte order mark the export writes; quoted fields may hold commas, quotes and line breaks. */
export function readCsv(bytes: Uint8Array): ImportedTable {
  if (bytes.length > IMPORT_MAX_BYTES) throw tooLarge(bytes.length);
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes).replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let at = 0; at < text.length; at += 1) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[at + 1] === "\n") at += 1;
      row.push(field);
      rows.push(row);
      if (rows.length > IMPORT_MAX_ROWS + 1) throw tooManyRows("The CSV");
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  if (quoted) throw new ImportRefusal("The CSV ends inside a quoted field: it was cut short. Save it again and choose the whole file.");
  // An export made while a step held an unsaved edit says so in rows of one cell above the header.
  let notices = 0;
  while (isUnsavedNotice(rows[notices])) notices += 1;
  return tableOf("The CSV", rows.slice(notices), notices + 1);
}

type CellLike = { value: unknown; formula?: string; type: number };

/** One cell as text: formulas as their text, rich text joined, dates as ISO dates, numbers as written. */
function cellText(cell: CellLike): string {
  if (cell.formula) return `=${cell.formula}`;
  const value = cell.value;
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part: { text?: string }) => part.text ?? "").join("");
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
    if ("formula" in value && typeof value.formula === "string") return `=${value.formula}`;
  }
  return String(value);
}

export interface ImportedWorkbook {
  sheetNames: string[];
  accounts: ImportedTable;
}

/** The workbook's sheet names and its Accounts table, read only after the zip passed readZipSafely. */
export async function readWorkbook(bytes: Uint8Array): Promise<ImportedWorkbook> {
  if (bytes.length > IMPORT_MAX_BYTES) throw tooLarge(bytes.length);
  // Only the entries that passed the checks reach the spreadsheet library, repacked: it never sees the original zip.
  const files = readZipSafely(bytes, ZIP_LIMITS);
  const repacked = zipSync(Object.fromEntries([...files].map(([name, data]) => [name, [data, { level: 0 }] as const])));
  const ExcelJS = (await import("exceljs")).default;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(repacked.buffer.slice(repacked.byteOffset, repacked.byteOffset + repacked.byteLength) as ArrayBuffer);
  } catch {
    throw new ImportRefusal("The file could not be read as a workbook: choose the .xlsx file the planner exported, saved again by Excel or another spreadsheet program.");
  }
  const sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  const sheet = workbook.getWorksheet("Accounts");
  if (!sheet) return { sheetNames, accounts: { source: "The Accounts sheet", headers: [], rows: [] } };
  if (sheet.rowCount > IMPORT_MAX_ROWS + 1) throw tooManyRows("The Accounts sheet");
  const width = sheet.columnCount;
  const rows: string[][] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    const row = sheet.getRow(number);
    const cells: string[] = [];
    for (let column = 1; column <= width; column += 1) cells.push(cellText(row.getCell(column) as unknown as CellLike));
    rows.push(cells);
  }
  return { sheetNames, accounts: tableOf("The Accounts sheet", rows) };
}
