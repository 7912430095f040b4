import "server-only";
import { serverConfig } from "@/lib/config/env";
import { clientAddress, limiterKey } from "./client-address";
import { isJsonContentType, jsonError } from "./json-body";
import { createRateLimiter, type RateLimiter } from "./rate-limit";

export type LimitedApi = "validate" | "export";

/**
 * Sec-Fetch-Site values of requests the planner's own pages make (or that
 * no browser made at all, where the header is absent). A page on another
 * site can still send a `no-cors` text/plain POST: it is refused before it
 * is charged, so it cannot spend a visitor's allowance.
 */
const OWN_SITE = new Set(["same-origin", "none"]);

const limiters = new Map<LimitedApi, RateLimiter>();
let warnedWithoutFront = false;

function limiterFor(api: LimitedApi): RateLimiter {
  let limiter = limiters.get(api);
  if (!limiter) {
    const config = serverConfig();
    limiter = createRateLimiter({
      name: api,
      pointsPerMinute: api === "validate" ? config.validateRateLimitPerMinute : config.exportRateLimitPerMinute,
      redisUrl: config.rateLimitRedisUrl || undefined,
    });
    limiters.set(api, limiter);
  }
  return limiter;
}

/**
 * Admits a request to a limited API, or answers it: 403 for a cross-site
 * browser request, 415 for a body that is not JSON (neither is charged),
 * 429 with Retry-After when the client has used its allowance.
 */
export async function admitRequest(request: Request, api: LimitedApi): Promise<Response | undefined> {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && !OWN_SITE.has(site)) {
    return jsonError(403, { error: "cross_site", message: "This API answers the planner's own pages and programs, not pages of other sites." });
  }
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return jsonError(415, { error: "unsupported_media_type", message: "Send the body as JSON with Content-Type: application/json." });
  }
  const address = clientAddress(request.headers, serverConfig().trustedProxyHops);
  if (address === undefined && !warnedWithoutFront) {
    warnedWithoutFront = true;
    console.warn("Rate limits: requests arrive without the front's client address; start the server with `npm start` or `node front.mjs` (README, Deploying). Until then all clients share one limit.");
  }
  const decision = await limiterFor(api).consume(limiterKey(address));
  if (decision.allowed) return undefined;
  const what = api === "validate" ? "checks" : "exports";
  return Response.json(
    { error: "rate_limited", message: `Too many ${what}: try again in ${decision.retryAfterSeconds} seconds.` },
    { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
