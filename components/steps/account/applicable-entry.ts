import type { IdentityKind } from "@/lib/catalog";
import type { AccountEntry, PlanWithTool, RequiredAccount } from "@/lib/plan";

/** Whether the wizard's "Create new account" makes the account (and names it itself). */
export function wizardCreatesIt(account: RequiredAccount, entry: Pick<AccountEntry, "provisioning">): boolean {
  return account.definition.provisioningChoice === true && entry.provisioning === "wizard";
}

/** Express settings create the AD DS Connector account themselves: nothing to enter. */
export function expressCreatesIt(account: RequiredAccount, plan: PlanWithTool): boolean {
  return account.definition.ordinaryUserOnly === true && plan.tool === "connect" && plan.environment.connect.installType === "express";
}

function unreachable(identity: never): never {
  throw new Error(`Unknown identity kind ${String(identity)}`);
}

/**
 * The entry as the plan keeps it: the answers to the questions the step shows.
 * A name typed before choosing "Create new account" (the wizard names the
 * account itself) or a key storage left from another authentication mode never
 * reaches the plan or the worksheet.
 */
export function applicableEntry(account: RequiredAccount, entry: AccountEntry, plan: PlanWithTool): AccountEntry {
  const next: AccountEntry = { ...entry, keyStorage: "" };
  // The account comes once per domain: its domain is that one.
  if (account.domain !== undefined) next.domain = account.domain;
  const identity: IdentityKind = account.definition.identity;
  switch (identity) {
    case "adUser":
      if (expressCreatesIt(account, plan) || wizardCreatesIt(account, entry)) {
        next.name = "";
        next.privilegedGroupMember = false;
      }
      return next;
    case "application": {
      const { entraAuth } = plan.environment.connect;
      if (entraAuth === "applicationOwnCertificate" || entraAuth === "applicationOwnApp") next.keyStorage = entry.keyStorage;
      // For bring-your-own-application the name holds the application (client) ID; otherwise nothing is entered.
      if (entraAuth !== "applicationOwnApp") next.name = "";
      return next;
    }
    case "gmsa":
      if (account.defaultName !== undefined) next.name = "";
      return next;
    case "serviceAccount":
      if (entry.accountType === "vsa" || entry.accountType === "smsa") {
        next.name = "";
        next.domain = "";
      } else if (entry.accountType === "localUser") {
        next.domain = "";
      }
      return next;
    case "upn":
    case "localOrDomainUser":
    case "sqlLogin":
    case "generated":
      return next;
    default:
      return unreachable(identity);
  }
}
