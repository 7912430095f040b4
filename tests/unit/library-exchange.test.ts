import Ajv2020 from "ajv/dist/2020";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { LIBRARY_KIND, readLibraryFile } from "@/lib/library/exchange";
import { libraryJsonSchema } from "@/lib/library/json-schema";
import { planJsonSchema } from "@/lib/plan/json-schema";
import { loadExample } from "@/tests/fixtures/plans";
import { freshStorage, openTab } from "@/tests/support/library-harness";

describe("export all and import many", () => {
  it("round-trips every plan, its name and an unreadable one, into another browser's library", async () => {
    const storage = freshStorage();
    const tab = await openTab(storage);
    await tab.createPlan(loadExample("cloud-sync-contoso.json"), { name: "Contoso pilot" });
    // A stored plan this version cannot read goes out as it is stored.
    await storage.write({ id: "raw-one", revision: 0, changedAt: "2026-11-24T09:00:00.000Z", plan: null, raw: "{ half a plan", stepValues: {}, started: true, history: [], replaced: [] }, 0);
    const fabrikam = loadExample("connect-fabrikam-three-forests.json");
    fabrikam.accounts["connectAdDsConnector@forest-1"]!.privilegedGroupMember = true;
    await tab.createPlan(fabrikam);
    const file = await tab.exportLibrary();
    expect(file.kind).toBe(LIBRARY_KIND);
    expect(file.plans.map((entry) => entry.plan)).toContain("{ half a plan");

    const elsewhere = await openTab(freshStorage());
    const read = readLibraryFile(JSON.stringify(file));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    // The raw one is named as not importable; the others come in.
    expect(read.refused.map((refused) => refused.label)).toEqual([expect.stringMatching(/^Plan \d$/)]);
    await elsewhere.addPlans(read.plans);
    const plans = elsewhere.getLibrary()!.plans;
    expect(plans.map((plan) => [plan.name ?? "", plan.organisation]).sort()).toEqual([
      ["", "Fabrikam Group"],
      ["Contoso pilot", "Contoso Ltd"],
    ]);
    // The plan that breaks the rules is imported as it was, to be repaired.
    expect(plans.find((plan) => plan.organisation === "Fabrikam Group")!.ruleIssueCount).toBeGreaterThan(0);
    const again = await elsewhere.exportLibrary();
    const sorted = (plans: unknown[]) => plans.map((plan) => JSON.stringify(plan)).sort();
    expect(sorted(again.plans.map((entry) => entry.plan))).toEqual(sorted(file.plans.map((entry) => entry.plan).filter((plan) => typeof plan !== "string")));
  });

  it("migrates an older plan inside the file and refuses a newer one, naming it, while importing the rest", () => {
    const v1 = JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "v1", "cloud-sync-contoso.json"), "utf8"));
    const newer = { ...loadExample("connect-fabrikam-three-forests.json"), schemaVersion: 9 };
    const text = JSON.stringify({
      kind: LIBRARY_KIND,
      schemaVersion: 1,
      exportedAt: "2026-11-24T09:00:00.000Z",
      plans: [{ plan: v1 }, { name: "Fabrikam from the future", plan: newer }],
    });
    const read = readLibraryFile(text);
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.plans.map((plan) => [plan.plan.schemaVersion, plan.upgrade?.fromVersion])).toEqual([[3, 1]]);
    expect(read.refused).toHaveLength(1);
    expect(read.refused[0]!.label).toBe("Plan 2 (“Fabrikam from the future”)");
    expect(read.refused[0]!.issues[0]!.message).toContain("newer version of the planner (schema version 9)");
  });

  it("carries what was typed into a step but is not yet valid through export all and import, migrated with an older plan", async () => {
    const tab = await openTab(freshStorage());
    const typed = { initialDomain: "not.valid.yet" };
    await tab.createPlan(loadExample("cloud-sync-contoso.json"), { stepValues: { environment: typed } });
    const file = await tab.exportLibrary();
    const elsewhere = await openTab(freshStorage());
    const read = readLibraryFile(JSON.stringify(file));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const [id] = await elsewhere.addPlans(read.plans);
    const opened = await elsewhere.openPlan(id!);
    expect(opened!.record.stepValues.environment).toEqual(typed);

    // A version-1 plan's typed gMSA values follow the account to its version-2 key.
    const v1 = JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "v1", "cloud-sync-contoso.json"), "utf8"));
    const old = readLibraryFile(JSON.stringify({ kind: LIBRARY_KIND, schemaVersion: 1, exportedAt: "2026-11-24T09:00:00.000Z", plans: [{ plan: v1, stepValues: { "account:cloudSyncGmsa": { notes: "typed" } } }] }));
    if (!old.ok) throw new Error(JSON.stringify(old.issues));
    const gmsaKey = Object.keys(old.plans[0]!.plan.accounts).find((key) => key.startsWith("cloudSyncGmsa@"));
    expect(old.plans[0]!.stepValues?.[`account:${gmsaKey}`]).toMatchObject({ notes: "typed" });
  });

  it("refuses a file that is not a library, saying what a library file is", () => {
    const read = readLibraryFile(JSON.stringify(loadExample("cloud-sync-contoso.json")));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]!.message).toContain(`"kind": "${LIBRARY_KIND}"`);
  });

  it("publishes a JSON Schema that an independent validator accepts the exported file with, and rejects a plan of the wrong shape with", async () => {
    const tab = await openTab(freshStorage());
    await tab.createPlan(loadExample("connect-fabrikam-three-forests.json"), { stepValues: { environment: { tenant: { initialDomain: "half typed" } } } });
    const file = JSON.parse(JSON.stringify(await tab.exportLibrary()));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    ajv.addSchema(planJsonSchema());
    const validate = ajv.compile(libraryJsonSchema());
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    expect(file.plans[0].stepValues).toBeDefined();
    expect(validate({ ...file, plans: [{ ...file.plans[0], stepValues: "not an object" }] })).toBe(false);
    file.plans[0].plan.tool = "dirsync";
    expect(validate(file)).toBe(false);
  });
});
