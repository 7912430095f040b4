import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { demoTenant } from "@/lib/graph/fake/demo-tenant";
import { startFakeGraph, type FakeGraph, type FaultRule } from "@/lib/graph/fake/graph-server";
import { requestFor } from "@/lib/graph/requests";
import { GraphUnauthenticatedError } from "@/lib/graph/validate";
import { cloudSyncPlan, find, runValidation, startDemoFake } from "../fixtures/graph";

const HIA = "cloudSyncHybridIdentityAdmin";
let fake: FakeGraph | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function withFaults(faults: FaultRule[]) {
  fake = await startDemoFake(faults);
  return fake;
}

describe("Graph faults", () => {
  it("honours Retry-After on an outer 429", async () => {
    const graph = await withFaults([{ path: /^\/\$batch$/, kind: "429", where: "outer", retryAfterSeconds: 1, times: 1 }]);
    const started = Date.now();
    const { report } = await runValidation(graph, cloudSyncPlan());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(find(report.results, `admin-role:${HIA}`).status).toBe("pass");
  });

  it("retries a 429 inside a batch after its Retry-After", async () => {
    const graph = await withFaults([{ path: /^\/users\/hybrid\.admin@contoso\.onmicrosoft\.com$/, kind: "429", where: "item", retryAfterSeconds: 1, times: 1 }]);
    const started = Date.now();
    const { report, roundTrips } = await runValidation(graph, cloudSyncPlan());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(roundTrips).toBe(2);
    expect(find(report.results, `admin-exists:${HIA}`).status).toBe("pass");
    expect(graph.requests.filter((request) => request.path === "/users/hybrid.admin@contoso.onmicrosoft.com")).toHaveLength(2);
  });

  it("gives up on a 429 that asks for too long a wait, as unknown with the reason", async () => {
    const graph = await withFaults([{ path: /^\/domains$/, kind: "429", where: "item", retryAfterSeconds: 120, times: 5 }]);
    const { report } = await runValidation(graph, cloudSyncPlan());
    const domains = find(report.results, "tenant-domains");
    expect(domains).toMatchObject({ status: "unknown", detail: expect.stringContaining("throttling") });
    // The user learns how long Graph asked them to wait (its Retry-After), in seconds.
    expect(domains.detail).toContain("120 seconds");
    expect(domains.remediation).toMatch(/^Wait 120 seconds/);
  });

  it("survives a 429 storm on every item: it gives up within the wait budget and no check passes", async () => {
    const graph = await withFaults([{ path: /.*/, kind: "429", where: "item", retryAfterSeconds: 1, times: 1000 }]);
    const { report, roundTrips } = await runValidation(graph, cloudSyncPlan(), { maxRetryWaitSeconds: 2 });
    expect(roundTrips).toBe(3);
    const tenantWide = report.results.filter((result) => !result.id.startsWith("install-day:"));
    expect(tenantWide.length).toBeGreaterThan(0);
    for (const result of tenantWide) expect(result).toMatchObject({ status: "unknown", detail: expect.stringContaining("throttling") });
  });

  it("retries an outer 503, then succeeds", async () => {
    const graph = await withFaults([{ path: /^\/\$batch$/, kind: "503", where: "outer", times: 1 }]);
    const { report } = await runValidation(graph, cloudSyncPlan());
    expect(find(report.results, `admin-role:${HIA}`).status).toBe("pass");
  });

  it("reports a request slower than the timeout as unknown", async () => {
    const graph = await withFaults([{ path: /^\/\$batch$/, kind: "slow", where: "outer", delayMs: 2500, times: 1 }]);
    const { report } = await runValidation(graph, cloudSyncPlan(), { timeoutMs: 800 });
    expect(find(report.results, `admin-exists:${HIA}`)).toMatchObject({ status: "unknown", detail: expect.stringContaining("did not answer in time") });
    expect(report.results.every((result) => result.status !== "pass")).toBe(true);
  });

  it("raises unauthenticated when Graph refuses the token", async () => {
    const graph = await withFaults([{ path: /^\/\$batch$/, kind: "401", where: "outer", times: 1 }]);
    await expect(runValidation(graph, cloudSyncPlan())).rejects.toBeInstanceOf(GraphUnauthenticatedError);
  });

  it("names the missing permission on a 403", async () => {
    const graph = await withFaults([{ path: /^\/roleManagement\/directory\/roleAssignments$/, kind: "403", where: "item", times: 10 }]);
    const { report } = await runValidation(graph, cloudSyncPlan());
    expect(find(report.results, `admin-role:${HIA}`)).toMatchObject({ status: "unknown", detail: expect.stringContaining("RoleManagement.Read.Directory") });
    expect(find(report.results, `admin-exists:${HIA}`).status).toBe("pass");
  });

  it("reports malformed JSON and dropped connections as unknown, without throwing", async () => {
    const malformed = await withFaults([{ path: /^\/\$batch$/, kind: "malformed", where: "outer", times: 1 }]);
    const first = await runValidation(malformed, cloudSyncPlan());
    expect(find(first.report.results, `admin-exists:${HIA}`)).toMatchObject({ status: "unknown", detail: expect.stringContaining("malformed") });
    await malformed.close();
    fake = undefined;
    const dropped = await withFaults([{ path: /^\/\$batch$/, kind: "drop", where: "outer", times: 10 }]);
    const second = await runValidation(dropped, cloudSyncPlan());
    expect(find(second.report.results, "tenant-synced")).toMatchObject({ status: "unknown", detail: expect.stringContaining("could not be reached") });
  });

  it("reports a malformed batch item as unknown and keeps the other answers", async () => {
    const graph = await withFaults([{ path: /^\/organization$/, kind: "malformed", where: "item", times: 1 }]);
    const { report } = await runValidation(graph, cloudSyncPlan());
    expect(find(report.results, "tenant-synced")).toMatchObject({ status: "unknown", detail: expect.stringContaining("malformed") });
    expect(find(report.results, `admin-role:${HIA}`).status).toBe("pass");
  });
});

