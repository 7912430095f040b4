import "server-only";
import type { CheckResult } from "@/lib/validation/schema";
import { adminChecks } from "./rules/admins";
import { connectChecks } from "./rules/connect";
import { installDayChecks } from "./rules/install-day";
import { tenantChecks } from "./rules/tenant";
import type { TenantSnapshot } from "./snapshot";
import { adminsToCheck, type PlanReady } from "./subjects";

/** Every check of a plan against the tenant's snapshot: pure, nothing here talks to the network. */
export function interpret(plan: PlanReady, snapshot: TenantSnapshot): CheckResult[] {
  return [
    ...adminsToCheck(plan).flatMap((admin) => adminChecks(admin, snapshot)),
    ...tenantChecks(plan, snapshot),
    ...(plan.tool === "connect" ? connectChecks(plan, snapshot) : []),
    ...installDayChecks(plan),
  ];
}
