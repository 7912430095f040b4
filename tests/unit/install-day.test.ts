import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AD_SCHEMA, type AdSchemaId } from "@/lib/catalog";
import { ADSYNCCONFIG_GRANTS } from "@/lib/catalog/install-day";
import { deriveAccounts, forestDomains, type Plan } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";
import { hasAce, type SimDomain } from "../support/install-day-directory";
import { validPlans } from "../support/install-day-plans";
import { runInstallDay, runPart, runToCompletion, runWizard, worldFor, type World } from "../support/install-day-world";

const EXAMPLES = ["connect-fabrikam-three-forests.json", "cloud-sync-contoso.json"] as const;
const HOUR = 3_600_000;

const last = <T>(runs: T[]) => runs.at(-1)!;
const failures = (outcome: ReturnType<typeof runInstallDay>) =>
  outcome.map(({ part, runs }) => ({ part: part.id, ...last(runs) })).filter((run) => run.code !== 0).map(({ part, reason, refused, left }) => ({ part, reason, refused, left }));

/** Each forest's AD DS Connector account after install day, as Connect knows it. */
function connectors(world: World): { forest: string; sid: string }[] {
  return world.connectConnectors.map((row) => ({ forest: row.connectorName, sid: world.directory.findAccount(row.accountDomain, row.accountName)!.sid }));
}

function forestOfDomain(world: World, domain: SimDomain) {
  return world.directory.forest(domain.forest)!;
}

/** The plan's rights for a forest's connector that a grant names by GUID (ADSyncConfig's and dsacls's). */
function connectorRightsOf(plan: Plan, forestRoot: string): AdSchemaId[] {
  const account = deriveAccounts(plan).find(
    (candidate) => candidate.forest?.rootDomain === forestRoot && candidate.rights.some((right) => right.cmdlet && Object.hasOwn(ADSYNCCONFIG_GRANTS, right.cmdlet)),
  );
  return [...new Set((account?.rights ?? []).filter((right) => right.adRights && (!right.cmdlet || Object.hasOwn(ADSYNCCONFIG_GRANTS, right.cmdlet))).flatMap((right) => right.adRights!))];
}

function expectEveryGrantInItsOwnForest(world: World): void {
  for (const { forest, sid } of connectors(world)) {
    for (const domain of world.directory.domains) {
      const own = forestOfDomain(world, domain).root === forest;
      const entries = domain.rootAces.filter((ace) => ace.trustee === sid);
      if (!own) expect(entries, `${forest}'s connector has entries in ${domain.fqdn}`).toEqual([]);
      else expect(entries.length, `${forest}'s connector has no entries in ${domain.fqdn}`).toBeGreaterThan(0);
    }
  }
}

function expectConnectorRights(world: World): void {
  for (const { forest, sid } of connectors(world)) {
    for (const id of connectorRightsOf(world.plan, forest)) {
      // Replicating Directory Changes under basic read is one page's reading: checked and reported, not required.
      if (id === "replicatingDirectoryChanges" && !world.plan.environment!.features.includes("passwordHashSync") && world.plan.environment!.signIn.method !== "passwordHashSync") continue;
      for (const name of world.directory.forest(forest)!.domains) {
        const domain = world.directory.domain(name)!;
        expect(
          domain.rootAces.some((ace) => ace.trustee === sid && ace.object === AD_SCHEMA[id].guid),
          `${AD_SCHEMA[id].displayName} for ${forest}'s connector on ${name}`,
        ).toBe(true);
      }
    }
  }
}

