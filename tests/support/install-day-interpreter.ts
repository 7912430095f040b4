import { ACCOUNTS, AD_SCHEMA } from "@/lib/catalog";
import { aceForAdRight, ADSYNCCONFIG_GRANTS, CONNECTOR_DISCOVERY, type AceSpec } from "@/lib/catalog/install-day";
import type { AccountRef, AdminGroup, Part, Step, Who } from "@/lib/install-day/model";
import { CREDENTIAL_PATTERN } from "@/lib/export/powershell-prelude";
import { addAce, ADMINISTRATORS_SID, hasAce, type SimAccount, type SimDirectory, type SimPrincipal } from "./install-day-directory";

/**
 * Runs install-day parts against a SimDirectory the way the rendered script
 * does, with Microsoft's tools behaving as documented: ADSyncConfig grants on
 * every domain of the forest Get-ADForest reports, as the logged-on user
 * (so a grant run in the wrong forest lands there); dsacls and AD cmdlets act
 * as the logged-on user; Set-ADServiceAccount replaces the principal list;
 * domain controllers refuse a gMSA until a KDS root key is 10 hours old.
 */

const HOUR = 3_600_000;

export interface Session {
  /** The machine the part runs on. */
  computer: string;
  computerDomain: string;
  /** Who is logged on, and whether the window is elevated (a filtered token holds no admin groups). */
  user: SimPrincipal;
  elevated: boolean;
  localAdmin: boolean;
  /** Whether the machine is a domain controller (a KDS root key is created on one). */
  domainController?: boolean;
  now: number;
  whatIf?: boolean;
  /** The answer typed into each credential prompt, by what it is for (a forest or domain name): DOMAIN\user, or a UPN to see it refused. */
  credential?: (key: string) => string;
  /** Get-ADSyncADConnectorAccount's rows on a Connect server. */
  connectConnectors?: { connectorName: string; accountName: string; accountDomain: string }[];
  connectorAccountParameter?: string;
  adSyncConfigInstalled?: boolean;
  agentInstalled?: boolean;
  /** Domains the agent's wizard configured (Set-AADCloudSyncPermissions -TargetDomain takes only these). */
  agentDomains?: string[];
  /**
   * Makes a cmdlet fail: "throw" as -ErrorAction Stop makes the module's Write-Error on the first domain,
   * "partial" grants the first domain and reports nothing (a non-terminating error), "silent" grants nothing and reports nothing.
   */
  failures?: Record<string, "throw" | "partial" | "silent">;
}

export interface StepResult {
  step: string;
  status: string;
  detail: string;
}

export interface RunResult {
  code: number;
  /** Set when the part refused to start (its guard threw). */
  refused?: string;
  results: StepResult[];
  left: string[];
  reason: string;
  /** Every command that would change the directory, in order, as the renderer names it. */
  changes: string[];
}

class StopPart {
  constructor(
    readonly left: string[],
    readonly reason: string,
    readonly code: number,
  ) {}
}

function tokenOf(session: Session): string[] {
  if (!session.elevated) return [session.user.sid];
  return [session.user.sid, ...session.user.groups, ...(session.localAdmin ? [ADMINISTRATORS_SID] : [])];
}

function groupSid(directory: SimDirectory, group: AdminGroup): string {
  switch (group.kind) {
    case "enterpriseAdmins":
      return `${directory.domain(group.forest)!.sid}-519`;
    case "domainAdmins":
      return `${directory.domain(group.domain)!.sid}-512`;
    case "administrators":
      return ADMINISTRATORS_SID;
  }
}

export function callerIs(directory: SimDirectory, token: readonly string[], who: Who): boolean {
  return who.anyOf.some((groups) => groups.every((group) => token.includes(groupSid(directory, group))));
}

