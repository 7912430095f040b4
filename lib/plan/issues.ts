import type { core } from "zod/mini";

/** A problem found in a plan, as the user and API clients see it. */
export interface PlanIssue {
  /** Dotted path to the field, like `environment.forests.0.rootDomain`; empty for the whole file. */
  path: string;
  message: string;
}

export function toPlanIssues(error: core.$ZodError): PlanIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}
