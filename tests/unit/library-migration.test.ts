import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEGACY_DRAFT_KEY, LEGACY_UNREADABLE_KEY } from "@/lib/library/migrate-local";
import type { PlanRecord } from "@/lib/library/records";
import { memoryTabSession } from "@/lib/library/tabs";
import { loadExample } from "@/tests/fixtures/plans";
import { fakeLocalStorage, freshStorage, openTab } from "@/tests/support/library-harness";

const V1_DIR = join(process.cwd(), "tests", "fixtures", "v1");
const v1Text = (name: string) => readFileSync(join(V1_DIR, name), "utf8");

/** The strings a user typed into a plan: names, domains, owners, notes, organisation. */
function typedValues(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string" && value !== "") into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => typedValues(item, into));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => typedValues(item, into));
  return into;
}

/** Version 1 feature ids that became answers of their own in version 2, not strings. */
const BECAME_ANSWERS = new Set(["passThroughAuth", "federation", "seamlessSso", "msDsConsistencyGuid", "entra-sync-account-plan"]);

describe("moving the old localStorage draft into the library", () => {
  for (const file of ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"]) {
    it(`moves a version-1 draft of the shipped example ${file} with nothing lost, then removes the old key`, async () => {
      const v1 = JSON.parse(v1Text(file));
      const typedInStep = { ...v1.environment, organisation: { ...v1.environment.organisation, name: "Being renamed" }, tenant: { initialDomain: "not.valid.yet", tenantId: "" } };
      const local = fakeLocalStorage({ [LEGACY_DRAFT_KEY]: JSON.stringify({ plan: v1, stepValues: { environment: typedInStep }, started: true }) });
      const storage = freshStorage();
      const tab = await openTab(storage, { legacy: local });

      const snapshot = tab.getDraft()!;
      expect(snapshot.draft.plan.schemaVersion).toBe(3);
      expect(snapshot.upgrade?.fromVersion).toBe(1);
      const kept = JSON.stringify(await storage.read(snapshot.id));
      for (const value of new Set(typedValues(v1))) if (!BECAME_ANSWERS.has(value)) expect(kept, `“${value}” is kept`).toContain(JSON.stringify(value).slice(1, -1));
      expect((snapshot.draft.stepValues.environment as { organisation: { name: string } }).organisation.name).toBe("Being renamed");
      expect(local.values.has(LEGACY_DRAFT_KEY)).toBe(false);

      // A second load finds nothing left to move and opens the same plan.
      const again = await openTab(storage, { legacy: local });
      expect(again.getLibrary()!.plans).toHaveLength(1);
    });
  }

  it("moves the set-aside unreadable draft too: a plan that only broke the rules comes back as a plan to repair", async () => {
    const broken = loadExample("connect-fabrikam-three-forests.json");
    broken.accounts["connectAdDsConnector@forest-1"]!.privilegedGroupMember = true;
    const local = fakeLocalStorage({
      [LEGACY_DRAFT_KEY]: JSON.stringify({ plan: loadExample("cloud-sync-contoso.json"), stepValues: {}, started: true }),
      [LEGACY_UNREADABLE_KEY]: JSON.stringify({ plan: broken, stepValues: {}, started: true }),
    });
    const storage = freshStorage();
    const session = memoryTabSession();
    const tab = await openTab(storage, { legacy: local, session });
    expect(tab.getDraft()!.draft.plan.environment?.organisation.name).toBe("Contoso Ltd");
    const plans = tab.getLibrary()!.plans;
    expect(plans.map((plan) => plan.organisation).sort()).toEqual(["Contoso Ltd", "Fabrikam Group"]);
    const fabrikam = plans.find((plan) => plan.organisation === "Fabrikam Group")!;
    expect(fabrikam.ruleIssueCount).toBeGreaterThan(0);
    const opened = await tab.openPlan(fabrikam.id);
    expect(opened!.record.plan!.accounts["connectAdDsConnector@forest-1"]!.privilegedGroupMember).toBe(true);
    expect(opened!.ruleIssues.map((issue) => issue.path)).toContain("accounts.connectAdDsConnector@forest-1.privilegedGroupMember");
    expect(local.values.size).toBe(0);
  });

  it("keeps an unreadable draft that is not even JSON, raw, for the repair view", async () => {
    const local = fakeLocalStorage({ [LEGACY_UNREADABLE_KEY]: "{ half a plan" });
    const storage = freshStorage();
    const tab = await openTab(storage, { legacy: local });
    const snapshot = tab.getDraft()!;
    expect(snapshot.repair?.raw).toBe("{ half a plan");
    expect(snapshot.repair?.issues.length).toBeGreaterThan(0);
    expect(tab.getLibrary()!.plans.map((plan) => plan.unreadable)).toEqual([true]);
    expect(local.values.size).toBe(0);
  });

  it("leaves the old key in place when the copy cannot be read back", async () => {
    const local = fakeLocalStorage({ [LEGACY_DRAFT_KEY]: JSON.stringify({ plan: loadExample("cloud-sync-contoso.json"), stepValues: {}, started: true }) });
    const storage = freshStorage();
    // A storage that loses what it is given: the read-back finds nothing.
    storage.read = async () => undefined;
    await openTab(storage, { legacy: local });
    expect(local.values.has(LEGACY_DRAFT_KEY)).toBe(true);
  });
});

