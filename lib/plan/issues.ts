import type { core } from "zod/mini";

/** A problem found in a plan, as the user and API clients see it. */
export interface PlanIssue {
  /** Dotted path to the field, like `environment.forests.0.rootDomain`; empty for the whole file. */
  path: string;
  message: string;
}

type Path = PropertyKey[];

/** Zod's generic "Invalid input" says nothing useful: say what is expected instead, never listing every allowed value. */
function plainMessage(issue: core.$ZodIssue): string {
  if (!issue.message.startsWith("Invalid input")) return issue.message;
  switch (issue.code) {
    case "invalid_value":
      return "This is not one of the values the planner offers: choose it again in the planner.";
    case "invalid_type":
      return `This field holds ${issue.expected === "array" ? "a list" : issue.expected === "object" ? "a group of fields" : `a ${issue.expected}`}: export the plan again from the planner.`;
    default:
      return "This value is not what the planner writes here: export the plan again from the planner.";
  }
}

/** A branch that only says "not null" or "not the empty value" explains nothing when another branch has the real problem. */
function isAlternativeOnly(issues: readonly core.$ZodIssue[]): boolean {
  return issues.every((issue) => issue.path.length === 0 && (issue.code === "invalid_type" || issue.code === "invalid_value"));
}

function flatten(issue: core.$ZodIssue, prefix: Path): { path: Path; message: string }[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === "invalid_union") {
    const informative = issue.errors.filter((branch) => !isAlternativeOnly(branch));
    if (informative.length === 1) return informative[0]!.flatMap((inner) => flatten(inner, path));
  }
  return [{ path, message: plainMessage(issue) }];
}

export function toPlanIssues(error: core.$ZodError): PlanIssue[] {
  return error.issues.flatMap((issue) => flatten(issue, [])).map(({ path, message }) => ({ path: path.map(String).join("."), message }));
}
