import "server-only";
import { withFingerprints } from "@/lib/validation/fingerprint";
import type { ValidationReport } from "@/lib/validation/schema";
import { runBatches, type GraphOutcome } from "./batch";
import { interpret } from "./checks";
import { createGraphClient } from "./client";
import { planRequests } from "./requests";
import { tenantOf } from "./rules/tenant";
import { decodeSnapshot } from "./snapshot";
import type { PlanWithTool } from "@/lib/plan";

export interface ValidateOptions {
  /** GRAPH_BASE_URL: requests, and next pages, go to this origin only. */
  baseUrl: string;
  accessToken: string;
  timeoutMs: number;
  /** Longest Retry-After waited for on an outer 429/503/504, and in total on 429s inside batches. */
  maxRetryWaitSeconds?: number;
  /** Delay before retrying a 503/504 without Retry-After. */
  retryDelaySeconds?: number;
  /** Pages read per list at most; a longer list makes its checks unknown. */
  maxPages?: number;
  /** After this long no further page is asked for. */
  pagingBudgetMs?: number;
}

export interface ValidationRun {
  report: ValidationReport;
  /** Sequential waits on Graph, for the benchmark and the tests. */
  roundTrips: number;
}

/** No admin's role-assignable groups or role holders run to 20 pages of 100 in a real tenant. */
export const DEFAULT_MAX_PAGES = 20;
export const DEFAULT_PAGING_BUDGET_MS = 15_000;

/** Graph refused the token itself: the caller must sign in again. */
export class GraphUnauthenticatedError extends Error {
  constructor() {
    super("Microsoft Graph refused the access token.");
  }
}

function allUnauthenticated(outcomes: Map<string, GraphOutcome>): boolean {
  return outcomes.size > 0 && [...outcomes.values()].every((outcome) => !outcome.ok && outcome.kind === "unauthenticated");
}

/**
 * Checks a plan against the tenant: every question in one wave of JSON
 * batches (one round trip), further waves only for next pages and throttled
 * items; the answers are decoded once into a snapshot the rules read.
 */
export async function validatePlan(plan: PlanWithTool, options: ValidateOptions): Promise<ValidationRun> {
  const client = createGraphClient({
    baseUrl: options.baseUrl,
    accessToken: options.accessToken,
    maxRetryWaitSeconds: options.maxRetryWaitSeconds ?? 5,
    retryDelaySeconds: options.retryDelaySeconds ?? 1,
  });
  const requests = planRequests(plan);
  const run = await runBatches(client, requests, {
    baseUrl: options.baseUrl,
    timeoutMs: options.timeoutMs,
    maxItemRetryWaitSeconds: options.maxRetryWaitSeconds ?? 5,
    maxPages: options.maxPages ?? DEFAULT_MAX_PAGES,
    pagingBudgetMs: options.pagingBudgetMs ?? DEFAULT_PAGING_BUDGET_MS,
  });
  if (allUnauthenticated(run.outcomes)) throw new GraphUnauthenticatedError();
  const snapshot = decodeSnapshot(requests, run.outcomes);
  return {
    // Each result records the plan values it read, so a later edit marks it out of date (never a note or an owner).
    report: withFingerprints({ checkedAt: new Date().toISOString(), tenant: tenantOf(snapshot), results: interpret(plan, snapshot) }, plan),
    roundTrips: run.roundTrips,
  };
}
