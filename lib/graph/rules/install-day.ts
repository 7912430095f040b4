import "server-only";
import { ACCOUNTS_BY_ID, SOURCES } from "@/lib/catalog";
import { deriveAccounts } from "@/lib/plan";
import type { CheckResult } from "@/lib/validation/schema";
import type { PlanWithTool } from "@/lib/plan";

/**
 * The on-premises accounts Graph cannot see: to-dos for install day, never a
 * pass. "What to do" is the catalog's install-day check (where, with which
 * tool, what to look for), linked to the page that documents its first step.
 */
export function installDayChecks(plan: PlanWithTool): CheckResult[] {
  return deriveAccounts(plan)
    .filter((account) => account.definition.directory !== "entra" && !account.definition.informational && plan.accounts[account.key]?.inUse !== false)
    .map((account) => {
      const steps = ACCOUNTS_BY_ID[account.definition.id].installDayCheck ?? [];
      const documented = steps[0]?.cite.source ?? account.definition.sources[0]!;
      return {
        id: `install-day:${account.key}`,
        account: account.definition.id,
        accountKey: account.key,
        status: "unknown" as const,
        title: `${account.label}: to check on install day`,
        detail: "Microsoft Graph cannot see on-premises accounts: check this one in Active Directory, on the server or in SQL Server.",
        remediation: steps.map((step) => step.text).join(" "),
        docUrl: SOURCES[documented].url,
      };
    });
}
