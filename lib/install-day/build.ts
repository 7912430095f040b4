import { AD_SCHEMA, type AdSchemaId, type Citation, type Fact } from "@/lib/catalog";
import {
  aceForAdRight,
  ADSYNCCONFIG_GRANTS,
  CONDITIONAL_AD_RIGHTS,
  CONNECTOR_DISCOVERY,
  DSACLS_GRANTS,
  KDS_ROOT_KEY,
  MODULES,
  HARDENING,
  REMINDERS_BY_AD_RIGHT,
  type AceSpec,
  type DsaclsGrantFact,
} from "@/lib/catalog/install-day";
import { deriveAccounts, forestDomains, forestOfDomain, hasToolAndEnvironment, type Forest, type Plan, type PlanWithTool, type RequiredAccount, type Server } from "@/lib/plan";
import { accountText } from "./describe";
import type { AccountRef, AdvisoryAce, HostRef, InstallDay, Part, Step, Who } from "./model";

/**
 * Builds install day from the plan and the catalog. Which account gets which
 * step follows from the catalog's identity kinds, scopes, creation rules and
 * rights (the cmdlet or permission type each right names), never from an
 * account's id.
 */

type NamedRef = Extract<AccountRef, { kind: "named" }>;

const stem = (name: string) => name.replace(/\$$/, "");

function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Who administers a whole forest: its Enterprise Admins, or someone in Domain Admins of each of its domains. */
function forestAdmins(forest: Forest): Who {
  return {
    anyOf: [[{ kind: "enterpriseAdmins", forest: forest.rootDomain }], forestDomains(forest).map((domain) => ({ kind: "domainAdmins" as const, domain }))],
  };
}

/** Who may create a KDS root key: Domain Admins or Enterprise Admins; the key lives in the forest's configuration partition, so the root domain's Domain Admins. */
function kdsCreators(forest: Forest): Who {
  return { anyOf: [[{ kind: "enterpriseAdmins", forest: forest.rootDomain }], [{ kind: "domainAdmins", domain: forest.rootDomain }]] };
}

/** The OU an account is created in: the forest's accounts OU when it lies in the account's domain. */
function pathIn(forest: Forest, domain: string): string {
  const ou = forest.accountsOu.trim();
  if (!ou) return "";
  const components = [...ou.matchAll(/(?:^|,)\s*DC=([^,]+)/gi)].map((match) => match[1]!.trim().toLowerCase());
  return components.join(".") === domain.toLowerCase() ? ou : "";
}

function kdsStep(forest: Forest): Step {
  return {
    kind: "kdsRootKey",
    title: `KDS root key of the forest ${forest.rootDomain}`,
    changes: `Creates the forest's KDS root key when it has none (Add-KdsRootKey -EffectiveImmediately, never back-dated; only on a domain controller), then ends the run: domain controllers use a new key only after up to ${KDS_ROOT_KEY.waitHours} hours.`,
    verifies: `Reads the forest's KDS root keys (Get-KdsRootKey) and goes on only when one has been effective for ${KDS_ROOT_KEY.waitHours} hours.`,
    forest: forest.rootDomain,
    mayCreate: kdsCreators(forest),
    waitHours: KDS_ROOT_KEY.waitHours,
    cites: [KDS_ROOT_KEY.wait.cite, KDS_ROOT_KEY.whoCreates.cite, KDS_ROOT_KEY.onDomainController.cite, KDS_ROOT_KEY.backdatingIsForTests.cite],
  };
}

function gmsaStep(account: NamedRef, hosts: HostRef[], path: string, cite: Citation): Step {
  const hostList = hosts.map((host) => host.computer).join(", ");
  return {
    kind: "gmsa",
    title: `gMSA ${accountText(account)} for ${hostList}`,
    changes: `Creates the gMSA if it does not exist${path ? " in the forest's accounts OU" : ""}; otherwise adds ${hostList} to the computers allowed to retrieve its password, keeping every principal already there.`,
    verifies: "Reads PrincipalsAllowedToRetrieveManagedPassword before and after, and reports what was added and what was kept.",
    account,
    hosts,
    path,
    cites: [cite],
  };
}

