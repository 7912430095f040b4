import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SOURCES } from "@/lib/catalog";
import { PREFLIGHT_RULES } from "@/lib/catalog/preflight-rules";
import { hasToolAndEnvironment, planShape, type Plan } from "@/lib/plan";
import type { ForestPreflightFacts, PreflightFacts, ServerPreflightFacts } from "@/lib/preflight/facts-schema";
import { judgePreflight } from "@/lib/preflight/judge";
import { readPreflightFile } from "@/lib/preflight/read-file";
import type { CheckResult } from "@/lib/validation/schema";
import { loadExample } from "@/tests/fixtures/plans";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "preflight", "connect-fabrikam");
const fixture = <T extends PreflightFacts>(name: string): T => JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8")) as T;
const connectPlan = () => loadExample("connect-fabrikam-three-forests.json");

/** Judges facts against a plan as the Check step does: read (refusing foreign files), then judge. */
function judge(plan: Plan, facts: PreflightFacts): CheckResult[] {
  const read = readPreflightFile(JSON.stringify(facts), plan);
  if (!read.ok) throw new Error(read.message);
  return judgePreflight(read.plan, read.facts, read.ownerId).results;
}

/** The one result of a rule for an account. */
function resultOf(results: CheckResult[], rule: string, accountKey: string): CheckResult {
  const found = results.filter((result) => result.id.startsWith(`preflight-${rule}:`) && result.accountKey === accountKey);
  expect(found, `${rule} for ${accountKey}: ${results.map((result) => result.id).join(", ")}`).toHaveLength(1);
  return found[0]!;
}

const fabrikam = () => fixture<ForestPreflightFacts>("preflight-forest-fabrikam-com");
const sync01 = () => fixture<ServerPreflightFacts>("preflight-server-sync01");
const account = (facts: ForestPreflightFacts, key: string) => facts.forest.accounts.find((candidate) => candidate.accountKey === key)!;

const CONNECTOR = "connectAdDsConnector@forest-1";
const GMSA_1 = "connectAdSyncService@server-1";

