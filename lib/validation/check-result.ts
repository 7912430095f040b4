import * as z from "zod/mini";
import { ACCOUNT_IDS } from "@/lib/catalog";

/**
 * One check's result, tied to the catalog account it concerns (null for the
 * tenant as a whole). A leaf module: the plan's schema stores pre-flight
 * results in this shape, and the plan must not import the validator.
 */
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

export type CheckResult = z.output<typeof checkResultSchema>;
