import "server-only";
import {
  Client,
  HTTPMessageHandler,
  RetryHandler,
  RetryHandlerOptions,
  type Context,
  type Middleware,
} from "@microsoft/microsoft-graph-client";

/**
 * The Graph client for one validation: the SDK with a middleware chain of our
 * own. The SDK's default authentication handler only sends the token to https
 * Graph hosts, so the bearer middleware here sets it for whatever base URL
 * the server is configured with (the demo's loopback fake included).
 */

export interface GraphClientOptions {
  baseUrl: string;
  /** Passed through to Graph as is; never logged or returned. */
  accessToken: string;
  /** Longest Retry-After the client waits for on an outer 429/503/504. */
  maxRetryWaitSeconds: number;
  /** Delay before retrying a 503/504 that names no Retry-After. */
  retryDelaySeconds: number;
}

class BearerTokenMiddleware implements Middleware {
  private next?: Middleware;
  constructor(private readonly accessToken: string) {}

  async execute(context: Context): Promise<void> {
    const headers = new Headers(context.options?.headers as HeadersInit | undefined);
    headers.set("Authorization", `Bearer ${this.accessToken}`);
    // Node's fetch sends "Accept-Language: *", which the PIM endpoints refuse.
    headers.set("Accept-Language", "en-US");
    context.options = { ...context.options, headers: Object.fromEntries(headers.entries()) };
    await this.next?.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Seconds Graph asks us to wait, from a Retry-After of seconds or an HTTP date. */
export function retryAfterSeconds(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

export function createGraphClient(options: GraphClientOptions): Client {
  const retry = new RetryHandlerOptions(options.retryDelaySeconds, 3, (_delay, _attempt, _request, _fetchOptions, response) => {
    // An interactive request does not wait minutes: a longer Retry-After is reported instead.
    const wait = retryAfterSeconds(response.headers.get("Retry-After"));
    return wait === undefined || wait <= options.maxRetryWaitSeconds;
  });
  return Client.initWithMiddleware({
    baseUrl: options.baseUrl,
    defaultVersion: "v1.0",
    middleware: chain(new BearerTokenMiddleware(options.accessToken), new RetryHandler(retry), new HTTPMessageHandler()),
  });
}

function chain(...middleware: Middleware[]): Middleware {
  middleware.reduce((previous, next) => {
    previous.setNext?.(next);
    return next;
  });
  return middleware[0]!;
}
