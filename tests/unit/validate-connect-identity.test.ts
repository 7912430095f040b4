import { afterEach, describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { demoTenant } from "@/lib/graph/fake/demo-tenant";
import { startFakeGraph, type FakeGraph, type FaultRule } from "@/lib/graph/fake/graph-server";
import type { FakeTenant } from "@/lib/graph/fake/tenant-data";
import type { Plan } from "@/lib/plan";
import { validationReportSchema } from "@/lib/validation/schema";
import { connectPlan, find, runValidation } from "../fixtures/graph";

const DIRSYNC = "d29b2b05-8046-44ba-8758-1e26182fcf32";
const started: FakeGraph[] = [];
async function fakeWith(change: (tenant: FakeTenant) => void = () => undefined, faults: FaultRule[] = []) {
  const tenant = demoTenant();
  change(tenant);
  const fake = await startFakeGraph({ tenant, faults, requestLog: process.env.PLANNER_DEMO_REQUEST_LOG || undefined });
  started.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((fake) => fake.close()));
});

function withAuth(entraAuth: NonNullable<Plan["environment"]>["connect"]["entraAuth"]): Plan {
  const plan = connectPlan(DEMO_PEOPLE.goodAdmin);
  plan.environment!.connect.entraAuth = entraAuth;
  return plan;
}

/** A tenant whose Directory Synchronization Accounts role has this many Sync_ users. */
function syncUsers(count: number) {
  return (tenant: FakeTenant) => {
    tenant.users = tenant.users.filter((user) => !user.userPrincipalName?.startsWith("Sync_"));
    tenant.roleAssignments = tenant.roleAssignments.filter((assignment) => assignment.roleDefinitionId !== DIRSYNC);
    for (let index = 0; index < count; index += 1) {
      const id = `5f1e0000-0000-4000-8000-0000000000${String(index).padStart(2, "0")}`;
      tenant.users.push({ id, userPrincipalName: `Sync_SRV${index}_${index}a1b2c3@contoso.onmicrosoft.com`, displayName: "On-Premises Directory Synchronization Service Account", userType: "Member", accountEnabled: true });
      tenant.roleAssignments.push({ id: `ra-sync-${index}`, principalId: id, roleDefinitionId: DIRSYNC, directoryScopeId: "/" });
    }
  };
}

describe("the limit of 20 sync accounts", () => {
  it("does not count the application identities the plan adds, and counts one Sync_ account per server with the legacy sync account", async () => {
    const fake = await fakeWith(syncUsers(19));
    const application = await runValidation(fake, withAuth("applicationManaged"));
    expect(find(application.report.results, "connect-sync-accounts")).toMatchObject({
      status: "warn",
      title: "19 existing sync accounts, 0 planned",
      detail: expect.stringContaining("application identities, which are not Sync_ accounts and do not count"),
    });
    const legacy = await runValidation(fake, withAuth("syncAccount"));
    expect(find(legacy.report.results, "connect-sync-accounts")).toMatchObject({ status: "fail", title: "19 existing sync accounts, 2 planned" });
  });
});

describe("a tenant with many sync identities", () => {
  it("names the first ten of them, and the report stays within what the browser accepts", async () => {
    const fake = await fakeWith((tenant) => {
      syncUsers(19)(tenant);
      const service = tenant.servicePrincipals[0]!;
      const holder = service.appRoleAssignedTo[0]!;
      service.appRoleAssignedTo = Array.from({ length: 40 }, (_unused, index) => ({ ...holder, id: `holder-${index}`, principalDisplayName: `Connect Sync application ${index} ${"x".repeat(80)}` }));
    });
    const { report } = await runValidation(fake, withAuth("applicationManaged"));
    expect(find(report.results, "connect-app-identity").detail).toContain("and 30 more");
    expect(find(report.results, "connect-legacy-sync-users").detail).toContain("and 9 more");
    expect(validationReportSchema.safeParse(report).success).toBe(true);
  });
});

describe("an existing Connect application identity", () => {
  it("warns that a Connect server already syncs when an application holds ADSynchronization.ReadWrite.All", async () => {
    const fake = await fakeWith();
    const { report, roundTrips } = await runValidation(fake, withAuth("applicationManaged"));
    expect(find(report.results, "connect-app-identity")).toMatchObject({
      status: "warn",
      account: "connectEntraConnector",
      detail: expect.stringContaining("Contoso Connect Sync (SYNC-OLD) holds ADSynchronization.ReadWrite.All"),
      remediation: expect.stringContaining("staging mode"),
    });
    expect(roundTrips).toBe(1);
  });

  it("says so for a plan that brings its own application, whose registration may be the holder", async () => {
    const { report } = await runValidation(await fakeWith(), withAuth("applicationOwnApp"));
    expect(find(report.results, "connect-app-identity").detail).toContain("bring your own application");
  });

  it("passes when the AD Synchronization Service is not in the tenant", async () => {
    const { report } = await runValidation(
      await fakeWith((tenant) => (tenant.servicePrincipals = [])),
      withAuth("applicationManaged"),
    );
    expect(find(report.results, "connect-app-identity")).toMatchObject({ status: "pass", detail: expect.stringContaining("is not in the tenant") });
  });

  it("reads the role's id from the service principal: a holder of another app role is not a Connect server", async () => {
    const fake = await fakeWith((tenant) => {
      const service = tenant.servicePrincipals[0]!;
      service.appRoles = [{ id: "0f0e0d0c-0b0a-4908-8706-050403020100", value: "Other.Read.All", allowedMemberTypes: ["Application"], isEnabled: true }, ...(service.appRoles ?? [])];
      service.appRoleAssignedTo = service.appRoleAssignedTo.map((holder) => ({ ...holder, appRoleId: "0f0e0d0c-0b0a-4908-8706-050403020100" }));
    });
    const { report } = await runValidation(fake, withAuth("applicationManaged"));
    expect(find(report.results, "connect-app-identity")).toMatchObject({ status: "pass", detail: expect.stringContaining("No application holds") });
  });

  it("is unknown without Application.Read.All, and every other check still runs", async () => {
    const plan = withAuth("applicationManaged");
    const full = await runValidation(await fakeWith(), plan);
    const fake = await fakeWith(() => undefined, [{ path: /^\/servicePrincipals/, kind: "403", where: "item", times: 10 }]);
    const { report } = await runValidation(fake, plan);
    expect(find(report.results, "connect-app-identity")).toMatchObject({ status: "unknown", detail: expect.stringContaining("Application.Read.All") });
    const others = (results: typeof report.results) => results.filter((result) => result.id !== "connect-app-identity").map((result) => [result.id, result.status]);
    expect(others(report.results)).toEqual(others(full.report.results));
  });
});
