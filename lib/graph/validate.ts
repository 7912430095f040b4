import "server-only";
import type { ValidationReport } from "@/lib/validation/schema";
import { runBatches, type GraphOutcome } from "./batch";
import { firstWave, interpret, secondWave, tenantOf, type PlanReady } from "./checks";
import { createGraphClient } from "./client";

export interface ValidateOptions {
  baseUrl: string;
  accessToken: string;
  timeoutMs: number;
  /** Longest Retry-After waited for on an outer 429/503/504, and in total on 429s inside batches. */
  maxRetryWaitSeconds?: number;
  /** Delay before retrying a 503/504 without Retry-After. */
  retryDelaySeconds?: number;
}

export interface ValidationRun {
  report: ValidationReport;
  /** Sequential waits on Graph, for the benchmark. */
  roundTrips: number;
}

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
 * Checks a plan against the tenant in at most two waves of JSON batches: the
 * independent requests first, then those that need ids from the first answers.
 */
export async function validatePlan(plan: PlanReady, options: ValidateOptions): Promise<ValidationRun> {
  const client = createGraphClient({
    baseUrl: options.baseUrl,
    accessToken: options.accessToken,
    maxRetryWaitSeconds: options.maxRetryWaitSeconds ?? 5,
    retryDelaySeconds: options.retryDelaySeconds ?? 1,
  });
  const batchOptions = { timeoutMs: options.timeoutMs, maxItemRetryWaitSeconds: options.maxRetryWaitSeconds ?? 5 };
  const first = await runBatches(client, firstWave(plan), batchOptions);
  if (allUnauthenticated(first.outcomes)) throw new GraphUnauthenticatedError();
  const secondRequests = secondWave(plan, first.outcomes);
  const second = secondRequests.length > 0 ? await runBatches(client, secondRequests, batchOptions) : { outcomes: new Map<string, GraphOutcome>(), roundTrips: 0 };
  const outcomes = new Map([...first.outcomes, ...second.outcomes]);
  return {
    report: { checkedAt: new Date().toISOString(), tenant: tenantOf(outcomes), results: interpret(plan, outcomes) },
    roundTrips: first.roundTrips + second.roundTrips,
  };
}