function placeProblem(directory: SimDirectory, part: Part, session: Session): string | undefined {
  const where = part.where;
  if (where.kind === "forestMachine") {
    const current = directory.forestOf(session.computerDomain)?.root;
    return current?.toLowerCase() === where.forest.toLowerCase() ? undefined : `this machine is in the forest ${current}, not ${where.forest}`;
  }
  if (!where.computers.some((computer) => computer.toLowerCase() === session.computer.toLowerCase())) return `this computer is ${session.computer}`;
  return session.computerDomain.toLowerCase() === where.domain.toLowerCase() ? undefined : `this computer is joined to ${session.computerDomain}`;
}

const fromSpec = (ace: AceSpec, trustee: string) => ({ trustee, rights: ace.rights, object: ace.object ? AD_SCHEMA[ace.object].guid : "", appliesTo: ace.appliesTo });

export function missingAces(directory: SimDirectory, domains: readonly string[], trustee: string, aces: readonly AceSpec[]): string[] {
  const missing: string[] = [];
  for (const name of domains) {
    const domain = directory.domain(name);
    if (!domain) throw new Error(`the domain ${name} cannot be reached`);
    for (const ace of aces) if (!hasAce(domain, trustee, fromSpec(ace, trustee))) missing.push(`${ace.object ?? ace.rights.join(",")} on ${domain.dn}`);
  }
  return missing;
}

export class Interpreter {
  private results: StepResult[] = [];
  private changes: string[] = [];
  private credentials = new Map<string, SimPrincipal>();

  constructor(
    private readonly directory: SimDirectory,
    private readonly session: Session,
  ) {}

  run(part: Part): RunResult {
    const token = tokenOf(this.session);
    const place = placeProblem(this.directory, part, this.session);
    const finish = (code: number, left: string[] = [], reason = "", refused?: string): RunResult => ({ code, refused, results: this.results, left, reason, changes: this.changes });
    if (place) return finish(1, [], "", `Part ${part.id} did not start: ${place}`);
    if (!callerIs(this.directory, token, part.who)) return finish(1, [], "", `Part ${part.id} did not start: the caller is not who it needs`);
    if (part.modules.includes("adSyncConfig") && this.session.adSyncConfigInstalled === false) return finish(1, [], "", "AdSyncConfig.psm1 was not found");
    if (part.modules.includes("cloudSync") && !this.session.agentInstalled) return finish(1, [], "", "The provisioning agent is not installed");
    try {
      part.steps.forEach((step, index) => {
        const later = part.steps.slice(index + 1).map((candidate) => candidate.title);
        try {
          this.step(step, later, token);
        } catch (error) {
          if (error instanceof StopPart) throw error;
          throw new StopPart(
            part.steps.slice(index).map((candidate) => candidate.title),
            `${step.title}: not done: ${(error as Error).message}`,
            1,
          );
        }
      });
    } catch (error) {
      if (!(error instanceof StopPart)) throw error;
      const gaps = this.results.filter((result) => result.status === "not done").length;
      const code = error.left.length === 0 && gaps === 0 && error.code === 0 ? 0 : error.code || 1;
      return finish(code, error.left, error.reason);
    }
    const gaps = this.results.filter((result) => result.status === "not done").length;
    return finish(gaps === 0 ? 0 : 1);
  }

  private add(step: Step, status: string, detail = ""): void {
    this.results.push({ step: step.title, status, detail });
  }

  private change(description: string): boolean {
    if (this.session.whatIf) return false;
    this.changes.push(description);
    return true;
  }

  /** The forest of the machine, as Get-ADForest reports it: the one ADSyncConfig acts in. */
  private sessionForest() {
    return this.directory.forestOf(this.session.computerDomain)!;
  }

  private credential(key: string, domains: readonly string[]): SimPrincipal {
    const known = this.credentials.get(key);
    if (known) return known;
    const answer = this.session.credential?.(key) ?? "";
    if (!new RegExp(CREDENTIAL_PATTERN).test(answer)) throw new Error(`${answer} is not in DOMAIN\\user form`);
    const [domainPart = "", name = ""] = answer.split("\\");
    const principal = this.directory.principal(name, domainPart);
    if (!principal) throw new Error(`the credential ${answer} does not sign in`);
    if (!domains.some((domain) => domain.toLowerCase() === principal.domain.toLowerCase())) throw new Error(`${answer} is an account of ${principal.domain}`);
    this.credentials.set(key, principal);
    return principal;
  }