/** Run 1 from an empty directory, then every check the acceptance names for a finished install day. */
function expectInstallDayApplies(plan: Plan): World {
  const world = worldFor(plan);
  const outcome = runInstallDay(world);
  expect(failures(outcome)).toEqual([]);
  expectEveryGrantInItsOwnForest(world);
  expectConnectorRights(world);
  for (const row of world.connectConnectors) expect(world.directory.findAccount(row.accountDomain, row.accountName)!.restricted, `${row.accountName} hardened`).toBe(true);
  for (const part of world.day.parts) {
    for (const step of part.steps) {
      if (step.kind !== "gmsa") continue;
      const gmsa = world.directory.findAccount(step.account.domain, `${step.account.name}$`)!;
      for (const host of step.hosts) expect(gmsa.principals).toContain(world.directory.findAccount(host.domain, `${host.computer}$`)!.dn);
    }
  }
  return world;
}

/** Run 2: nothing changes, and every step says so. */
function expectSecondRunChangesNothing(world: World): void {
  const before = world.directory.snapshot();
  for (const part of world.day.parts) {
    const result = runPart(world, part);
    expect(result.code, `${part.id}: ${result.reason}`).toBe(0);
    expect(result.changes).toEqual([]);
    // "check" reports an entry one Microsoft page lists and the cmdlet's reference does not: a report, never a change.
    for (const step of result.results) expect(["already present", "by hand", "check"], `${part.id} / ${step.step}`).toContain(step.status);
    expect(result.results.filter((step) => step.status === "already present").length).toBeGreaterThan(0);
  }
  expect(world.directory.snapshot()).toBe(before);
}

