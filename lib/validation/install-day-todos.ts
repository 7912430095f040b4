import { ACCOUNTS_BY_ID, SOURCES } from "@/lib/catalog";
import { deriveAccounts, type PlanWithTool } from "@/lib/plan";
import type { CheckResult } from "./check-result";

/** The id of an account's install-day to-do: the result a pre-flight file's results take the place of. */
export const INSTALL_DAY_PREFIX = "install-day:";

/**
 * The on-premises accounts Graph cannot see: to-dos for install day, never a
 * pass. Pure, so the Check step can list them beside pre-flight results
 * without asking the server.
 */
export function installDayChecks(plan: PlanWithTool): CheckResult[] {
  return deriveAccounts(plan)
    .filter((account) => account.definition.directory !== "entra" && !account.definition.informational && plan.accounts[account.key]?.inUse !== false)
    .map((account) => ({
      id: `${INSTALL_DAY_PREFIX}${account.key}`,
      account: account.definition.id,
      accountKey: account.key,
      status: "unknown" as const,
      title: `${account.label}: to check on install day`,
      detail: "Microsoft Graph cannot see on-premises accounts: check this one in Active Directory, on the server or in SQL Server, or run the pre-flight collectors (Export step) and load their files here.",
      remediation: ACCOUNTS_BY_ID[account.definition.id].constraints[0]?.text,
      docUrl: SOURCES[account.definition.sources[0]!].url,
    }));
}