  private resolve(ref: AccountRef): { account: SimAccount; domain: string } | undefined {
    if (ref.kind === "named") {
      const account = this.directory.findAccount(ref.domain, ref.gmsa ? `${ref.name}$` : ref.name);
      return account ? { account, domain: this.directory.domain(ref.domain)!.fqdn } : undefined;
    }
    const forest = this.directory.forest(ref.forest)!;
    const candidates = forest.domains.flatMap((domain) =>
      this.directory
        .domain(domain)!
        .accounts.filter((account) =>
          account.kind === "user" &&
          (this.session.connectorAccountParameter
            ? account.sam.toLowerCase() === this.session.connectorAccountParameter.toLowerCase()
            : account.sam.toUpperCase().startsWith(CONNECTOR_DISCOVERY.generatedPrefix)),
        )
        .map((account) => ({ account, domain })),
    );
    if (candidates.length !== 1) throw new Error(`${candidates.length} accounts match in the forest ${ref.forest}: use -ConnectorAccount`);
    return candidates[0];
  }

  private step(step: Step, later: string[], token: string[]): void {
    const { directory, session } = this;
    switch (step.kind) {
      case "kdsRootKey": {
        const forest = directory.forest(step.forest)!;
        const usable = forest.kdsKeys.map((effective) => effective + step.waitHours * HOUR).sort((a, b) => a - b);
        if (usable.length > 0 && usable[0]! <= session.now) return this.add(step, "already present");
        if (usable.length > 0) {
          this.add(step, "not done", `usable from ${new Date(usable[0]!).toISOString()}`);
          throw new StopPart(later, "Come back after the key is usable.", 2);
        }
        if (!callerIs(directory, token, step.mayCreate)) throw new Error("creating the KDS root key takes another group");
        if (!session.domainController) throw new Error("the KDS root key is created on a domain controller");
        if (!this.change(`Add-KdsRootKey ${forest.root}`)) {
          this.add(step, "would change");
          throw new StopPart(later, "-WhatIf: the run would end here.", 0);
        }
        // -EffectiveImmediately: effective now, never back-dated.
        forest.kdsKeys.push(session.now);
        this.add(step, "done");
        throw new StopPart(later, "A new KDS root key ends this run.", 2);
      }
      case "gmsa": {
        const hostDns = step.hosts.map((host) => {
          const computer = directory.findAccount(host.domain, `${host.computer}$`);
          if (!computer) throw new Error(`the computer ${host.computer} is not in ${host.domain}`);
          return computer.dn;
        });
        const found = this.resolve(step.account);
        if (!found) {
          if (!this.change(`New-ADServiceAccount ${step.account.name}`)) return this.add(step, "would change");
          if (!directory.administers(session.user, step.account.domain)) throw new Error("access denied");
          const forest = directory.forestOf(step.account.domain)!;
          if (!forest.kdsKeys.some((effective) => effective + 10 * HOUR <= session.now)) throw new Error("Key does not exist (no usable KDS root key)");
          if (step.path && !directory.domain(step.account.domain)!.ous.includes(step.path)) throw new Error(`the OU ${step.path} does not exist`);
          directory.addAccount(step.account.domain, "gmsa", `${step.account.name}$`, { container: step.path || undefined, principals: hostDns });
          const created = this.resolve(step.account);
          if (!created || hostDns.some((dn) => !created.account.principals.includes(dn))) throw new Error("not there after creating it");
          return this.add(step, "done", "created");
        }
        const current = [...found.account.principals];
        const adding = hostDns.filter((dn) => !current.includes(dn));
        if (adding.length === 0) return this.add(step, "already present", current.join("; "));
        if (!this.change(`Set-ADServiceAccount ${step.account.name}`)) return this.add(step, "would change");
        if (!directory.administers(session.user, step.account.domain)) throw new Error("access denied");
        // The parameter replaces the list: the step passes the union.
        found.account.principals = [...current, ...adding];
        if ([...current, ...adding].some((dn) => !found.account.principals.includes(dn))) throw new Error("not allowed after the change");
        return this.add(step, "done", `added ${adding.join("; ")}; kept ${current.join("; ")}`);
      }
      case "user": {
        if (this.resolve(step.account)) return this.add(step, "already present");
        if (!this.change(`New-ADUser ${step.account.name}`)) return this.add(step, "would change");
        if (!directory.administers(session.user, step.account.domain)) throw new Error("access denied");
        if (step.path && !directory.domain(step.account.domain)!.ous.includes(step.path)) throw new Error(`the OU ${step.path} does not exist`);
        directory.addAccount(step.account.domain, "user", step.account.name, { container: step.path || undefined });
        if (!this.resolve(step.account)) throw new Error("not there after creating it");
        return this.add(step, "done");
      }
      case "adSyncConfigGrant":
      case "dsaclsGrant": {
        const found = this.resolve(step.account);
        if (!found) {
          if (session.whatIf) return this.add(step, "would change", "once the account exists");
          throw new Error("the account does not exist");
        }
        const aces = step.kind === "adSyncConfigGrant" ? step.aces : step.grants.map((grant) => grant.ace);
        const trustee = found.account.sid;
        if (missingAces(directory, step.domains, trustee, aces).length === 0) {
          this.add(step, "already present");
        } else {
          if (!this.change(step.kind === "adSyncConfigGrant" ? step.cmdlet : "dsacls.exe")) return this.add(step, "would change");
          if (step.kind === "adSyncConfigGrant") this.adSyncConfig(step.cmdlet, trustee);
          else this.dsacls(step.domains, trustee, aces);
          const missing = missingAces(directory, step.domains, trustee, aces);
          if (missing.length > 0) throw new Error(`after the change these are still missing: ${missing.join("; ")}`);
          this.add(step, "done");
        }
        if (step.kind === "adSyncConfigGrant" && step.advisory.length > 0 && !session.whatIf) {
          const unsure = missingAces(directory, step.domains, trustee, step.advisory.map(({ ace }) => ace));
          if (unsure.length > 0) this.add(step, "check", unsure.join("; "));
        }
        return;
      }
      case "cloudSyncGrant": {
        const credential = this.credential(step.targetDomain, step.forestDomains);
        if (step.account.kind !== "named") throw new Error("only a named gMSA");
        const found = this.resolve(step.account);
        if (!found) throw new Error("the gMSA was not found");
        if (missingAces(directory, [step.targetDomain], found.account.sid, step.aces).length === 0) return this.add(step, "already present");
        if (!this.change(`Set-AADCloudSyncPermissions ${step.targetDomain}`)) return this.add(step, "would change");
        if (!(session.agentDomains ?? []).some((domain) => domain.toLowerCase() === step.targetDomain.toLowerCase())) throw new Error("the target domain is not configured in the agent");
        if (!directory.administers(credential, step.targetDomain)) throw new Error("the credential cannot grant in the target domain");
        const mode = session.failures?.["Set-AADCloudSyncPermissions"];
        if (mode === "throw") throw new Error("Set-AADCloudSyncPermissions failed");
        if (mode !== "silent") grantAll(directory, step.targetDomain, found.account.sid);
        const missing = missingAces(directory, [step.targetDomain], found.account.sid, step.aces);
        if (missing.length > 0) throw new Error(`after the change these are still missing: ${missing.join("; ")}`);
        return this.add(step, "done");
      }
      case "restrictConnector": {
        const credential = this.credential(step.forest, step.domains);
        const rows = (session.connectConnectors ?? []).filter((row) => row.connectorName.toLowerCase() === step.forest.toLowerCase());
        let account: SimAccount | undefined;
        let accountDomain = "";
        if (rows.length === 1) {
          account = directory.findAccount(rows[0]!.accountDomain, rows[0]!.accountName);
          accountDomain = directory.domain(rows[0]!.accountDomain)?.fqdn ?? "";
        } else if (step.account.kind === "named") {
          account = directory.findAccount(step.account.domain, step.account.name);
          accountDomain = step.account.domain;
        } else {
          const found = this.resolve(step.account);
          account = found?.account;
          accountDomain = found?.domain ?? "";
        }
        if (!account) throw new Error("the connector account was not found");
        if (account.restricted) return this.add(step, "already present", account.dn);
        if (!this.change(`Set-ADSyncRestrictedPermissions ${account.dn}`)) return this.add(step, "would change");
        if (!directory.administers(credential, accountDomain)) throw new Error("the credential cannot restrict the account");
        if (session.failures?.["Set-ADSyncRestrictedPermissions"] === "throw") throw new Error("Set-ADSyncRestrictedPermissions failed");
        account.restricted = true;
        return this.add(step, "done", account.dn);
      }
      case "restrictGmsa": {
        const credential = this.credential(step.domain, step.forestDomains);
        const domain = directory.domain(step.domain)!;
        const candidates =
          step.account.kind === "named"
            ? domain.accounts.filter((account) => account.kind === "gmsa" && account.sam.toLowerCase() === `${step.account.kind === "named" ? step.account.name : ""}$`.toLowerCase())
            : domain.accounts.filter((account) => {
                const planned = step.account.kind === "generated" ? (step.account.planned ?? "").replace(/\$$/, "").toLowerCase() : "";
                return account.kind === "gmsa" && (account.sam.toLowerCase() === `${planned}$` || account.cn.toLowerCase() === planned);
              });
        if (candidates.length !== 1) throw new Error(`expected one gMSA, found ${candidates.length}`);
        const gmsa = candidates[0]!;
        if (gmsa.restricted) return this.add(step, "already present");
        if (!this.change(`Set-AADCloudSyncRestrictedPermissions ${gmsa.dn}`)) return this.add(step, "would change");
        if (!directory.administers(credential, step.domain)) throw new Error("the credential cannot restrict the gMSA");
        gmsa.restricted = true;
        return this.add(step, "done");
      }
      case "reminder":
        return this.add(step, "by hand", step.changes);
      case "planGap":
        return this.add(step, "not done", step.changes);
    }
  }

