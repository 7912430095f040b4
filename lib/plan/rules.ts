import type { core } from "zod/mini";
import { ACCOUNT_TYPE_LABELS, FEATURES_BY_ID, TOOL_LABELS, WELL_KNOWN_ADMIN_NAMES } from "@/lib/catalog";
import { accountsWithSteps, forestDomains, tenantDomains, type RequiredAccount } from "./derive";
import {
  fqdnProblem,
  gmsaNameProblem,
  isGuestUpn,
  samAccountNameProblem,
  sqlLoginProblem,
  upnDomain,
  upnProblem,
} from "./formats";
import { someOf } from "./limits";
import type { AccountEntry, Environment, Plan } from "./schema";

type Issue = { path: (string | number)[]; message: string };
type PlanShape = Omit<Plan, never>;

/** Rules that span several fields of the plan; each issue points at the field to fix. */
export function checkPlanRules(plan: PlanShape, context: core.$RefinementCtx<PlanShape>): void {
  for (const issue of planRuleIssues(plan)) {
    context.addIssue({ code: "custom", path: issue.path, message: issue.message });
  }
}

export function planRuleIssues(plan: Plan): Issue[] {
  const issues: Issue[] = [];
  if (plan.environment) issues.push(...environmentIssues(plan, plan.environment));
  for (const account of accountsWithSteps(plan)) {
    const entry = plan.accounts[account.key];
    if (entry && plan.environment) {
      for (const issue of accountIssues(account, entry, plan.environment)) {
        issues.push({ path: ["accounts", account.key, ...issue.path], message: issue.message });
      }
    }
  }
  return issues;
}

function environmentIssues(plan: Plan, environment: Environment): Issue[] {
  const issues: Issue[] = [];
  const at = (path: (string | number)[], message: string) => issues.push({ path: ["environment", ...path], message });

  const suffixOwner = new Map<string, string>();
  const domainOwner = new Map<string, string>();
  environment.forests.forEach((forest, forestIndex) => {
    forestDomains(forest).forEach((domain, domainIndex) => {
      const key = domain.toLowerCase();
      const owner = domainOwner.get(key);
      const path = domainIndex === 0 ? ["forests", forestIndex, "rootDomain"] : ["forests", forestIndex, "domains", domainIndex - 1];
      if (owner && owner !== forest.id) at(path, `${domain} already belongs to another forest: a domain is in exactly one forest.`);
      domainOwner.set(key, forest.id);
    });
    forest.upnSuffixes.forEach((suffix, suffixIndex) => {
      const key = suffix.toLowerCase();
      if (suffixOwner.has(key)) {
        at(["forests", forestIndex, "upnSuffixes", suffixIndex], `The UPN suffix ${suffix} is listed twice: each UPN suffix must be unique across all forests.`);
      }
      suffixOwner.set(key, forest.id);
    });
  });

  const serverNames = new Set<string>();
  environment.servers.forEach((server, index) => {
    const key = server.name.toLowerCase();
    if (serverNames.has(key)) at(["servers", index, "name"], `${server.name} is listed twice: give each server once.`);
    serverNames.add(key);
  });

  if (!plan.tool) return issues;
  const tool = plan.tool;

  environment.features.forEach((featureId, index) => {
    const feature = FEATURES_BY_ID[featureId];
    if (feature.support[tool] === "unavailable") {
      const reason = feature.unavailableReason?.[tool] ?? `${TOOL_LABELS[tool]} does not offer it.`;
      at(["features", index], `${feature.label} is not available: ${reason} Untick it, or choose the other tool.`);
    }
  });

  if (tool === "connect") {
    const active = environment.servers.filter((server) => !server.staging);
    if (active.length !== 1) {
      at(
        ["servers"],
        active.length === 0
          ? "Mark one Connect server as active (not staging): Connect synchronizes from exactly one active server."
          : `Connect has exactly one active server; mark the other ${active.length - 1} as staging servers.`,
      );
    }
    if (environment.connect.installType === "express") {
      if (environment.forests.length > 1) {
        at(["forests"], "Express settings connect a single forest. Choose the custom install to plan several forests.");
      }
      const notInExpress = environment.features.filter((id) => !FEATURES_BY_ID[id].inExpress);
      if (notInExpress.length > 0) {
        at(
          ["features"],
          `Express settings configure password hash synchronization only; choose the custom install to plan ${notInExpress
            .map((id) => FEATURES_BY_ID[id].label.toLowerCase())
            .join(", ")}.`,
        );
      }
      if (!environment.features.includes("passwordHashSync")) {
        at(["features"], "Express settings always turn on password hash synchronization: tick it, or choose the custom install.");
      }
    }
  }
  return issues;
}

function domainIssues(account: RequiredAccount, domain: string, environment: Environment): Issue[] {
  if (domain.length === 0) return [{ path: ["domain"], message: "Enter the DNS name of the domain the account is in." }];
  const problem = fqdnProblem(domain);
  if (problem) return [{ path: ["domain"], message: problem }];
  const allowed = account.forest ? forestDomains(account.forest) : environment.forests.flatMap(forestDomains);
  if (!allowed.some((candidate) => candidate.toLowerCase() === domain.toLowerCase())) {
    const where = account.forest ? `the forest ${account.forest.rootDomain}` : "the plan's forests";
    return [{ path: ["domain"], message: `${domain} is not a domain of ${where}: choose one of ${someOf(allowed)}.` }];
  }
  return [];
}

function nameIssue(problem: string | undefined): Issue[] {
  return problem ? [{ path: ["name"], message: problem }] : [];
}