describe("failures named precisely", () => {
  it("names the request, its status and what to do", async () => {
    const graph = await withFaults([{ path: /^\/roleManagement\/directory\/roleAssignments$/, kind: "403", where: "item", times: 10 }]);
    const { report } = await runValidation(graph, cloudSyncPlan());
    expect(find(report.results, `admin-role:${HIA}`)).toMatchObject({
      status: "unknown",
      detail: expect.stringMatching(/GET \/roleManagement\/directory\/roleAssignments \((Hybrid Identity|Global) Administrator\) answered 403 Authorization_RequestDenied/),
      remediation: expect.stringContaining("admin consent"),
    });
  });

  it("says which field of which answer was wrong, not a type error", async () => {
    const tenant = demoTenant();
    (tenant.domains[1] as { id: unknown }).id = 42;
    fake = await startFakeGraph({ tenant });
    const { report } = await runValidation(fake, cloudSyncPlan());
    const domains = find(report.results, "tenant-domains");
    expect(domains).toMatchObject({ status: "unknown", detail: expect.stringContaining("GET /domains: Graph answered 200, but not with a list of domains (value.1.id:") });
    expect(domains.detail).not.toMatch(/TypeError/);
  });
});

describe("quoting and encoding", () => {
  it("sends O'Brien's UPN so the fake sees it unchanged, and doubles ' in a quoted key", async () => {
    const graph = await withFaults([]);
    const { report } = await runValidation(graph, cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.apostrophe } }));
    expect(graph.requests.map((request) => request.path)).toContain("/users/o'brien@contoso.com");
    expect(find(report.results, `admin-role:${HIA}`).status).toBe("pass");

    // A UPN starting with $ goes into the users('…') form, where ' is doubled; Graph reads the key back unchanged.
    const { url } = requestFor({ kind: "user", upn: "$o'neil@contoso.com" }, "1");
    expect(url).toMatch(/^\/users\('%24o''neil%40contoso\.com'\)\?/);
    const answer = await fetch(`${graph.baseUrl}/v1.0${url}`, { headers: { Authorization: "Bearer t" } });
    expect(((await answer.json()) as { error: { message: string } }).error.message).toContain("Resource '$o'neil@contoso.com' does not exist");
  });

  it("percent-encodes a guest UPN's #EXT# so the fake finds the guest", async () => {
    const graph = await withFaults([]);
    const { report } = await runValidation(graph, cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.invitedGuest } }));
    expect(graph.requests.map((request) => request.path)).toContain(`/users/${DEMO_PEOPLE.invitedGuest}`);
    expect(find(report.results, `admin-member:${HIA}`).status).toBe("fail");
  });

  it("sends Accept-Language en-US, which the PIM endpoint needs", async () => {
    const graph = await withFaults([]);
    await runValidation(graph, cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.pimEligible } }));
    const pim = graph.requests.filter((request) => request.path.endsWith("roleEligibilityScheduleInstances"));
    expect(pim.length).toBeGreaterThan(0);
    expect(pim.every((request) => request.acceptLanguage === "en-US")).toBe(true);
  });
});