function reminderSteps(rights: readonly AdSchemaId[]): Step[] {
  const reminders = new Set<{ title: string; fact: Fact }>();
  for (const right of rights) {
    const reminder = REMINDERS_BY_AD_RIGHT[right];
    if (reminder) reminders.add(reminder);
  }
  return [...reminders].map(({ title, fact }) => ({ kind: "reminder", title: `By hand: ${title}`, changes: fact.text, verifies: "Nothing: a policy this script does not change.", cites: [fact.cite] }));
}

function planGap(title: string, what: string): Step {
  return { kind: "planGap", title, changes: `Nothing: ${what} Complete the plan and export the scripts again.`, verifies: "Nothing.", cites: [] };
}

const isAdSyncConfigCmdlet = (cmdlet: string | undefined): cmdlet is string => cmdlet !== undefined && Object.hasOwn(ADSYNCCONFIG_GRANTS, cmdlet);
const dsaclsGrantOf = (right: AdSchemaId): DsaclsGrantFact | undefined => DSACLS_GRANTS[right];

/** The accounts the ADSyncConfig cmdlets grant to: Active Directory users of a forest whose rights name those cmdlets. */
function isConnector(account: RequiredAccount): boolean {
  return account.definition.identity === "adUser" && account.definition.scope === "forest" && account.rights.some((right) => isAdSyncConfigCmdlet(right.cmdlet));
}

/** The grant steps of a connector, in catalog order: one per ADSyncConfig cmdlet, and one dsacls step for the rights no cmdlet grants. */
function connectorGrantSteps(account: RequiredAccount, ref: AccountRef, forest: Forest, withCmdlets: boolean): Step[] {
  const domains = forestDomains(forest);
  const steps: Step[] = [];
  const byCmdlet = new Map<string, { cites: Citation[]; adRights: AdSchemaId[] }>();
  const dsacls: DsaclsGrantFact[] = [];
  const dsaclsCites: Citation[] = [];
  const granted: AdSchemaId[] = [];
  for (const right of account.rights) {
    if (isAdSyncConfigCmdlet(right.cmdlet)) {
      const entry = byCmdlet.get(right.cmdlet) ?? { cites: [], adRights: [] };
      entry.cites.push(right.cite);
      entry.adRights.push(...(right.adRights ?? []));
      byCmdlet.set(right.cmdlet, entry);
    } else if (!right.cmdlet) {
      for (const id of right.adRights ?? []) {
        const grant = dsaclsGrantOf(id);
        if (grant && !dsacls.includes(grant)) {
          dsacls.push(grant);
          dsaclsCites.push(right.cite, grant.cite);
        }
      }
    }
  }
  if (withCmdlets) {
    for (const [cmdlet, entry] of byCmdlet) {
      const grant = ADSYNCCONFIG_GRANTS[cmdlet]!;
      const documented = new Set(grant.aces.map((ace) => ace.object).filter((id): id is AdSchemaId => id !== undefined));
      const advisory = entry.adRights
        .filter((id) => !documented.has(id))
        .map((id) => ({ ace: aceForAdRight(id), why: `one Microsoft page lists it under ${cmdlet}, whose reference does not` }));
      granted.push(...entry.adRights);
      steps.push({
        kind: "adSyncConfigGrant",
        title: `${cmdlet} for ${accountText(ref)}`,
        changes: `Runs ${cmdlet} (ADSyncConfig) in the forest ${forest.rootDomain}: it writes its entries on the root of ${domains.join(", ")}.`,
        verifies: `Reads each domain root's ACL first (skips when every entry is there) and after (stops with what is missing).${advisory.length ? ` Also reports ${advisory.map(({ ace }) => AD_SCHEMA[ace.object!].displayName).join(", ")}, which one Microsoft page lists and the cmdlet's reference does not.` : ""}`,
        cmdlet,
        account: ref,
        domains,
        aces: grant.aces,
        advisory,
        cites: [grant.cite, ...entry.cites],
      });
    }
  }
  if (dsacls.length > 0) {
    const names = dsacls.map((grant) => AD_SCHEMA[grant.ace.object!].displayName).join(" and ");
    granted.push(...dsacls.map((grant) => grant.ace.object!));
    steps.push({
      kind: "dsaclsGrant",
      title: `${names} for ${accountText(ref)}`,
      changes: `Adds ${names} with dsacls on the root of ${domains.join(", ")} (no ADSyncConfig cmdlet grants them); existing entries are kept.`,
      verifies: "Reads each domain root's ACL by right GUID before (skips what is there) and after (stops with what is missing).",
      account: ref,
      domains,
      grants: dsacls,
      cites: dsaclsCites,
    });
  }
  steps.push(...reminderSteps(granted));
  return steps;
}

