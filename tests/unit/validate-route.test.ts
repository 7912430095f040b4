import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import type { FakeGraph } from "@/lib/graph/fake/graph-server";
import { MAX_BODY_BYTES } from "@/lib/http/json-body";
import { validationReportSchema } from "@/lib/validation/schema";
import { cloudSyncPlan, startDemoFake } from "../fixtures/graph";
import { examplePlan } from "../fixtures/plans";

type Route = typeof import("@/app/api/validate/route");

const REQUEST_LOG = process.env.PLANNER_DEMO_REQUEST_LOG;

/** Loads the route with its own environment: configuration is read once per server start. */
async function loadRoute(environment: Record<string, string>): Promise<Route> {
  vi.resetModules();
  for (const name of ["NEXT_PUBLIC_MSAL_CLIENT_ID", "GRAPH_BASE_URL", "PLANNER_DEMO", "GRAPH_TIMEOUT_MS", "VALIDATE_RATE_LIMIT_PER_MINUTE", "PLANNER_DEMO_REQUEST_LOG"]) delete process.env[name];
  // The demo tenant logs its requests for the conformance test; live mode refuses the setting.
  if (REQUEST_LOG && !environment.NEXT_PUBLIC_MSAL_CLIENT_ID) process.env.PLANNER_DEMO_REQUEST_LOG = REQUEST_LOG;
  // The rate limit has its own test; the others send many requests.
  Object.assign(process.env, { VALIDATE_RATE_LIMIT_PER_MINUTE: "10000" }, environment);
  return import("@/app/api/validate/route");
}

function post(route: Route, body: BodyInit | null, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  return route.POST(new Request("http://localhost/api/validate", { method: "POST", body, headers }));
}

const LIVE_CLIENT_ID = "11111111-2222-4333-8444-555555555555";
let fake: FakeGraph;
beforeAll(async () => {
  fake = await startDemoFake();
});
afterAll(() => fake.close());

