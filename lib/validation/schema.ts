import * as z from "zod/mini";
import { checkResultSchema, type CheckResult } from "./check-result";
import { MAX_REPORT_RESULTS } from "./bounded-report";

/** The answer of POST /api/validate, also carried into the exports. */
export const validationReportSchema = z.object({
  checkedAt: z.iso.datetime(),
  tenant: z.union([z.object({ id: z.string(), displayName: z.string() }), z.null()]),
  results: z.array(checkResultSchema).check(z.maxLength(MAX_REPORT_RESULTS)),
});

export { checkResultSchema, type CheckResult };
export type CheckStatus = CheckResult["status"];
export type ValidationReport = z.output<typeof validationReportSchema>;

/** How each status is named wherever results are shown: the Validate step, the worksheet, the workbook, the print view. */
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = { fail: "Fail", warn: "Warning", unknown: "To check", pass: "Pass" };

/** Worst first: the order results are sorted and summarised in. */
export const CHECK_STATUS_ORDER: readonly CheckStatus[] = ["fail", "warn", "unknown", "pass"];