  /** ADSyncConfig: every domain of the forest Get-ADForest reports, as the logged-on user; failures are Write-Errors made terminating by -ErrorAction Stop. */
  private adSyncConfig(cmdlet: string, trustee: string): void {
    const mode = this.session.failures?.[cmdlet];
    if (mode === "silent") return;
    if (mode === "throw") throw new Error(`${cmdlet}: Write-Error, made terminating by -ErrorAction Stop`);
    const grant = ADSYNCCONFIG_GRANTS[cmdlet]!;
    this.sessionForest().domains.forEach((name, index) => {
      if (mode === "partial" && index > 0) return;
      if (!this.directory.administers(this.session.user, name)) throw new Error(`${cmdlet}: access denied on ${name}`);
      const domain = this.directory.domain(name)!;
      for (const ace of grant.aces) addAce(domain, fromSpec(ace, trustee));
    });
  }

  /** dsacls on the named domain roots, as the logged-on user. */
  private dsacls(domains: readonly string[], trustee: string, aces: readonly AceSpec[]): void {
    if (this.session.failures?.["dsacls.exe"] === "throw") throw new Error("dsacls could not grant");
    for (const name of domains) {
      if (!this.directory.administers(this.session.user, name)) throw new Error(`dsacls: access denied on ${name}`);
      for (const ace of aces) addAce(this.directory.domain(name)!, fromSpec(ace, trustee));
    }
  }
}

/** What Set-AADCloudSyncPermissions -PermissionType All writes, read from the catalog: every right GUID of the Cloud Sync gMSA's rights, whatever the plan's features. */
function grantAll(directory: SimDirectory, target: string, trustee: string): void {
  const rights = ACCOUNTS.filter((account) => account.identity === "gmsa" && account.scope === "serverDomain").flatMap((account) => account.rights ?? []);
  for (const id of new Set(rights.flatMap((right) => right.adRights ?? []))) addAce(directory.domain(target)!, fromSpec(aceForAdRight(id), trustee));
}
