import type { AceRight, AceSpec } from "@/lib/catalog/install-day";

/**
 * An in-memory Active Directory, just big enough to run install day
 * against: forests and their domains (with SIDs), accounts, the ACEs on
 * each domain root, gMSA principals, KDS root keys and group memberships.
 */

export interface SimAce {
  trustee: string;
  rights: readonly AceRight[];
  /** GUID of the extended right or attribute; empty for all properties. */
  object: string;
  appliesTo: AceSpec["appliesTo"];
}

export interface SimAccount {
  kind: "user" | "gmsa" | "computer";
  sam: string;
  cn: string;
  sid: string;
  dn: string;
  /** For a gMSA: the DNs allowed to retrieve its password. */
  principals: string[];
  /** After a restricted-permissions cmdlet: inheritance off, only admins may write. */
  restricted: boolean;
}

export interface SimDomain {
  fqdn: string;
  netbios: string;
  sid: string;
  forest: string;
  dn: string;
  accounts: SimAccount[];
  rootAces: SimAce[];
  ous: string[];
}

export interface SimForest {
  root: string;
  domains: string[];
  /** Effective times (ms) of the forest's KDS root keys. */
  kdsKeys: number[];
}

/** Someone who can log on or be given as a credential, with the SIDs of their groups. */
export interface SimPrincipal {
  name: string;
  domain: string;
  sid: string;
  groups: string[];
}

export const ADMINISTRATORS_SID = "S-1-5-32-544";

export function dnOf(fqdn: string): string {
  return fqdn
    .split(".")
    .map((label) => `DC=${label}`)
    .join(",");
}

export class SimDirectory {
  forests: SimForest[] = [];
  domains: SimDomain[] = [];
  principals: SimPrincipal[] = [];
  private nextRid = 2000;
  private nextDomain = 1;

  addForest(root: string, children: readonly string[] = []): void {
    this.forests.push({ root, domains: [root, ...children], kdsKeys: [] });
    for (const fqdn of [root, ...children]) {
      this.domains.push({
        fqdn,
        netbios: this.uniqueNetbios(fqdn.split(".")[0]!.toUpperCase().slice(0, 12)),
        sid: `S-1-5-21-${1000 + this.nextDomain}-${2000 + this.nextDomain}-${3000 + this.nextDomain++}`,
        forest: root,
        dn: dnOf(fqdn),
        accounts: [],
        rootAces: [],
        ous: [],
      });
    }
    const rootDomain = this.domain(root)!;
    this.principals.push({ name: "ea", domain: root, sid: this.newSid(root), groups: [`${rootDomain.sid}-519`, `${rootDomain.sid}-512`] });
    for (const fqdn of [root, ...children]) {
      this.principals.push({ name: "da", domain: fqdn, sid: this.newSid(fqdn), groups: [`${this.domain(fqdn)!.sid}-512`] });
      this.principals.push({ name: "user", domain: fqdn, sid: this.newSid(fqdn), groups: [`${this.domain(fqdn)!.sid}-513`] });
    }
  }

  /** NetBIOS names are unique across the forests that trust each other. */
  private uniqueNetbios(label: string): string {
    let name = label;
    for (let suffix = 2; this.domains.some((domain) => domain.netbios === name); suffix += 1) name = `${label}${suffix}`;
    return name;
  }

  domain(name: string): SimDomain | undefined {
    const wanted = name.toLowerCase();
    return this.domains.find((domain) => domain.fqdn.toLowerCase() === wanted || domain.netbios.toLowerCase() === wanted);
  }

  forest(root: string): SimForest | undefined {
    return this.forests.find((forest) => forest.root.toLowerCase() === root.toLowerCase());
  }

  forestOf(domain: string): SimForest | undefined {
    const found = this.domain(domain);
    return found ? this.forest(found.forest) : undefined;
  }

  newSid(domain: string): string {
    return `${this.domain(domain)!.sid}-${this.nextRid++}`;
  }

  addAccount(domain: string, kind: SimAccount["kind"], sam: string, options: { cn?: string; container?: string; principals?: string[] } = {}): SimAccount {
    const target = this.domain(domain)!;
    const cn = options.cn ?? sam.replace(/\$$/, "");
    const account: SimAccount = {
      kind,
      sam,
      cn,
      sid: this.newSid(domain),
      dn: `CN=${cn},${options.container ?? (kind === "gmsa" ? `CN=Managed Service Accounts,${target.dn}` : kind === "computer" ? `CN=Computers,${target.dn}` : `CN=Users,${target.dn}`)}`,
      principals: options.principals ?? [],
      restricted: false,
    };
    target.accounts.push(account);
    return account;
  }

  findAccount(domain: string, sam: string): SimAccount | undefined {
    return this.domain(domain)?.accounts.find((account) => account.sam.toLowerCase() === sam.toLowerCase());
  }

  accountBySid(sid: string): SimAccount | undefined {
    return this.domains.flatMap((domain) => domain.accounts).find((account) => account.sid === sid);
  }

  principal(name: string, domain: string): SimPrincipal | undefined {
    const target = this.domain(domain);
    return this.principals.find((principal) => principal.name.toLowerCase() === name.toLowerCase() && principal.domain === target?.fqdn);
  }

  /** Whether a principal administers a domain: its Domain Admins, or its forest's Enterprise Admins. */
  administers(principal: { groups: readonly string[] }, domain: string): boolean {
    const target = this.domain(domain);
    if (!target) return false;
    const root = this.domain(target.forest)!;
    return principal.groups.includes(`${target.sid}-512`) || principal.groups.includes(`${root.sid}-519`);
  }

  /** A comparable picture of everything install day can change. */
  snapshot(): string {
    return JSON.stringify({ forests: this.forests, domains: this.domains });
  }

  clone(): SimDirectory {
    const copy = new SimDirectory();
    copy.forests = structuredClone(this.forests);
    copy.domains = structuredClone(this.domains);
    copy.principals = structuredClone(this.principals);
    copy.nextRid = this.nextRid;
    copy.nextDomain = this.nextDomain;
    return copy;
  }
}

const sameScope = (a: AceSpec["appliesTo"], b: AceSpec["appliesTo"]) =>
  a === "domainRoot" || b === "domainRoot" ? a === b : a.descendantClass.toLowerCase() === b.descendantClass.toLowerCase();

export function hasAce(domain: SimDomain, trustee: string, expected: { rights: readonly AceRight[]; object: string; appliesTo: AceSpec["appliesTo"] }): boolean {
  return domain.rootAces.some(
    (ace) => ace.trustee === trustee && ace.object === expected.object && sameScope(ace.appliesTo, expected.appliesTo) && expected.rights.every((right) => ace.rights.includes(right)),
  );
}

/** Adds an entry unless an equal one is there (ACLs are sets). */
export function addAce(domain: SimDomain, ace: SimAce): void {
  if (!hasAce(domain, ace.trustee, ace)) domain.rootAces.push(ace);
}
