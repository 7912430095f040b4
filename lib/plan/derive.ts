import {
  ACCOUNTS,
  conditionHolds,
  type AccountDefinition,
  type ConditionContext,
  type CreationRule,
  type FeatureId,
  type RightDefinition,
  type ServiceAccountOption,
  FEATURES_BY_ID,
} from "@/lib/catalog";
import { accountKey } from "./keys";
import type { Environment, Forest, Plan, Server } from "./schema";

/** An account this plan needs (or offers as optional), resolved against the plan. */
export interface RequiredAccount {
  key: string;
  definition: AccountDefinition;
  requirement: "required" | "optional";
  forest?: Forest;
  server?: Server;
  /** "AD DS Connector account — contoso.com" */
  label: string;
  creation: CreationRule;
  defaultName?: string;
  serviceAccountOption?: ServiceAccountOption;
  rights: readonly RightDefinition[];
}

type PlanWithTool = Plan & { tool: NonNullable<Plan["tool"]>; environment: Environment };

/** The features in effect: chosen ones the tool offers, plus those the tool always has. */
export function effectiveFeatures(plan: PlanWithTool): Set<FeatureId> {
  const features = new Set<FeatureId>();
  for (const id of plan.environment.features) {
    if (FEATURES_BY_ID[id].support[plan.tool] !== "unavailable") features.add(id);
  }
  for (const feature of Object.values(FEATURES_BY_ID)) {
    if (feature.support[plan.tool] === "always") features.add(feature.id);
  }
  return features;
}

export function conditionContext(plan: PlanWithTool, server?: Server): ConditionContext {
  const { connect, cloudSync } = plan.environment;
  return {
    tool: plan.tool,
    // Express settings always use LocalDB; the choice only matters in a custom install.
    installType: connect.installType,
    database: connect.installType === "express" ? "localDb" : connect.database,
    entraAuth: connect.entraAuth,
    gmsaMode: cloudSync.gmsaMode,
    features: effectiveFeatures(plan),
    serverRole: server?.role,
  };
}

function fillName(template: string, plan: PlanWithTool, forest?: Forest, server?: Server): string {
  const tenant = plan.environment.tenant.initialDomain || "<tenant>.onmicrosoft.com";
  return template
    .replaceAll("{server}", server?.name || "<server>")
    .replaceAll("{forest}", forest?.rootDomain || "<forest>")
    .replaceAll("{tenant}", tenant);
}

function resolve(
  definition: AccountDefinition,
  plan: PlanWithTool,
  owner: { forest?: Forest; server?: Server },
): RequiredAccount | undefined {
  if (!definition.tools.includes(plan.tool)) return undefined;
  const context = conditionContext(plan, owner.server);
  const required = definition.requiredWhen !== undefined && conditionHolds(definition.requiredWhen, context);
  const optional = !required && definition.optionalWhen !== undefined && conditionHolds(definition.optionalWhen, context);
  if (!required && !optional) return undefined;

  const creation = definition.creation.find((rule) => conditionHolds(rule.when, context)) ?? definition.creation[0]!;
  const nameRule = definition.defaultNames?.find((rule) => conditionHolds(rule.when, context));
  const rights = (definition.rights ?? []).filter(
    (right) => (right.feature === "basic" || context.features.has(right.feature)) && (!right.when || conditionHolds(right.when, context)),
  );
  const ownerLabel = owner.forest?.rootDomain ?? owner.server?.name;
  return {
    key: accountKey(definition.id, owner.forest?.id ?? owner.server?.id),
    definition,
    requirement: required ? "required" : "optional",
    forest: owner.forest,
    server: owner.server,
    label: ownerLabel ? `${definition.name} — ${ownerLabel}` : definition.name,
    creation,
    defaultName: nameRule ? fillName(nameRule.name, plan, owner.forest, owner.server) : undefined,
    serviceAccountOption: definition.serviceAccountOptions?.find((option) => conditionHolds(option.when, context)),
    rights,
  };
}

function hasToolAndEnvironment(plan: Plan): plan is PlanWithTool {
  return plan.tool !== null && plan.environment !== null;
}

/**
 * The accounts the plan needs, in catalog order and then forest or server
 * order. Pure: the same plan always gives the same list.
 */
export function deriveAccounts(plan: Plan): RequiredAccount[] {
  if (!hasToolAndEnvironment(plan)) return [];
  const { forests, servers } = plan.environment;
  const result: RequiredAccount[] = [];
  for (const definition of ACCOUNTS) {
    const owners =
      definition.scope === "forest"
        ? forests.map((forest) => ({ forest }))
        : definition.scope === "server"
          ? servers.map((server) => ({ server }))
          : [{}];
    for (const owner of owners) {
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
