import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parsePublicConfig, parseServerConfig } from "@/lib/config/env";

const LIVE_CLIENT_ID = "11111111-2222-4333-8444-555555555555";

describe("server configuration", () => {
  it("stops with a message naming the variable for a wrong value", () => {
    expect(() => parseServerConfig({ GRAPH_BASE_URL: "graph.microsoft.com" })).toThrow(/GRAPH_BASE_URL/);
    expect(() => parseServerConfig({ NEXT_PUBLIC_MSAL_CLIENT_ID: "my-app" })).toThrow(/NEXT_PUBLIC_MSAL_CLIENT_ID/);
    expect(() => parseServerConfig({ PLANNER_DEMO: "on", NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toThrow(/PLANNER_DEMO=on cannot be combined/);
    expect(() => parseServerConfig({ PLANNER_DEMO_FAULTS: "[{" })).toThrow(/PLANNER_DEMO_FAULTS/);
    expect(() => parseServerConfig({ PLANNER_DEMO_FAULTS: '[{"path":"x","kind":"429"}]', NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toThrow(/demo tenant only/);
    expect(() => parseServerConfig({ PLANNER_DEMO_REQUEST_LOG: "graph.jsonl", NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toThrow(/PLANNER_DEMO_REQUEST_LOG applies to the demo tenant only/);
    expect(() => parseServerConfig({ VALIDATE_RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/VALIDATE_RATE_LIMIT_PER_MINUTE: VALIDATE_RATE_LIMIT_PER_MINUTE must be a whole number/);
    expect(() => parseServerConfig({ TRUSTED_PROXY_HOPS: "-1" })).toThrow("TRUSTED_PROXY_HOPS: TRUSTED_PROXY_HOPS cannot be negative.");
    expect(() => parseServerConfig({ RATE_LIMIT_REDIS_URL: "http://127.0.0.1:6379" })).toThrow(/RATE_LIMIT_REDIS_URL: .*redis:\/\//);
  });

  it("has defaults for everything, and names live mode by the client ID", () => {
    expect(parseServerConfig({})).toEqual({
      mode: "demo",
      graphBaseUrl: "https://graph.microsoft.com",
      graphTimeoutMs: 10_000,
      validateRateLimitPerMinute: 20,
      exportRateLimitPerMinute: 60,
      trustedProxyHops: 0,
      rateLimitRedisUrl: "",
      demoFaults: [],
      demoRequestLog: "",
    });
    expect(parseServerConfig({ NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID }).mode).toBe("live");
    expect(parseServerConfig({ TRUSTED_PROXY_HOPS: "2", RATE_LIMIT_REDIS_URL: "redis://cache:6379" })).toMatchObject({ trustedProxyHops: 2, rateLimitRedisUrl: "redis://cache:6379" });
  });
});

describe("public configuration (inlined into browser code)", () => {
  it("checks the sign-in authority", () => {
    expect(parsePublicConfig({}).msalAuthority).toBe("https://login.microsoftonline.com/organizations");
    const tenant = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47";
    expect(parsePublicConfig({ NEXT_PUBLIC_MSAL_AUTHORITY: tenant, NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toEqual({ msalAuthority: tenant, msalClientId: LIVE_CLIENT_ID, liveMode: true });
    for (const wrong of ["login.microsoftonline.com/organizations", "http://login.microsoftonline.com/common", "https://login.microsoftonline.com/", "https://login.microsoftonline.com/a/b", "https://login.microsoftonline.com/common?x=1", "javascript:alert(1)"]) {
      expect(() => parsePublicConfig({ NEXT_PUBLIC_MSAL_AUTHORITY: wrong }), wrong).toThrow(/NEXT_PUBLIC_MSAL_AUTHORITY: NEXT_PUBLIC_MSAL_AUTHORITY must/);
    }
    // The server checks the public values too, since it builds the page's Content-Security-Policy from them.
    expect(() => parseServerConfig({ NEXT_PUBLIC_MSAL_AUTHORITY: "http://evil.example/x" })).toThrow(/NEXT_PUBLIC_MSAL_AUTHORITY/);
  });

  it("stops the build when a public value is wrong (next build loads next.config.ts first)", async () => {
    vi.resetModules();
    vi.stubEnv("NEXT_PUBLIC_MSAL_AUTHORITY", "http://login.example.com/common");
    try {
      await expect(import("../../next.config")).rejects.toThrow(/NEXT_PUBLIC_MSAL_AUTHORITY: NEXT_PUBLIC_MSAL_AUTHORITY must start with https/);
    } finally {
      vi.unstubAllEnvs();
    }
    vi.resetModules();
    await expect(import("../../next.config")).resolves.toBeDefined();
  });

  it("is the only module that reads process.env", () => {
    const readers: string[] = [];
    const visit = (path: string) => {
      if (statSync(path).isDirectory()) {
        for (const entry of readdirSync(path)) visit(join(path, entry));
      } else if (/\.(ts|tsx|mjs|js)$/.test(path) && readFileSync(path, "utf8").includes("process.env")) {
        readers.push(path);
      }
    };
    for (const root of ["app", "components", "lib", "proxy.ts", "instrumentation.ts", "next.config.ts"]) visit(root);
    expect(readers).toEqual([join("lib", "config", "env.ts")]);
  });
});
