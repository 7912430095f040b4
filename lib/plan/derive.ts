import {
  accountRequirement,
  ACCOUNTS,
  disagreementsThatHold,
  FEATURES_BY_ID,
  firstRuleThatHolds,
  forTool,
  impliedFeatures,
  rightsInEffect,
  type AccountDefinition,
  type ConditionContext,
  type CreationRule,
  type Disagreement,
  type Fact,
  type FeatureId,
  type RightDefinition,
  type ServiceAccountOption,
} from "@/lib/catalog";
import { accountKey, domainOwnerId } from "./keys";
import type { Environment, Forest, Plan, Server } from "./schema";

/** An account this plan needs (or offers as optional), resolved against the plan. */
export interface RequiredAccount {
  key: string;
  definition: AccountDefinition;
  requirement: "required" | "optional";
  forest?: Forest;
  server?: Server;
  /** For accounts that come once per server domain: that domain. */
  domain?: string;
  /** "AD DS Connector account — contoso.com" */
  label: string;
  creation: CreationRule;
  defaultName?: string;
  serviceAccountOption?: ServiceAccountOption;
  rights: readonly RightDefinition[];
  /** The catalog's rules and security notes for this account that apply to the plan's tool. */
  constraints: readonly Fact[];
  securityNotes: readonly Fact[];
  /** Where Microsoft's pages disagree about it, as far as it matters for this account of this plan. */
  disagreements: readonly Disagreement[];
}

/** A plan whose tool and environment are chosen: what the account steps, rules and exports work on. */
export type PlanWithTool = Plan & { tool: NonNullable<Plan["tool"]>; environment: Environment };

export function hasToolAndEnvironment(plan: Plan): plan is PlanWithTool {
  return plan.tool !== null && plan.environment !== null;
}

/**
 * The features in effect: the chosen ones the tool offers, the one the sign-in
 * method turns on, seamless SSO, the ms-DS-ConsistencyGuid source anchor, and
 * those the tool always has.
 */
export function effectiveFeatures(plan: PlanWithTool): Set<FeatureId> {
  const features = new Set<FeatureId>();
  const offered = (id: FeatureId) => FEATURES_BY_ID[id].support[plan.tool] !== "unavailable";
  const { environment } = plan;
  const express = plan.tool === "connect" && environment.connect.installType === "express";
  const implied = impliedFeatures({
    signIn: environment.signIn.method,
    seamlessSso: environment.signIn.seamlessSso,
    // Express settings always use the ms-DS-ConsistencyGuid anchor.
    sourceAnchor: express ? "msDsConsistencyGuid" : environment.connect.sourceAnchor,
  });
  for (const id of [...environment.features, ...implied]) if (offered(id)) features.add(id);
  for (const feature of Object.values(FEATURES_BY_ID)) {
    if (feature.support[plan.tool] === "always") features.add(feature.id);
  }
  return features;
}

/** The facts a catalog condition is tested against, for the plan and, where given, one forest or server. */
export function conditionContext(plan: PlanWithTool, owner: { forest?: Forest; server?: Server } = {}): ConditionContext {
  const { connect, cloudSync, signIn } = plan.environment;
  const features = effectiveFeatures(plan);
  const express = plan.tool === "connect" && connect.installType === "express";
  const forest = owner.forest;
  return {
    tool: plan.tool,
    installType: connect.installType,
    // Express settings always use LocalDB and the ms-DS-ConsistencyGuid anchor; the choices only matter in a custom install.
    database: express ? "localDb" : connect.database,
    sourceAnchor: express ? "msDsConsistencyGuid" : connect.sourceAnchor,
    signIn: signIn.method,
    entraAuth: connect.entraAuth,
    gmsaMode: cloudSync.gmsaMode,
    authenticatingProxy: connect.authenticatingProxy,
    features,
    serverRole: owner.server?.role,
    connectorProvisioning: forest && !express ? (plan.accounts[accountKey("connectAdDsConnector", forest.id)]?.provisioning ?? "") : undefined,
    deviceWritebackForest: forest ? features.has("deviceWriteback") && connect.deviceWritebackForestId === forest.id : undefined,
    exchangeForest: forest ? connect.exchangeForestId === "" || connect.exchangeForestId === forest.id : undefined,
  };
}