describe("the passing fixture set of the Connect example", () => {
  it("turns each forest's and server's facts into results that pass, or wait for the wizard, and never fail", () => {
    const plan = connectPlan();
    for (const name of ["preflight-forest-fabrikam-com", "preflight-forest-tailspintoys-com", "preflight-forest-wingtiptoys-com", "preflight-server-sync01", "preflight-server-sync02"]) {
      const results = judge(plan, fixture(name));
      expect(results.length, name).toBeGreaterThan(0);
      for (const result of results) expect(result.status === "pass" || (result.status === "unknown" && /Not created yet/.test(result.detail)), `${name}: ${result.title} — ${result.detail}`).toBe(true);
    }
  });

  it("ties every result to a plan account, links to Microsoft Learn, says when the facts were collected, and fits the plan's schema", () => {
    const plan = connectPlan();
    const results = judge(plan, fabrikam());
    for (const result of results) {
      expect(plan.accounts[result.accountKey!] ?? result.accountKey, result.id).toBeDefined();
      expect(result.docUrl, result.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      expect(result.detail).toContain("collected 2026-11-26T10:00:00.000Z on ADM-FABRIKAM");
      expect(result.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    }
    const read = readPreflightFile(JSON.stringify(fabrikam()), plan);
    if (!read.ok) throw new Error(read.message);
    expect(planShape.safeParse({ ...plan, preflight: [judgePreflight(read.plan, read.facts, read.ownerId)] }).success).toBe(true);
  });

  it("cites a catalog statement in every rule that has its own", () => {
    for (const [id, rule] of Object.entries(PREFLIGHT_RULES)) {
      for (const fact of rule.facts) {
        expect(SOURCES[fact.cite.source], `${id}: ${fact.cite.source}`).toBeDefined();
        expect(fact.cite.section.length, id).toBeGreaterThan(0);
        expect(fact.text.length, id).toBeGreaterThan(10);
      }
    }
  });
});

describe("forest rules", () => {
  it("KDS root key: missing fails, younger than 10 hours warns with the time it is usable", () => {
    const none = fabrikam();
    none.forest.kdsRootKeys = [];
    expect(resultOf(judge(connectPlan(), none), "kds-root-key", GMSA_1).status).toBe("fail");
    const young = fabrikam();
    young.forest.kdsRootKeys = [{ effectiveTime: "2026-11-26T03:00:00.0000000Z" }];
    const result = resultOf(judge(connectPlan(), young), "kds-root-key", GMSA_1);
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("2026-11-26T13:00:00.000Z");
    expect(resultOf(judge(connectPlan(), fabrikam()), "kds-root-key", GMSA_1).status).toBe("pass");
  });

  it("gMSA schema and domain controllers: a schema before Windows Server 2012 fails, and so does a domain with only older domain controllers", () => {
    const old = fabrikam();
    old.forest.schemaObjectVersion = 47;
    expect(resultOf(judge(connectPlan(), old), "gmsa-schema", GMSA_1).status).toBe("fail");
    const oldDcs = fabrikam();
    for (const dc of oldDcs.forest.domains[0]!.domainControllers) dc.operatingSystemVersion = "6.1 (7601)";
    expect(resultOf(judge(connectPlan(), oldDcs), "gmsa-schema", GMSA_1).status).toBe("fail");
    const at2012 = fabrikam();
    at2012.forest.schemaObjectVersion = 56;
    at2012.forest.domains[0]!.domainControllers = [{ hostName: "DC9.fabrikam.com", operatingSystem: "Windows Server 2012", operatingSystemVersion: "6.2 (9200)", site: null }];
    expect(resultOf(judge(connectPlan(), at2012), "gmsa-schema", GMSA_1).status).toBe("pass");
  });

  it("device writeback needs the Windows Server 2012 R2 schema in its forest", () => {
    const old = fabrikam();
    old.forest.schemaObjectVersion = 56;
    expect(resultOf(judge(connectPlan(), old), "device-writeback-schema", CONNECTOR).status).toBe("fail");
    old.forest.schemaObjectVersion = 69;
    expect(resultOf(judge(connectPlan(), old), "device-writeback-schema", CONNECTOR).status).toBe("pass");
  });

  it("every planned host must be allowed to retrieve the gMSA's password, directly or through a group", () => {
    const missing = fabrikam();
    account(missing, GMSA_1).allowedPrincipals = account(missing, GMSA_1).allowedPrincipals.filter((principal) => principal.name !== "SYNC01");
    const failed = resultOf(judge(connectPlan(), missing), "gmsa-retrieval", GMSA_1);
    expect(failed.status).toBe("fail");
    expect(failed.detail).toContain("SYNC01");
    // Allowed through a group the host is a member of.
    const group = "CN=Sync servers,OU=Groups,DC=fabrikam,DC=com";
    account(missing, GMSA_1).allowedPrincipals.push({ distinguishedName: group, name: "Sync servers", objectClass: "group" });
    missing.forest.computers.find((computer) => computer.name === "SYNC01")!.memberOf = [group];
    expect(resultOf(judge(connectPlan(), missing), "gmsa-retrieval", GMSA_1).status).toBe("pass");
  });

  it("AES: an RC4-only gMSA fails, an unset one warns, AES passes", () => {
    const rc4 = fabrikam();
    account(rc4, GMSA_1).supportedEncryptionTypes = 4;
    expect(resultOf(judge(connectPlan(), rc4), "gmsa-encryption", GMSA_1).status).toBe("fail");
    account(rc4, GMSA_1).supportedEncryptionTypes = null;
    expect(resultOf(judge(connectPlan(), rc4), "gmsa-encryption", GMSA_1).status).toBe("warn");
    account(rc4, GMSA_1).supportedEncryptionTypes = 24;
    expect(resultOf(judge(connectPlan(), rc4), "gmsa-encryption", GMSA_1).status).toBe("pass");
  });

  it("the connector: disabled fails, not an ordinary user fails, Domain or Enterprise Admins fails", () => {
    const disabled = fabrikam();
    account(disabled, CONNECTOR).enabled = false;
    account(disabled, CONNECTOR).userAccountControl = 66050;
    expect(resultOf(judge(connectPlan(), disabled), "connector-ordinary-user", CONNECTOR).status).toBe("fail");
    const notUser = fabrikam();
    account(notUser, CONNECTOR).objectKind = "gmsa";
    expect(resultOf(judge(connectPlan(), notUser), "connector-ordinary-user", CONNECTOR).status).toBe("fail");
    for (const group of ["Domain Admins", "Enterprise Admins"] as const) {
      const admin = fabrikam();
      account(admin, CONNECTOR).privilegedGroups = [group];
      const result = resultOf(judge(connectPlan(), admin), "connector-not-privileged", CONNECTOR);
      expect(result.status).toBe("fail");
      expect(result.detail).toContain(group);
    }
  });

  it("the connector: adminCount 1 (protected) fails, unless the plan says it is a privileged member (then a warning)", () => {
    expect(resultOf(judge(connectPlan(), fabrikam()), "connector-not-protected", CONNECTOR).status).toBe("pass");
    const protectedOne = fabrikam();
    account(protectedOne, CONNECTOR).adminCount = 1;
    expect(resultOf(judge(connectPlan(), protectedOne), "connector-not-protected", CONNECTOR).status).toBe("fail");
    const planned = connectPlan();
    planned.accounts[CONNECTOR]!.privilegedGroupMember = true;
    expect(resultOf(judge(planned, protectedOne), "connector-not-protected", CONNECTOR).status).toBe("warn");
  });

  it("the connector: entries on AdminSDHolder (the -IncludeAdminSdHolders choice) warn, citing that it is not recommended, and are not 'protected'", () => {
    expect(resultOf(judge(connectPlan(), fabrikam()), "connector-admin-sd-holder-entries", CONNECTOR).status).toBe("pass");
    const onHolder = fabrikam();
    onHolder.forest.domains[0]!.adminSdHolderAces = [onHolder.forest.domains[0]!.rootAces[0]!];
    const results = judge(connectPlan(), onHolder);
    const entries = resultOf(results, "connector-admin-sd-holder-entries", CONNECTOR);
    expect(entries.status).toBe("warn");
    expect(entries.detail).toContain("fabrikam.com");
    expect(PREFLIGHT_RULES.connectorAdminSdHolderEntries.facts[0]!.text).toMatch(/-IncludeAdminSdHolders.*not recommended/);
    expect(resultOf(results, "connector-not-protected", CONNECTOR).status).toBe("pass");
    // A Deny entry on AdminSDHolder grants nothing.
    onHolder.forest.domains[0]!.adminSdHolderAces[0] = { ...onHolder.forest.domains[0]!.rootAces[0]!, accessControlType: "Deny" };
    expect(resultOf(judge(connectPlan(), onHolder), "connector-admin-sd-holder-entries", CONNECTOR).status).toBe("pass");
  });

  it("rights: a right of a chosen feature missing on any domain root fails and names the domain and the right", () => {
    const facts = fabrikam();
    const replicationAll = "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2";
    const domain = facts.forest.domains.find((candidate) => candidate.name === "na.fabrikam.com")!;
    expect(domain.rootAces.some((ace) => ace.objectType === replicationAll)).toBe(true);
    domain.rootAces = domain.rootAces.filter((ace) => ace.objectType !== replicationAll);
    const result = resultOf(judge(connectPlan(), facts), "rights", CONNECTOR);
    expect(result.status).toBe("fail");
    expect(result.detail).toContain("na.fabrikam.com: Replicating Directory Changes All");
    expect(result.detail).not.toContain("eu.fabrikam.com");
    // A Deny entry does not count as granted.
    const denied = fabrikam();
    for (const ace of denied.forest.domains[0]!.rootAces) ace.accessControlType = "Deny";
    expect(resultOf(judge(connectPlan(), denied), "rights", CONNECTOR).status).toBe("fail");
  });

  it("rights: an entry limited to another class of objects does not count, and a Deny takes a right away", () => {
    const resetPassword = "00299570-246d-11d0-a768-00aa006e0529";
    const consistencyGuid = "23773dc2-b63a-11d2-90e1-00c04fd91ab1";
    const computerClass = "bf967a86-0de6-11d0-a285-00aa003049e2";
    const [NO_GUID, USER_CLASS] = ["00000000-0000-0000-0000-000000000000", "bf967aba-0de6-11d0-a285-00aa003049e2"];
    const rootOf = (facts: ForestPreflightFacts) => facts.forest.domains[0]!.rootAces;
    expect(resultOf(judge(connectPlan(), fabrikam()), "rights", CONNECTOR).status).toBe("pass");
    for (const objectType of [resetPassword, consistencyGuid]) {
      // The same right (and any entry on all of users' properties), scoped to computer objects instead of users.
      const scoped = fabrikam();
      for (const ace of rootOf(scoped)) if (ace.objectType === objectType || (ace.objectType === NO_GUID && ace.inheritedObjectType === USER_CLASS)) ace.inheritedObjectType = computerClass;
      const result = resultOf(judge(connectPlan(), scoped), "rights", CONNECTOR);
      expect(result.status, objectType).toBe("fail");
      expect(result.detail, objectType).toMatch(/fabrikam\.com: .*(Reset Password|mS-DS-ConsistencyGuid)/);
    }
    // Limited to no class at all, it reaches users too.
    const anyClass = fabrikam();
    for (const ace of rootOf(anyClass)) if (ace.objectType === resetPassword) ace.inheritedObjectType = NO_GUID;
    expect(resultOf(judge(connectPlan(), anyClass), "rights", CONNECTOR).status).toBe("pass");
    // An explicit Deny of Reset Password on users, beside the Allow, overrides it.
    const denied = fabrikam();
    const allow = rootOf(denied).find((ace) => ace.objectType === resetPassword)!;
    rootOf(denied).push({ ...allow, accessControlType: "Deny" });
    const deniedResult = resultOf(judge(connectPlan(), denied), "rights", CONNECTOR);
    expect(deniedResult.status).toBe("fail");
    expect(deniedResult.detail).toContain("Reset Password");
    // An inherited Deny loses to the explicit Allow (explicit entries are evaluated first).
    rootOf(denied).at(-1)!.isInherited = true;
    expect(resultOf(judge(connectPlan(), denied), "rights", CONNECTOR).status).toBe("pass");
  });

  it("rights: without password writeback in the plan, its rights are not asked for", () => {
    const plan = connectPlan();
    plan.environment!.features = plan.environment!.features.filter((feature) => feature !== "passwordWriteback");
    const facts = fabrikam();
    const resetPassword = "00299570-246d-11d0-a768-00aa006e0529";
    for (const domain of facts.forest.domains) domain.rootAces = domain.rootAces.filter((ace) => ace.objectType !== resetPassword);
    expect(resultOf(judge(plan, facts), "rights", CONNECTOR).status).toBe("pass");
    expect(resultOf(judge(connectPlan(), facts), "rights", CONNECTOR).status).toBe("fail");
  });

  it("the seamless SSO Domain Admin: a member of Protected Users fails", () => {
    const facts = fabrikam();
    expect(resultOf(judge(connectPlan(), facts), "sso-admin-not-protected-user", "seamlessSsoDomainAdmin@forest-1").status).toBe("pass");
    account(facts, "seamlessSsoDomainAdmin@forest-1").privilegedGroups.push("Protected Users");
    expect(resultOf(judge(connectPlan(), facts), "sso-admin-not-protected-user", "seamlessSsoDomainAdmin@forest-1").status).toBe("fail");
  });

  it("the Enterprise Admin must be in Enterprise Admins and the seamless SSO Domain Admin in Domain Admins (token groups), or they fail", () => {
    const facts = fabrikam();
    expect(resultOf(judge(connectPlan(), facts), "enterprise-admin-member", "connectEnterpriseAdmin@forest-1").status).toBe("pass");
    expect(resultOf(judge(connectPlan(), facts), "sso-admin-domain-admin", "seamlessSsoDomainAdmin@forest-1").status).toBe("pass");
    account(facts, "connectEnterpriseAdmin@forest-1").privilegedGroups = ["Administrators"];
    account(facts, "seamlessSsoDomainAdmin@forest-1").privilegedGroups = ["Enterprise Admins"];
    const ea = resultOf(judge(connectPlan(), facts), "enterprise-admin-member", "connectEnterpriseAdmin@forest-1");
    expect(ea.status).toBe("fail");
    expect(ea.detail).toContain("not a member of Enterprise Admins");
    expect(resultOf(judge(connectPlan(), facts), "sso-admin-domain-admin", "seamlessSsoDomainAdmin@forest-1").status).toBe("fail");
  });

  it("leftovers: an MSOL_ account or a seamless SSO computer account nobody planned is reported", () => {
    const facts = fabrikam();
    facts.forest.domains[1]!.leftovers = [{ name: "MSOL_0123456789ab", objectClass: "user", distinguishedName: "CN=MSOL_0123456789ab,CN=Users,DC=na,DC=fabrikam,DC=com", whenCreated: "2024-03-01T10:00:00.0000000Z", enabled: true }];
    const result = resultOf(judge(connectPlan(), facts), "leftovers", CONNECTOR);
    expect(result.status).toBe("warn");
    expect(result.detail).toContain("MSOL_0123456789ab");
    expect(result.detail).toContain("2024-03-01");
  });

  it("after install, the wizard's connector is the one MSOL_ account holding entries on the domain roots: found, its rights judged, not a leftover", () => {
    const WIZARD_CONNECTOR = "connectAdDsConnector@forest-3";
    const installed = (...names: string[]) => {
      const facts = fixture<ForestPreflightFacts>("preflight-forest-wingtiptoys-com");
      const domain = facts.forest.domains[0]!;
      for (const name of names) {
        domain.leftovers.push({ name, objectClass: "user", distinguishedName: `CN=${name},CN=Users,DC=wingtiptoys,DC=com`, whenCreated: "2026-11-20T10:00:00.0000000Z", enabled: true });
        domain.rootAces.push(...fabrikam().forest.domains[0]!.rootAces.map((ace) => ({ ...ace, identity: `WINGTIP\\${name}`, plannedAccount: "MSOL_" })));
      }
      return facts;
    };
    const results = judge(connectPlan(), installed("MSOL_4f2a9c81d3e7"));
    const exists = resultOf(results, "account-exists", WIZARD_CONNECTOR);
    expect(exists.status).toBe("pass");
    expect(exists.detail).toContain("MSOL_4f2a9c81d3e7");
    expect(resultOf(results, "rights", WIZARD_CONNECTOR).status).toBe("pass");
    expect(resultOf(results, "leftovers", WIZARD_CONNECTOR).status).toBe("pass");
    // Without its entries on the domain roots, the same account is a leftover and the connector is not created yet.
    const bare = fixture<ForestPreflightFacts>("preflight-forest-wingtiptoys-com");
    bare.forest.domains[0]!.leftovers = installed("MSOL_4f2a9c81d3e7").forest.domains[0]!.leftovers;
    expect(resultOf(judge(connectPlan(), bare), "account-exists", WIZARD_CONNECTOR).status).toBe("unknown");
    expect(resultOf(judge(connectPlan(), bare), "leftovers", WIZARD_CONNECTOR).status).toBe("warn");
    // Two MSOL_ accounts with entries: which is the plan's is not known, so both stay reported.
    const two = judge(connectPlan(), installed("MSOL_4f2a9c81d3e7", "MSOL_00aa11bb22cc"));
    expect(resultOf(two, "account-exists", WIZARD_CONNECTOR).status).toBe("unknown");
    expect(resultOf(two, "leftovers", WIZARD_CONNECTOR).detail).toContain("MSOL_00aa11bb22cc");
  });

  it("accounts the wizard creates are 'not created yet' before install, never failures; a planned account that is missing fails", () => {
    const wingtip = fixture<ForestPreflightFacts>("preflight-forest-wingtiptoys-com");
    const connector = resultOf(judge(connectPlan(), wingtip), "account-exists", "connectAdDsConnector@forest-3");
    expect(connector.status).toBe("unknown");
    expect(connector.detail).toMatch(/^Not created yet/);
    const missing = fabrikam();
    Object.assign(account(missing, "connectEnterpriseAdmin@forest-1"), { status: "notFound", distinguishedName: null, enabled: null, userAccountControl: null });
    expect(resultOf(judge(connectPlan(), missing), "account-exists", "connectEnterpriseAdmin@forest-1").status).toBe("fail");
  });
});

describe("facts the collector could not read give 'to check', never a pass or a false failure", () => {
  const unreadable = <T extends PreflightFacts>(facts: T, ...about: string[]): T => {
    facts.unreadable = about.map((key) => ({ about: key, fact: `the fact ${key}`, message: "Access is denied." }));
    return facts;
  };
  const SSO_ADMIN = "seamlessSsoDomainAdmin@forest-1";
  const EA = "connectEnterpriseAdmin@forest-1";

  it("token groups: the connector's, the Enterprise Admin's and the seamless SSO admin's group rules", () => {
    const facts = fabrikam();
    for (const key of [CONNECTOR, EA, SSO_ADMIN]) account(facts, key).privilegedGroups = [];
    unreadable(facts, `groups:${CONNECTOR}`, `groups:${EA}`, `groups:${SSO_ADMIN}`);
    const results = judge(connectPlan(), facts);
    for (const [rule, key] of [
      ["connector-not-privileged", CONNECTOR],
      ["enterprise-admin-member", EA],
      ["sso-admin-domain-admin", SSO_ADMIN],
      ["sso-admin-not-protected-user", SSO_ADMIN],
    ] as const) {
      const result = resultOf(results, rule, key);
      expect(result.status, rule).toBe("unknown");
      expect(result.detail, rule).toContain("Could not read the fact groups:");
      expect(result.detail, rule).toContain("Access is denied.");
    }
    // A membership that was read still fails, whatever else could not be read.
    const read = fabrikam();
    account(read, CONNECTOR).privilegedGroups = ["Domain Admins"];
    expect(resultOf(judge(connectPlan(), unreadable(read, `groups:${CONNECTOR}`)), "connector-not-privileged", CONNECTOR).status).toBe("fail");
  });

  it("without the forest root domain's SID, Enterprise Admins membership is not known", () => {
    const facts = fabrikam();
    account(facts, EA).privilegedGroups = ["Administrators"];
    expect(resultOf(judge(connectPlan(), unreadable(facts, "forestRootSid")), "enterprise-admin-member", EA).status).toBe("unknown");
    expect(resultOf(judge(connectPlan(), facts), "connector-not-privileged", CONNECTOR).status).toBe("unknown");
  });

  it("AdminSDHolder entries, the domain roots' entries and the leftover search", () => {
    const facts = unreadable(fabrikam(), "adminSdHolderAces:na.fabrikam.com", "rootAces:na.fabrikam.com", "leftovers:fabrikam.com");
    facts.forest.domains.find((domain) => domain.name === "na.fabrikam.com")!.rootAces = [];
    const results = judge(connectPlan(), facts);
    expect(resultOf(results, "connector-admin-sd-holder-entries", CONNECTOR).status).toBe("unknown");
    const rights = resultOf(results, "rights", CONNECTOR);
    expect(rights.status).toBe("unknown");
    expect(rights.detail).toContain("na.fabrikam.com");
    expect(resultOf(results, "leftovers", CONNECTOR).status).toBe("unknown");
  });

  it("the KDS root keys: unreadable is not 'no key'", () => {
    const facts = fabrikam();
    facts.forest.kdsRootKeys = [];
    const result = resultOf(judge(connectPlan(), unreadable(facts, "kdsRootKeys")), "kds-root-key", GMSA_1);
    expect(result.status).toBe("unknown");
    expect(result.detail).not.toMatch(/has no KDS root key/);
  });

  it("an account or a domain that could not be read is not 'not found'", () => {
    const facts = fabrikam();
    Object.assign(account(facts, EA), { status: "notFound", distinguishedName: null, enabled: null, userAccountControl: null, privilegedGroups: [] });
    expect(resultOf(judge(connectPlan(), unreadable(facts, `account:${EA}`)), "account-exists", EA).status).toBe("unknown");
  });

  it("a gMSA's allowed principals, and a server's local Administrators", () => {
    const facts = fabrikam();
    account(facts, GMSA_1).allowedPrincipals = [];
    expect(resultOf(judge(connectPlan(), unreadable(facts, `allowedPrincipals:${GMSA_1}`)), "gmsa-retrieval", GMSA_1).status).toBe("unknown");
    const server = sync01();
    server.server.localAdministrators = [];
    expect(resultOf(judge(connectPlan(), unreadable(server, "localAdministrators")), "local-administrator-member", "connectLocalAdmin@server-1").status).toBe("unknown");
  });
});

describe("server rules", () => {
  const serverResult = (facts: ServerPreflightFacts, rule: string) => resultOf(judge(connectPlan(), facts), rule, GMSA_1);

  it("the Connect server: Server Core fails, Windows Server 2025 warns with both readings of Microsoft's pages, 2012 R2 fails", () => {
    const core = sync01();
    core.server.os.installationType = "Server Core";
    expect(serverResult(core, "connect-server-os").status).toBe("fail");
    const newer = sync01();
    newer.server.os.productName = "Windows Server 2025 Datacenter";
    // Connect's own page says "2016 or later" with no exception; only other pages say 2025 is not supported.
    const on2025 = serverResult(newer, "connect-server-os");
    expect(on2025.status).toBe("warn");
    expect(on2025.detail).toMatch(/2016 or later/);
    expect(on2025.detail).toMatch(/not supported/);
    const older = sync01();
    older.server.os.productName = "Windows Server 2012 R2 Standard";
    expect(serverResult(older, "connect-server-os").status).toBe("fail");
  });

  it("the installing administrator must be in the server's local Administrators: directly passes, only groups there is to check, absent fails", () => {
    const LOCAL_ADMIN = "connectLocalAdmin@server-1";
    expect(resultOf(judge(connectPlan(), sync01()), "local-administrator-member", LOCAL_ADMIN).status).toBe("pass");
    const throughGroup = sync01();
    throughGroup.server.localAdministrators = throughGroup.server.localAdministrators.filter((member) => !/adm-jmills/.test(member.name));
    const unsure = resultOf(judge(connectPlan(), throughGroup), "local-administrator-member", LOCAL_ADMIN);
    expect(unsure.status).toBe("unknown");
    expect(unsure.detail).toContain("FABRIKAM\\Domain Admins");
    throughGroup.server.localAdministrators = throughGroup.server.localAdministrators.filter((member) => member.objectClass !== "Group");
    expect(resultOf(judge(connectPlan(), throughGroup), "local-administrator-member", LOCAL_ADMIN).status).toBe("fail");
  });

  it(".NET: below 4.7.2 fails on a Connect server, and so does no .NET 4.5 at all", () => {
    const old = sync01();
    old.server.dotNetRelease = 461308;
    expect(serverResult(old, "connect-dot-net").status).toBe("fail");
    old.server.dotNetRelease = null;
    expect(serverResult(old, "connect-dot-net").status).toBe("fail");
    old.server.dotNetRelease = 461808;
    expect(serverResult(old, "connect-dot-net").status).toBe("pass");
  });

  it("TLS 1.2: turned off fails, not enforced warns", () => {
    const off = sync01();
    off.server.tls12.schannelClient.enabled = 0;
    expect(serverResult(off, "connect-tls12").status).toBe("fail");
    const loose = sync01();
    loose.server.tls12.netFramework32.schUseStrongCrypto = null;
    const warned = serverResult(loose, "connect-tls12");
    expect(warned.status).toBe("warn");
    expect(warned.detail).toContain("32-bit .NET SchUseStrongCrypto");
  });
});

describe("Cloud Sync agent hosts and forest", () => {
  const plan = () => {
    const example = loadExample("cloud-sync-contoso.json");
    if (!hasToolAndEnvironment(example)) throw new Error("no tool");
    return example;
  };
  const GMSA = "cloudSyncGmsa@domain-contoso_com";
  const agentFacts = (): ServerPreflightFacts => {
    const facts = sync01();
    facts.plan = { ...facts.plan, organisation: "Contoso Ltd", tool: "cloudSync", collectorId: "preflight-server-agent01" };
    facts.server.plannedName = "AGENT01";
    facts.server.role = "agentHost";
    return facts;
  };
  const forestFacts = (): ForestPreflightFacts => {
    const facts = fabrikam();
    facts.plan = { ...facts.plan, organisation: "Contoso Ltd", tool: "cloudSync", collectorId: "preflight-forest-contoso-com" };
    facts.forest.plannedName = "contoso.com";
    facts.forest.domains = [{ ...facts.forest.domains[0]!, name: "contoso.com", rootAces: [], leftovers: [] }];
    const gmsa = { ...account(facts, GMSA_1), accountKey: GMSA, name: "provAgentgMSA$", domain: "contoso.com", allowedPrincipals: ["AGENT01", "AGENT02", "AGENT03"].map((name) => ({ distinguishedName: `CN=${name},CN=Computers,DC=contoso,DC=com`, name, objectClass: "computer" })) };
    facts.forest.accounts = [gmsa];
    facts.forest.computers = [];
    return facts;
  };

  it("an agent host passes as collected, and fails on Server Core, a restricted execution policy, a disabled Credential Manager or old .NET", () => {
    for (const rule of ["agent-host-os", "agent-dot-net", "agent-execution-policy", "agent-credential-manager"]) expect(resultOf(judge(plan(), agentFacts()), rule, GMSA).status, rule).toBe("pass");
    const core = agentFacts();
    core.server.os.installationType = "Server Core";
    expect(resultOf(judge(plan(), core), "agent-host-os", GMSA).status).toBe("fail");
    // The Cloud Sync page itself says Windows Server 2025 is not supported for the agent.
    const on2025 = agentFacts();
    on2025.server.os.productName = "Windows Server 2025 Standard";
    expect(resultOf(judge(plan(), on2025), "agent-host-os", GMSA).status).toBe("fail");
    const policy = agentFacts();
    policy.server.powerShell.executionPolicy = { ...policy.server.powerShell.executionPolicy, effective: "AllSigned", machinePolicy: "AllSigned" };
    const refused = resultOf(judge(plan(), policy), "agent-execution-policy", GMSA);
    expect(refused.status).toBe("fail");
    expect(refused.detail).toContain("Group Policy");
    const vault = agentFacts();
    vault.server.credentialManager = { status: "Stopped", startType: "Disabled" };
    expect(resultOf(judge(plan(), vault), "agent-credential-manager", GMSA).status).toBe("fail");
    const dotNet = agentFacts();
    dotNet.server.dotNetRelease = 460805;
    expect(resultOf(judge(plan(), dotNet), "agent-dot-net", GMSA).status).toBe("fail");
  });

  it("the execution policy is the machine's and the user's, not the collector's own process (started with -ExecutionPolicy Bypass)", () => {
    const bypassed = agentFacts();
    bypassed.server.powerShell.executionPolicy = { effective: "Bypass", machinePolicy: "Undefined", userPolicy: "Undefined", process: "Bypass", currentUser: "Undefined", localMachine: "RemoteSigned" };
    expect(resultOf(judge(plan(), bypassed), "agent-execution-policy", GMSA).status).toBe("pass");
    const restricted = agentFacts();
    restricted.server.powerShell.executionPolicy = { effective: "RemoteSigned", machinePolicy: "Undefined", userPolicy: "Undefined", process: "RemoteSigned", currentUser: "Undefined", localMachine: "AllSigned" };
    const failed = resultOf(judge(plan(), restricted), "agent-execution-policy", GMSA);
    expect(failed.status).toBe("fail");
    expect(failed.detail).toContain("AllSigned (LocalMachine)");
    const unread = agentFacts();
    unread.server.powerShell.executionPolicy = { effective: "Bypass", machinePolicy: null, userPolicy: null, process: "Bypass", currentUser: null, localMachine: null };
    expect(resultOf(judge(plan(), unread), "agent-execution-policy", GMSA).status).toBe("unknown");
  });

  it("the forest: a schema older than Windows Server 2016 fails for msDS-ExternalDirectoryObjectId; the agents may retrieve the gMSA", () => {
    const facts = forestFacts();
    expect(resultOf(judge(plan(), facts), "cloud-sync-schema", GMSA).status).toBe("pass");
    expect(resultOf(judge(plan(), facts), "gmsa-retrieval", GMSA).status).toBe("pass");
    facts.forest.schemaObjectVersion = 69;
    expect(resultOf(judge(plan(), facts), "cloud-sync-schema", GMSA).status).toBe("fail");
    facts.forest.accounts[0]!.allowedPrincipals.pop();
    expect(resultOf(judge(plan(), facts), "gmsa-retrieval", GMSA).detail).toContain("AGENT03");
  });
});
