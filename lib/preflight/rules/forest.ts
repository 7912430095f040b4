import { AD_CLASSES, AD_SCHEMA, type AdSchemaId, type Fact } from "@/lib/catalog";
import { aceForAdRight, CONDITIONAL_AD_RIGHTS, KDS_ROOT_KEY, type AceSpec } from "@/lib/catalog/install-day";
import { ENCRYPTION_TYPE_BITS, SCHEMA_OBJECT_VERSIONS } from "@/lib/catalog/preflight-rules";
import { forestDomains, type Forest, type RequiredAccount } from "@/lib/plan";
import { someOf } from "@/lib/plan/limits";
import type { ForestPreflightFacts, PreflightAccountFacts, PreflightAce } from "@/lib/preflight/facts-schema";
import { couldNotRead, sameName, type Finding, type RuleContext } from "./context";

type ForestFacts = ForestPreflightFacts["forest"];

const HOUR_MS = 3_600_000;
const NO_GUID = "00000000-0000-0000-0000-000000000000";
/** userAccountControl flags (Microsoft's UserAccountControl reference). */
const UAC = { disabled: 0x2, normalAccount: 0x200 } as const;

/** The planned gMSAs whose domain is in this forest: what the KDS key and the schema's gMSA level matter for. */
function plannedGmsas(context: RuleContext, forest: Forest): RequiredAccount[] {
  const domains = new Set(forestDomains(forest).map((domain) => domain.toLowerCase()));
  return context.accounts.filter((account) => {
    const entry = context.plan.accounts[account.key];
    if (entry?.inUse === false) return false;
    const isGmsa = account.definition.identity === "gmsa" || entry?.accountType === "gmsa";
    const domain = entry?.domain || account.domain || account.server?.domain || "";
    return isGmsa && domains.has(domain.toLowerCase());
  });
}

function kdsRootKey(context: RuleContext, facts: ForestFacts, collectedAt: Date, gmsas: readonly RequiredAccount[]): Finding[] {
  const times = facts.kdsRootKeys.map((key) => new Date(key.effectiveTime).getTime()).filter(Number.isFinite);
  const usableFrom = times.length > 0 ? Math.min(...times) + KDS_ROOT_KEY.waitHours * HOUR_MS : undefined;
  const unread = couldNotRead(context, "kdsRootKeys");
  return gmsas.map((account): Finding => {
    if (unread && usableFrom === undefined) {
      return { rule: "kdsRootKey", account, status: "unknown", detail: `${unread} Whether the forest has a KDS root key is not known.`, remediation: "Run the forest's collector again where it can read the KDS root keys (the message says what stopped it)." };
    }
    if (usableFrom === undefined) {
      return { rule: "kdsRootKey", account, status: "fail", detail: `The forest ${facts.plannedName} has no KDS root key: no gMSA can be created in it.`, remediation: KDS_ROOT_KEY.onDomainController.text };
    }
    if (usableFrom > collectedAt.getTime()) {
      return {
        rule: "kdsRootKey",
        account,
        status: "warn",
        detail: `The forest's KDS root key is younger than ${KDS_ROOT_KEY.waitHours} hours: domain controllers use it from ${new Date(usableFrom).toISOString()}.`,
        remediation: `Create the gMSA after ${new Date(usableFrom).toISOString()}; do not back-date the key outside a test forest.`,
      };
    }
    return { rule: "kdsRootKey", account, status: "pass", detail: `A KDS root key exists and has been effective for more than ${KDS_ROOT_KEY.waitHours} hours.` };
  });
}

/** A domain controller's OS version ("10.0 (17763)", "6.3 (9600)") as major.minor, 6.2 being Windows Server 2012. */
function atLeast2012(version: string | null): boolean {
  const match = version?.match(/^(\d+)\.(\d+)/);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  return major > 6 || (major === 6 && minor >= 2);
}

