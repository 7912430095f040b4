import { CONNECTOR_DISCOVERY } from "@/lib/catalog/install-day";
import { sha256Hex } from "@/lib/export/sha256";
import { installDay } from "@/lib/install-day/build";
import type { AccountRef, Part } from "@/lib/install-day/model";
import { deriveAccounts, forestDomains, forestOfDomain, hasToolAndEnvironment, type Forest, type Plan, type PlanWithTool, type RequiredAccount } from "@/lib/plan";
import { canonicalJson } from "@/lib/validation/fingerprint";

/**
 * What each pre-flight collector looks at, from the plan and its install-day
 * parts: one collector per forest and one per sync server. The collector's
 * script (lib/preflight/collector.ts) is written from this, and its fingerprint
 * goes into the facts file so results can tell when the plan moved on.
 */

export interface PlannedAccountTarget {
  accountKey: string;
  /** sAMAccountName to look up, gMSAs and computers with their trailing $; empty when the wizard names it. */
  name: string;
  domain: string;
  objectKind: "user" | "gmsa" | "computer";
  createdBy: "plan" | "wizard";
}

/** An account whose entries on domain roots and AdminSDHolder are collected: by name, or by the prefix the wizard names it with. */
export interface AceTrustee {
  plannedAccount: string;
  match: "name" | "prefix";
}

interface TargetBase {
  /** Letters, digits and hyphens: the collector's file name and the facts file's plan.collectorId. */
  id: string;
  tool: "connect" | "cloudSync";
  organisation: string;
}

export interface ForestTarget extends TargetBase {
  scope: "forest";
  rootDomain: string;
  domains: string[];
  accounts: PlannedAccountTarget[];
  /** The hosts that retrieve a planned gMSA's password. */
  computers: { name: string; domain: string }[];
  trustees: AceTrustee[];
}

export interface ServerTarget extends TargetBase {
  scope: "server";
  computer: string;
  domain: string;
  role: "connectServer" | "agentHost";
}

export type PreflightTarget = ForestTarget | ServerTarget;

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const isPlaceholder = (name: string) => /[<>{}]/.test(name);

/** The Active Directory account a derived account names in this plan, or undefined when it has none in Active Directory. */
function plannedAccount(plan: PlanWithTool, account: RequiredAccount): PlannedAccountTarget | undefined {
  const entry = plan.accounts[account.key];
  if (!entry?.inUse) return undefined;
  const { identity, directory } = account.definition;
  const named = entry.name.trim() || (account.defaultName && !isPlaceholder(account.defaultName) ? account.defaultName : "");
  const domain = (entry.domain.trim() || account.domain || account.forest?.rootDomain || "").toLowerCase();
  if (!domain) return undefined;
  let objectKind: PlannedAccountTarget["objectKind"];
  if (identity === "generated") objectKind = "computer";
  else if (identity === "gmsa") objectKind = "gmsa";
  else if (identity === "serviceAccount") {
    if (entry.accountType === "gmsa") objectKind = "gmsa";
    else if (entry.accountType === "domainUser") objectKind = "user";
    else return undefined;
  } else if (identity === "adUser" || (identity === "localOrDomainUser" && entry.domain.trim())) objectKind = "user";
  else return undefined;
  if (directory !== "activeDirectory" && identity !== "serviceAccount" && identity !== "localOrDomainUser") return undefined;
  // A service account the plan names (a gMSA or domain user) is created by an admin on install day, whatever the catalog's default.
  const createdBy = account.creation.by === "admin" || identity === "serviceAccount" ? "plan" : "wizard";
  // Without a name the account can only be one the wizard names; an admin's account without a name is a plan gap, not a fact to collect.
  if (!named && createdBy === "plan") return undefined;
  const stem = named.replace(/\$$/, "");
  const name = named && objectKind !== "user" ? `${stem}$` : named;
  return { accountKey: account.key, name, domain, objectKind, createdBy };
}

function trusteeOf(ref: AccountRef): AceTrustee | undefined {
  if (ref.kind === "named") return { plannedAccount: ref.gmsa ? `${ref.name}$` : ref.name, match: "name" };
  if (ref.how === "connectWizardConnector") return { plannedAccount: CONNECTOR_DISCOVERY.generatedPrefix, match: "prefix" };
  return ref.planned ? { plannedAccount: ref.planned, match: "name" } : undefined;
}

function forestTarget(plan: PlanWithTool, forest: Forest, accounts: RequiredAccount[], parts: readonly Part[], organisation: string): ForestTarget {
  const domains = forestDomains(forest).map((domain) => domain.toLowerCase());
  const inForest = (domain: string) => forestOfDomain(plan.environment, domain)?.id === forest.id;
  const planned = accounts.map((account) => plannedAccount(plan, account)).filter((account): account is PlannedAccountTarget => account !== undefined && inForest(account.domain));
  const computers = new Map<string, { name: string; domain: string }>();
  const trustees = new Map<string, AceTrustee>();
  for (const part of parts) {
    for (const step of part.steps) {
      if (step.kind === "gmsa" && inForest(step.account.domain)) {
        for (const host of step.hosts) computers.set(`${host.computer}@${host.domain}`.toLowerCase(), { name: host.computer, domain: host.domain.toLowerCase() });
      }
      if ("account" in step && (step.kind !== "gmsa" && step.kind !== "user")) {
        const inThisForest = step.account.kind === "named" ? inForest(step.account.domain) : step.account.forest.toLowerCase() === forest.rootDomain.toLowerCase();
        const trustee = inThisForest ? trusteeOf(step.account) : undefined;
        if (trustee) trustees.set(`${trustee.match}:${trustee.plannedAccount}`.toLowerCase(), trustee);
      }
    }
  }
  return {
    id: `preflight-forest-${slug(forest.rootDomain)}`,
    tool: plan.tool,
    organisation,
    scope: "forest",
    rootDomain: forest.rootDomain.toLowerCase(),
    domains,
    accounts: planned,
    computers: [...computers.values()],
    trustees: [...trustees.values()],
  };
}

/** Two names can slug alike: number the later ones. */
function uniqueIds<T extends { id: string }>(targets: T[]): T[] {
  const seen = new Map<string, number>();
  return targets.map((target) => {
    const count = (seen.get(target.id) ?? 0) + 1;
    seen.set(target.id, count);
    return count === 1 ? target : { ...target, id: `${target.id}-${count}` };
  });
}

/** The collectors for the plan: each forest, then each sync server. A plan without a tool or environment has none. */
export function preflightTargets(plan: Plan): PreflightTarget[] {
  if (!hasToolAndEnvironment(plan)) return [];
  const organisation = plan.environment.organisation.name;
  const accounts = deriveAccounts(plan);
  const { parts } = installDay(plan);
  const forests = plan.environment.forests.filter((forest) => forest.rootDomain).map((forest) => forestTarget(plan, forest, accounts, parts, organisation));
  const servers: ServerTarget[] = plan.environment.servers
    .filter((server) => server.name)
    .map((server) => ({
      id: `preflight-server-${slug(server.name)}`,
      tool: plan.tool,
      organisation,
      scope: "server",
      computer: server.name,
      domain: server.domain.toLowerCase(),
      role: plan.tool === "connect" ? "connectServer" : "agentHost",
    }));
  return uniqueIds<PreflightTarget>([...forests, ...servers]);
}

/** 16 hex digits of SHA-256 over what the collector was generated from: equal targets give equal fingerprints. */
export function targetFingerprint(target: PreflightTarget): string {
  return sha256Hex(new TextEncoder().encode(canonicalJson(target))).slice(0, 16);
}
