import "server-only";

/**
 * A token bucket per client, in this server's memory: `capacity` requests at
 * once, refilled at capacity per minute. With several instances behind a load
 * balancer each instance keeps its own buckets (see README).
 */
export interface RateLimiter {
  /** Takes a token; when none is left, says how many seconds until one is. */
  take(client: string, now?: number): { allowed: true } | { allowed: false; retryAfterSeconds: number };
}

export function createRateLimiter(capacityPerMinute: number, maxClients = 10_000): RateLimiter {
  const refillPerMs = capacityPerMinute / 60_000;
  const buckets = new Map<string, { tokens: number; updated: number }>();
  return {
    take(client, now = Date.now()) {
      const bucket = buckets.get(client) ?? { tokens: capacityPerMinute, updated: now };
      bucket.tokens = Math.min(capacityPerMinute, bucket.tokens + (now - bucket.updated) * refillPerMs);
      bucket.updated = now;
      // Map order is insertion order: re-inserting keeps the most recent clients at the end.
      buckets.delete(client);
      buckets.set(client, bucket);
      if (buckets.size > maxClients) buckets.delete(buckets.keys().next().value!);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true };
      }
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000)) };
    },
  };
}

/**
 * The client's address from X-Forwarded-For, counting `trustedProxyHops`
 * proxies from the right (Next's own server appends the socket address).
 * Entries further left are set by the client and not trusted.
 */
export function clientKey(request: Request, trustedProxyHops: number): string {
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - 1 - trustedProxyHops] ?? forwarded[0] ?? "unknown";
}
