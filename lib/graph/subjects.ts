import "server-only";
import type { AccountId, EntraRoleId } from "@/lib/catalog";
import { deriveAccounts, upnProblem, type PlanWithTool } from "@/lib/plan";

/** What of a plan the tenant checks look at: the tool, the environment, and the Entra admins it names. */


export interface AdminToCheck {
  key: string;
  accountId: AccountId;
  label: string;
  upn: string;
  acceptedRoles: EntraRoleId[];
  /** Connect needs the role assigned to the user, not to a group. */
  needsDirectAssignment: boolean;
  mustBeCloudOnly: boolean;
}

/** The Entra users of the plan that Graph can check. */
export function adminsToCheck(plan: PlanWithTool): AdminToCheck[] {
  return deriveAccounts(plan).flatMap((account) => {
    const entry = plan.accounts[account.key];
    if (account.definition.identity !== "upn" || !entry?.inUse || upnProblem(entry.name)) return [];
    const roles = account.definition.roles ?? [];
    return [
      {
        key: account.key,
        accountId: account.definition.id,
        label: account.label,
        upn: entry.name,
        acceptedRoles: roles.includes("globalAdministrator") ? [...roles] : [...roles, "globalAdministrator"],
        needsDirectAssignment: account.definition.id === "connectHybridIdentityAdmin",
        mustBeCloudOnly: account.definition.id === "breakGlassAdmin",
      },
    ];
  });
}

/** A UPN as the snapshot keys it: Graph compares user principal names without regard to case. */
export const upnKey = (upn: string) => upn.toLowerCase();
