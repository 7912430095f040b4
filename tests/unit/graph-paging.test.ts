import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { startFakeGraph, type FakeGraph } from "@/lib/graph/fake/graph-server";
import { demoTenant } from "@/lib/graph/fake/demo-tenant";
import type { CheckResult } from "@/lib/validation/schema";
import { cloudSyncPlan, connectPlan, find, runValidation, startDemoFake } from "../fixtures/graph";

const HIA = "cloudSyncHybridIdentityAdmin";
const started: FakeGraph[] = [];
async function fakeGraph(...args: Parameters<typeof startDemoFake>) {
  const fake = await startDemoFake(...args);
  started.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

const statuses = (results: readonly CheckResult[]) => Object.fromEntries(results.map((result) => [result.id, result.status]));

describe("an admin in more than 100 groups", () => {
  it("is in the role-assignable group the demo tenant lists after the first page of 100", async () => {
    const fake = await fakeGraph();
    const response = await fetch(`${fake.baseUrl}/v1.0/users/${DEMO_PEOPLE.manyGroups}/transitiveMemberOf/microsoft.graph.group?$count=true`, {
      headers: { Authorization: "Bearer test", ConsistencyLevel: "eventual" },
    });
    const firstPage = (await response.json()) as { value: { displayName: string }[]; "@odata.count": number; "@odata.nextLink"?: string };
    expect(firstPage["@odata.count"]).toBe(150);
    expect(firstPage.value).toHaveLength(100);
    expect(firstPage.value.map((group) => group.displayName)).not.toContain("Identity Operations (role-assignable)");
    expect(firstPage["@odata.nextLink"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1\.0\/users\//);
  });

  it("holds the role through that group: a pass for Cloud Sync, and for Connect a fail that says why, never 'does not hold'", async () => {
    const fake = await fakeGraph();
    const cloud = await runValidation(fake, cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.manyGroups } }));
    expect(find(cloud.report.results, `admin-role:${HIA}`)).toMatchObject({ status: "pass", detail: expect.stringContaining("Identity Operations (role-assignable)") });
    expect(cloud.roundTrips).toBe(1);
    const connect = await runValidation(fake, connectPlan(DEMO_PEOPLE.manyGroups));
    expect(find(connect.report.results, "admin-role:connectHybridIdentityAdmin")).toMatchObject({ status: "fail", title: expect.stringContaining("only through a group") });
  });
});

