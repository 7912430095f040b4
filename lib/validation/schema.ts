import * as z from "zod/mini";
import { ACCOUNT_IDS } from "@/lib/catalog";
import { MAX_REPORT_RESULTS } from "./bounded-report";

/** One check's result, tied to the catalog account it concerns (null for the tenant as a whole). */
export const checkResultSchema = z.object({
  id: z.string().check(z.maxLength(200)),
  account: z.union([z.enum(ACCOUNT_IDS), z.null()]),
  /** The plan's account entry the check concerns, like "connectAdDsConnector@forest-2". */
  accountKey: z.optional(z.string().check(z.maxLength(100))),
  status: z.enum(["pass", "warn", "fail", "unknown"]),
  title: z.string().check(z.maxLength(500)),
  detail: z.string().check(z.maxLength(2000)),
  remediation: z.optional(z.string().check(z.maxLength(2000))),
  docUrl: z.optional(z.url()),
  /** Hash of the plan values the check read (lib/validation/fingerprint.ts): a result whose inputs changed since is out of date. */
  fingerprint: z.optional(z.string().check(z.regex(/^[0-9a-f]{16}$/))),
});

/** The answer of POST /api/validate, also carried into the exports. */
export const validationReportSchema = z.object({
  checkedAt: z.iso.datetime(),
  tenant: z.union([z.object({ id: z.string(), displayName: z.string() }), z.null()]),
  results: z.array(checkResultSchema).check(z.maxLength(MAX_REPORT_RESULTS)),
});

export type CheckResult = z.output<typeof checkResultSchema>;
export type CheckStatus = CheckResult["status"];
export type ValidationReport = z.output<typeof validationReportSchema>;

/** How each status is named wherever results are shown: the Validate step, the worksheet, the workbook, the print view. */
export const CHECK_STATUS_LABELS: Record<CheckStatus, string> = { fail: "Fail", warn: "Warning", unknown: "To check", pass: "Pass" };

/** Worst first: the order results are sorted and summarised in. */
export const CHECK_STATUS_ORDER: readonly CheckStatus[] = ["fail", "warn", "unknown", "pass"];