function gmsaSchema(facts: ForestFacts, gmsas: readonly RequiredAccount[], context: RuleContext): Finding[] {
  const version = facts.schemaObjectVersion;
  return gmsas.map((account): Finding => {
    const domainName = (context.plan.accounts[account.key]?.domain || account.domain || account.server?.domain || "").toLowerCase();
    const domain = facts.domains.find((candidate) => candidate.name.toLowerCase() === domainName);
    const newDcs = (domain?.domainControllers ?? []).filter((dc) => atLeast2012(dc.operatingSystemVersion));
    if (version === null) return { rule: "gmsaSchema", account, status: "unknown", detail: "The collector could not read the schema's objectVersion." };
    if (version < SCHEMA_OBJECT_VERSIONS.windowsServer2012) {
      return { rule: "gmsaSchema", account, status: "fail", detail: `The schema is at objectVersion ${version}, older than Windows Server 2012 (${SCHEMA_OBJECT_VERSIONS.windowsServer2012}).` };
    }
    const dcsUnread = newDcs.length === 0 ? couldNotRead(context, `domain:${domainName}`, `domainControllers:${domainName}`) : undefined;
    if (dcsUnread) return { rule: "gmsaSchema", account, status: "unknown", detail: `${dcsUnread} Which Windows Server the domain controllers run is not known.` };
    if (!domain || newDcs.length === 0) {
      return { rule: "gmsaSchema", account, status: "fail", detail: `No domain controller of ${domainName || "the gMSA's domain"} runs Windows Server 2012 or later.` };
    }
    return { rule: "gmsaSchema", account, status: "pass", detail: `Schema objectVersion ${version}; ${newDcs.length} domain controller(s) of ${domain.name} run Windows Server 2012 or later.` };
  });
}

function schemaAtLeast(rule: "cloudSyncSchema" | "deviceWritebackSchema", minimum: number, minimumName: string, facts: ForestFacts, account: RequiredAccount): Finding {
  const version = facts.schemaObjectVersion;
  if (version === null) return { rule, account, status: "unknown", detail: "The collector could not read the schema's objectVersion." };
  return version >= minimum
    ? { rule, account, status: "pass", detail: `The schema is at objectVersion ${version} (${minimumName} is ${minimum}).` }
    : { rule, account, status: "fail", detail: `The schema is at objectVersion ${version}, older than ${minimumName} (${minimum}).` };
}

/** Which hosts a gMSA is for: a Connect server's own gMSA, or the agent hosts joined to the Cloud Sync gMSA's domain. */
function hostsOf(account: RequiredAccount, context: RuleContext): string[] {
  if (account.server) return account.server.name ? [account.server.name] : [];
  if (account.domain) return context.plan.environment.servers.filter((server) => server.domain.toLowerCase() === account.domain!.toLowerCase()).map((server) => server.name);
  return [];
}

function gmsaRetrieval(facts: ForestFacts, found: PreflightAccountFacts, account: RequiredAccount, context: RuleContext): Finding {
  const hosts = hostsOf(account, context);
  const allowedDns = new Set(found.allowedPrincipals.map((principal) => principal.distinguishedName.toLowerCase()));
  const missing = hosts.filter((host) => {
    if (found.allowedPrincipals.some((principal) => sameName(principal.name, host))) return false;
    const computer = facts.computers.find((candidate) => sameName(candidate.name, host));
    if (computer?.distinguishedName && allowedDns.has(computer.distinguishedName.toLowerCase())) return false;
    return !(computer?.memberOf ?? []).some((group) => allowedDns.has(group.toLowerCase()));
  });
  if (hosts.length === 0) return { rule: "gmsaRetrieval", account, status: "unknown", detail: "The plan names no host for this gMSA yet." };
  const unread = missing.length > 0 ? couldNotRead(context, `allowedPrincipals:${found.accountKey}`, ...missing.map((host) => `computer:${host}` as const)) : undefined;
  if (unread) return { rule: "gmsaRetrieval", account, status: "unknown", detail: `${unread} Whether ${someOf(missing)} may retrieve its password is not known.` };
  return missing.length === 0
    ? { rule: "gmsaRetrieval", account, status: "pass", detail: `${someOf(hosts)} may retrieve its password.` }
    : {
        rule: "gmsaRetrieval",
        account,
        status: "fail",
        detail: `${someOf(missing)} ${missing.length === 1 ? "is" : "are"} not allowed to retrieve its password, directly or through a group.`,
        remediation: "Run the install-day part for this forest again: it adds the planned hosts to PrincipalsAllowedToRetrieveManagedPassword and keeps the ones already there.",
      };
}