function namedRef(name: string, domain: string, gmsa: boolean): NamedRef {
  return { kind: "named", name: stem(name), domain, gmsa };
}

function hostOf(server: Server): HostRef {
  return { computer: server.name, domain: server.domain };
}

function connectParts(plan: PlanWithTool, accounts: RequiredAccount[]): InstallDay {
  const { environment } = plan;
  const before: Part[] = [];
  const after: Part[] = [];
  const restrictSteps: Step[] = [];

  // gMSAs the plan names for server-scoped service accounts, grouped by account; each is created in its domain's forest part.
  const serviceGmsas = new Map<string, { ref: NamedRef; hosts: HostRef[]; cite: Citation }>();
  for (const account of accounts) {
    if (account.definition.identity !== "serviceAccount" || account.definition.scope !== "server" || !account.server) continue;
    const entry = plan.accounts[account.key];
    if (!entry?.inUse || entry.accountType !== "gmsa" || !entry.name || !entry.domain) continue;
    const key = `${stem(entry.name).toLowerCase()}@${entry.domain.toLowerCase()}`;
    const group = serviceGmsas.get(key) ?? { ref: namedRef(entry.name, entry.domain, true), hosts: [], cite: account.creation.cite };
    group.hosts.push(hostOf(account.server));
    serviceGmsas.set(key, group);
  }

  for (const forest of environment.forests) {
    const steps: Step[] = [];
    const afterSteps: Step[] = [];
    const connector = accounts.find((account) => isConnector(account) && account.forest?.id === forest.id);
    if (connector) {
      const entry = plan.accounts[connector.key];
      if (connector.creation.by === "admin") {
        if (!entry?.name || !entry.domain) {
          steps.push(planGap(`${connector.label}: no name yet`, `the plan does not name the ${connector.definition.name} of ${forest.rootDomain} yet.`));
        } else {
          const ref = namedRef(entry.name, entry.domain, false);
          const path = pathIn(forest, entry.domain);
          steps.push({
            kind: "user",
            title: `${connector.definition.name} ${accountText(ref)}`,
            changes: `Creates the account if it does not exist${path ? " in the forest's accounts OU" : ""}, as an ordinary user with a password typed at run time (never stored); an existing account is left as it is.`,
            verifies: "Looks the account up by sAMAccountName before and after.",
            account: ref,
            path,
            cites: [connector.creation.cite],
          });
          steps.push(...connectorGrantSteps(connector, ref, forest, true));
          restrictSteps.push(restrictStep(ref, forest));
        }
      } else {
        // The wizard creates and names it (MSOL_…) and grants the cmdlets' rights; what no cmdlet grants is added after it.
        const ref: AccountRef = { kind: "generated", how: "connectWizardConnector", forest: forest.rootDomain, domains: forestDomains(forest) };
        afterSteps.push(...connectorGrantSteps(connector, ref, forest, false));
        restrictSteps.push(restrictStep(ref, forest));
      }
    }
    const gmsas = [...serviceGmsas.values()].filter((gmsa) => forestOfDomain(environment, gmsa.ref.domain)?.id === forest.id);
    if (gmsas.length > 0) {
      // Last in the part: a new KDS root key ends the run, after everything that does not need it.
      steps.push(kdsStep(forest), ...gmsas.map((gmsa) => gmsaStep(gmsa.ref, gmsa.hosts, pathIn(forest, gmsa.ref.domain), gmsa.cite)));
    }
    if (steps.some((step) => step.kind !== "reminder")) {
      before.push({
        id: `connect-forest-${slug(forest.rootDomain)}`,
        title: `Forest ${forest.rootDomain}: accounts and rights before the Connect wizard`,
        tool: "connect",
        when: "beforeWizard",
        who: forestAdmins(forest),
        where: { kind: "forestMachine", forest: forest.rootDomain },
        modules: connector && connector.creation.by === "admin" ? ["activeDirectory", "adSyncConfig"] : ["activeDirectory"],
        before: connector && connector.creation.by === "admin" ? MODULES.adSyncConfig.facts : [],
        steps,
      });
    }
    if (afterSteps.some((step) => step.kind !== "reminder")) {
      after.push({
        id: `connect-forest-${slug(forest.rootDomain)}-after`,
        title: `Forest ${forest.rootDomain}: rights the Connect wizard does not grant`,
        tool: "connect",
        when: "afterWizard",
        who: forestAdmins(forest),
        where: { kind: "forestMachine", forest: forest.rootDomain },
        modules: ["activeDirectory"],
        before: [CONNECTOR_DISCOVERY.facts[1]!],
        steps: afterSteps,
      });
    }
  }

  const active = environment.servers.find((server) => !server.staging) ?? environment.servers[0];
  if (active && restrictSteps.length > 0) {
    const serverForest = forestOfDomain(environment, active.domain);
    // First after the wizard: it prints each forest's connector, which a forest's later part may be told with -ConnectorAccount.
    after.unshift({
      id: `connect-server-${slug(active.name)}`,
      title: `Connect server ${active.name}: harden the AD DS Connector accounts`,
      tool: "connect",
      when: "afterWizard",
      who: { anyOf: [[{ kind: "administrators", computer: active.name }]] },
      where: { kind: "server", role: "connectServer", computers: [active.name], domain: active.domain, forest: serverForest?.rootDomain ?? active.domain },
      modules: ["adSyncConfig"],
      before: [...CONNECTOR_DISCOVERY.facts, CONNECTOR_DISCOVERY.credential],
      steps: restrictSteps,
    });
  }
  return {
    tool: "connect",
    parts: [...before, ...after],
    wizard: { title: `Install Microsoft Entra Connect on ${active?.name ?? "the Connect server"} and run its wizard`, who: "the Connect server's local administrator, with the plan's Hybrid Identity Administrator (and each forest's Enterprise Admin where the wizard creates the connector)" },
  };
}

