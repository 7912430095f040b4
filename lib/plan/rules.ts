import type { core } from "zod/mini";
import {
  ACCOUNT_TYPE_LABELS,
  FEATURES_BY_ID,
  LIMITS,
  SIGN_IN_METHOD_LABELS,
  SIGN_IN_METHODS_BY_TOOL,
  TOOL_LABELS,
  WELL_KNOWN_ADMIN_NAMES,
  type IdentityKind,
} from "@/lib/catalog";
import { accountsWithSteps, forestDomains, hasToolAndEnvironment, tenantDomains, type RequiredAccount } from "./derive";
import {
  fqdnProblem,
  gmsaNameProblem,
  isGuestUpn,
  samAccountNameProblem,
  sqlLoginProblem,
  TENANT_ID_PATTERN,
  upnDomain,
  upnProblem,
} from "./formats";
import { someOf } from "./limits";
import type { AccountEntry, Environment, Plan } from "./schema";

type Issue = { path: (string | number)[]; message: string };

/** Rules that span several fields of the plan; each issue points at the field to fix. */
export function checkPlanRules(plan: Plan, context: core.$RefinementCtx<Plan>): void {
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
      for (const issue of accountIssues(account, entry, plan)) {
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
    if (server.domain === "") {
      at(["servers", index, "domain"], `Choose the domain ${server.name || "this server"} is joined to: sync servers must be domain-joined.`);
    } else if (!domainOwner.has(server.domain.toLowerCase())) {
      at(["servers", index, "domain"], `${server.domain} is not a domain of the plan's forests: choose the domain the server is joined to, or add it to its forest.`);
    }
  });

  const forestIds = new Set(environment.forests.map((forest) => forest.id));
  const forestChoice = (field: "deviceWritebackForestId" | "exchangeForestId", value: string) => {
    if (value !== "" && !forestIds.has(value)) at(["connect", field], "That forest is no longer in the plan: choose one of the forests listed.");
  };
  forestChoice("deviceWritebackForestId", environment.connect.deviceWritebackForestId);
  forestChoice("exchangeForestId", environment.connect.exchangeForestId);

  if (!plan.tool) return issues;
  const tool = plan.tool;

  environment.features.forEach((featureId, index) => {
    const feature = FEATURES_BY_ID[featureId];
    if (feature.support[tool] === "unavailable") {
      const reason = feature.unavailableReason?.[tool] ?? `${TOOL_LABELS[tool]} does not offer it.`;
      at(["features", index], `${feature.label} is not available: ${reason} Untick it, or choose the other tool.`);
    }
  });

  const { signIn, connect } = environment;
  if (!SIGN_IN_METHODS_BY_TOOL[tool].includes(signIn.method)) {
    at(
      ["signIn", "method"],
      `${TOOL_LABELS[tool]} cannot set up ${SIGN_IN_METHOD_LABELS[signIn.method].toLowerCase()} (an existing setup keeps working): choose password hash synchronization or “do not configure”, or choose the other tool.`,
    );
  }

  if (tool === "connect") {
    if (signIn.seamlessSso && !["passwordHashSync", "passThroughAuth"].includes(signIn.method)) {
      at(["signIn", "seamlessSso"], "The Connect wizard offers seamless single sign-on only with password hash synchronization or pass-through authentication: untick it, or change the sign-in method.");
    }
    const active = environment.servers.filter((server) => !server.staging);
    if (active.length !== 1) {
      at(
        ["servers"],
        active.length === 0
          ? "Mark one Connect server as active (not staging): Connect synchronizes from exactly one active server."
          : `Connect has exactly one active server; mark the other ${active.length - 1} as staging servers.`,
      );
    }
    if (environment.features.includes("deviceWriteback") && connect.deviceWritebackForestId === "") {
      at(["connect", "deviceWritebackForestId"], "Choose the forest devices are written back to: device writeback supports a single forest.");
    }
    if (connect.installType === "express") {
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
      if (signIn.method !== "passwordHashSync" || signIn.seamlessSso) {
        at(["signIn", "method"], "Express settings always sign users in with password hash synchronization and no seamless SSO: choose that, or choose the custom install.");
      }
    } else if (connect.sourceAnchor === "otherAttribute") {
      const attribute = connect.sourceAnchorAttribute.trim();
      if (!attribute) at(["connect", "sourceAnchorAttribute"], "Enter the attribute that identifies users, like employeeID.");
      else if (!/^[a-z][a-z0-9-]*$/i.test(attribute)) {
        at(["connect", "sourceAnchorAttribute"], "Enter an attribute's LDAP name (letters, digits and hyphens, like employeeID); values with an @ cannot anchor users.");
      }
    }
  }
  return issues;
}

