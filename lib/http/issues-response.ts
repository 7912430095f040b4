import "server-only";
import type { PlanIssue } from "@/lib/plan";
import { PLAN_LIMITS } from "@/lib/plan/limits";
import { jsonError } from "./json-body";

/** Every 4xx answer is at most twice the request plus this: no request can make the server send much more than it sent. */
export const ANSWER_ALLOWANCE_BYTES = 16_384;
/** Room kept for the answer's envelope (error code, count, message). */
const ENVELOPE_BYTES = 512;

export function answerBudget(requestBytes: number): number {
  return 2 * requestBytes + ANSWER_ALLOWANCE_BYTES;
}

/**
 * A 400 with the first issues (at most 100, and no more than fit the answer
 * budget) and the number of the rest. The first ones are the ones to fix
 * first; the rest often follow from them.
 */
export function issuesResponse(error: "invalid_plan" | "invalid_results" | "invalid_unsaved_steps", issues: readonly PlanIssue[], requestBytes: number): Response {
  const budget = answerBudget(requestBytes) - ENVELOPE_BYTES;
  const listed: PlanIssue[] = [];
  let size = 0;
  for (const issue of issues) {
    if (listed.length === PLAN_LIMITS.issuesListed) break;
    const issueBytes = Buffer.byteLength(JSON.stringify(issue)) + 1;
    if (size + issueBytes > budget) break;
    listed.push(issue);
    size += issueBytes;
  }
  const unlisted = issues.length - listed.length;
  return jsonError(400, {
    error,
    issues: listed,
    ...(unlisted > 0 ? { unlistedIssues: unlisted, message: `${unlisted} more issue${unlisted === 1 ? " is" : "s are"} not listed: fix these first, then send the plan again.` } : {}),
  });
}
