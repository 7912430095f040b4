import {
  ACCOUNTS_BY_ID,
  DATABASE_LABELS,
  DATABASES,
  ENTRA_AUTH_MODE_LABELS,
  ENTRA_AUTH_MODES,
  FEATURES_BY_ID,
  GMSA_MODES,
  INSTALL_TYPES,
  PLAN_FEATURE_IDS,
  SIGN_IN_METHOD_LABELS,
  SIGN_IN_METHODS,
  TOOL_LABELS,
  TOOLS,
} from "@/lib/catalog";
import { applicableQuestions } from "./applicable";
import { deriveAccounts, hasToolAndEnvironment, type PlanWithTool } from "./derive";
import { parseAccountKey } from "./keys";
import { isCurrentRun } from "./preflight-owners";
import { planRuleIssues } from "./rules";
import type { Environment, Plan } from "./schema";
import { planSteps, STEP_PATHS } from "./steps";

/**
 * An account entry the plan keeps but does not currently need: the worksheet,
 * scripts and checks ignore it (they follow `accountsWithSteps`), and it applies
 * again, values and all, when the answers that needed it come back.
 */
export interface SetAsideEntry {
  key: string;
  /** "AD DS Connector account — contoso.com" */
  label: string;
  /** Why it no longer applies, in plain words. */
  reason: string;
  /** What brings it back: "you choose Microsoft Entra Connect Sync again". */
  comesBackIf: string;
}

interface Revival {
  /** The plan with one answer changed. */
  plan: Plan;
  /** Why entries it brings back are set aside now. */
  reason: string;
  comesBackIf: string;
}

function withEnvironment(plan: PlanWithTool, change: (environment: Environment) => Environment): Plan {
  return { ...plan, environment: change(plan.environment) };
}

/** One-answer changes that could make the plan need an entry again, most telling first. */
function revivals(plan: PlanWithTool): Revival[] {
  const { tool, environment } = plan;
  const list: Revival[] = [];
  for (const other of TOOLS) {
    if (other === tool) continue;
    list.push({
      plan: { ...plan, tool: other },
      reason: `It is a ${TOOL_LABELS[other]} account; the plan is for ${TOOL_LABELS[tool]}.`,
      comesBackIf: `you choose ${TOOL_LABELS[other]} again`,
    });
  }
  const connect = environment.connect;
  if (tool === "connect") {
    for (const installType of INSTALL_TYPES) {
      if (installType === connect.installType) continue;
      const words = installType === "express" ? "express settings" : "the custom installation";
      list.push({
        plan: withEnvironment(plan, (env) => ({ ...env, connect: { ...env.connect, installType } })),
        reason: `It is needed only with ${words}.`,
        comesBackIf: `you choose ${words} again`,
      });
    }
  }
  for (const feature of PLAN_FEATURE_IDS) {
    if (environment.features.includes(feature)) continue;
    const label = FEATURES_BY_ID[feature].label;
    list.push({
      plan: withEnvironment(plan, (env) => ({ ...env, features: [...env.features, feature] })),
      reason: `It is needed only with ${label}, which is not ticked.`,
      comesBackIf: `you tick ${label} again`,
    });
  }
  for (const method of SIGN_IN_METHODS) {
    if (method === environment.signIn.method) continue;
    const label = SIGN_IN_METHOD_LABELS[method];
    list.push({
      plan: withEnvironment(plan, (env) => ({ ...env, signIn: { ...env.signIn, method } })),
      reason: `It is needed only with ${label.toLowerCase()} for user sign-in.`,
      comesBackIf: `you choose ${label.toLowerCase()} for user sign-in again`,
    });
  }
  if (!environment.signIn.seamlessSso) {
    list.push({
      plan: withEnvironment(plan, (env) => ({ ...env, signIn: { ...env.signIn, seamlessSso: true } })),
      reason: "It is needed only with seamless single sign-on.",
      comesBackIf: "you choose seamless single sign-on again",
    });
  }
  for (const database of DATABASES) {
    if (database === connect.database) continue;
    list.push({
      plan: withEnvironment(plan, (env) => ({ ...env, connect: { ...env.connect, database } })),
      reason: `It is needed only with ${DATABASE_LABELS[database]}.`,
      comesBackIf: `you choose ${DATABASE_LABELS[database]} again`,
    });
  }
  for (const entraAuth of ENTRA_AUTH_MODES) {
    if (entraAuth === connect.entraAuth) continue;
    list.push({
      plan: withEnvironment(plan, (env) => ({ ...env, connect: { ...env.connect, entraAuth } })),
      reason: `It is needed only with ${ENTRA_AUTH_MODE_LABELS[entraAuth].toLowerCase()}.`,
      comesBackIf: `you choose ${ENTRA_AUTH_MODE_LABELS[entraAuth].toLowerCase()} again`,
    });
  }
  for (const gmsaMode of GMSA_MODES) {
    if (gmsaMode === environment.cloudSync.gmsaMode) continue;
    const words = gmsaMode === "custom" ? "a custom gMSA" : "the default gMSA";
    list.push({
      plan: withEnvironment(plan, (env) => ({ ...env, cloudSync: { gmsaMode } })),
      reason: `It is needed only with ${words}.`,
      comesBackIf: `you choose ${words} again`,
    });
  }
  return list;
}