function domainIssues(account: RequiredAccount, domain: string, environment: Environment): Issue[] {
  if (domain.length === 0) return [{ path: ["domain"], message: "Choose the domain the account is in." }];
  const problem = fqdnProblem(domain);
  if (problem) return [{ path: ["domain"], message: problem }];
  const allowed = account.domain ? [account.domain] : account.forest ? forestDomains(account.forest) : environment.forests.flatMap(forestDomains);
  if (!allowed.some((candidate) => candidate.toLowerCase() === domain.toLowerCase())) {
    const where = account.domain ? `the servers' domain ${account.domain}` : account.forest ? `the forest ${account.forest.rootDomain}` : "the plan's forests";
    return [{ path: ["domain"], message: `${domain} is not ${account.domain ? "" : "a domain of "}${where}: choose ${allowed.length === 1 ? allowed[0] : `one of ${someOf(allowed)}`}.` }];
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
  switch (account.definition.upnRule ?? "tenantMember") {
    case "cloudOnly":
      return domain.endsWith(".onmicrosoft.com") ? [] : nameIssue(`The ${account.definition.name} must be cloud-only: use a user principal name ending in .onmicrosoft.com.`);
    case "tenantMember": {
      const known = tenantDomains(environment);
      const inTenant = known.has(domain) || (!environment.tenant.initialDomain && domain.endsWith(".onmicrosoft.com"));
      return inTenant
        ? []
        : nameIssue(`${domain} is not one of the tenant's domains (${someOf([...known])}). Use a work account of this tenant, or add the domain as a UPN suffix of a forest.`);
    }
  }
}

/** The rules of an account that must be an ordinary, unprivileged Active Directory user. */
function ordinaryUserIssues(account: RequiredAccount, entry: AccountEntry): Issue[] {
  const issues: Issue[] = [];
  const lower = entry.name.toLowerCase();
  const { name } = account.definition;
  if (entry.name.endsWith("$") || lower.startsWith("nt service")) {
    issues.push({
      path: ["name"],
      message: `The ${name} must be an ordinary user account: a name ending in $ is a managed service account (VSA, sMSA or gMSA), which Connect refuses.`,
    });
  } else if ((WELL_KNOWN_ADMIN_NAMES as readonly string[]).includes(lower)) {
    issues.push({ path: ["name"], message: `${entry.name} is a built-in administrator. The ${name} must not be a Domain or Enterprise Admin: create a dedicated account.` });
  } else {
    issues.push(...nameIssue(samAccountNameProblem(entry.name)));
  }
  if (entry.accountType !== "" && entry.accountType !== "domainUser") {
    issues.push({ path: ["accountType"], message: `The ${name} cannot be a ${ACCOUNT_TYPE_LABELS[entry.accountType]}: it must be an ordinary domain user.` });
  }
  if (entry.privilegedGroupMember) {
    issues.push({
      path: ["privilegedGroupMember"],
      message: `The ${name} must not be a member of Domain Admins or Enterprise Admins (the wizard refuses it since build 1.4.18.0). Use a dedicated account with only the rights listed here.`,
    });
  }
  return issues;
}

function adUserIssues(account: RequiredAccount, entry: AccountEntry, plan: Plan, environment: Environment): Issue[] {
  const { definition } = account;
  const express = plan.tool === "connect" && environment.connect.installType === "express";
  // Express settings create the connector themselves; there is nothing to enter.
  if (definition.ordinaryUserOnly && express) return [];
  if (definition.provisioningChoice) {
    if (entry.provisioning === "") {
      return [{ path: ["provisioning"], message: "Choose whether the wizard creates the account or an administrator creates it first." }];
    }
    // "Create new account": the wizard names the account (MSOL_…) with the forest's Enterprise Admin.
    if (entry.provisioning === "wizard") return [];
  }
  const name = definition.ordinaryUserOnly ? ordinaryUserIssues(account, entry) : nameIssue(samAccountNameProblem(entry.name));
  return [...name, ...domainIssues(account, entry.domain, environment)];
}

function serviceAccountIssues(account: RequiredAccount, entry: AccountEntry, environment: Environment): Issue[] {
  const option = account.serviceAccountOption;
  if (!option) return [];
  if (entry.accountType === "") return [{ path: ["accountType"], message: `Choose the kind of account for the ${account.definition.name}.` }];
  if (!option.allowed.includes(entry.accountType)) {
    const allowed = option.allowed.map((type) => ACCOUNT_TYPE_LABELS[type]).join(", ");
    return [
      {
        path: ["accountType"],
        message: `A ${ACCOUNT_TYPE_LABELS[entry.accountType]} cannot be the ${account.definition.name}${account.server ? ` on ${account.server.name}` : ""}: ${option.why} Choose one of: ${allowed}.`,
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
    case "vsa":
    case "smsa":
      return [];
  }
}

function applicationIssues(entry: AccountEntry, environment: Environment): Issue[] {
  // Bring your own application: the name field holds its application (client) ID, which may be filled in later.
  if (environment.connect.entraAuth === "applicationOwnApp" && entry.name !== "" && !TENANT_ID_PATTERN.test(entry.name)) {
    return nameIssue("Enter the application (client) ID as a GUID, like 72f988bf-86f1-41af-91ab-2d7cd011db47, or leave it empty until it is registered.");
  }
  return [];
}

function unreachable(identity: never): never {
  throw new Error(`Unknown identity kind ${String(identity)}`);
}

/** The rules of one account entry, by what identifies the account. */
export function accountIssues(account: RequiredAccount, entry: AccountEntry, plan: Plan): Issue[] {
  const environment = plan.environment!;
  if (!entry.inUse) {
    return account.requirement === "required"
      ? [{ path: ["inUse"], message: `The plan needs the ${account.definition.name}: it cannot be left out.` }]
      : [];
  }
  const identity: IdentityKind = account.definition.identity;
  switch (identity) {
    case "upn":
      return entraUserIssues(account, entry, environment);
    case "adUser":
      return adUserIssues(account, entry, plan, environment);
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
    case "application":
      return applicationIssues(entry, environment);
    case "generated":
      return [];
    default:
      return unreachable(identity);
  }
}

/** Something the plan does not have yet that install day will need: shown, never blocking. */
export interface AttentionItem {
  /** The wizard step that can fix it (`environment`, or `account:<key>`). */
  stepId: string;
  message: string;
}

/**
 * What a valid plan still lacks: names not known yet, fewer servers than
 * Microsoft recommends. A plan can be saved and exported with these open; the
 * review and the worksheet list them.
 */
export function planAttention(plan: Plan): AttentionItem[] {
  if (!hasToolAndEnvironment(plan)) return [];
  const { environment, tool } = plan;
  const items: AttentionItem[] = [];
  const onEnvironment = (message: string) => items.push({ stepId: "environment", message });
  if (tool === "cloudSync" && environment.servers.length < LIMITS.recommendedCloudSyncAgents) {
    onEnvironment(`Microsoft recommends ${LIMITS.recommendedCloudSyncAgents} active agents for high availability; the plan has ${environment.servers.length}.`);
  }
  if (tool === "connect") {
    const { connect, signIn, federation } = environment;
    if (connect.installType === "custom" && connect.database === "remoteSql" && !connect.sqlServer) onEnvironment("Name the SQL Server that will hold the ADSync database.");
    if (connect.installType === "custom" && connect.database !== "localDb" && !connect.sqlAdministrator) {
      onEnvironment("Name the SQL Server administrator who creates the ADSync database or grants the installer its rights.");
    }
    if (signIn.method === "passThroughAuth" && environment.passThroughAgents.length + 1 < LIMITS.recommendedPassThroughAgents) {
      onEnvironment(
        `Microsoft asks for at least ${LIMITS.recommendedPassThroughAgents} pass-through authentication agents in production; the plan has ${environment.passThroughAgents.length + 1} (the Connect server runs the first).`,
      );
    }
    if (signIn.method === "federationAdfs" && federation.adfsServers.length === 0) onEnvironment("Name the AD FS servers the wizard will configure.");
    if (signIn.method === "federationAdfs" && federation.wapServers.length === 0) onEnvironment("Name the Web Application Proxy servers the wizard will configure.");
    for (const account of accountsWithSteps(plan)) {
      const entry = plan.accounts[account.key];
      if (account.definition.identity !== "application" || !entry?.inUse) continue;
      if ((connect.entraAuth === "applicationOwnCertificate" || connect.entraAuth === "applicationOwnApp") && entry.keyStorage === "") {
        items.push({ stepId: `account:${account.key}`, message: `Say where the private key of ${account.server?.name ?? "the server"}'s certificate will live (TPM or HSM).` });
      }
      if (connect.entraAuth === "applicationOwnApp" && entry.name === "") {
        items.push({ stepId: `account:${account.key}`, message: `Enter the application (client) ID registered for ${account.server?.name ?? "the server"}.` });
      }
    }
  }
  return items;
}
