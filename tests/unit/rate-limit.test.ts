import { describe, expect, it } from "vitest";
import { clientKey, createRateLimiter } from "@/lib/http/rate-limit";

describe("rate limiter", () => {
  it("allows the capacity at once, then refills over the minute", () => {
    const limiter = createRateLimiter(6);
    const start = 1_000_000;
    for (let index = 0; index < 6; index += 1) expect(limiter.take("a", start).allowed).toBe(true);
    expect(limiter.take("a", start)).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(limiter.take("a", start + 10_000).allowed).toBe(true);
    expect(limiter.take("b", start).allowed).toBe(true);
  });

  it("keys on the address the trusted proxies appended, not on what the client claims", () => {
    const request = (forwarded: string) => new Request("http://localhost/", { headers: { "X-Forwarded-For": forwarded } });
    expect(clientKey(request("1.1.1.1, 10.0.0.7"), 0)).toBe("10.0.0.7");
    expect(clientKey(request("1.1.1.1, 203.0.113.5, 10.0.0.7"), 1)).toBe("203.0.113.5");
    expect(clientKey(new Request("http://localhost/"), 0)).toBe("unknown");
  });
});
