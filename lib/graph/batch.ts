import "server-only";
import type { Client } from "@microsoft/microsoft-graph-client";
import { retryAfterSeconds } from "./client";

/** A GET for a JSON $batch: url relative to the version, like "/users/x@y?$select=id". */
export interface GraphGet {
  id: string;
  url: string;
  /** Headers of this item only, like ConsistencyLevel for an advanced query. */
  headers?: Record<string, string>;
  /** A collection: its pages are followed through @odata.nextLink and joined into one `value`. */
  collection?: boolean;
}

export type GraphFailureKind =
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "throttled"
  | "timeout"
  | "malformed"
  | "unavailable"
  | "unreachable"
  | "rejected"
  | "error"
  /** A next page pointed somewhere the token must not go. */
  | "next_link_refused"
  /** More pages than the run may read. */
  | "too_many_pages";

export type GraphOutcome =
  | { ok: true; status: number; body: unknown; pages: number }
  | { ok: false; status?: number; kind: GraphFailureKind; code?: string; message: string; page: number; retryAfterSeconds?: number };

type Failure = Extract<GraphOutcome, { ok: false }>;

export interface BatchRunOptions {
  /** GRAPH_BASE_URL: next pages are followed only on its origin. */
  baseUrl: string;
  timeoutMs: number;
  /** Total time the run may spend waiting out 429s inside batches. */
  maxItemRetryWaitSeconds: number;
  /** Pages read per collection at most, the first included. */
  maxPages: number;
  /** After this long no further page is asked for. */
  pagingBudgetMs: number;
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
  if (status === 400) return "rejected";
  if (status === 503 || status === 504 || status === 502) return "unavailable";
  return "error";
}

function errorDetails(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  return { code: typeof error?.code === "string" ? error.code : undefined, message: typeof error?.message === "string" ? error.message : undefined };
}

/** Turns whatever the SDK threw into a failure; GraphError is recognised by its shape. */
export function outcomeOfError(error: unknown): Failure {
  const candidate = error as { statusCode?: unknown; code?: unknown; message?: unknown; name?: unknown };
  const code = typeof candidate?.code === "string" ? candidate.code : undefined;
  const message = typeof candidate?.message === "string" ? candidate.message : "Graph did not answer.";
  if (code === "TimeoutError" || code === "AbortError" || candidate?.name === "TimeoutError" || candidate?.name === "AbortError") {
    return { ok: false, kind: "timeout", code, message: "Graph did not answer in time.", page: 1 };
  }
  // The SDK wraps a JSON parse failure as a GraphError whose code is the error's name.
  if (error instanceof SyntaxError || candidate?.name === "SyntaxError" || code === "SyntaxError") {
    return { ok: false, kind: "malformed", message: "Graph answered with malformed JSON.", page: 1 };
  }
  const status = typeof candidate?.statusCode === "number" && candidate.statusCode > 0 ? candidate.statusCode : undefined;
  // No HTTP status at all: the connection failed (refused, reset, dropped).
  if (status === undefined) return { ok: false, kind: "unreachable", code, message: "Graph could not be reached.", page: 1 };
  // A success status that still threw: the answer itself could not be read.
  if (status >= 200 && status < 300) return { ok: false, status, kind: "malformed", message: "Graph's answer could not be read.", page: 1 };
  return { ok: false, status, kind: failureKind(status), code, message, page: 1 };
}

function outcomeOfItem(item: { status?: unknown; body?: unknown }): { ok: true; status: number; body: object } | Failure {
  const status = typeof item.status === "number" ? item.status : 0;
  if (status >= 200 && status < 300) {
    return typeof item.body === "object" && item.body !== null
      ? { ok: true, status, body: item.body }
      : { ok: false, status, kind: "malformed", message: "Graph answered with malformed data.", page: 1 };
  }
  const details = errorDetails(item.body);
  return { ok: false, status, kind: failureKind(status), code: details.code, message: details.message ?? `Graph answered ${status}.`, page: 1 };
}

/**
 * A next page's URL as a batch item URL, or why it is not followed: the
 * bearer token only ever goes to GRAPH_BASE_URL's origin.
 */
export function nextPageUrl(nextLink: unknown, baseUrl: string): { ok: true; url: string } | { ok: false; reason: string } {
  if (typeof nextLink !== "string") return { ok: false, reason: "its next-page link is not a URL" };
  let link: URL;
  try {
    link = new URL(nextLink);
  } catch {
    return { ok: false, reason: "its next-page link is not an absolute URL" };
  }
  const base = new URL(baseUrl);
  if (link.origin !== base.origin) return { ok: false, reason: `its next-page link points to ${link.origin}, not to ${base.origin} (GRAPH_BASE_URL), so it was not followed` };
  const prefix = `${base.pathname.replace(/\/$/, "")}/v1.0/`;
  if (!link.pathname.startsWith(prefix)) return { ok: false, reason: `its next-page link is not a v1.0 URL under ${base.origin}${prefix}` };
  return { ok: true, url: `/${link.pathname.slice(prefix.length)}${link.search}` };
}

type ItemAnswer = { outcome: ReturnType<typeof outcomeOfItem>; retryAfter?: number };