function gmsaEncryption(found: PreflightAccountFacts, account: RequiredAccount): Finding {
  const types = found.supportedEncryptionTypes;
  const aes = ENCRYPTION_TYPE_BITS.aes128 | ENCRYPTION_TYPE_BITS.aes256;
  if (types === null) {
    return { rule: "gmsaEncryption", account, status: "warn", detail: "msDS-SupportedEncryptionTypes is not set on the gMSA: its encryption types follow the domain's defaults.", remediation: "Set AES explicitly: Set-ADServiceAccount -KerberosEncryptionType AES128,AES256." };
  }
  if ((types & aes) === 0) {
    return { rule: "gmsaEncryption", account, status: "fail", detail: `msDS-SupportedEncryptionTypes is ${types}: no AES type, so where RC4 is turned off the gMSA gets no Kerberos tickets.`, remediation: "Set-ADServiceAccount -KerberosEncryptionType AES128,AES256." };
  }
  return { rule: "gmsaEncryption", account, status: "pass", detail: `msDS-SupportedEncryptionTypes is ${types}: AES is enabled.` };
}

function connectorAccount(found: PreflightAccountFacts, account: RequiredAccount, context: RuleContext, facts: ForestFacts): Finding[] {
  const findings: Finding[] = [];
  const uac = found.userAccountControl ?? 0;
  const ordinary = found.objectKind === "user" && (uac & UAC.normalAccount) !== 0;
  const enabled = found.enabled === true && (uac & UAC.disabled) === 0;
  findings.push(
    ordinary && enabled
      ? { rule: "connectorOrdinaryUser", account, status: "pass", detail: `${found.name} is an enabled user account.` }
      : { rule: "connectorOrdinaryUser", account, status: "fail", detail: `${found.name} is ${ordinary ? "disabled" : `a ${found.objectKind} account, not an ordinary user`}.` },
  );
  const privileged = found.privilegedGroups.filter((group) => group === "Domain Admins" || group === "Enterprise Admins");
  const groupsUnread = couldNotRead(context, `groups:${found.accountKey}`, "forestRootSid");
  findings.push(
    privileged.length === 0 && groupsUnread
      ? { rule: "connectorNotPrivileged", account, status: "unknown", detail: `${groupsUnread} Whether ${found.name} is in Domain Admins or Enterprise Admins is not known.` }
      : privileged.length === 0
      ? { rule: "connectorNotPrivileged", account, status: "pass", detail: `${found.name} is in neither Domain Admins nor Enterprise Admins (token groups, nested membership included).` }
      : { rule: "connectorNotPrivileged", account, status: "fail", detail: `${found.name} is a member of ${privileged.join(" and ")} (token groups).` },
  );
  const protectedNow = found.adminCount === 1;
  const planned = context.plan.accounts[account.key]?.privilegedGroupMember === true;
  if (protectedNow) {
    findings.push({
      rule: "connectorNotProtected",
      account,
      status: planned ? "warn" : "fail",
      detail: `${found.name}'s adminCount is 1: it is, or was, in a group AdminSDHolder protects.${planned ? " The plan says it is a privileged group member." : ""}`,
    });
  } else {
    findings.push({ rule: "connectorNotProtected", account, status: "pass", detail: `${found.name} has no adminCount: no protected group holds it.` });
  }
  const onAdminSdHolder = facts.domains.flatMap((domain) => domain.adminSdHolderAces.filter((ace) => ace.accessControlType === "Allow" && matchesAccount(ace, found)).map(() => domain.name));
  const holderUnread = couldNotRead(context, ...facts.domains.map((domain) => `adminSdHolderAces:${domain.name}` as const));
  if (onAdminSdHolder.length > 0) {
    const domains = [...new Set(onAdminSdHolder)];
    findings.push({
      rule: "connectorAdminSdHolderEntries",
      account,
      status: "warn",
      detail: `AdminSDHolder grants ${found.name} ${onAdminSdHolder.length} entr${onAdminSdHolder.length === 1 ? "y" : "ies"} in ${someOf(domains)}, so it has them on every protected object (administrators included): the -IncludeAdminSdHolders choice.`,
      remediation: "Keep it only if protected accounts must sync their writeback attributes; otherwise remove the entries from AdminSDHolder (CN=AdminSDHolder,CN=System).",
    });
  } else if (holderUnread) {
    findings.push({ rule: "connectorAdminSdHolderEntries", account, status: "unknown", detail: `${holderUnread} Whether AdminSDHolder grants ${found.name} entries is not known.` });
  } else {
    findings.push({ rule: "connectorAdminSdHolderEntries", account, status: "pass", detail: `AdminSDHolder grants ${found.name} nothing: it has no rights over protected objects.` });
  }
  return findings;
}

