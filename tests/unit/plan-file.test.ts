import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FEATURES_BY_ID, PLAN_FEATURE_IDS, SIGN_IN_METHODS_BY_TOOL } from "@/lib/catalog";
import { planToJson } from "@/lib/export/json";
import { PLAN_SCHEMA_VERSION, planSchema, readPlanFile, type Plan } from "@/lib/plan";
import { connectSettings, completePlan, examplePlan, forest, plan, server } from "../fixtures/plans";

const label = fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/);
const freeText = fc.string({ maxLength: 40, unit: "grapheme" });

const validPlan: fc.Arbitrary<Plan> = fc
  .record({
    tool: fc.constantFrom("cloudSync" as const, "connect" as const),
    forestNames: fc.uniqueArray(label, { minLength: 1, maxLength: 4 }),
    serverCount: fc.integer({ min: 1, max: 3 }),
    database: fc.constantFrom("localDb" as const, "localSql" as const, "remoteSql" as const),
    onDc: fc.boolean(),
    features: fc.subarray([...PLAN_FEATURE_IDS]),
    signInChoice: fc.nat(),
    seamlessSso: fc.boolean(),
    owner: freeText,
    notes: freeText,
    organisation: freeText.filter((text) => text.trim().length > 0),
  })
  .map(({ tool, forestNames, serverCount, database, onDc, features, signInChoice, seamlessSso, owner, notes, organisation }) => {
    const methods = SIGN_IN_METHODS_BY_TOOL[tool];
    const base = plan(tool, {
      organisation: { name: organisation, preparer: "Preparer", contact: "" },
      connect: connectSettings({ installType: "custom", database, entraAuth: "applicationManaged" }),
      forests: forestNames.map((name, index) => forest(index + 1, `${name}.example.com`, { upnSuffixes: [`${name}.example.com`] })),
      servers: Array.from({ length: serverCount }, (_, index) => server(index + 1, `SYNC0${index + 1}`, { staging: index > 0, role: onDc ? "domainController" : "memberServer", domain: `${forestNames[0]}.example.com` })),
      signIn: { method: methods[signInChoice % methods.length]!, seamlessSso },
      features: features.filter((id) => FEATURES_BY_ID[id].support[tool] === "optional" && id !== "deviceWriteback"),
    });
    const complete = completePlan(base);
    for (const entry of Object.values(complete.accounts)) Object.assign(entry, { owner, notes });
    return complete;
  })
  .filter((candidate) => planSchema.safeParse(candidate).success);

describe("plan files", () => {
  it("export then import gives the same plan (property)", () => {
    fc.assert(
      fc.property(validPlan, (candidate) => {
        const result = readPlanFile(planToJson(candidate));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.plan).toEqual(candidate);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses text that is not JSON, with the parser's reason", () => {
    const result = readPlanFile("{ not json");
    expect(result).toMatchObject({ ok: false, issues: [{ path: "", message: expect.stringContaining("not valid JSON") }] });
  });

  it("refuses a JSON file of another kind", () => {
    expect(readPlanFile(JSON.stringify({ name: "package", version: "1.0.0" }))).toMatchObject({
      ok: false,
      issues: [{ message: expect.stringContaining("This is not an account plan") }],
    });
    expect(readPlanFile("[1,2,3]")).toMatchObject({ ok: false });
  });

  it("refuses a plan from a newer version of the planner, naming both versions", () => {
    const newer = { ...(examplePlan("cloud-sync-contoso.json") as object), schemaVersion: PLAN_SCHEMA_VERSION + 1 };
    expect(readPlanFile(JSON.stringify(newer))).toMatchObject({
      ok: false,
      issues: [{ path: "schemaVersion", message: expect.stringMatching(new RegExp(`newer version.*schema version ${PLAN_SCHEMA_VERSION + 1}.*up to version ${PLAN_SCHEMA_VERSION}`)) }],
    });
  });

  it("refuses a tampered plan with every problem's path", () => {
    const tampered = examplePlan("connect-fabrikam-three-forests.json") as Plan;
    tampered.accounts["connectAdDsConnector@forest-1"]!.name = "Administrator";
    tampered.accounts["connectAdDsConnector@forest-1"]!.privilegedGroupMember = true;
    tampered.environment!.forests[0]!.rootDomain = "not a domain";
    (tampered as unknown as { tool: string }).tool = "dirsync";
    const result = readPlanFile(JSON.stringify(tampered));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => issue.path)).toEqual(expect.arrayContaining(["tool", "environment.forests.0.rootDomain"]));
    }
    const subtle = examplePlan("connect-fabrikam-three-forests.json") as Plan;
    subtle.accounts["connectAdDsConnector@forest-1"]!.privilegedGroupMember = true;
    subtle.accounts["connectAdSyncService@server-1"]!.accountType = "vsa";
    const subtleResult = readPlanFile(JSON.stringify(subtle));
    expect(subtleResult.ok).toBe(false);
    if (!subtleResult.ok) {
      expect(subtleResult.issues.map((issue) => issue.path).sort()).toEqual([
        "accounts.connectAdDsConnector@forest-1.privilegedGroupMember",
        "accounts.connectAdSyncService@server-1.accountType",
      ]);
    }
  });

  it("refuses a file over 1 MB without parsing it", () => {
    expect(readPlanFile(" ".repeat(1_000_001))).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining("larger than 1 MB") }] });
  });
});
