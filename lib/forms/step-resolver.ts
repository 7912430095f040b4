import { toNestErrors } from "@hookform/resolvers";
import type { FieldError, FieldValues, Resolver } from "react-hook-form";
import { planSchema, type Plan } from "@/lib/plan";

export interface StepIssue {
  /** The form field the issue belongs to, in react-hook-form's dotted form. */
  name: string;
  message: string;
}

export interface StepValidation<TValues> {
  /** The plan with this step's values in it. */
  merge: (values: TValues) => Plan;
  /** Where this step's values sit in the plan, like ["environment"] or ["accounts", key]. */
  owns: readonly (string | number)[];
  /** Maps a path below `owns` to the form field that shows it (a list edited in one textarea, say). */
  fieldFor?: (path: readonly (string | number)[]) => string;
  /** Checks that only completing this step needs (a choice the plan may leave open in a draft). */
  stepChecks?: (values: TValues) => StepIssue[];
}

function startsWith(path: readonly PropertyKey[], prefix: readonly (string | number)[]): boolean {
  return prefix.every((segment, index) => String(path[index]) === String(segment));
}

/**
 * Validates a step by putting its values into the whole plan and parsing that
 * with the plan schema, the same one the server uses. Issues elsewhere in the
 * plan belong to other steps and are left out here.
 */
export function validateStep<TValues>(values: TValues, validation: StepValidation<TValues>): StepIssue[] {
  const issues: StepIssue[] = [...(validation.stepChecks?.(values) ?? [])];
  const result = planSchema.safeParse(validation.merge(values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (!startsWith(issue.path, validation.owns)) continue;
      const rest = issue.path.slice(validation.owns.length).map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
      const name = validation.fieldFor ? validation.fieldFor(rest) : rest.join(".");
      issues.push({ name: name || "root", message: issue.message });
    }
  }
  const seen = new Set<string>();
  return issues.filter((issue) => (seen.has(issue.name) ? false : (seen.add(issue.name), true)));
}

export function stepResolver<TValues extends FieldValues>(validation: StepValidation<TValues>): Resolver<TValues> {
  return async (values, _context, options) => {
    const issues = validateStep(values, validation);
    if (issues.length === 0) return { values, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of issues) flat[issue.name] = { type: "plan", message: issue.message };
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
