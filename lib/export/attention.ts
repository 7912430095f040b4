import { deriveAccounts, planAttention, type Plan } from "@/lib/plan";

/** A "needs attention" item with the place in the plan that answers it, in words. */
export interface AttentionRow {
  message: string;
  where: string;
}

const ACCOUNT_STEP = "account:";

/** The plan's non-blocking gaps (names not known yet, fewer servers than recommended), as every export lists them. */
export function attentionRows(plan: Plan): AttentionRow[] {
  const labels = new Map(deriveAccounts(plan).map((account) => [account.key, account.label]));
  return planAttention(plan).map((item) => ({
    message: item.message,
    where: item.stepId.startsWith(ACCOUNT_STEP) ? (labels.get(item.stepId.slice(ACCOUNT_STEP.length)) ?? "An account step") : "The environment step",
  }));
}