function domainOfOwner(ownerId: string): string {
  return ownerId.slice("domain-".length).replaceAll("_", ".");
}

/** Why an entry whose forest, server or domain is gone is set aside; undefined while its owner is in the plan. */
function missingOwner(plan: PlanWithTool, ownerId: string | undefined): Omit<SetAsideEntry, "key" | "label"> | undefined {
  if (!ownerId) return undefined;
  const { environment } = plan;
  if (ownerId.startsWith("forest-") && !environment.forests.some((forest) => forest.id === ownerId)) {
    return { reason: `Its forest (${ownerId}) was removed from the environment.`, comesBackIf: "you undo the forest's removal" };
  }
  if (ownerId.startsWith("server-") && !environment.servers.some((server) => server.id === ownerId)) {
    return { reason: `Its server (${ownerId}) was removed from the environment.`, comesBackIf: "you undo the server's removal" };
  }
  if (ownerId.startsWith("domain-")) {
    const domain = domainOfOwner(ownerId);
    if (!environment.servers.some((server) => server.domain.toLowerCase() === domain)) {
      return { reason: `No sync server is joined to ${domain} any more.`, comesBackIf: `a sync server is joined to ${domain} again` };
    }
  }
  return undefined;
}

function entryLabel(plan: Plan, key: string, accountId: keyof typeof ACCOUNTS_BY_ID, ownerId: string | undefined): string {
  const name = ACCOUNTS_BY_ID[accountId].name;
  const environment = plan.environment;
  let owner: string | undefined = ownerId;
  if (ownerId?.startsWith("forest-")) owner = environment?.forests.find((forest) => forest.id === ownerId)?.rootDomain || plan.accounts[key]?.domain || ownerId;
  else if (ownerId?.startsWith("server-")) owner = environment?.servers.find((server) => server.id === ownerId)?.name || ownerId;
  else if (ownerId?.startsWith("domain-")) owner = domainOfOwner(ownerId);
  return owner ? `${name} — ${owner}` : name;
}

/**
 * Entries kept in `plan.accounts` that the plan does not currently need, each
 * with why and what brings it back. They are kept on purpose: a change of tool,
 * install type, feature or forest must never discard what the user entered.
 */
