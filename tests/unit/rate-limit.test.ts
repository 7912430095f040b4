import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { clientAddress, limiterKey, TRUSTED_HEADER } from "@/lib/http/client-address";
import { createRateLimiter } from "@/lib/http/rate-limit";
// The front that sets the trusted header, as deployed (plain JavaScript, run by Node).
import { applyFront, TRUSTED_HEADER as FRONT_HEADER, trustedChain } from "../../scripts/front.mjs";

const trusted = (chain: string) => new Headers({ [TRUSTED_HEADER]: chain });

describe("the front (scripts/front.mjs)", () => {
  it("sets the trusted header from the socket, dropping the copies a client sent", () => {
    expect(FRONT_HEADER).toBe(TRUSTED_HEADER);
    const request = {
      headers: { "x-forwarded-for": "1.1.1.1, 203.0.113.5", [TRUSTED_HEADER]: "6.6.6.6" } as Record<string, string>,
      rawHeaders: ["Host", "app", "X-Planner-Forwarded-For", "6.6.6.6", "X-Forwarded-For", "1.1.1.1, 203.0.113.5"],
      socket: { remoteAddress: "10.0.0.7" },
    };
    applyFront(request);
    expect(request.headers[TRUSTED_HEADER]).toBe("1.1.1.1, 203.0.113.5, 10.0.0.7");
    expect(request.rawHeaders).toEqual(["Host", "app", TRUSTED_HEADER, "1.1.1.1, 203.0.113.5, 10.0.0.7", "X-Forwarded-For", "1.1.1.1, 203.0.113.5, 10.0.0.7"]);
  });

  it("keeps at most ten inbound entries of bounded length, whatever the client sends", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 5000 }), (forwarded) => {
        const chain = trustedChain(forwarded, "10.0.0.7").split(", ");
        expect(chain.length).toBeLessThanOrEqual(11);
        expect(chain.at(-1)).toBe("10.0.0.7");
        for (const entry of chain) expect(entry.length).toBeLessThanOrEqual(64);
      }),
    );
  });
});

describe("client address", () => {
  it("is the socket with no trusted proxy, whatever X-Forwarded-For says", () => {
    expect(clientAddress(trusted("198.51.100.1, 203.0.113.9, 10.0.0.7"), 0)).toBe("10.0.0.7");
  });

  it("is what the trusted proxy appended with one hop, never what the client prepended", () => {
    expect(clientAddress(trusted("198.51.100.1, 203.0.113.9, 10.0.0.7"), 1)).toBe("203.0.113.9");
    expect(clientAddress(trusted("203.0.113.9, 10.0.0.7"), 1)).toBe("203.0.113.9");
    // A request that skipped the proxy has no entry for it: its own socket address, never a claim.
    expect(clientAddress(trusted("10.0.0.7"), 1)).toBe("10.0.0.7");
  });

  it("is unknown without the front's header: a client-sent X-Forwarded-For alone is ignored", () => {
    expect(clientAddress(new Headers({ "X-Forwarded-For": "198.51.100.1" }), 0)).toBeUndefined();
    expect(limiterKey(undefined)).toBe("no-front");
  });
});

describe("limiter keys", () => {
  it("are addresses, IPv6 by its /64, ports and zones dropped", () => {
    expect(limiterKey("203.0.113.9")).toBe("203.0.113.9");
    expect(limiterKey("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(limiterKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(limiterKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(limiterKey("[2001:db8:1:2:bbbb::9]:443")).toBe("2001:db8:1:2::/64");
    expect(limiterKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(limiterKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
  });

  it("are bounded whatever the entry: at most 45 characters", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.ipV4(), fc.ipV6()), (entry) => {
        expect(limiterKey(entry).length).toBeLessThanOrEqual(45);
      }),
      { numRuns: 500 },
    );
  });
});

describe("rate limiter in memory", () => {
  it("allows the limit in a minute, then refuses with the seconds to wait, per client", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(1_000_000);
      const limiter = createRateLimiter({ name: "test", pointsPerMinute: 3 });
      for (let index = 0; index < 3; index += 1) expect(await limiter.consume("a")).toEqual({ allowed: true });
      expect(await limiter.consume("a")).toEqual({ allowed: false, retryAfterSeconds: 60 });
      vi.setSystemTime(1_000_000 + 45_000);
      expect(await limiter.consume("a")).toEqual({ allowed: false, retryAfterSeconds: 15 });
      expect(await limiter.consume("b")).toEqual({ allowed: true });
    } finally {
      vi.useRealTimers();
    }
  });
});