function matchesAccount(ace: PreflightAce, found: PreflightAccountFacts): boolean {
  if (found.name) return sameName(ace.plannedAccount, found.name) || sameName(ace.identity.split("\\").pop(), found.name);
  // The wizard names its connector MSOL_<generated>: the collector reports its entries under that prefix.
  return found.createdBy === "wizard" && /^MSOL_/i.test(ace.plannedAccount);
}

/** Whether an entry holds one right, directly or through GenericAll (or GenericWrite for WriteProperty). */
function holds(ace: PreflightAce, right: string): boolean {
  const rights = ace.rights.split(",").map((candidate) => candidate.trim());
  return rights.includes("GenericAll") || rights.includes(right) || (right === "WriteProperty" && rights.includes("GenericWrite"));
}

/**
 * Whether an entry reaches what the spec asks for: its right or attribute (or all of them), on the domain
 * root itself, or on descendant objects of the spec's class (an entry limited to another class, say computer
 * or group objects, does not).
 */
function reaches(ace: PreflightAce, spec: AceSpec): boolean {
  const object = spec.object ? AD_SCHEMA[spec.object].guid : NO_GUID;
  const objectType = ace.objectType.toLowerCase();
  if (objectType !== object && objectType !== NO_GUID) return false;
  const limitedTo = ace.inheritedObjectType.toLowerCase();
  if (spec.appliesTo === "domainRoot") return limitedTo === NO_GUID && ace.inheritanceType !== "Descendents" && ace.inheritanceType !== "Children";
  const wanted = AD_CLASSES[spec.appliesTo.descendantClass as keyof typeof AD_CLASSES]?.guid;
  return ace.inheritanceType !== "None" && (limitedTo === NO_GUID || limitedTo === wanted);
}

/**
 * Whether the account's entries grant what the spec asks: every right allowed, and no Deny taking one away.
 * Windows orders explicit entries before inherited ones, so only an inherited Deny loses to an explicit Allow.
 */
function granted(aces: readonly PreflightAce[], spec: AceSpec): boolean {
  const allows = aces.filter((ace) => ace.accessControlType === "Allow" && reaches(ace, spec));
  if (!spec.rights.every((right) => allows.some((ace) => holds(ace, right)))) return false;
  const denies = aces.filter((ace) => ace.accessControlType === "Deny" && reaches(ace, spec) && spec.rights.some((right) => holds(ace, right)));
  return denies.every((deny) => deny.isInherited && allows.some((allow) => !allow.isInherited));
}

/** The catalog's statement of the account's first right that names entries to verify. */
function rightFact(account: RequiredAccount): Fact | undefined {
  const right = account.rights.find((candidate) => candidate.adRights?.length);
  return right ? { text: `${right.right} (${right.appliesTo})`, cite: right.cite } : undefined;
}