describe("POST /api/validate in demo mode", () => {
  it("answers the documented report for a plan", async () => {
    const route = await loadRoute({});
    const response = await post(route, JSON.stringify({ plan: cloudSyncPlan() }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const report = validationReportSchema.parse(await response.json());
    expect(report.tenant?.displayName).toBe("Contoso (demo tenant)");
    expect(report.results.find((result) => result.id === "admin-role:cloudSyncHybridIdentityAdmin")?.status).toBe("pass");
  });

  it("answers 400 with the issues for an invalid or unfinished plan, 415 and 413 for bad bodies", async () => {
    const route = await loadRoute({});
    const tampered = structuredClone(examplePlan("cloud-sync-contoso.json")) as { accounts: Record<string, { name: string }> };
    tampered.accounts.cloudSyncHybridIdentityAdmin!.name = DEMO_PEOPLE.invitedGuest;
    const invalid = await post(route, JSON.stringify({ plan: tampered }));
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toMatchObject({ error: "invalid_plan", issues: [{ path: "accounts.cloudSyncHybridIdentityAdmin.name", message: expect.stringContaining("guest") }] });
    const unfinished = await post(route, JSON.stringify({ plan: { ...cloudSyncPlan(), environment: null } }));
    expect(await unfinished.json()).toMatchObject({ error: "invalid_plan", issues: [{ path: "environment" }] });
    expect((await post(route, "plan", { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post(route, JSON.stringify({ plan: cloudSyncPlan(), padding: "x".repeat(MAX_BODY_BYTES) }))).status).toBe(413);
  });

  it("answers only 200, 400, 401, 413 or 415 to any body (property)", async () => {
    const route = await loadRoute({});
    const plan = cloudSyncPlan();
    const planLike = fc.oneof(
      fc.anything(),
      fc.record({ plan: fc.anything() }),
      fc.record({ plan: fc.constant(plan) }),
      fc.record({ plan: fc.jsonValue().map((value) => ({ ...plan, environment: value })) }),
      fc.record({ plan: fc.record({ kind: fc.constant("entra-sync-account-plan"), schemaVersion: fc.integer(), accounts: fc.dictionary(fc.string(), fc.jsonValue()) }) }),
    );
    const body = fc.oneof(
      planLike.map((value) => ({ text: JSON.stringify(value) ?? "null", type: "application/json" })),
      fc.string().map((text) => ({ text, type: "application/json" })),
      fc.string().map((text) => ({ text, type: "text/plain" })),
      fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data", "").map((type) => ({ text: "a=1", type })),
    );
    await fc.assert(
      fc.asyncProperty(body, async ({ text, type }) => {
        const response = await post(route, text, type ? { "Content-Type": type } : {});
        expect([200, 400, 401, 413, 415]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });
});

describe("POST /api/validate in live mode", () => {
  it("asks for a bearer token, and passes it to the configured Graph", async () => {
    const route = await loadRoute({ NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID, GRAPH_BASE_URL: fake.baseUrl });
    const missing = await post(route, JSON.stringify({ plan: cloudSyncPlan() }));
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ error: "unauthenticated" });
    const signedIn = await post(route, JSON.stringify({ plan: cloudSyncPlan() }), { "Content-Type": "application/json", Authorization: "Bearer live-token" });
    expect(signedIn.status).toBe(200);
  });

  it("answers 401 when Graph refuses the token", async () => {
    const route = await loadRoute({ NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID, GRAPH_BASE_URL: fake.baseUrl });
    fake.setFaults([{ path: /^\/\$batch$/, kind: "401", where: "outer", times: 1 }]);
    const response = await post(route, JSON.stringify({ plan: cloudSyncPlan() }), { "Content-Type": "application/json", Authorization: "Bearer expired" });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthenticated" });
  });

  it("never writes the access token to the logs or the response", async () => {
    const route = await loadRoute({ NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID, GRAPH_BASE_URL: fake.baseUrl });
    const token = "eyJ0eXAiOiJKV1QiLCJub25jZSI6InNlY3JldC10b2tlbi1tYXJrZXIifQ.secret-token-marker";
    const captured: string[] = [];
    const keep = (...parts: unknown[]) => captured.push(parts.map(String).join(" "));
    const spies = [
      vi.spyOn(console, "log").mockImplementation(keep),
      vi.spyOn(console, "info").mockImplementation(keep),
      vi.spyOn(console, "warn").mockImplementation(keep),
      vi.spyOn(console, "error").mockImplementation(keep),
      vi.spyOn(console, "debug").mockImplementation(keep),
      vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (keep(chunk), true)),
      vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (keep(chunk), true)),
    ];
    try {
      fake.setFaults([{ path: /^\/domains$/, kind: "403", where: "item", times: 1 }]);
      const responses = [
        await post(route, JSON.stringify({ plan: cloudSyncPlan() }), { "Content-Type": "application/json", Authorization: `Bearer ${token}` }),
        await post(route, "{ broken", { "Content-Type": "application/json", Authorization: `Bearer ${token}` }),
      ];
      fake.setFaults([{ path: /^\/\$batch$/, kind: "401", where: "outer", times: 1 }]);
      responses.push(await post(route, JSON.stringify({ plan: cloudSyncPlan() }), { "Content-Type": "application/json", Authorization: `Bearer ${token}` }));
      for (const response of responses) {
        expect(JSON.stringify([...response.headers.entries()])).not.toContain("secret-token-marker");
        expect(await response.text()).not.toContain("secret-token-marker");
      }
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(captured.join("\n")).not.toContain("secret-token-marker");
  });
});

describe("rate limit", () => {
  it("answers a burst over the limit with 429 and Retry-After, per client", async () => {
    const route = await loadRoute({ VALIDATE_RATE_LIMIT_PER_MINUTE: "5" });
    const send = (client: string) =>
      post(route, JSON.stringify({ plan: { kind: "not-a-plan" } }), { "Content-Type": "application/json", "X-Forwarded-For": `203.0.113.9, ${client}` });
    const statuses = [];
    for (let index = 0; index < 7; index += 1) statuses.push((await send("198.51.100.1")).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    const limited = await send("198.51.100.1");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    // Another client still gets through; the left part of X-Forwarded-For is the client's own claim and is not trusted.
    expect((await send("198.51.100.2")).status).toBe(400);
  });
});

describe("server configuration", () => {
  it("stops with a message naming the variable for a wrong value", async () => {
    const { parseServerConfig } = await import("@/lib/config/server-config");
    expect(() => parseServerConfig({ GRAPH_BASE_URL: "graph.microsoft.com" })).toThrow(/GRAPH_BASE_URL/);
    expect(() => parseServerConfig({ NEXT_PUBLIC_MSAL_CLIENT_ID: "my-app" })).toThrow(/NEXT_PUBLIC_MSAL_CLIENT_ID/);
    expect(() => parseServerConfig({ PLANNER_DEMO: "on", NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toThrow(/PLANNER_DEMO=on cannot be combined/);
    expect(parseServerConfig({})).toEqual({
      mode: "demo",
      graphBaseUrl: "https://graph.microsoft.com",
      graphTimeoutMs: 10_000,
      validateRateLimitPerMinute: 20,
      trustedProxyHops: 0,
      demoFaults: [],
      demoRequestLog: "",
    });
    expect(() => parseServerConfig({ PLANNER_DEMO_REQUEST_LOG: "graph.jsonl", NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toThrow(/PLANNER_DEMO_REQUEST_LOG applies to the demo tenant only/);
    expect(() => parseServerConfig({ PLANNER_DEMO_FAULTS: "[{" })).toThrow(/PLANNER_DEMO_FAULTS/);
    expect(() => parseServerConfig({ PLANNER_DEMO_FAULTS: '[{"path":"x","kind":"429"}]', NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID })).toThrow(/demo tenant only/);
    expect(() => parseServerConfig({ VALIDATE_RATE_LIMIT_PER_MINUTE: "lots" })).toThrow(/VALIDATE_RATE_LIMIT_PER_MINUTE/);
    expect(parseServerConfig({ NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID }).mode).toBe("live");
  });
});
