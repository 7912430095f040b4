import { accountStepHref, planSteps, STEP_PATHS, type Plan, type PlanIssue } from "@/lib/plan";

/** The problems of a plan gathered under the wizard step where each is fixed. */
export interface StepIssues {
  stepId: string;
  title: string;
  href: string;
  issues: { message: string; field: string }[];
}

/**
 * Groups issue paths (`environment.forests.0.rootDomain`, `accounts.<key>.name`)
 * by step. Account keys may hold dots (a domain), so the key is matched against
 * the plan's own keys rather than split on dots.
 */
export function issuesByStep(plan: Plan, issues: readonly PlanIssue[]): StepIssues[] {
  const titles = new Map(planSteps(plan).map((step) => [step.id, step.title]));
  const keys = Object.keys(plan.accounts).sort((a, b) => b.length - a.length);
  const groups = new Map<string, StepIssues>();
  const add = (stepId: string, title: string, href: string, message: string, field: string) => {
    const group = groups.get(stepId) ?? { stepId, title, href, issues: [] };
    group.issues.push({ message, field });
    groups.set(stepId, group);
  };
  for (const issue of issues) {
    const { path, message } = issue;
    if (path.startsWith("accounts.")) {
      const rest = path.slice("accounts.".length);
      const key = keys.find((candidate) => rest === candidate || rest.startsWith(`${candidate}.`));
      if (key) {
        const stepId = `account:${key}`;
        add(stepId, titles.get(stepId) ?? `Account entry ${key}`, accountStepHref(key), message, rest.slice(key.length + 1));
        continue;
      }
    }
    if (path.startsWith("environment")) {
      add("environment", titles.get("environment") ?? "Describe the environment", STEP_PATHS.environment, message, path.slice("environment.".length));
    } else if (path.startsWith("tool") || path.startsWith("decision")) {
      add("tool", titles.get("tool") ?? "Choose the sync tool", STEP_PATHS.tool, message, path);
    } else {
      add("review", "Check your answers", STEP_PATHS.review, message, path);
    }
  }
  return [...groups.values()];
}
