import { accountsWithSteps, type RequiredAccount } from "./derive";
import type { Plan } from "./schema";

export interface PlanStep {
  id: string;
  href: string;
  title: string;
  /** The account an account step collects. */
  account?: RequiredAccount;
  done: boolean;
}

export const STEP_PATHS = {
  tool: "/plan/tool",
  environment: "/plan/environment",
  review: "/plan/review",
  validate: "/plan/validate",
  export: "/plan/export",
} as const;

export function accountStepHref(key: string): string {
  return `/plan/accounts/${encodeURIComponent(key)}`;
}

/** The wizard's steps for this plan, in order: the account steps follow from the plan. */
export function planSteps(plan: Plan, validatedAt?: string): PlanStep[] {
  const accounts = accountsWithSteps(plan);
  const accountsDone = accounts.every((account) => plan.accounts[account.key] !== undefined);
  return [
    { id: "tool", href: STEP_PATHS.tool, title: "Choose the sync tool", done: plan.tool !== null },
    { id: "environment", href: STEP_PATHS.environment, title: "Describe the environment", done: plan.environment !== null },
    ...accounts.map((account) => ({
      id: `account:${account.key}`,
      href: accountStepHref(account.key),
      title: account.label,
      account,
      done: plan.accounts[account.key] !== undefined,
    })),
    {
      id: "review",
      href: STEP_PATHS.review,
      title: "Check your answers",
      done: plan.tool !== null && plan.environment !== null && accountsDone,
    },
    {
      id: "validate",
      href: STEP_PATHS.validate,
      title: "Check against your tenant",
      // Done while the checks are newer than the plan's last change.
      done: validatedAt !== undefined && validatedAt >= plan.updatedAt,
    },
    { id: "export", href: STEP_PATHS.export, title: "Export the plan", done: false },
  ];
}

/** The steps still to fill in before the plan is complete. */
export function missingSteps(plan: Plan): PlanStep[] {
  return planSteps(plan).filter((step) => !step.done && !["review", "validate", "export"].includes(step.id));
}

/** A step whose form holds an edit the plan does not (it was not valid, or awaits confirmation). */
export interface UnsavedStep {
  stepId: string;
  title: string;
}

/**
 * The steps with raw values kept beside the plan: what the form shows there is
 * not what the plan (and every export) holds. Steps the plan no longer has are left out.
 */
export function unsavedSteps(plan: Plan, stepValues: Readonly<Record<string, unknown>>): UnsavedStep[] {
  return planSteps(plan)
    .filter((step) => stepValues[step.id] !== undefined && stepValues[step.id] !== null)
    .map((step) => ({ stepId: step.id, title: step.title }));
}
