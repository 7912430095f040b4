import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import type { FakeGraph } from "@/lib/graph/fake/graph-server";
import { cloudSyncPlan, connectPlan, find, runValidation, startDemoFake } from "../fixtures/graph";

let fake: FakeGraph;
beforeAll(async () => {
  fake = await startDemoFake();
});
afterAll(() => fake.close());

const HIA = "cloudSyncHybridIdentityAdmin";
const withAdmin = (upn: string) => cloudSyncPlan({ [HIA]: { name: upn } });

describe("validation against the demo tenant", () => {
  it("passes the good admin on every check, tied to the account", async () => {
    const { report, roundTrips } = await runValidation(fake, withAdmin(DEMO_PEOPLE.goodAdmin));
    for (const check of ["admin-exists", "admin-member", "admin-enabled", "admin-cloud-only", "admin-role"]) {
      expect(find(report.results, `${check}:${HIA}`)).toMatchObject({ status: "pass", account: HIA, accountKey: HIA });
    }
    expect(find(report.results, `admin-role:${HIA}`).detail).toContain("directly and active");
    expect(report.tenant).toEqual({ id: "7d1f0e2a-3b4c-4d5e-8f60-718293a4b5c6", displayName: "Contoso (demo tenant)" });
    expect(roundTrips).toBe(1);
  });

  it("fails a guest admin", async () => {
    const { report } = await runValidation(fake, withAdmin(DEMO_PEOPLE.guest));
    expect(find(report.results, `admin-exists:${HIA}`).status).toBe("pass");
    expect(find(report.results, `admin-member:${HIA}`)).toMatchObject({ status: "fail", account: HIA, title: expect.stringContaining("guest") });
  });

  it("warns when the role is only PIM-eligible", async () => {
    const { report } = await runValidation(fake, withAdmin(DEMO_PEOPLE.pimEligible));
    expect(find(report.results, `admin-role:${HIA}`)).toMatchObject({ status: "warn", account: HIA, remediation: expect.stringContaining("Activate") });
  });

  it("fails a group-assigned role for Connect, which needs a direct assignment, and accepts it for Cloud Sync", async () => {
    const connect = await runValidation(fake, connectPlan(DEMO_PEOPLE.groupAssigned));
    expect(find(connect.report.results, "admin-role:connectHybridIdentityAdmin")).toMatchObject({
      status: "fail",
      account: "connectHybridIdentityAdmin",
      detail: expect.stringContaining("only as a member of Hybrid Identity Admins"),
    });
    const cloud = await runValidation(fake, withAdmin(DEMO_PEOPLE.groupAssigned));
    expect(find(cloud.report.results, `admin-role:${HIA}`)).toMatchObject({ status: "pass", detail: expect.stringContaining("as a member of") });
  });

  it("fails a disabled account", async () => {
    const { report } = await runValidation(fake, withAdmin(DEMO_PEOPLE.disabled));
    expect(find(report.results, `admin-enabled:${HIA}`)).toMatchObject({ status: "fail", account: HIA });
  });

  it("warns about an admin synced from AD, and fails a synced break-glass account", async () => {
    const { report } = await runValidation(fake, cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.synced }, breakGlassAdmin: { name: DEMO_PEOPLE.synced } }));
    expect(find(report.results, `admin-cloud-only:${HIA}`)).toMatchObject({ status: "warn", account: HIA });
    expect(find(report.results, "admin-cloud-only:breakGlassAdmin")).toMatchObject({ status: "fail", account: "breakGlassAdmin" });
  });

  it("fails an admin without the role, and one that does not exist", async () => {
    const noRole = await runValidation(fake, withAdmin(DEMO_PEOPLE.noRole));
    expect(find(noRole.report.results, `admin-role:${HIA}`)).toMatchObject({ status: "fail", account: HIA });
    const missing = await runValidation(fake, withAdmin("nobody@contoso.onmicrosoft.com"));
    expect(find(missing.report.results, `admin-exists:${HIA}`)).toMatchObject({ status: "fail", account: HIA });
    expect(missing.report.results.some((result) => result.id === `admin-role:${HIA}`)).toBe(false);
  });

  it("checks every UPN suffix: verified, unverified, federated, missing", async () => {
    const plan = withAdmin(DEMO_PEOPLE.goodAdmin);
    plan.environment!.forests[0]!.upnSuffixes = ["contoso.com", DEMO_PEOPLE.unverifiedSuffix, DEMO_PEOPLE.federatedDomain, "northwind.com"];
    const { report } = await runValidation(fake, plan);
    expect(find(report.results, "tenant-upn-suffix:contoso.com")).toMatchObject({ status: "pass", account: null });
    expect(find(report.results, "tenant-upn-suffix:contoso.co.uk")).toMatchObject({ status: "warn", account: null, title: expect.stringContaining("not verified") });
    expect(find(report.results, "tenant-upn-suffix:fabrikam.com")).toMatchObject({ status: "warn", title: expect.stringContaining("federated") });
    expect(find(report.results, "tenant-upn-suffix:northwind.com")).toMatchObject({ status: "warn", title: expect.stringContaining("not in the tenant") });
    expect(find(report.results, "tenant-initial-domain").status).toBe("pass");
  });

  it("warns that the tenant is already synchronized, with the last sync time in words and coexistence guidance for the plan's tool", async () => {
    const { report } = await runValidation(fake, withAdmin(DEMO_PEOPLE.goodAdmin));
    const cloudSync = find(report.results, "tenant-synced");
    expect(cloudSync).toMatchObject({ status: "warn", account: null, detail: expect.stringContaining("24 November 2026") });
    expect(cloudSync.detail).toContain("06:40 UTC");
    expect(cloudSync.detail).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    expect(cloudSync.remediation).toContain("scope Cloud Sync and Connect to different objects");
    // Staging mode is a Connect server's: a Cloud Sync plan is not told to use it.
    expect(cloudSync.remediation).not.toMatch(/staging/i);
    const { report: connectReport } = await runValidation(fake, connectPlan(DEMO_PEOPLE.goodAdmin));
    expect(find(connectReport.results, "tenant-synced").remediation).toContain("staging mode");
  });

  it("fails a plan that names another tenant", async () => {
    const plan = withAdmin(DEMO_PEOPLE.goodAdmin);
    plan.environment!.tenant.initialDomain = "fabrikamgroup.onmicrosoft.com";
    const { report } = await runValidation(fake, plan);
    expect(find(report.results, "tenant-initial-domain").status).toBe("fail");
  });

  it("counts existing sync accounts against the limit of 20 and flags features that still need a Global Administrator", async () => {
    const plan = connectPlan(DEMO_PEOPLE.goodAdmin);
    plan.environment!.features = [...plan.environment!.features, "connectHealth"];
    const { report, roundTrips } = await runValidation(fake, plan);
    expect(find(report.results, "connect-sync-accounts")).toMatchObject({ status: "pass", account: "connectEntraConnector", title: "1 existing sync account, 0 planned" });
    expect(find(report.results, "connect-legacy-sync-users")).toMatchObject({ status: "warn", detail: expect.stringContaining("Sync_OLDSYNC01") });
    expect(find(report.results, "connect-global-admin-features")).toMatchObject({ status: "warn", account: "globalAdministrator" });
    expect(find(report.results, "admin-role:connectHybridIdentityAdmin").status).toBe("pass");
    expect(roundTrips).toBe(1);
  });

  it("reports on-premises accounts as to-dos for install day, never as a pass", async () => {
    const { report } = await runValidation(fake, connectPlan(DEMO_PEOPLE.goodAdmin));
    const onPremises = report.results.filter((result) => result.id.startsWith("install-day:"));
    expect(onPremises.map((result) => result.accountKey)).toEqual(
      expect.arrayContaining(["connectAdDsConnector@forest-1", "connectAdDsConnector@forest-3", "connectAdSyncService@server-1", "connectSqlSa", "connectLocalAdmin@server-2"]),
    );
    expect(onPremises.every((result) => result.status === "unknown")).toBe(true);
    expect(onPremises.some((result) => result.accountKey === "connectEnterpriseAdmin@forest-2")).toBe(false);
  });
});