export function setAsideEntries(plan: Plan): SetAsideEntry[] {
  // An informational account (created by an installer) has no step but is still part of the plan.
  const needed = new Set(deriveAccounts(plan).map((account) => account.key));
  const keys = Object.keys(plan.accounts).filter((key) => !needed.has(key));
  if (keys.length === 0) return [];
  const result: SetAsideEntry[] = [];
  // Each candidate change is derived once, however many entries it explains.
  const candidates = hasToolAndEnvironment(plan) ? revivals(plan).map((revival) => ({ revival, keys: new Set(deriveAccounts(revival.plan).map((account) => account.key)) })) : [];
  for (const key of keys) {
    const parsed = parseAccountKey(key);
    if (!parsed) continue;
    const label = entryLabel(plan, key, parsed.accountId, parsed.ownerId);
    if (!hasToolAndEnvironment(plan)) {
      result.push({ key, label, reason: "The plan has no sync tool or environment yet.", comesBackIf: "you choose the tool and describe the environment again" });
      continue;
    }
    const owner = missingOwner(plan, parsed.ownerId);
    const revived = owner ? undefined : candidates.find((candidate) => candidate.keys.has(key))?.revival;
    const why = owner ?? revived ?? { reason: "The plan's current answers do not need it.", comesBackIf: "you undo the change that set it aside" };
    result.push({ key, label, reason: why.reason, comesBackIf: why.comesBackIf });
  }
  return result;
}

/** The plan's rule issues of one wizard step, for "needs attention" lists. */
export interface StepAttention {
  stepId: string;
  title: string;
  href: string;
  issues: { path: string; message: string }[];
}

function stepOfPath(path: readonly (string | number)[]): string {
  if (path[0] === "accounts" && typeof path[1] === "string") return `account:${path[1]}`;
  if (path[0] === "environment") return "environment";
  return "tool";
}

function groupByStep(plan: Plan, issues: readonly { path: (string | number)[]; message: string }[]): StepAttention[] {
  const steps = planSteps(plan);
  const groups = new Map<string, StepAttention>();
  for (const issue of issues) {
    const stepId = stepOfPath(issue.path);
    let group = groups.get(stepId);
    if (!group) {
      const step = steps.find((candidate) => candidate.id === stepId);
      group = { stepId, title: step?.title ?? stepId, href: step?.href ?? STEP_PATHS.environment, issues: [] };
      groups.set(stepId, group);
    }
    group.issues.push({ path: issue.path.join("."), message: issue.message });
  }
  // In the order of the wizard's steps.
  const order = steps.map((step) => step.id);
  return [...groups.values()].sort((a, b) => order.indexOf(a.stepId) - order.indexOf(b.stepId));
}

/** The cross-field rules the plan breaks, grouped by the step that fixes each. A stored plan may break them; it is never discarded for it. */
export function stepsNeedingAttention(plan: Plan): StepAttention[] {
  return groupByStep(plan, planRuleIssues(plan));
}

/** What a change does to the rest of the plan, told before it is made. */
export interface ChangeImpact {
  /** Entries that stop applying: kept, set aside. */
  setAside: SetAsideEntry[];
  /** Entries set aside before that apply again. */
  comeBack: { key: string; label: string }[];
  /** Rules the changed plan breaks that it did not break before, by step. */
  attention: StepAttention[];
  /** Environment answers that no longer apply and leave the plan (Undo brings them back), like "SQL Server host: SQL01". */
  cleared: string[];
  /** Pre-flight files whose forest or server the change removes: they leave the plan with it (Undo brings them back). */
  preflightRemoved: { what: string; collectedAt: string }[];
}

const CLEARABLE_TEXT: readonly [keyof Environment["connect"], string][] = [
  ["sqlServer", "SQL Server host"],
  ["sqlInstance", "SQL Server instance"],
  ["sqlAdministrator", "SQL Server administrator"],
  ["sourceAnchorAttribute", "Source anchor attribute"],
];

/**
 * The environment answers `after` no longer holds that `before` did, where the
 * user could not have emptied them by hand: the question does not apply in
 * `after` (a change of tool, install type, database, sign-in method or
 * features made it unnecessary, now or by an earlier change whose answers the
 * plan still held). A visible answer emptied by hand is an ordinary edit.
 */