function rightsOnDomainRoots(context: RuleContext, facts: ForestFacts, found: PreflightAccountFacts, account: RequiredAccount): Finding | undefined {
  const required = [...new Set(account.rights.flatMap((right) => right.adRights ?? []))] as AdSchemaId[];
  if (required.length === 0) return undefined;
  const missingByDomain: string[] = [];
  const optionalMissing: string[] = [];
  const unreadDomains = facts.domains.filter((domain) => domain.status === "found" && couldNotRead(context, `rootAces:${domain.name}`)).map((domain) => domain.name);
  const domains = facts.domains.filter((domain) => domain.status === "found" && !unreadDomains.includes(domain.name));
  for (const domain of domains) {
    const aces = domain.rootAces.filter((ace) => matchesAccount(ace, found));
    const missing = required.filter((id) => !granted(aces, aceForAdRight(id)));
    const names = (ids: AdSchemaId[]) => ids.map((id) => AD_SCHEMA[id].displayName).join(", ");
    const needed = missing.filter((id) => !CONDITIONAL_AD_RIGHTS[id]);
    const optional = missing.filter((id) => CONDITIONAL_AD_RIGHTS[id]);
    if (needed.length > 0) missingByDomain.push(`${domain.name}: ${names(needed)}`);
    if (optional.length > 0) optionalMissing.push(`${domain.name}: ${names(optional)}`);
  }
  const notFound = facts.domains.filter((domain) => domain.status !== "found").map((domain) => domain.name);
  const grantedBy = [...new Set(account.rights.map((right) => right.cmdlet).filter(Boolean))].join(", ");
  if (missingByDomain.length > 0) {
    return {
      rule: "rights",
      account,
      status: "fail",
      detail: `Missing on the domain roots (the wizard does not check rights: sync fails later): ${someOf(missingByDomain, 4)}.`,
      remediation: `Grant them with the install-day part for this forest${grantedBy ? ` (${grantedBy})` : ""}, then run the pre-flight again.`,
      fact: rightFact(account),
    };
  }
  if (unreadDomains.length > 0) {
    return {
      rule: "rights",
      account,
      status: "unknown",
      detail: `${couldNotRead(context, ...unreadDomains.map((name) => `rootAces:${name}` as const))} The rights on the root of ${someOf(unreadDomains)} are not known${domains.length > 0 ? `; granted on ${domains.length} other domain root(s)` : ""}.`,
      remediation: "Run the forest's collector again as an account that may read the domain roots' permissions.",
      fact: rightFact(account),
    };
  }
  const note = [optionalMissing.length > 0 ? ` Not granted, and needed only in some forests: ${someOf(optionalMissing, 4)}.` : "", notFound.length > 0 ? ` Not read: ${someOf(notFound)}.` : ""].join("");
  return {
    rule: "rights",
    account,
    status: notFound.length > 0 || optionalMissing.length > 0 ? "warn" : "pass",
    detail: `Every right of the chosen features is granted on ${domains.length} domain root(s).${note}`,
    fact: rightFact(account),
  };
}

/** Findings about the account's own state: found and enabled, or not created yet (by the wizard or installer) — never a failure before install. */
function accountState(context: RuleContext, found: PreflightAccountFacts, account: RequiredAccount): Finding | undefined {
  const fact = account.definition.constraints[0];
  const unread = found.status !== "found" ? couldNotRead(context, `account:${found.accountKey}`, `domain:${found.domain}`) : undefined;
  if (unread) return { rule: "accountExists", account, status: "unknown", detail: `${unread} Whether ${found.name || "the account"} exists in ${found.domain} is not known.`, fact };
  if (found.status === "notCreatedYet") {
    return { rule: "accountExists", account, status: "unknown", detail: `Not created yet: ${account.creation.how} Run the pre-flight again after install to check it.`, remediation: "Nothing to do before install.", fact };
  }
  if (found.status === "notFound") {
    return { rule: "accountExists", account, status: "fail", detail: `${found.name || "The account"} was not found in ${found.domain}.`, remediation: `Create it as planned before install day (${account.creation.how})`, fact };
  }
  if (found.enabled === false) return { rule: "accountExists", account, status: "fail", detail: `${found.name} exists in ${found.domain} but is disabled.`, remediation: "Enable it, or plan another account.", fact };
  return { rule: "accountExists", account, status: "pass", detail: `${found.name} exists in ${found.domain} and is enabled.`, fact };
}

