import type { Plan } from "@/lib/plan";
import { proposeChanges, sheetProblems, type ProposedChange } from "./proposals";
import { IMPORT_MAX_BYTES, readCsv, readWorkbook } from "./read-table";
import { ImportRefusal } from "./refusal";

export type WorksheetFormat = "xlsx" | "csv";

export type WorksheetImport = { ok: true; format: WorksheetFormat; changes: ProposedChange[] } | { ok: false; message: string; problems: readonly string[] };

/** A zip (and so an .xlsx) starts with "PK\x03\x04"; anything else is read as CSV only when named .csv. */
export function worksheetFormat(fileName: string, bytes: Uint8Array): WorksheetFormat | undefined {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return "xlsx";
  return /\.csv$/i.test(fileName) ? "csv" : undefined;
}

/**
 * Reads a workbook or CSV the customer filled in and proposes its changes
 * to the plan; nothing is stored. Runs in the browser: the customer's file
 * never leaves the machine, and the spreadsheet library is the one the
 * workbook export already loads.
 */
export async function importWorksheet(plan: Plan, fileName: string, bytes: Uint8Array): Promise<WorksheetImport> {
  try {
    if (bytes.length > IMPORT_MAX_BYTES) {
      throw new ImportRefusal(`The file is ${bytes.length.toLocaleString("en")} bytes; an exported workbook or CSV is far smaller than ${IMPORT_MAX_BYTES.toLocaleString("en")}. Choose the file the planner exported.`);
    }
    const format = worksheetFormat(fileName, bytes);
    if (!format) throw new ImportRefusal("Choose the workbook (.xlsx) or the CSV (.csv) the planner exported.");
    if (format === "csv") return { ok: true, format, changes: proposeChanges(plan, readCsv(bytes)) };
    const workbook = await readWorkbook(bytes);
    const problems = sheetProblems(workbook.sheetNames);
    if (problems.length > 0) throw new ImportRefusal("Nothing was imported: the workbook's sheets were changed.", problems);
    return { ok: true, format, changes: proposeChanges(plan, workbook.accounts) };
  } catch (error) {
    if (error instanceof ImportRefusal) return { ok: false, message: error.message, problems: error.problems };
    throw error;
  }
}
