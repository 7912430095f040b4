import "server-only";
import type { CheckResult } from "@/lib/validation/schema";
import { adminChecks } from "./rules/admins";
import { connectChecks } from "./rules/connect";
import { installDayChecks } from "./rules/install-day";
import { tenantChecks } from "./rules/tenant";
import type { TenantSnapshot } from "./snapshot";
import type { PlanWithTool } from "@/lib/plan";
import { adminsToCheck } from "./subjects";

/** Every check of a plan against the tenant's snapshot: pure, nothing here talks to the network. */
export function interpret(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult[] {
  return [
    ...adminsToCheck(plan).flatMap((admin) => adminChecks(admin, snapshot)),
    ...tenantChecks(plan, snapshot),
    ...(plan.tool === "connect" ? connectChecks(plan, snapshot) : []),
    ...installDayChecks(plan),
  ];
}