/** An admin account the install needs in a well-known group: read from its token groups, so nested membership counts. */
function memberOf(context: RuleContext, rule: "enterpriseAdminMember" | "ssoAdminDomainAdmin", group: "Enterprise Admins" | "Domain Admins", found: PreflightAccountFacts, account: RequiredAccount): Finding {
  // Enterprise Admins is told apart by the forest root domain's SID.
  const unread = couldNotRead(context, `groups:${found.accountKey}`, ...(group === "Enterprise Admins" ? (["forestRootSid"] as const) : []));
  if (unread && !found.privilegedGroups.includes(group)) return { rule, account, status: "unknown", detail: `${unread} Whether ${found.name} is in ${group} is not known.` };
  return found.privilegedGroups.includes(group)
    ? { rule, account, status: "pass", detail: `${found.name} is a member of ${group} (token groups, nested membership included).` }
    : { rule, account, status: "fail", detail: `${found.name} is not a member of ${group}, directly or through a group.`, remediation: `Add ${found.name} to ${group} for install day, or plan an account that is.` };
}

type Leftover = ForestFacts["domains"][number]["leftovers"][number];

/**
 * After install, the connector the wizard created and named: the one MSOL_ user that holds entries on the
 * domain roots. Undefined before install, or when several MSOL_ users hold entries (which one is the plan's
 * is then not known).
 */
function wizardConnector(facts: ForestFacts): (Leftover & { domain: string }) | undefined {
  const trustees = new Set(
    facts.domains.flatMap((domain) => domain.rootAces.filter((ace) => ace.accessControlType === "Allow").map((ace) => ace.identity.split("\\").pop()!.toLowerCase())).filter((name) => /^msol_/.test(name)),
  );
  if (trustees.size !== 1) return undefined;
  const [name] = [...trustees];
  const matches = facts.domains.flatMap((domain) => domain.leftovers.filter((leftover) => leftover.objectClass === "user" && leftover.name.toLowerCase() === name).map((leftover) => ({ ...leftover, domain: domain.name })));
  return matches.length === 1 ? matches[0] : undefined;
}

/** The wizard's connector found after install: it exists (and whether enabled), and its rights are judged under its generated name. */
function installedConnector(context: RuleContext, facts: ForestFacts, found: PreflightAccountFacts, account: RequiredAccount, installed: Leftover & { domain: string }): Finding[] {
  const fact = account.definition.constraints[0];
  const state: Finding =
    installed.enabled === false
      ? { rule: "accountExists", account, status: "fail", detail: `The wizard's connector ${installed.name} exists in ${installed.domain} but is disabled.`, remediation: "Enable it, or run the wizard's connector change again.", fact }
      : { rule: "accountExists", account, status: "pass", detail: `The wizard created it as ${installed.name} in ${installed.domain} (the one MSOL_ account holding entries on the domain roots). Its groups and account flags are not read under a generated name: check them in Active Directory.`, fact };
  const rights = rightsOnDomainRoots(context, facts, { ...found, name: installed.name, createdBy: "plan" }, account);
  return rights ? [state, rights] : [state];
}

function leftovers(facts: ForestFacts, context: RuleContext, holder: RequiredAccount, planned: ReadonlySet<string>): Finding {
  const ssoPlanned = context.plan.environment.signIn.seamlessSso;
  const found = facts.domains.flatMap((domain) => domain.leftovers.map((leftover) => ({ ...leftover, domain: domain.name })));
  // The seamless SSO computer account is expected when seamless SSO is planned and already set up.
  // The seamless SSO account when planned, and the plan's own accounts found among them (the wizard's connector after install), are expected.
  const unexpected = found.filter((leftover) => !(ssoPlanned && /^AZUREADSSOACC/i.test(leftover.name)) && !planned.has(leftover.distinguishedName.toLowerCase()));
  const unread = couldNotRead(context, ...facts.domains.map((domain) => `leftovers:${domain.name}` as const));
  if (unexpected.length === 0 && unread) return { rule: "leftovers", account: holder, status: "unknown", detail: `${unread} Whether objects from an earlier attempt are left is not known.` };
  if (unexpected.length === 0) return { rule: "leftovers", account: holder, status: "pass", detail: "No MSOL_, Sync_ or AZUREADSSOACC objects from an earlier attempt." };
  const names = unexpected.map((leftover) => `${leftover.name} (${leftover.objectClass} in ${leftover.domain}${leftover.whenCreated ? `, created ${leftover.whenCreated.slice(0, 10)}` : ""})`);
  return {
    rule: "leftovers",
    account: holder,
    status: "warn",
    detail: `Found from an earlier attempt (or another install): ${someOf(names, 4)}.`,
    remediation: "Find out which install they belong to before installing: reuse or remove them deliberately, never both an old and a new connector on one forest.",
  };
}