describe("install day, run against an in-memory directory", () => {
  it.each(EXAMPLES)("%s: run 1 applies every part; run 2 changes nothing and says already present", (file) => {
    const world = expectInstallDayApplies(loadExample(file));
    expectSecondRunChangesNothing(world);
  });

  it("three forests: each forest's grants land in its own domains, run by its own Enterprise Admin there", () => {
    const world = expectInstallDayApplies(loadExample("connect-fabrikam-three-forests.json"));
    const forests = new Set(world.day.parts.filter((part) => part.where.kind === "forestMachine").map((part) => (part.where.kind === "forestMachine" ? part.where.forest : "")));
    expect(forests).toEqual(new Set(["fabrikam.com", "tailspintoys.com", "wingtiptoys.com"]));
    // The wizard-created connector of wingtiptoys.com got password writeback's domain-root rights after the wizard.
    const wingtip = connectors(world).find((connector) => connector.forest === "wingtiptoys.com")!;
    const root = world.directory.domain("wingtiptoys.com")!;
    expect(hasAce(root, wingtip.sid, { rights: ["ExtendedRight"], object: AD_SCHEMA.unexpirePassword.guid, appliesTo: "domainRoot" })).toBe(true);
    expect(hasAce(root, wingtip.sid, { rights: ["ExtendedRight"], object: AD_SCHEMA.changePassword.guid, appliesTo: { descendantClass: "user" } })).toBe(true);
  });

  it("grants ms-DS-ConsistencyGuid only when the plan's source anchor uses it", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const withAnchor = worldFor(plan);
    runInstallDay(withAnchor);
    const guid = AD_SCHEMA.msDsConsistencyGuid.guid;
    const fabrikam = withAnchor.directory.domain("fabrikam.com")!;
    expect(fabrikam.rootAces.some((ace) => ace.object === guid)).toBe(true);
    plan.environment!.connect.sourceAnchor = "objectGUID";
    const without = worldFor(plan);
    runInstallDay(without);
    expect(without.directory.domains.flatMap((domain) => domain.rootAces).some((ace) => ace.object === guid && connectors(without).some((c) => c.sid === ace.trustee && c.forest !== "wingtiptoys.com"))).toBe(false);
  });

  it("creates a forest's accounts in its accounts OU when the OU is in the account's domain", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    plan.environment!.forests[1]!.accountsOu = "OU=Sync Accounts,DC=tailspintoys,DC=com";
    // An OU of the root domain is not where a child domain's accounts can go: they use their domain's default container.
    plan.environment!.forests[0]!.accountsOu = "OU=Sync Accounts,DC=fabrikam,DC=com";
    plan.accounts["connectAdDsConnector@forest-1"]!.domain = "na.fabrikam.com";
    const world = expectInstallDayApplies(plan);
    expect(world.directory.findAccount("tailspintoys.com", "svc-aadc-tst")!.dn).toBe("CN=svc-aadc-tst,OU=Sync Accounts,DC=tailspintoys,DC=com");
    expect(world.directory.findAccount("fabrikam.com", "gmsaADSync$")!.dn).toBe("CN=gmsaADSync,OU=Sync Accounts,DC=fabrikam,DC=com");
    expect(world.directory.findAccount("na.fabrikam.com", "svc-aadc-fab")!.dn).toBe("CN=svc-aadc-fab,CN=Users,DC=na,DC=fabrikam,DC=com");
  });

  it("keeps a principal that is already allowed to use a gMSA, and adds the plan's hosts", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    const fabrikam = world.day.parts.find((part) => part.id === "connect-forest-fabrikam-com")!;
    world.directory.forest("fabrikam.com")!.kdsKeys.push(world.now - 24 * HOUR);
    const live = world.directory.addAccount("fabrikam.com", "computer", "OLDSYNC$");
    const gmsa = world.directory.addAccount("fabrikam.com", "gmsa", "gmsaADSync$", { principals: [live.dn] });
    const result = runPart(world, fabrikam);
    expect(result.code, result.reason).toBe(0);
    const sync01 = world.directory.findAccount("fabrikam.com", "SYNC01$")!.dn;
    const sync02 = world.directory.findAccount("fabrikam.com", "SYNC02$")!.dn;
    expect(gmsa.principals).toEqual([live.dn, sync01, sync02]);
    expect(result.results.find((step) => step.step.startsWith("gMSA"))).toMatchObject({ status: "done", detail: expect.stringContaining(`kept ${live.dn}`) });
  });

  it("ends the run after creating a KDS root key, and runs nothing that needs it until the key is usable", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    const fabrikam = world.day.parts.find((part) => part.id === "connect-forest-fabrikam-com")!;
    const first = runPart(world, fabrikam);
    const kds = fabrikam.steps.findIndex((step) => step.kind === "kdsRootKey");
    expect(first.code).toBe(2);
    expect(first.results.at(-1)).toMatchObject({ step: fabrikam.steps[kds]!.title, status: "done" });
    // Everything after the key is left for the next run: the gMSA that needs it.
    expect(first.left).toEqual(fabrikam.steps.slice(kds + 1).map((step) => step.title));
    expect(fabrikam.steps.slice(kds + 1).map((step) => step.kind)).toEqual(["gmsa"]);
    expect(world.directory.findAccount("fabrikam.com", "gmsaADSync$")).toBeUndefined();
    // The key is effective now: never back-dated.
    expect(world.directory.forest("fabrikam.com")!.kdsKeys).toEqual([world.now]);

    world.now += 2 * HOUR;
    const tooSoon = runPart(world, fabrikam);
    expect(tooSoon.code).toBe(2);
    expect(tooSoon.changes).toEqual([]);
    expect(world.directory.forest("fabrikam.com")!.kdsKeys).toHaveLength(1);

    world.now += 9 * HOUR;
    const later = runPart(world, fabrikam);
    expect(later.code, later.reason).toBe(0);
    expect(world.directory.findAccount("fabrikam.com", "gmsaADSync$")).toBeDefined();
  });

  it("creates a missing KDS root key only on a domain controller, and only as a forest-root administrator", () => {
    const world = worldFor(loadExample("cloud-sync-contoso.json"));
    const before = world.day.parts.find((part) => part.when === "beforeWizard")!;
    const memberServer = runPart(world, before, { computer: "AGENT01", domainController: false });
    expect(memberServer.code).toBe(1);
    expect(memberServer.reason).toMatch(/created on a domain controller/);
    expect(world.directory.forest("contoso.com")!.kdsKeys).toEqual([]);
    const childAdmin = runPart(world, before, { user: world.directory.principal("da", "emea.contoso.com")! });
    expect(childAdmin.refused).toBeDefined();
    expect(world.directory.forest("contoso.com")!.kdsKeys).toEqual([]);
  });

  it("stops at a failed grant with a not-done summary, and runs no later step", () => {
    for (const mode of ["throw", "partial", "silent"] as const) {
      const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
      const fabrikam = world.day.parts.find((part) => part.id === "connect-forest-fabrikam-com")!;
      const result = runPart(world, fabrikam, { failures: { "Set-ADSyncPasswordHashSyncPermissions": mode } });
      const failed = fabrikam.steps.findIndex((step) => step.kind === "adSyncConfigGrant" && step.cmdlet === "Set-ADSyncPasswordHashSyncPermissions");
      expect(result.code, mode).toBe(1);
      expect(result.reason.startsWith(`${fabrikam.steps[failed]!.title}: not done: `)).toBe(true);
      if (mode !== "throw") expect(result.reason).toMatch(/still missing: .*DC=eu,DC=fabrikam,DC=com/);
      // The failed step and every later one are listed as not done, and none of them ran.
      expect(result.left).toEqual(fabrikam.steps.slice(failed).map((step) => step.title));
      expect([...new Set(result.results.map((step) => step.step))]).toEqual(fabrikam.steps.slice(0, failed).map((step) => step.title));
      expect(result.results.map((step) => step.status)).not.toContain("would change");
      const connector = world.directory.findAccount("fabrikam.com", "svc-aadc-fab")!;
      const eu = world.directory.domain("eu.fabrikam.com")!;
      expect(eu.rootAces.some((ace) => ace.trustee === connector.sid && ace.object === AD_SCHEMA.replicatingDirectoryChangesAll.guid)).toBe(false);
      expect(world.directory.domains.some((domain) => domain.rootAces.some((ace) => ace.trustee === connector.sid && ace.object === AD_SCHEMA.unexpirePassword.guid))).toBe(false);
      // Fixed and run again: what was done is skipped, the rest is done.
      world.now += 11 * HOUR;
      const again = runToCompletion(world, fabrikam).at(-1)!;
      expect(again.code, again.reason).toBe(0);
      expect(again.results[0]).toMatchObject({ status: "already present" });
    }
  });

  it("changes nothing when a part runs in the wrong forest, or without the right group", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    const before = world.directory.snapshot();
    const tailspin = world.day.parts.find((part) => part.id === "connect-forest-tailspintoys-com")!;
    const fabrikamEa = world.directory.principal("ea", "fabrikam.com")!;
    // The first forest's Enterprise Admin, on a machine of the first forest: ADSyncConfig would grant there.
    const wrongForest = runPart(world, tailspin, { computerDomain: "fabrikam.com", user: fabrikamEa });
    expect(wrongForest.refused).toMatch(/in the forest fabrikam\.com, not tailspintoys\.com/);
    const plainUser = runPart(world, tailspin, { user: world.directory.principal("user", "tailspintoys.com")! });
    expect(plainUser.refused).toMatch(/not who it needs/);
    const otherForestsAdmin = runPart(world, tailspin, { user: fabrikamEa });
    expect(otherForestsAdmin.refused).toMatch(/not who it needs/);
    const notElevated = runPart(world, tailspin, { elevated: false });
    expect(notElevated.refused).toMatch(/not who it needs/);
    const fabrikam = world.day.parts.find((part) => part.id === "connect-forest-fabrikam-com")!;
    const childAdminOnly = runPart(world, fabrikam, { user: world.directory.principal("da", "na.fabrikam.com")! });
    expect(childAdminOnly.refused).toMatch(/not who it needs/);
    const server = world.day.parts.find((part) => part.where.kind === "server")!;
    expect(runPart(world, server, { computer: "SYNC02" }).refused).toMatch(/this computer is SYNC02/);
    expect(runPart(world, server, { localAdmin: false }).refused).toMatch(/not who it needs/);
    for (const result of [wrongForest, plainUser, otherForestsAdmin, notElevated, childAdminOnly]) {
      expect(result.code).toBe(1);
      expect(result.changes).toEqual([]);
      expect(result.results).toEqual([]);
    }
    expect(world.directory.snapshot()).toBe(before);
  });

  it("accepts a forest's Domain Admins of every domain, where Microsoft allows it", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    const tailspin = world.day.parts.find((part) => part.id === "connect-forest-tailspintoys-com")!;
    const result = runPart(world, tailspin, { user: world.directory.principal("da", "tailspintoys.com")! });
    expect(result.refused).toBeUndefined();
    expect(result.code, result.reason).toBe(0);
  });

  it("refuses a user@domain credential before using it, and hardens nothing", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    for (const part of world.day.parts.filter((candidate) => candidate.when === "beforeWizard")) runToCompletion(world, part);
    runWizard(world);
    const server = world.day.parts.find((part) => part.where.kind === "server")!;
    const upn = runPart(world, server, { credential: () => "ea@fabrikam.com" });
    expect(upn.code).toBe(1);
    expect(upn.reason).toMatch(/ea@fabrikam\.com is not in DOMAIN\\user form/);
    expect(upn.changes).toEqual([]);
    const otherForest = runPart(world, server, { credential: () => "TAILSPINTOYS\\ea" });
    expect(otherForest.reason).toMatch(/is an account of tailspintoys\.com/);
    expect(otherForest.changes).toEqual([]);
    expect(world.connectConnectors.every((row) => !world.directory.findAccount(row.accountDomain, row.accountName)!.restricted)).toBe(true);
  });

  it("finds a wizard-created MSOL_ connector only when exactly one matches, when Connect does not name it", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    for (const part of world.day.parts.filter((candidate) => candidate.when === "beforeWizard")) runToCompletion(world, part);
    runWizard(world);
    world.directory.addAccount("wingtiptoys.com", "user", "MSOL_0123456789ab");
    world.connectConnectors.splice(0, world.connectConnectors.length, ...world.connectConnectors.filter((row) => row.connectorName !== "wingtiptoys.com"));
    const server = world.day.parts.find((part) => part.where.kind === "server")!;
    const ambiguous = runPart(world, server);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.reason).toMatch(/2 accounts match/);
    const wingtipAfter = world.day.parts.find((part) => part.id === "connect-forest-wingtiptoys-com-after")!;
    expect(runPart(world, wingtipAfter).reason).toMatch(/use -ConnectorAccount/);
    const named = world.directory.domain("wingtiptoys.com")!.accounts.find((account) => account.sam.startsWith("MSOL_") && account.sam !== "MSOL_0123456789ab")!;
    expect(runPart(world, wingtipAfter, { connectorAccountParameter: named.sam }).code).toBe(0);
  });

  it("Cloud Sync: never touches the default gMSA's membership, found by its object name when its sAMAccountName is pGMSA_", () => {
    const world = worldFor(loadExample("cloud-sync-contoso.json"));
    for (const part of world.day.parts.filter((candidate) => candidate.when === "beforeWizard")) runToCompletion(world, part);
    runWizard(world);
    const gmsa = world.directory.domain("contoso.com")!.accounts.find((account) => account.kind === "gmsa")!;
    expect(gmsa.sam).toMatch(/^pGMSA_/);
    gmsa.principals.push("CN=AGENT99,CN=Computers,DC=contoso,DC=com");
    const principals = [...gmsa.principals];
    for (const part of world.day.parts.filter((candidate) => candidate.when === "afterWizard")) expect(runPart(world, part).code).toBe(0);
    expect(gmsa.principals).toEqual(principals);
    expect(gmsa.restricted).toBe(true);
    expect(world.day.parts.flatMap((part) => part.steps).some((step) => step.kind === "gmsa")).toBe(false);
  });

  it("Cloud Sync, custom gMSA: created before the agents in each agent host's domain, then -PermissionType All in every domain of its forest, then hardened", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.environment!.cloudSync.gmsaMode = "custom";
    plan.accounts["cloudSyncGmsa@domain-contoso_com"]!.name = "gmsaAgent$";
    const world = expectInstallDayApplies(plan);
    const gmsa = world.directory.findAccount("contoso.com", "gmsaAgent$")!;
    expect(gmsa.principals).toHaveLength(3);
    expect(gmsa.restricted).toBe(true);
    for (const domain of ["contoso.com", "emea.contoso.com"]) {
      const root = world.directory.domain(domain)!;
      for (const id of ["msDsConsistencyGuid", "replicatingDirectoryChangesAll", "unexpirePassword"] as const) {
        expect(root.rootAces.some((ace) => ace.trustee === gmsa.sid && ace.object === AD_SCHEMA[id].guid), `${id} on ${domain}`).toBe(true);
      }
    }
    const grants = world.day.parts.flatMap((part) => part.steps).filter((step) => step.kind === "cloudSyncGrant");
    expect(grants.map((step) => (step.kind === "cloudSyncGrant" ? [step.permissionType, step.targetDomain] : []))).toEqual([
      ["All", "contoso.com"],
      ["All", "emea.contoso.com"],
    ]);
    expectSecondRunChangesNothing(world);
  });

  it("-WhatIf changes nothing and lists what would change", () => {
    const world = worldFor(loadExample("connect-fabrikam-three-forests.json"));
    world.directory.forest("tailspintoys.com")!.kdsKeys.push(world.now - 24 * HOUR);
    const before = world.directory.snapshot();
    const tailspin = world.day.parts.find((part) => part.id === "connect-forest-tailspintoys-com")!;
    const result = runPart(world, tailspin, { whatIf: true });
    expect(result.code).toBe(0);
    expect(result.changes).toEqual([]);
    expect(result.results.filter((step) => step.status === "would change").length).toBeGreaterThan(3);
    expect(world.directory.snapshot()).toBe(before);
  });

  it("generated plans: run 1 applies, grants stay in their forests, run 2 changes nothing (property)", () => {
    fc.assert(
      fc.property(validPlans, (plan) => {
        const world = expectInstallDayApplies(plan);
        expectSecondRunChangesNothing(world);
        // Every forest part is checked against its own forest.
        for (const part of world.day.parts) {
          if (part.where.kind !== "forestMachine") continue;
          const forest = plan.environment!.forests.find((candidate) => candidate.rootDomain === (part.where.kind === "forestMachine" ? part.where.forest : ""))!;
          for (const step of part.steps) {
            if (step.kind === "adSyncConfigGrant" || step.kind === "dsaclsGrant") expect(step.domains).toEqual(forestDomains(forest));
          }
        }
      }),
      { numRuns: 120 },
    );
  }, 120_000);

  it("generated plans: a part run by another forest's Enterprise Admin on a machine of that forest changes nothing (property)", () => {
    fc.assert(
      fc.property(validPlans.filter((plan) => plan.environment!.forests.length > 1), fc.nat(), (plan, pick) => {
        const world = worldFor(plan);
        const forestParts = world.day.parts.filter((part) => part.where.kind === "forestMachine");
        fc.pre(forestParts.length > 0);
        const part = forestParts[pick % forestParts.length]!;
        const own = part.where.kind === "forestMachine" ? part.where.forest : "";
        const other = plan.environment!.forests.find((forest) => forest.rootDomain !== own)!.rootDomain;
        const before = world.directory.snapshot();
        const result = runPart(world, part, { computerDomain: other, user: world.directory.principal("ea", other)! });
        expect(result.refused).toBeDefined();
        expect(world.directory.snapshot()).toBe(before);
      }),
      { numRuns: 60 },
    );
  });
});

