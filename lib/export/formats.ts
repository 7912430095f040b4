import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { exportFileName } from "./filename";
import type { ExportOptions } from "./unsaved";

/**
 * Every export format, each a pure function of the plan (and the latest
 * checks), shared by the Export step and /api/export. Renderers are loaded
 * when a file is asked for, so the wizard's pages never carry the
 * spreadsheet or zip libraries.
 */
export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string | Uint8Array;
}

type Render = (plan: Plan, report?: ValidationReport, options?: ExportOptions) => Promise<string | Uint8Array>;

export const EXPORT_FORMATS = {
  json: { extension: "json", contentType: "application/json; charset=utf-8", label: "Plan file (JSON)", render: (async (plan) => (await import("./json")).planToJson(plan)) as Render },
  md: { extension: "md", contentType: "text/markdown; charset=utf-8", label: "Worksheet (Markdown)", render: (async (plan, report, options) => (await import("./markdown")).planToMarkdown(plan, report, options)) as Render },
  xlsx: {
    extension: "xlsx",
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    label: "Workbook (Excel)",
    render: (async (plan, report, options) => (await import("./xlsx")).planToWorkbook(plan, report, options)) as Render,
  },
  runbook: {
    extension: "runbook.md",
    contentType: "text/markdown; charset=utf-8",
    label: "Install-day runbook (Markdown)",
    render: (async (plan, _report, options) => (await import("./runbook")).planToRunbook(plan, options)) as Render,
  },
  csv: { extension: "csv", contentType: "text/csv; charset=utf-8", label: "Accounts (CSV)", render: (async (plan, report, options) => (await import("./csv")).planToCsv(plan, report, options)) as Render },
  // Bytes, not text: a UTF-8 byte order mark, then ASCII, whichever way the file leaves (API, download, zip).
  ps1: { extension: "ps1", contentType: "text/plain; charset=utf-8", label: "Install-day script (PowerShell)", render: (async (plan) => (await import("./powershell")).planToPowerShellFile(plan)) as Render },
  preflight: {
    extension: "preflight.zip",
    contentType: "application/zip",
    label: "Pre-flight collectors (zip)",
    render: (async (plan) => (await import("@/lib/preflight/zip")).planToPreflightZip(plan)) as Render,
  },
  zip: { extension: "zip", contentType: "application/zip", label: "Everything (zip)", render: (async (plan, report, options) => (await import("./zip")).planToZip(plan, report, options)) as Render },
} as const;

export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_IDS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

/** `options.unsavedSteps` puts "Unsaved edit on step …" at the top of the worksheet, workbook, CSV and zip. */
export async function renderExport(plan: Plan, format: ExportFormat, report?: ValidationReport, options?: ExportOptions): Promise<ExportFile> {
  const spec = EXPORT_FORMATS[format];
  return { fileName: exportFileName(plan, spec.extension), contentType: spec.contentType, body: await spec.render(plan, report, options) };
}