function restrictStep(ref: AccountRef, forest: Forest): Step {
  return {
    kind: "restrictConnector",
    title: `Harden ${accountText(ref)}`,
    changes: "Runs Set-ADSyncRestrictedPermissions on the account: inheritance is turned off and only SELF and the administrator groups keep rights on it.",
    verifies: `Finds the account with ${CONNECTOR_DISCOVERY.cmdlet}${ref.kind === "generated" ? ` (an ${CONNECTOR_DISCOVERY.generatedPrefix}* search only as a fallback, which stops unless it finds exactly one)` : ""}; skips when the account's ACL is already protected, and checks it is protected afterwards.`,
    account: ref,
    forest: forest.rootDomain,
    domains: forestDomains(forest),
    cites: [HARDENING.connector.cite, CONNECTOR_DISCOVERY.credential.cite, ...CONNECTOR_DISCOVERY.facts.map((fact) => fact.cite)],
  };
}

/** The entries -PermissionType All writes that the plan's features need, by right GUID. */
function cloudSyncAces(account: RequiredAccount): { aces: AceSpec[]; advisory: AdvisoryAce[]; rights: AdSchemaId[] } {
  const rights = [...new Set(account.rights.flatMap((right) => right.adRights ?? []))];
  return {
    aces: rights.filter((id) => !CONDITIONAL_AD_RIGHTS[id]).map(aceForAdRight),
    advisory: rights.flatMap((id) => {
      const condition = CONDITIONAL_AD_RIGHTS[id];
      return condition ? [{ ace: aceForAdRight(id), why: condition.text }] : [];
    }),
    rights,
  };
}

