import * as z from "zod/mini";
import { safeCharacters, type UnsavedStep } from "@/lib/plan";

/** What an export says besides the plan: the steps whose form holds an edit the plan does not. */
export interface ExportOptions {
  unsavedSteps?: readonly UnsavedStep[];
}

/** The optional `unsavedSteps` of an export request: what the browser's draft holds beside the plan. */
export const unsavedStepsSchema = z
  .array(
    z.object({
      stepId: z.string().check(z.maxLength(300, "Step ids are at most 300 characters."), safeCharacters("identifier")),
      title: z.string().check(z.maxLength(300, "Step titles are at most 300 characters."), safeCharacters("text")),
    }),
  )
  .check(z.maxLength(300, "List at most 300 unsaved steps."));

/** How each notice starts: the worksheet import recognises the CSV's notice rows by it. */
export const UNSAVED_NOTICE_START = "Unsaved edit on step ";

/** One line per unsaved step, for the top of every export. */
export function unsavedNotices(options: ExportOptions | undefined): string[] {
  return (options?.unsavedSteps ?? []).map((step) => `${UNSAVED_NOTICE_START}${step.title}; this export shows the last valid value.`);
}
