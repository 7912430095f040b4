import { ACCOUNTS_BY_ID, SOURCES, type AccountDefinition } from "@/lib/catalog";
import { deriveAccounts, type PlanWithTool } from "@/lib/plan";
import type { CheckResult } from "./check-result";

/** The id of an account's install-day to-do: the result a pre-flight file's results take the place of. */
export const INSTALL_DAY_PREFIX = "install-day:";

/** Where each kind of on-premises account is looked at: a Cloud Sync plan never hears of SQL Server. */
const WHERE: Record<Exclude<AccountDefinition["directory"], "entra">, string> = {
  activeDirectory: "it is an Active Directory account: check it there, or run the pre-flight collectors (Export step) and load their files here",
  server: "it is an account on the server: check it there, or run the pre-flight collectors (Export step) and load their files here",
  sql: "it is a SQL Server login: check it in SQL Server",
};

/**
 * The on-premises accounts Graph cannot see: to-dos for install day, never a
 * pass. "What to do" is the catalog's install-day check (where, with which
 * tool, what to look for), linked to the page that documents its first step.
 * Pure, so the Check step can list them beside pre-flight results without
 * asking the server.
 */
export function installDayChecks(plan: PlanWithTool): CheckResult[] {
  return deriveAccounts(plan)
    .filter((account) => account.definition.directory !== "entra" && !account.definition.informational && plan.accounts[account.key]?.inUse !== false)
    .map((account) => {
      const directory = account.definition.directory as keyof typeof WHERE;
      const steps = ACCOUNTS_BY_ID[account.definition.id].installDayCheck ?? [];
      const documented = steps[0]?.cite.source ?? account.definition.sources[0]!;
      return {
        id: `${INSTALL_DAY_PREFIX}${account.key}`,
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