function fillName(template: string, plan: PlanWithTool, forest?: Forest, server?: Server): string {
  const tenant = plan.environment.tenant.initialDomain || "<tenant>.onmicrosoft.com";
  return template
    .replaceAll("{server}", server?.name || "<server>")
    .replaceAll("{forest}", forest?.rootDomain || "<forest>")
    .replaceAll("{tenant}", tenant);
}

interface Owner {
  forest?: Forest;
  server?: Server;
  domain?: string;
}

function ownerId(owner: Owner): string | undefined {
  return owner.forest?.id ?? owner.server?.id ?? (owner.domain ? domainOwnerId(owner.domain) : undefined);
}

function resolve(definition: AccountDefinition, plan: PlanWithTool, owner: Owner): RequiredAccount | undefined {
  const context = conditionContext(plan, owner);
  const requirement = accountRequirement(definition, context);
  if (!requirement) return undefined;
  const nameRule = firstRuleThatHolds(definition.defaultNames, context);
  const ownerLabel = owner.forest?.rootDomain ?? owner.server?.name ?? owner.domain;
  return {
    key: accountKey(definition.id, ownerId(owner)),
    definition,
    requirement,
    forest: owner.forest,
    server: owner.server,
    domain: owner.domain,
    label: ownerLabel ? `${definition.name} — ${ownerLabel}` : definition.name,
    creation: firstRuleThatHolds(definition.creation, context) ?? definition.creation[0]!,
    defaultName: nameRule ? fillName(nameRule.name, plan, owner.forest, owner.server) : undefined,
    serviceAccountOption: firstRuleThatHolds(definition.serviceAccountOptions, context),
    rights: rightsInEffect(definition, context),
    constraints: forTool(definition.constraints, plan.tool),
    securityNotes: forTool(definition.securityNotes, plan.tool),
    disagreements: disagreementsThatHold(definition.disagreements, context),
  };
}

/** The distinct domains the plan's sync servers are joined to, in server order. */
export function serverDomains(environment: Environment): string[] {
  const seen = new Map<string, string>();
  for (const server of environment.servers) {
    if (server.domain && !seen.has(server.domain.toLowerCase())) seen.set(server.domain.toLowerCase(), server.domain);
  }
  return [...seen.values()];
}

function owners(definition: AccountDefinition, environment: Environment): Owner[] {
  switch (definition.scope) {
    case "tenant":
      return [{}];
    case "forest":
      return environment.forests.map((forest) => ({ forest }));
    case "server":
      return environment.servers.map((server) => ({ server }));
    case "serverDomain":
      return serverDomains(environment).map((domain) => ({ domain }));
  }
}

/**
 * The accounts the plan needs, in catalog order and then forest, server or
 * domain order. Pure: the same plan always gives the same list.
 */
export function deriveAccounts(plan: Plan): RequiredAccount[] {
  if (!hasToolAndEnvironment(plan)) return [];
  const result: RequiredAccount[] = [];
  for (const definition of ACCOUNTS) {
    for (const owner of owners(definition, plan.environment)) {
      const account = resolve(definition, plan, owner);
      if (account) result.push(account);
    }
  }
  return result;
}

/** The accounts that get a step of their own (informational ones ask nothing). */
export function accountsWithSteps(plan: Plan): RequiredAccount[] {
  return deriveAccounts(plan).filter((account) => !account.definition.informational);
}

/** All domains the tenant will know: the initial domain and every forest's UPN suffixes and domains. */
export function tenantDomains(environment: Environment): Set<string> {
  const domains = new Set<string>();
  if (environment.tenant.initialDomain) domains.add(environment.tenant.initialDomain.toLowerCase());
  for (const forest of environment.forests) {
    for (const domain of [forest.rootDomain, ...forest.domains, ...forest.upnSuffixes]) domains.add(domain.toLowerCase());
  }
  return domains;
}

export function forestDomains(forest: Forest): string[] {
  return [forest.rootDomain, ...forest.domains];
}

/** The forest a domain belongs to, if it is one of the plan's. */
export function forestOfDomain(environment: Environment, domain: string): Forest | undefined {
  const wanted = domain.toLowerCase();
  return environment.forests.find((forest) => forestDomains(forest).some((candidate) => candidate.toLowerCase() === wanted));
}
