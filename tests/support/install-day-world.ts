import { ACCOUNTS, AD_SCHEMA, type AdSchemaId } from "@/lib/catalog";
import { aceForAdRight, ADSYNCCONFIG_GRANTS } from "@/lib/catalog/install-day";
import { installDay } from "@/lib/install-day/build";
import type { InstallDay, Part } from "@/lib/install-day/model";
import { deriveAccounts, type Plan } from "@/lib/plan";
import { addAce, SimDirectory } from "./install-day-directory";
import { Interpreter, type RunResult, type Session } from "./install-day-interpreter";

/** A plan's install day, the directory it runs against, and the clock. */
export interface World {
  plan: Plan;
  day: InstallDay;
  directory: SimDirectory;
  now: number;
  connectConnectors: NonNullable<Session["connectConnectors"]>;
}

const HOUR = 3_600_000;

/** The plan's forests and domains, its servers' computer accounts, and each forest's accounts OU: no KDS key, no sync account yet. */
export function worldFor(plan: Plan): World {
  const directory = new SimDirectory();
  const environment = plan.environment!;
  for (const forest of environment.forests) directory.addForest(forest.rootDomain, forest.domains);
  for (const server of environment.servers) directory.addAccount(server.domain, "computer", `${server.name}$`);
  for (const forest of environment.forests) {
    const ou = forest.accountsOu.trim();
    const fqdn = [...ou.matchAll(/(?:^|,)\s*DC=([^,]+)/gi)].map((match) => match[1]!.trim()).join(".");
    const domain = ou ? directory.domain(fqdn) : undefined;
    if (domain) domain.ous.push(ou);
  }
  return { plan, day: installDay(plan), directory, now: Date.UTC(2026, 11, 1, 8), connectConnectors: [] };
}

export function rootOf(world: World, domain: string): string {
  return world.directory.forestOf(domain)!.root;
}

/** The right place and person for a part: a domain controller of its forest as that forest's Enterprise Admin, or its server as a local administrator. */
export function sessionFor(world: World, part: Part, overrides: Partial<Session> = {}): Session {
  const { directory } = world;
  const where = part.where;
  const credential = (key: string) => `${directory.domain(rootOf(world, key))!.netbios}\\ea`;
  const base: Session =
    where.kind === "forestMachine"
      ? { computer: "DC1", computerDomain: where.forest, user: directory.principal("ea", where.forest)!, elevated: true, localAdmin: true, domainController: true, now: world.now }
      : { computer: where.computers[0]!, computerDomain: where.domain, user: directory.principal("user", where.domain)!, elevated: true, localAdmin: true, now: world.now };
  return {
    ...base,
    credential,
    connectConnectors: world.connectConnectors,
    adSyncConfigInstalled: true,
    agentInstalled: true,
    agentDomains: world.directory.domains.map((domain) => domain.fqdn),
    ...overrides,
  };
}

export function runPart(world: World, part: Part, overrides: Partial<Session> = {}): RunResult {
  return new Interpreter(world.directory, sessionFor(world, part, overrides)).run(part);
}

/** Runs a part until it is no longer waiting for a KDS root key, coming back 11 hours later each time. */
export function runToCompletion(world: World, part: Part): RunResult[] {
  const runs: RunResult[] = [];
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const result = runPart(world, part);
    runs.push(result);
    if (result.code !== 2) break;
    world.now += 11 * HOUR;
  }
  return runs;
}

/**
 * What the tool's own wizard does between the parts. Connect: creates the
 * MSOL_ connector where the plan lets it (granting the cmdlets' rights in
 * that forest) and records each forest's connector. Cloud Sync: the default
 * gMSA, created by the installer (object name provAgentgMSA, sAMAccountName
 * pGMSA_…) with the hosts allowed and every right of All; a custom gMSA is
 * only used.
 */
export function runWizard(world: World): void {
  const { plan, directory } = world;
  const accounts = deriveAccounts(plan);
  if (plan.tool === "connect") {
    for (const account of accounts) {
      const cmdlets = [...new Set(account.rights.map((right) => right.cmdlet).filter((cmdlet): cmdlet is string => !!cmdlet && Object.hasOwn(ADSYNCCONFIG_GRANTS, cmdlet)))];
      if (account.definition.identity !== "adUser" || account.definition.scope !== "forest" || cmdlets.length === 0 || !account.forest) continue;
      const forest = account.forest;
      const entry = plan.accounts[account.key];
      if (account.creation.by === "wizard") {
        const name = `MSOL_${(forest.rootDomain.length * 7919).toString(16).padStart(6, "0")}`;
        const created = directory.findAccount(forest.rootDomain, name) ?? directory.addAccount(forest.rootDomain, "user", name);
        for (const domain of directory.forest(forest.rootDomain)!.domains) {
          for (const cmdlet of cmdlets) for (const ace of ADSYNCCONFIG_GRANTS[cmdlet]!.aces) addAce(directory.domain(domain)!, { trustee: created.sid, rights: ace.rights, object: ace.object ? aceGuid(ace.object) : "", appliesTo: ace.appliesTo });
        }
        world.connectConnectors.push({ connectorName: forest.rootDomain, accountName: name, accountDomain: directory.domain(forest.rootDomain)!.netbios });
      } else if (entry?.name) {
        world.connectConnectors.push({ connectorName: forest.rootDomain, accountName: entry.name, accountDomain: directory.domain(entry.domain)!.netbios });
      }
    }
    return;
  }
  for (const account of accounts) {
    if (account.definition.identity !== "gmsa" || account.definition.scope !== "serverDomain" || account.creation.by !== "installer" || !account.domain) continue;
    const hosts = plan.environment!.servers.filter((server) => server.domain.toLowerCase() === account.domain!.toLowerCase());
    const principals = hosts.map((server) => directory.findAccount(server.domain, `${server.name}$`)!.dn);
    const existing = directory.domain(account.domain)!.accounts.find((candidate) => candidate.cn === "provAgentgMSA");
    const gmsa = existing ?? directory.addAccount(account.domain, "gmsa", "pGMSA_1a2b3c4d$", { cn: "provAgentgMSA", principals });
    const rights = ACCOUNTS.filter((candidate) => candidate.identity === "gmsa" && candidate.scope === "serverDomain").flatMap((candidate) => candidate.rights ?? []);
    for (const domain of directory.forestOf(account.domain)!.domains) {
      for (const id of new Set(rights.flatMap((right) => right.adRights ?? []))) {
        const ace = aceForAdRight(id);
        addAce(directory.domain(domain)!, { trustee: gmsa.sid, rights: ace.rights, object: aceGuid(id), appliesTo: ace.appliesTo });
      }
    }
  }
}

function aceGuid(id: AdSchemaId): string {
  return AD_SCHEMA[id].guid;
}

/** Every part in run order, each to completion, with the wizard between the parts before it and after it. */
export function runInstallDay(world: World): { part: Part; runs: RunResult[] }[] {
  const outcome: { part: Part; runs: RunResult[] }[] = [];
  let wizardDone = false;
  for (const part of world.day.parts) {
    if (part.when === "afterWizard" && !wizardDone) {
      runWizard(world);
      wizardDone = true;
    }
    outcome.push({ part, runs: runToCompletion(world, part) });
  }
  if (!wizardDone) runWizard(world);
  return outcome;
}