/** Every forest rule, for the forest the file was collected in. */
export function judgeForest(context: RuleContext, facts: ForestPreflightFacts): Finding[] {
  const forest = context.plan.environment.forests.find((candidate) => candidate.id === context.ownerId)!;
  const collectedAt = new Date(facts.collectedAt);
  const findings: Finding[] = [];
  const byKey = new Map(context.accounts.map((account) => [account.key, account]));
  const gmsas = plannedGmsas(context, forest);
  findings.push(...kdsRootKey(context, facts.forest, collectedAt, gmsas), ...gmsaSchema(facts.forest, gmsas, context));

  const cloudSyncGmsas = gmsas.filter((account) => account.definition.id === "cloudSyncGmsa");
  for (const account of cloudSyncGmsas) findings.push(schemaAtLeast("cloudSyncSchema", SCHEMA_OBJECT_VERSIONS.windowsServer2016, "Windows Server 2016", facts.forest, account));

  const connector = context.accounts.find((account) => account.definition.id === "connectAdDsConnector" && account.forest?.id === forest.id);
  const deviceWriteback = context.plan.tool === "connect" && context.plan.environment.features.includes("deviceWriteback") && context.plan.environment.connect.deviceWritebackForestId === forest.id;
  if (deviceWriteback && connector) findings.push(schemaAtLeast("deviceWritebackSchema", SCHEMA_OBJECT_VERSIONS.windowsServer2012R2, "Windows Server 2012 R2", facts.forest, connector));

  const installed = wizardConnector(facts.forest);
  const planned = new Set<string>();
  for (const found of facts.forest.accounts) {
    const account = byKey.get(found.accountKey);
    if (!account || context.plan.accounts[account.key]?.inUse === false) continue;
    if (installed && found.status === "notCreatedYet" && found.createdBy === "wizard" && account.definition.id === "connectAdDsConnector") {
      findings.push(...installedConnector(context, facts.forest, found, account, installed));
      planned.add(installed.distinguishedName.toLowerCase());
      continue;
    }
    const state = accountState(context, found, account);
    if (state) findings.push(state);
    if (found.status !== "found") continue;
    if (found.objectKind === "gmsa") findings.push(gmsaRetrieval(facts.forest, found, account, context), gmsaEncryption(found, account));
    if (account.definition.id === "connectAdDsConnector") findings.push(...connectorAccount(found, account, context, facts.forest));
    if (account.definition.id === "connectEnterpriseAdmin") findings.push(memberOf(context, "enterpriseAdminMember", "Enterprise Admins", found, account));
    if (account.definition.id === "seamlessSsoDomainAdmin") {
      findings.push(
        memberOf(context, "ssoAdminDomainAdmin", "Domain Admins", found, account),
        found.privilegedGroups.includes("Protected Users")
          ? { rule: "ssoAdminNotProtectedUser", account, status: "fail", detail: `${found.name} is a member of Protected Users: enabling seamless single sign-on fails with it.` }
          : couldNotRead(context, `groups:${found.accountKey}`)
            ? { rule: "ssoAdminNotProtectedUser", account, status: "unknown", detail: `${couldNotRead(context, `groups:${found.accountKey}`)} Whether ${found.name} is in Protected Users is not known.` }
            : { rule: "ssoAdminNotProtectedUser", account, status: "pass", detail: `${found.name} is not in Protected Users.` },
      );
    }
    const rights = rightsOnDomainRoots(context, facts.forest, found, account);
    if (rights) findings.push(rights);
  }

  const holder = connector ?? cloudSyncGmsas[0] ?? context.accounts.find((account) => account.forest?.id === forest.id);
  if (holder) findings.push(leftovers(facts.forest, context, holder, planned));
  return findings;
}
