import { accountsWithSteps, planSteps, type Plan } from "@/lib/plan";
import type { LoadedRecord } from "./records";

/** One line of the start page's list of plans. */
export interface PlanSummary {
  id: string;
  /** The name the user gave the plan in the library, if any. */
  name?: string;
  organisation: string;
  tool: Plan["tool"];
  changedAt: string;
  stepsDone: number;
  stepsTotal: number;
  accounts: { total: number; planned: number; created: number; verified: number };
  ruleIssueCount: number;
  /** The stored plan fails even the plan's shape: it opens in the repair view. */
  unreadable: boolean;
}

function progress(plan: Plan): Pick<PlanSummary, "stepsDone" | "stepsTotal" | "accounts"> {
  try {
    // "Check against your tenant" and "Export" are never "done" in the step list's sense: progress counts the steps that collect answers.
    const steps = planSteps(plan).filter((step) => step.id !== "validate" && step.id !== "export");
    const accounts = { total: 0, planned: 0, created: 0, verified: 0 };
    for (const account of accountsWithSteps(plan)) {
      accounts.total += 1;
      const entry = plan.accounts[account.key];
      if (entry) accounts[entry.status] += 1;
    }
    return { stepsDone: steps.filter((step) => step.done).length, stepsTotal: steps.length, accounts };
  } catch {
    // A plan breaking the rules may not derive its accounts: the list still shows it.
    return { stepsDone: 0, stepsTotal: 0, accounts: { total: 0, planned: 0, created: 0, verified: 0 } };
  }
}

export function summarise(loaded: LoadedRecord, name: string | undefined): PlanSummary {
  const { record } = loaded;
  const plan = record.plan;
  return {
    id: record.id,
    ...(name ? { name } : {}),
    organisation: plan?.environment?.organisation.name ?? "",
    tool: plan?.tool ?? null,
    changedAt: record.changedAt,
    ...(plan ? progress(plan) : { stepsDone: 0, stepsTotal: 0, accounts: { total: 0, planned: 0, created: 0, verified: 0 } }),
    ruleIssueCount: loaded.ruleIssues.length,
    unreadable: plan === null,
  };
}