export function clearedAnswers(before: Plan, after: Plan): string[] {
  const was = before.environment;
  const now = after.environment;
  if (!was || !now || !after.tool) return [];
  const applies = applicableQuestions(after.tool, now);
  const textApplies: Partial<Record<keyof Environment["connect"], boolean>> = {
    sqlServer: applies.sqlServerHost,
    sqlInstance: applies.sqlDetails,
    sqlAdministrator: applies.sqlDetails,
    sourceAnchorAttribute: applies.sourceAnchorAttribute,
  };
  const cleared: string[] = [];
  for (const [field, label] of CLEARABLE_TEXT) {
    const value = was.connect[field];
    if (!textApplies[field] && typeof value === "string" && value !== "" && now.connect[field] === "") cleared.push(`${label}: ${value}`);
  }
  const lists: [boolean, readonly string[], readonly string[], string][] = [
    [applies.federationServers, was.federation.adfsServers, now.federation.adfsServers, "AD FS servers"],
    [applies.federationServers, was.federation.wapServers, now.federation.wapServers, "Web Application Proxy servers"],
    [applies.passThroughAgents, was.passThroughAgents, now.passThroughAgents, "Pass-through authentication agents"],
  ];
  for (const [stillAsked, old, current, label] of lists) if (!stillAsked && old.length > 0 && current.length === 0) cleared.push(`${label}: ${old.join(", ")}`);
  const forestName = (id: string) => was.forests.find((forest) => forest.id === id)?.rootDomain ?? id;
  if (!applies.deviceWritebackForest && was.connect.deviceWritebackForestId && !now.connect.deviceWritebackForestId)
    cleared.push(`Device writeback forest: ${forestName(was.connect.deviceWritebackForestId)}`);
  if (!applies.exchangeForest && was.connect.exchangeForestId && !now.connect.exchangeForestId) cleared.push(`Exchange forest: ${forestName(was.connect.exchangeForestId)}`);
  if (!applies.authenticatingProxy && was.connect.authenticatingProxy && !now.connect.authenticatingProxy) cleared.push("Authenticating proxy: yes");
  return cleared;
}

export function changeImpact(before: Plan, after: Plan): ChangeImpact {
  const wasSetAside = new Set(setAsideEntries(before).map((entry) => entry.key));
  const setAsideAfter = setAsideEntries(after);
  const isSetAsideAfter = new Set(setAsideAfter.map((entry) => entry.key));
  const neededAfter = new Map(deriveAccounts(after).map((account) => [account.key, account.label]));
  const issueKey = (issue: { path: (string | number)[]; message: string }) => `${issue.path.join(".")}\n${issue.message}`;
  const old = new Set(planRuleIssues(before).map(issueKey));
  return {
    setAside: setAsideAfter.filter((entry) => !wasSetAside.has(entry.key)),
    comeBack: [...wasSetAside].filter((key) => !isSetAsideAfter.has(key) && neededAfter.has(key)).map((key) => ({ key, label: neededAfter.get(key)! })),
    attention: groupByStep(
      after,
      planRuleIssues(after).filter((issue) => !old.has(issueKey(issue))),
    ),
    cleared: clearedAnswers(before, after),
    preflightRemoved: before.preflight
      .filter((run) => isCurrentRun(before, run) && !after.preflight.some((kept) => kept.scope === run.scope && kept.ownerId === run.ownerId))
      .map((run) => ({ what: `${run.scope === "forest" ? "Forest" : "Server"} ${run.name}`, collectedAt: run.collectedAt })),
  };
}

/** True when a change needs the user's word first: it sets entries aside, breaks a rule elsewhere, clears answers or removes pre-flight results. */
export function needsConfirmation(impact: ChangeImpact): boolean {
  return impact.setAside.length > 0 || impact.attention.length > 0 || impact.cleared.length > 0 || impact.preflightRemoved.length > 0;
}

/** The plan without its set-aside entries: the explicit "discard" the user asks for (saved with a checkpoint). */
export function withoutSetAsideEntries(plan: Plan): Plan {
  const discard = new Set(setAsideEntries(plan).map((entry) => entry.key));
  return { ...plan, accounts: Object.fromEntries(Object.entries(plan.accounts).filter(([key]) => !discard.has(key))) };
}
