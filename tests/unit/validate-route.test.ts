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

  it("answers only 200, 400, 401, 413 or 415 to any body, within twice its size plus 16 KB (property)", async () => {
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
        // No answer is much larger than what was sent: at most twice the request plus 16 KB.
        expect((await response.arrayBuffer()).byteLength).toBeLessThanOrEqual(2 * Buffer.byteLength(text) + 16_384);
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
  it("answers a burst over the limit with 429 and Retry-After, per client address the front set", async () => {
    const route = await loadRoute({ VALIDATE_RATE_LIMIT_PER_MINUTE: "5" });
    // As the front (scripts/front.mjs) sets it: the client's own X-Forwarded-For claim, then the socket address.
    const send = (socket: string) =>
      post(route, JSON.stringify({ plan: { kind: "not-a-plan" } }), { "Content-Type": "application/json", "X-Planner-Forwarded-For": `203.0.113.9, ${socket}` });
    const statuses = [];
    for (let index = 0; index < 7; index += 1) statuses.push((await send("198.51.100.1")).status);
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
    const limited = await send("198.51.100.1");
    expect(limited.headers.get("retry-after")).toMatch(/^\d+$/);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(await limited.json()).toMatchObject({ error: "rate_limited" });
    // Another client still gets through; the left part of the chain is the client's own claim and is not trusted.
    expect((await send("198.51.100.2")).status).toBe(400);
  });

  it("charges nothing for a cross-site browser request (403) or a body that is not JSON (415)", async () => {
    const route = await loadRoute({ VALIDATE_RATE_LIMIT_PER_MINUTE: "2" });
    const client = { "X-Planner-Forwarded-For": "198.51.100.7" };
    // What a page on another site can send without a preflight: a no-cors text/plain POST.
    for (let index = 0; index < 5; index += 1) {
      const crossSite = await post(route, JSON.stringify({ plan: {} }), { ...client, "Content-Type": "text/plain", "Sec-Fetch-Site": "cross-site", "Sec-Fetch-Mode": "no-cors" });
      expect(crossSite.status).toBe(403);
      expect(await crossSite.json()).toMatchObject({ error: "cross_site" });
      expect((await post(route, JSON.stringify({ plan: {} }), { ...client, "Content-Type": "application/json", "Sec-Fetch-Site": "same-site" })).status).toBe(403);
      expect((await post(route, "plan", { ...client, "Content-Type": "text/plain" })).status).toBe(415);
    }
    for (const site of ["same-origin", "none", undefined]) {
      const headers: Record<string, string> = { ...client, "Content-Type": "application/json", ...(site ? { "Sec-Fetch-Site": site } : {}) };
      expect((await post(route, JSON.stringify({ plan: {} }), headers)).status, site).toBe(site === undefined ? 429 : 400);
    }
  });
});