function cloudSyncParts(plan: PlanWithTool, accounts: RequiredAccount[]): InstallDay {
  const { environment } = plan;
  const before: Part[] = [];
  const after: Part[] = [];
  const gmsaAccounts = accounts.filter((account) => account.definition.identity === "gmsa" && account.definition.scope === "serverDomain" && account.domain);
  for (const account of gmsaAccounts) {
    const domain = account.domain!;
    const forest = forestOfDomain(environment, domain);
    if (!forest) continue;
    const hosts = environment.servers.filter((server) => server.domain.toLowerCase() === domain.toLowerCase());
    const entry = plan.accounts[account.key];
    const custom = account.creation.by === "admin";
    const steps: Step[] = [kdsStep(forest)];
    // The installer creates the default gMSA and manages who may use it: its part only makes sure the KDS root key is there.
    let ref: AccountRef | undefined = custom ? undefined : { kind: "generated", how: "cloudSyncDefaultGmsa", forest: forest.rootDomain, domains: [domain], planned: account.defaultName };
    if (custom && !entry?.name) {
      steps.push(planGap(`${account.label}: no name yet`, `the plan does not name the custom gMSA of ${domain} yet.`));
    } else if (custom && entry) {
      const named = namedRef(entry.name, domain, true);
      ref = named;
      steps.push(gmsaStep(named, hosts.map(hostOf), pathIn(forest, domain), account.creation.cite));
    }
    const id = `cloudsync-${slug(domain)}`;
    before.push({
      id: `${id}-before`,
      title: custom ? `Domain ${domain}: KDS root key and the custom gMSA, before the agents` : `Forest ${forest.rootDomain}: KDS root key for the agents of ${domain}`,
      tool: "cloudSync",
      when: "beforeWizard",
      who: { anyOf: [[{ kind: "enterpriseAdmins", forest: forest.rootDomain }], [{ kind: "domainAdmins", domain }]] },
      where: { kind: "forestMachine", forest: forest.rootDomain },
      modules: ["activeDirectory"],
      before: [],
      steps,
    });

    const afterSteps: Step[] = [];
    const { aces, advisory, rights } = cloudSyncAces(account);
    if (!ref) {
      afterSteps.push(planGap(`${account.label}: no name yet`, `the plan does not name the custom gMSA of ${domain} yet.`));
    } else {
      if (ref.kind === "named") {
        for (const target of forestDomains(forest)) {
          afterSteps.push({
            kind: "cloudSyncGrant",
            title: `Set-AADCloudSyncPermissions -PermissionType All for ${accountText(ref)} in ${target}`,
            changes: `Grants the custom gMSA every right of -PermissionType All in ${target} (the installer no longer does this for a custom gMSA, and some rights exist only under All).`,
            verifies: "Reads the domain root's ACL by right GUID before (skips when all are there) and after (stops with what is missing).",
            permissionType: "All",
            account: ref,
            targetDomain: target,
            forest: forest.rootDomain,
            forestDomains: forestDomains(forest),
            aces,
            advisory,
            cites: [...MODULES.cloudSync.facts.map((fact) => fact.cite), HARDENING.customGmsaGrants.cite],
          });
        }
        afterSteps.push(...reminderSteps(rights));
      }
      afterSteps.push({
        kind: "restrictGmsa",
        title: `Harden ${accountText(ref)}`,
        changes: "Runs Set-AADCloudSyncRestrictedPermissions: inheritance is turned off on the gMSA and only SELF, the administrator groups and read entries remain. Who may use the gMSA is not changed.",
        verifies: "Skips when the gMSA's ACL is already protected, and checks it is protected afterwards.",
        account: ref,
        domain,
        forestDomains: forestDomains(forest),
        cites: [HARDENING.gmsa.cite],
      });
    }
    after.push({
      id: `${id}-after`,
      title: `Agent hosts of ${domain}: ${custom ? "the custom gMSA's rights and hardening" : "harden the gMSA"}, after the agent wizard`,
      tool: "cloudSync",
      when: "afterWizard",
      who: { anyOf: hosts.map((server) => [{ kind: "administrators" as const, computer: server.name }]) },
      where: { kind: "server", role: "agentHost", computers: hosts.map((server) => server.name), domain, forest: forest.rootDomain },
      modules: ["cloudSync"],
      before: MODULES.cloudSync.facts,
      steps: afterSteps,
    });
  }
  return {
    tool: "cloudSync",
    parts: [...before, ...after],
    wizard: { title: "Install the provisioning agent on each agent host and run its wizard", who: "each host's local administrator, with the plan's Hybrid Identity Administrator and a Domain Admin of each domain" },
  };
}

/** Install day for the plan: its parts in run order. A plan without a tool or environment has none. */
export function installDay(plan: Plan): InstallDay {
  if (!hasToolAndEnvironment(plan)) return { tool: plan.tool, parts: [] };
  const accounts = deriveAccounts(plan);
  const day = plan.tool === "connect" ? connectParts(plan, accounts) : cloudSyncParts(plan, accounts);
  return { ...day, parts: uniqueIds(day.parts) };
}

/** Two domains can slug alike (a-b.com, a.b.com): number the later ones. */
function uniqueIds(parts: readonly Part[]): Part[] {
  const seen = new Map<string, number>();
  return parts.map((part) => {
    const count = (seen.get(part.id) ?? 0) + 1;
    seen.set(part.id, count);
    return count === 1 ? part : { ...part, id: `${part.id}-${count}` };
  });
}
