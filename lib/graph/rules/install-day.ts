import "server-only";
import { ACCOUNTS_BY_ID, SOURCES, type AccountDefinition } from "@/lib/catalog";
import { deriveAccounts } from "@/lib/plan";
import type { CheckResult } from "@/lib/validation/schema";
import type { PlanWithTool } from "@/lib/plan";

/** Where each kind of on-premises account is looked at: a Cloud Sync plan never hears of SQL Server. */
const WHERE: Record<Exclude<AccountDefinition["directory"], "entra">, string> = {
  activeDirectory: "it is an Active Directory account: check it there",
  server: "it is an account on the server: check it there",
  sql: "it is a SQL Server login: check it in SQL Server",
};

/**
 * The on-premises accounts Graph cannot see: to-dos for install day, never a
 * pass. "What to do" is the catalog's install-day check (where, with which
 * tool, what to look for), linked to the page that documents its first step.
 */
export function installDayChecks(plan: PlanWithTool): CheckResult[] {
  return deriveAccounts(plan)
    .filter((account) => account.definition.directory !== "entra" && !account.definition.informational && plan.accounts[account.key]?.inUse !== false)
    .map((account) => {
      const directory = account.definition.directory as keyof typeof WHERE;
      const steps = ACCOUNTS_BY_ID[account.definition.id].installDayCheck ?? [];
      const documented = steps[0]?.cite.source ?? account.definition.sources[0]!;
      return {
        id: `install-day:${account.key}`,
        account: account.definition.id,
        accountKey: account.key,
        status: "unknown" as const,
        title: `${account.label}: to check on install day`,
        detail: `Microsoft Graph cannot see this account: ${WHERE[directory]}.`,
        remediation: steps.map((step) => step.text).join(" "),
        docUrl: SOURCES[documented].url,
      };
    });
}
