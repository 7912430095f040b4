import * as z from "zod/mini";
import { checkPlanRules } from "./rules";
import { planShape } from "./schema";

/**
 * The plan: its shape plus the rules that span several fields. The same schema
 * checks a form in the browser, a file being imported and a request on the
 * server. Shapes live in `schema.ts`, rules in `rules.ts`; this module only
 * composes them, so neither imports the other.
 */
export const planSchema = planShape.check(z.superRefine(checkPlanRules));