describe("a stored record of an earlier version", () => {
  it("moves the values typed into its steps with the plan, in the record and in its undo history", async () => {
    const v1 = JSON.parse(v1Text("cloud-sync-contoso.json"));
    const typed = { notes: "typed, not yet valid" };
    const storage = freshStorage();
    const stored = {
      id: "old",
      revision: 0,
      changedAt: "2026-01-01T00:00:00.000Z",
      plan: v1,
      stepValues: { "account:cloudSyncGmsa": typed },
      started: true,
      history: [{ label: "Before a change", at: "2026-01-01T00:00:00.000Z", plan: v1, stepValues: { "account:cloudSyncGmsa": typed } }],
      replaced: [],
    };
    await storage.write(stored as unknown as PlanRecord, 0);
    const tab = await openTab(storage);
    const loaded = await tab.openPlan("old");
    const gmsaKey = Object.keys(loaded!.record.plan!.accounts).find((key) => key.startsWith("cloudSyncGmsa@"));
    expect(gmsaKey, "version 2 keys the gMSA by its agents' domain").toBeDefined();
    // The typed values follow the account to its new key; under the old key no step would ever show them.
    expect(loaded!.record.stepValues[`account:${gmsaKey}`]).toMatchObject(typed);
    expect(loaded!.record.history[0]!.stepValues[`account:${gmsaKey}`]).toMatchObject(typed);
  });
});

describe("plans stored in the library by earlier versions", () => {
  for (const version of ["v1", "v2"]) {
    for (const file of ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"]) {
      it(`opens a ${version} record of ${file}, with its history, as the current version with nothing lost`, async () => {
        const stored = JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", version, file), "utf8"));
        const storage = freshStorage();
        const id = "stored-earlier";
        await storage.write(
          { id, revision: 0, changedAt: "2026-11-25T09:00:00.000Z", plan: stored as never, stepValues: {}, started: true, history: [{ label: "Earlier", at: "2026-11-24T09:00:00.000Z", plan: stored as never, stepValues: {} }], replaced: [] },
          0,
        );
        const tab = await openTab(storage);
        await tab.openPlan(id);
        const snapshot = tab.getDraft()!;
        expect(snapshot.id).toBe(id);
        expect(snapshot.draft.plan.schemaVersion).toBe(3);
        expect(snapshot.draft.plan.preflight).toEqual([]);
        expect(snapshot.upgrade?.fromVersion).toBe(Number(version.slice(1)));
        const opened = JSON.stringify(snapshot.draft.plan);
        for (const value of new Set(typedValues(stored))) if (!BECAME_ANSWERS.has(value)) expect(opened, `“${value}” is kept`).toContain(JSON.stringify(value).slice(1, -1));
      });
    }
  }
});