describe("paging", () => {
  it("reads every page of every collection and reaches the same results as with one page each", async () => {
    // Every list the checks read holds at least two items here (a tenant has one organization).
    const tenant = demoTenant();
    tenant.users.push({ id: "0b8a1c52-0014-4e51-9c2a-5f0d1b2e3a54", userPrincipalName: "Sync_OLDSYNC02_9c1d04be3f2a@contoso.onmicrosoft.com", displayName: "Sync", userType: "Member" });
    tenant.roleEligibilities.push({ ...tenant.roleEligibilities[0]!, id: "re-02", principalId: "0b8a1c52-0005-4e51-9c2a-5f0d1b2e3a45" });
    tenant.groups[0]!.memberIds.push(tenant.users.find((user) => user.userPrincipalName === DEMO_PEOPLE.manyGroups)!.id!);
    const service = tenant.servicePrincipals[0]!;
    service.appRoleAssignedTo.push({ ...service.appRoleAssignedTo[0]!, id: "second", principalId: "7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1909", principalDisplayName: "Contoso Connect Sync (SYNC-OLD2)" });
    for (const plan of [connectPlan(DEMO_PEOPLE.goodAdmin), cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.manyGroups } })]) {
      const whole = await startFakeGraph({ tenant });
      const paged = await startFakeGraph({ tenant, pageSize: 1, requestLog: process.env.PLANNER_DEMO_REQUEST_LOG || undefined });
      started.push(whole, paged);
      const onePage = await runValidation(whole, plan);
      const manyPages = await runValidation(paged, plan);
      expect(statuses(manyPages.report.results)).toEqual(statuses(onePage.report.results));
      expect(manyPages.roundTrips).toBeGreaterThan(1);
      const nextPages = new Set(paged.requests.filter((request) => request.url.includes("$skiptoken=")).map((request) => request.path.replace(/^\/users\/[^/]+\//, "/users/{upn}/")));
      const lists = ["/domains", "/roleManagement/directory/roleAssignments", "/roleManagement/directory/roleEligibilityScheduleInstances"];
      const connectLists = ["/users", "/servicePrincipals(appId='6bf85cfa-ac8a-4be5-b5de-425a0d0dc016')/appRoleAssignedTo"];
      for (const list of [...lists, ...(plan.tool === "connect" ? connectLists : ["/users/{upn}/transitiveMemberOf/microsoft.graph.group"])]) expect(nextPages).toContain(list);
    }
  });

  it("refuses a next page on another origin: the check is unknown with the reason, and the token never goes there", async () => {
    const elsewhere = await fakeGraph();
    const fake = await fakeGraph([], { pageSize: 1, nextLinkOrigin: elsewhere.baseUrl });
    const { report } = await runValidation(fake, cloudSyncPlan());
    expect(find(report.results, "tenant-domains")).toMatchObject({ status: "unknown", detail: expect.stringContaining(`points to ${elsewhere.baseUrl}`) });
    expect(find(report.results, "tenant-domains").remediation).toContain("GRAPH_BASE_URL");
    expect(find(report.results, `admin-role:${HIA}`).status).toBe("unknown");
    expect(report.results.some((result) => result.id.startsWith("tenant-upn-suffix:") || result.id === "tenant-initial-domain")).toBe(false);
    expect(find(report.results, `admin-exists:${HIA}`).status).toBe("pass");
    expect(elsewhere.httpRequestCount()).toBe(0);
  });

  it("waits out a 429 on a next page and reads on", async () => {
    const fake = await fakeGraph([{ path: /^\/domains$/, query: /\$skiptoken=/, kind: "429", where: "item", retryAfterSeconds: 1, times: 1 }], { pageSize: 2 });
    const startedAt = Date.now();
    const { report } = await runValidation(fake, cloudSyncPlan());
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(1000);
    expect(fake.requests.filter((request) => request.path === "/domains").map((request) => request.url.includes("$skiptoken="))).toEqual([false, true, true]);
    expect(find(report.results, "tenant-initial-domain").status).toBe("pass");
    expect(find(report.results, "tenant-upn-suffix:contoso.com").status).toBe("pass");
  });

  it("reports a next page throttled too long as unknown, naming the page, and judges nothing on half a list", async () => {
    const fake = await fakeGraph([{ path: /^\/domains$/, query: /\$skiptoken=/, kind: "429", where: "item", retryAfterSeconds: 120, times: 5 }], { pageSize: 2 });
    const { report } = await runValidation(fake, cloudSyncPlan());
    expect(find(report.results, "tenant-domains")).toMatchObject({ status: "unknown", detail: expect.stringMatching(/throttling.*GET \/domains \(page 2\) answered 429/) });
    expect(report.results.some((result) => result.id.startsWith("tenant-upn-suffix:") || result.id === "tenant-initial-domain")).toBe(false);
  });

  it("stops after the page bound, as unknown with the reason", async () => {
    const fake = await fakeGraph([], { pageSize: 1 });
    const { report } = await runValidation(fake, cloudSyncPlan(), { maxPages: 2 });
    expect(find(report.results, "tenant-domains")).toMatchObject({ status: "unknown", detail: expect.stringContaining("past 2 pages") });
    expect(fake.requests.filter((request) => request.path === "/domains")).toHaveLength(2);
  });
});

describe("advanced queries", () => {
  it("are refused without ConsistencyLevel: eventual and $count=true, as Graph refuses them", async () => {
    const fake = await startFakeGraph({ tenant: demoTenant() });
    started.push(fake);
    const groups = `${fake.baseUrl}/v1.0/users/${DEMO_PEOPLE.groupAssigned}/transitiveMemberOf/microsoft.graph.group`;
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const response = await fetch(url, { headers: { Authorization: "Bearer test", ...headers } });
      return { status: response.status, body: (await response.json()) as { error?: { code: string }; value?: unknown[]; "@odata.count"?: number } };
    };
    expect(await get(groups)).toMatchObject({ status: 400, body: { error: { code: "Request_UnsupportedQuery" } } });
    expect(await get(`${groups}?$count=true`)).toMatchObject({ status: 400 });
    expect(await get(groups, { ConsistencyLevel: "eventual" })).toMatchObject({ status: 400 });
    expect(await get(`${groups}?$count=true&$filter=isAssignableToRole eq true`, { ConsistencyLevel: "eventual" })).toMatchObject({ status: 200, body: { "@odata.count": 1 } });
    // $count without the header is ignored on directory objects; $expand is not allowed in an advanced query.
    expect((await get(`${fake.baseUrl}/v1.0/users?$filter=startswith(userPrincipalName,'Sync_')&$count=true`)).body["@odata.count"]).toBeUndefined();
    expect(await get(`${fake.baseUrl}/v1.0/users?$filter=startswith(userPrincipalName,'Sync_')&$count=true&$expand=manager`, { ConsistencyLevel: "eventual" })).toMatchObject({
      status: 400,
      body: { error: { code: "Request_UnsupportedQuery" } },
    });
    expect(await get(`${fake.baseUrl}/v1.0/domains?$top=1000`)).toMatchObject({ status: 400 });
  });
});
