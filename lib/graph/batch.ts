import "server-only";
import type { Client } from "@microsoft/microsoft-graph-client";
import { retryAfterSeconds } from "./client";

/** A GET for a JSON $batch: url relative to the version, like "/users/x@y?$select=id". */
export interface GraphGet {
  id: string;
  url: string;
}

export type GraphFailureKind = "unauthenticated" | "forbidden" | "not_found" | "throttled" | "timeout" | "malformed" | "unavailable" | "unreachable" | "error";

export type GraphOutcome =
  | { ok: true; status: number; body: unknown }
  | { ok: false; status?: number; kind: GraphFailureKind; code?: string; message: string };

export interface BatchRunOptions {
  timeoutMs: number;
  /** Total time the run may spend waiting out 429s inside batches. */
  maxItemRetryWaitSeconds: number;
}

export interface BatchRun {
  outcomes: Map<string, GraphOutcome>;
  /** Sequential waits on Graph (parallel batches in one wave count once). */
  roundTrips: number;
}

/** The largest batch Graph accepts. */
export const MAX_BATCH_SIZE = 20;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function failureKind(status: number | undefined): GraphFailureKind {
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 429) return "throttled";
  if (status === 503 || status === 504 || status === 502) return "unavailable";
  return "error";
}

function errorDetails(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: typeof error?.code === "string" ? error.code : undefined, message: typeof error?.message === "string" ? error.message : undefined };
}

/** Turns whatever the SDK threw into an outcome; GraphError is recognised by its shape. */
export function outcomeOfError(error: unknown): GraphOutcome {
  const candidate = error as { statusCode?: unknown; code?: unknown; message?: unknown; name?: unknown };
  const code = typeof candidate?.code === "string" ? candidate.code : undefined;
  const message = typeof candidate?.message === "string" ? candidate.message : "Graph did not answer.";
  if (code === "TimeoutError" || code === "AbortError" || candidate?.name === "TimeoutError" || candidate?.name === "AbortError") {
    return { ok: false, kind: "timeout", code, message: "Graph did not answer in time." };
  }
  // The SDK wraps a JSON parse failure as a GraphError whose code is the error's name.
  if (error instanceof SyntaxError || candidate?.name === "SyntaxError" || code === "SyntaxError") {
    return { ok: false, kind: "malformed", message: "Graph answered with malformed JSON." };
  }
  const status = typeof candidate?.statusCode === "number" && candidate.statusCode > 0 ? candidate.statusCode : undefined;
  // No HTTP status at all: the connection failed (refused, reset, dropped).
  if (status === undefined) return { ok: false, kind: "unreachable", code, message: "Graph could not be reached." };
  return { ok: false, status, kind: failureKind(status), code, message };
}

function outcomeOfItem(item: { status?: unknown; body?: unknown }): GraphOutcome {
  const status = typeof item.status === "number" ? item.status : 0;
  if (status >= 200 && status < 300) {
    return typeof item.body === "object" && item.body !== null
      ? { ok: true, status, body: item.body }
      : { ok: false, status, kind: "malformed", message: "Graph answered with malformed data." };
  }
  const details = errorDetails(item.body);
  return { ok: false, status, kind: failureKind(status), code: details.code, message: details.message ?? `Graph answered ${status}.` };
}

async function sendBatch(client: Client, requests: GraphGet[], timeoutMs: number): Promise<Map<string, { outcome: GraphOutcome; retryAfter?: number }>> {
  const results = new Map<string, { outcome: GraphOutcome; retryAfter?: number }>();
  try {
    const body = await client
      .api("/$batch")
      .option("signal", AbortSignal.timeout(timeoutMs))
      .post({ requests: requests.map((request) => ({ id: request.id, method: "GET", url: request.url, headers: { "Accept-Language": "en-US" } })) });
    const responses = (body as { responses?: unknown })?.responses;
    if (!Array.isArray(responses)) throw new SyntaxError("No responses in the batch answer.");
    for (const item of responses as { id?: unknown; status?: unknown; headers?: Record<string, string>; body?: unknown }[]) {
      const id = String(item.id);
      if (!requests.some((request) => request.id === id)) continue;
      const retryHeader = item.headers ? (Object.entries(item.headers).find(([name]) => name.toLowerCase() === "retry-after")?.[1] ?? null) : null;
      results.set(id, { outcome: outcomeOfItem(item), retryAfter: retryAfterSeconds(retryHeader) });
    }
  } catch (error) {
    const outcome = outcomeOfError(error);
    for (const request of requests) results.set(request.id, { outcome });
  }
  for (const request of requests) {
    if (!results.has(request.id)) results.set(request.id, { outcome: { ok: false, kind: "malformed", message: "Graph's batch answer left this request out." } });
  }
  return results;
}

/**
 * Runs GETs as JSON $batch requests: up to 20 per batch, batches in parallel,
 * and items throttled inside a batch retried after their Retry-After while
 * the wait budget lasts.
 */
export async function runBatches(client: Client, requests: readonly GraphGet[], options: BatchRunOptions): Promise<BatchRun> {
  const outcomes = new Map<string, GraphOutcome>();
  let pending = [...requests];
  let roundTrips = 0;
  let waitBudget = options.maxItemRetryWaitSeconds;
  while (pending.length > 0) {
    const chunks: GraphGet[][] = [];
    for (let index = 0; index < pending.length; index += MAX_BATCH_SIZE) chunks.push(pending.slice(index, index + MAX_BATCH_SIZE));
    roundTrips += 1;
    const answers = await Promise.all(chunks.map((chunk) => sendBatch(client, chunk, options.timeoutMs)));
    const throttled: { request: GraphGet; wait: number }[] = [];
    for (const [index, chunk] of chunks.entries()) {
      for (const request of chunk) {
        const answer = answers[index]!.get(request.id)!;
        if (answer.outcome.ok === false && answer.outcome.kind === "throttled" && answer.outcome.status === 429) {
          throttled.push({ request, wait: answer.retryAfter ?? 1 });
        }
        outcomes.set(request.id, answer.outcome);
      }
    }
    const wait = Math.max(0, ...throttled.map((item) => item.wait));
    if (throttled.length === 0 || wait > waitBudget) break;
    waitBudget -= wait;
    await sleep(wait * 1000);
    pending = throttled.map((item) => item.request);
  }
  return { outcomes, roundTrips };
}
