import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { exportFileName } from "./filename";
import { planToJson } from "./json";
import { planToMarkdown } from "./markdown";

/** The export formats, each a pure function of the plan, shared by the Export step and /api/export. */
export const EXPORT_FORMATS = {
  json: { extension: "json", contentType: "application/json; charset=utf-8", render: planToJson },
  md: { extension: "md", contentType: "text/markdown; charset=utf-8", render: planToMarkdown },
} as const satisfies Record<string, { extension: string; contentType: string; render: (plan: Plan, report?: ValidationReport) => string }>;

export type ExportFormat = keyof typeof EXPORT_FORMATS;

export function isExportFormat(value: string): value is ExportFormat {
  return Object.hasOwn(EXPORT_FORMATS, value);
}

export function renderExport(plan: Plan, format: ExportFormat, report?: ValidationReport): { fileName: string; contentType: string; body: string } {
  const spec = EXPORT_FORMATS[format];
  return { fileName: exportFileName(plan, spec.extension), contentType: spec.contentType, body: spec.render(plan, report) };
}