async function sendBatch(client: Client, items: { id: string; url: string; headers?: Record<string, string> }[], timeoutMs: number): Promise<Map<string, ItemAnswer>> {
  const results = new Map<string, ItemAnswer>();
  try {
    const body = await client
      .api("/$batch")
      .option("signal", AbortSignal.timeout(timeoutMs))
      .post({ requests: items.map((item) => ({ id: item.id, method: "GET", url: item.url, headers: { "Accept-Language": "en-US", ...item.headers } })) });
    const responses = (body as { responses?: unknown })?.responses;
    if (!Array.isArray(responses)) throw new SyntaxError("No responses in the batch answer.");
    for (const item of responses as { id?: unknown; status?: unknown; headers?: Record<string, string>; body?: unknown }[]) {
      const id = String(item.id);
      if (!items.some((request) => request.id === id)) continue;
      const retryHeader = item.headers ? (Object.entries(item.headers).find(([name]) => name.toLowerCase() === "retry-after")?.[1] ?? null) : null;
      results.set(id, { outcome: outcomeOfItem(item), retryAfter: retryAfterSeconds(retryHeader) });
    }
  } catch (error) {
    const outcome = outcomeOfError(error);
    for (const item of items) results.set(item.id, { outcome });
  }
  for (const item of items) {
    if (!results.has(item.id)) results.set(item.id, { outcome: { ok: false, kind: "malformed", message: "Graph's batch answer left this request out.", page: 1 } });
  }
  return results;
}

/** One request in flight: the page it is on and the URL of that page. */
interface Pending {
  request: GraphGet;
  url: string;
  page: number;
}

/**
 * Runs GETs as JSON $batch requests: up to 20 per batch, batches in parallel.
 * Items throttled inside a batch are retried after their Retry-After while
 * the wait budget lasts; a collection's next pages are asked for in further
 * batches, on GRAPH_BASE_URL's origin only and within the page and time
 * bounds. A collection is either read whole or a failure: never half a list.
 */
export async function runBatches(client: Client, requests: readonly GraphGet[], options: BatchRunOptions): Promise<BatchRun> {
  const outcomes = new Map<string, GraphOutcome>();
  const collected = new Map<string, { first: object; items: unknown[] }>();
  const started = Date.now();
  let pending: Pending[] = requests.map((request) => ({ request, url: request.url, page: 1 }));
  let roundTrips = 0;
  let waitBudget = options.maxItemRetryWaitSeconds;
  while (pending.length > 0) {
    const chunks: Pending[][] = [];
    for (let index = 0; index < pending.length; index += MAX_BATCH_SIZE) chunks.push(pending.slice(index, index + MAX_BATCH_SIZE));
    roundTrips += 1;
    const answers = await Promise.all(
      chunks.map((chunk) => sendBatch(client, chunk.map((item) => ({ id: item.request.id, url: item.url, headers: item.request.headers })), options.timeoutMs)),
    );
    const throttled: { item: Pending; wait: number }[] = [];
    const nextPages: Pending[] = [];
    for (const [index, chunk] of chunks.entries()) {
      for (const item of chunk) {
        const { outcome, retryAfter } = answers[index]!.get(item.request.id)!;
        const id = item.request.id;
        if (!outcome.ok) {
          outcomes.set(id, { ...outcome, page: item.page, ...(retryAfter !== undefined ? { retryAfterSeconds: retryAfter } : {}) });
          if (outcome.kind === "throttled" && outcome.status === 429) throttled.push({ item, wait: retryAfter ?? 1 });
          continue;
        }
        if (!item.request.collection) {
          outcomes.set(id, { ok: true, status: outcome.status, body: outcome.body, pages: 1 });
          continue;
        }
        const page = outcome.body as { value?: unknown; "@odata.nextLink"?: unknown };
        if (!Array.isArray(page.value)) {
          outcomes.set(id, { ok: false, status: outcome.status, kind: "malformed", message: "Graph's answer has no list of values.", page: item.page });
          continue;
        }
        const sofar = collected.get(id) ?? { first: outcome.body, items: [] };
        sofar.items.push(...page.value);
        collected.set(id, sofar);
        if (page["@odata.nextLink"] === undefined) {
          outcomes.set(id, { ok: true, status: outcome.status, body: { ...sofar.first, "@odata.nextLink": undefined, value: sofar.items }, pages: item.page });
          continue;
        }
        const next = nextPageUrl(page["@odata.nextLink"], options.baseUrl);
        if (!next.ok) {
          outcomes.set(id, { ok: false, status: outcome.status, kind: "next_link_refused", message: `Page ${item.page} answered, but ${next.reason}.`, page: item.page });
        } else if (item.page >= options.maxPages || Date.now() - started > options.pagingBudgetMs) {
          const bound = item.page >= options.maxPages ? `${options.maxPages} pages` : `${Math.round(options.pagingBudgetMs / 1000)} seconds`;
          outcomes.set(id, { ok: false, status: outcome.status, kind: "too_many_pages", message: `The list goes on past ${bound}, the most one run reads.`, page: item.page });
        } else {
          nextPages.push({ request: item.request, url: next.url, page: item.page + 1 });
        }
      }
    }
    const wait = Math.max(0, ...throttled.map((entry) => entry.wait));
    if (throttled.length > 0 && wait <= waitBudget) {
      waitBudget -= wait;
      await sleep(wait * 1000);
      nextPages.push(...throttled.map((entry) => entry.item));
    }
    pending = nextPages;
  }
  return { outcomes, roundTrips };
}
