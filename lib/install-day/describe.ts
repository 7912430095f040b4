import { TOOL_LABELS } from "@/lib/catalog";
import type { AccountRef, AdminGroup, Part, When, Where, Who } from "./model";

/** The words the script, the worksheet and the runbook use for who, where and when. */

function groupText(group: AdminGroup): string {
  switch (group.kind) {
    case "enterpriseAdmins":
      return `Enterprise Admins of the forest ${group.forest}`;
    case "domainAdmins":
      return `Domain Admins of ${group.domain}`;
    case "administrators":
      return `the local Administrators group of ${group.computer}`;
  }
}

/** "a member of Enterprise Admins of the forest x, or a member of Domain Admins of a and Domain Admins of b" */
export function whoText(who: Who): string {
  const computers = who.anyOf.map((groups) => (groups.length === 1 && groups[0]!.kind === "administrators" ? groups[0]!.computer : undefined));
  if (computers.length > 1 && computers.every((computer) => computer !== undefined)) {
    return `a member of the local Administrators group of the computer it runs on (${computers.slice(0, -1).join(", ")} or ${computers.at(-1)})`;
  }
  return who.anyOf.map((groups) => `a member of ${groups.map(groupText).join(" and ")}`).join(", or ");
}

export function whereText(where: Where): string {
  switch (where.kind) {
    case "forestMachine":
      return `a machine of the forest ${where.forest} (a domain controller, or a server with the Active Directory PowerShell module), logged on as that person`;
    case "server":
      return where.role === "connectServer"
        ? `the Connect server ${where.computers.join(", ")} (domain ${where.domain})`
        : `${where.computers.length === 1 ? "the agent host" : "one of the agent hosts"} ${where.computers.join(", ")} (domain ${where.domain})`;
  }
}

export function whenText(part: Pick<Part, "when" | "tool">): string {
  const wizard = part.tool === "connect" ? "the Microsoft Entra Connect wizard" : "the provisioning agent's installer and wizard";
  const when: When = part.when;
  return when === "beforeWizard" ? `before ${wizard}` : `after ${wizard} has finished`;
}

export function toolText(part: Pick<Part, "tool">): string {
  return TOOL_LABELS[part.tool];
}

/** "fabrikam.com\svc-aadc" or "the connector the Connect wizard created in fabrikam.com" */
export function accountText(account: AccountRef): string {
  if (account.kind === "named") return `${account.domain}\\${account.name}${account.gmsa ? "$" : ""}`;
  return account.how === "connectWizardConnector"
    ? `the AD DS Connector account the Connect wizard created for ${account.forest}`
    : `the provisioning agent's gMSA (${account.planned ?? "its default name"}) in ${account.domains[0] ?? account.forest}`;
}