function entraUserIssues(account: RequiredAccount, entry: AccountEntry, environment: Environment): Issue[] {
  const problem = upnProblem(entry.name);
  if (problem) return nameIssue(problem);
  if (isGuestUpn(entry.name)) {
    return nameIssue(
      `${entry.name} is a guest account (#EXT#). The ${account.definition.name} must be a member account of the tenant: use a work account in one of its domains.`,
    );
  }
  const domain = upnDomain(entry.name);
  if (account.definition.id === "breakGlassAdmin") {
    return domain.endsWith(".onmicrosoft.com")
      ? []
      : nameIssue("The break-glass account must be cloud-only: use a user principal name ending in .onmicrosoft.com.");
  }
  const known = tenantDomains(environment);
  const inTenant = known.has(domain) || (!environment.tenant.initialDomain && domain.endsWith(".onmicrosoft.com"));
  if (!inTenant) {
    return nameIssue(
      `${domain} is not one of the tenant's domains (${someOf([...known])}). Use a work account of this tenant, or add the domain as a UPN suffix of a forest.`,
    );
  }
  return [];
}

function connectorIssues(entry: AccountEntry): Issue[] {
  const issues: Issue[] = [];
  const lower = entry.name.toLowerCase();
  if (entry.name.endsWith("$") || lower.startsWith("nt service")) {
    issues.push({
      path: ["name"],
      message:
        "The AD DS Connector account must be an ordinary user account: a name ending in $ is a managed service account (VSA, sMSA or gMSA), which Connect refuses.",
    });
  } else if ((WELL_KNOWN_ADMIN_NAMES as readonly string[]).includes(lower)) {
    issues.push({
      path: ["name"],
      message: `${entry.name} is a built-in administrator. The AD DS Connector account must not be a Domain or Enterprise Admin: create a dedicated account.`,
    });
  }
  if (entry.accountType !== "" && entry.accountType !== "domainUser") {
    issues.push({
      path: ["accountType"],
      message: `The AD DS Connector account cannot be a ${ACCOUNT_TYPE_LABELS[entry.accountType]}: it must be an ordinary domain user.`,
    });
  }
  if (entry.privilegedGroupMember) {
    issues.push({
      path: ["privilegedGroupMember"],
      message:
        "The AD DS Connector account must not be a member of Domain Admins or Enterprise Admins (the wizard refuses it since build 1.4.18.0). Use a dedicated account with only the rights listed here.",
    });
  }
  return issues;
}

function serviceAccountIssues(account: RequiredAccount, entry: AccountEntry, environment: Environment): Issue[] {
  const option = account.serviceAccountOption;
  if (!option) return [];
  if (entry.accountType === "") return [{ path: ["accountType"], message: "Choose the kind of account that will run the ADSync service." }];
  if (!option.allowed.includes(entry.accountType)) {
    const allowed = option.allowed.map((type) => ACCOUNT_TYPE_LABELS[type]).join(", ");
    return [
      {
        path: ["accountType"],
        message: `A ${ACCOUNT_TYPE_LABELS[entry.accountType]} cannot run the ADSync service on ${account.server?.name ?? "this server"}: ${option.why} Choose one of: ${allowed}.`,
      },
    ];
  }
  switch (entry.accountType) {
    case "gmsa":
      return [...nameIssue(gmsaNameProblem(entry.name)), ...domainIssues(account, entry.domain, environment)];
    case "domainUser":
      return [...nameIssue(samAccountNameProblem(entry.name)), ...domainIssues(account, entry.domain, environment)];
    case "localUser":
      return [
        ...nameIssue(samAccountNameProblem(entry.name)),
        ...(entry.domain ? [{ path: ["domain"], message: "A local account has no domain: leave the domain empty." }] : []),
      ];
    default:
      return [];
  }
}

/** The rules of one account entry, by what identifies the account. */
export function accountIssues(account: RequiredAccount, entry: AccountEntry, environment: Environment): Issue[] {
  if (!entry.inUse) {
    return account.requirement === "required"
      ? [{ path: ["inUse"], message: `The plan needs the ${account.definition.name}: it cannot be left out.` }]
      : [];
  }
  const { definition } = account;
  switch (definition.identity) {
    case "upn":
      return entraUserIssues(account, entry, environment);
    case "adUser": {
      if (definition.id === "connectAdDsConnector") {
        if (environment.connect.installType === "express") return [];
        const provisioning =
          entry.provisioning === ""
            ? [{ path: ["provisioning"], message: "Choose whether the wizard creates the account or an administrator creates it first." }]
            : [];
        return [
          ...provisioning,
          ...connectorIssues(entry),
          ...nameIssue(entry.name.endsWith("$") ? undefined : samAccountNameProblem(entry.name)),
          ...domainIssues(account, entry.domain, environment),
        ];
      }
      return [...nameIssue(samAccountNameProblem(entry.name)), ...domainIssues(account, entry.domain, environment)];
    }
    case "localOrDomainUser": {
      const domainProblem = entry.domain ? fqdnProblem(entry.domain) : undefined;
      return [...nameIssue(samAccountNameProblem(entry.name)), ...(domainProblem ? [{ path: ["domain"], message: domainProblem }] : [])];
    }
    case "gmsa": {
      const named = account.defaultName === undefined ? nameIssue(gmsaNameProblem(entry.name)) : [];
      return [...named, ...domainIssues(account, entry.domain, environment)];
    }
    case "serviceAccount":
      return serviceAccountIssues(account, entry, environment);
    case "sqlLogin":
      return nameIssue(sqlLoginProblem(entry.name));
    case "generated":
      return [];
  }
}
