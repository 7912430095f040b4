import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deriveAccounts, PLAN_SCHEMA_VERSION, readPlan, readPlanFile, type Plan } from "@/lib/plan";
import { migratePlan } from "@/lib/plan/migrations";

const V1_DIR = join(process.cwd(), "tests", "fixtures", "v1");
const v1File = (name: string) => JSON.parse(readFileSync(join(V1_DIR, name), "utf8")) as Record<string, unknown>;
const V2_DIR = join(process.cwd(), "tests", "fixtures", "v2");
const v2File = (name: string) => JSON.parse(readFileSync(join(V2_DIR, name), "utf8")) as Record<string, unknown>;

/** Every string a user typed into a plan (ids and enum values included: a lost one is still a loss). */
function leafStrings(value: unknown, into: string[] = []): string[] {
  if (typeof value === "string") into.push(value);
  else if (Array.isArray(value)) value.forEach((item) => leafStrings(item, into));
  else if (value && typeof value === "object") Object.values(value).forEach((item) => leafStrings(item, into));
  return into;
}

/** Version 1's feature ids that became answers of their own in version 2 (the sign-in method, seamless SSO, the source anchor). */
const BECAME_ANSWERS: Record<string, (plan: Plan) => boolean> = {
  passThroughAuth: (plan) => plan.environment?.signIn.method === "passThroughAuth",
  federation: (plan) => plan.environment?.signIn.method === "federationAdfs",
  seamlessSso: (plan) => plan.environment?.signIn.seamlessSso === true,
  msDsConsistencyGuid: (plan) => plan.environment?.connect.sourceAnchor === "msDsConsistencyGuid",
};

function expectNothingLost(v1: Record<string, unknown>, migrated: Plan) {
  const after = leafStrings(migrated).join("\n");
  for (const value of new Set(leafStrings(v1))) {
    if (value === "" || value === "entra-sync-account-plan") continue;
    if (value in BECAME_ANSWERS) {
      expect(BECAME_ANSWERS[value]!(migrated), `${value} carried into its own answer`).toBe(true);
      continue;
    }
    expect(after, `“${value}” survives the migration`).toContain(value);
  }
}

describe("plan version 1 → 2", () => {
  for (const file of ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"]) {
    it(`opens the shipped version-1 example ${file} with nothing lost and says what changed`, () => {
      const v1 = v1File(file);
      const result = readPlan(v1);
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) return;
      expect(result.plan.schemaVersion).toBe(PLAN_SCHEMA_VERSION);
      expect(result.upgrade?.fromVersion).toBe(1);
      expect(result.upgrade?.changes.length).toBeGreaterThan(0);
      expectNothingLost(v1, result.plan);
    });
  }

  it("keeps every account entry the user filled in, under the key of the account it now belongs to", () => {
    const v1 = v1File("cloud-sync-contoso.json");
    const result = readPlan(v1);
    if (!result.ok) throw new Error("did not open");
    const needed = new Set(deriveAccounts(result.plan).map((account) => account.key));
    for (const key of Object.keys(result.plan.accounts)) expect(needed, `${key} is an account of the migrated plan`).toContain(key);
    // The gMSA moved to its agents' domain, with what the user had entered.
    const oldGmsa = (v1.accounts as Record<string, { owner: string }>).cloudSyncGmsa!;
    const gmsa = deriveAccounts(result.plan).find((account) => account.definition.identity === "gmsa")!;
    expect(gmsa.domain).toBe(result.plan.environment!.servers[0]!.domain);
    expect(result.plan.accounts[gmsa.key]?.owner).toBe(oldGmsa.owner);
  });

  it("writes devices back to a single forest after migrating a plan that ticked device writeback with three forests", () => {
    const result = readPlan(v1File("connect-fabrikam-three-forests.json"));
    if (!result.ok) throw new Error("did not open");
    const { connect, forests } = result.plan.environment!;
    expect(forests.map((forest) => forest.id)).toContain(connect.deviceWritebackForestId);
    const enterpriseAdminForests = deriveAccounts(result.plan)
      .filter((account) => account.definition.id === "connectEnterpriseAdmin" && account.requirement === "required")
      .map((account) => account.forest?.id);
    // The device writeback forest and the forest whose connector the wizard creates need their Enterprise Admin; the third does not.
    expect(enterpriseAdminForests).toContain(connect.deviceWritebackForestId);
    expect(enterpriseAdminForests).toContain("forest-3");
    expect(enterpriseAdminForests).not.toContain("forest-2");
  });

  it("keeps a name planned for a wizard-created connector in its notes, since the wizard names the account", () => {
    const v1 = v1File("connect-fabrikam-three-forests.json");
    const planned = (v1.accounts as Record<string, { name: string }>)["connectAdDsConnector@forest-3"]!.name;
    const result = readPlan(v1);
    if (!result.ok) throw new Error("did not open");
    const entry = result.plan.accounts["connectAdDsConnector@forest-3"]!;
    expect(entry.name).toBe("");
    expect(entry.notes).toContain(planned);
  });

  it("turns the sign-in features into the sign-in method, and says so when two of them were ticked", () => {
    const v1 = v1File("connect-fabrikam-three-forests.json");
    const environment = v1.environment as { features: string[] };
    environment.features = ["passwordHashSync", "passThroughAuth", "federation", "seamlessSso"];
    const result = readPlan(v1);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.plan.environment!.signIn.method).toBe("federationAdfs");
    // AD FS and seamless SSO do not go together in the Connect wizard; the change is announced, not silent.
    expect(result.plan.environment!.signIn.seamlessSso).toBe(false);
    expect(result.upgrade!.changes.join(" ")).toMatch(/federation/i);
    expect(result.plan.environment!.features).toEqual(["passwordHashSync"]);
  });

  it("is pure: migrating twice from the same input gives the same output and leaves the input unchanged", () => {
    const v1 = v1File("connect-fabrikam-three-forests.json");
    const before = JSON.stringify(v1);
    expect(JSON.stringify(migratePlan(v1, 2))).toBe(JSON.stringify(migratePlan(v1, 2)));
    expect(JSON.stringify(migratePlan(v1, PLAN_SCHEMA_VERSION))).toBe(JSON.stringify(migratePlan(v1, PLAN_SCHEMA_VERSION)));
    expect(JSON.stringify(v1)).toBe(before);
  });

  it("refuses a plan from a newer version, and a version this planner never wrote", () => {
    const v1 = v1File("cloud-sync-contoso.json");
    const newer = readPlanFile(JSON.stringify({ ...v1, schemaVersion: PLAN_SCHEMA_VERSION + 1 }));
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.issues[0]!.message).toMatch(/newer version/);
    const never = readPlan({ ...v1, schemaVersion: 0 });
    expect(never.ok).toBe(false);
  });

  it("opens every shipped example as the current version with no upgrade to announce", () => {
    for (const file of ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"]) {
      const result = readPlanFile(readFileSync(join(process.cwd(), "public", "examples", file), "utf8"));
      expect(result.ok, file).toBe(true);
      if (result.ok) expect(result.upgrade).toBeUndefined();
    }
  });
});

describe("plan version 2 → 3", () => {
  for (const file of ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"]) {
    it(`opens the shipped version-2 example ${file} with every value as it was, no pre-flight results yet, and says what changed`, () => {
      const v2 = v2File(file);
      expect(v2.schemaVersion).toBe(2);
      const result = readPlanFile(JSON.stringify(v2));
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) return;
      expect(result.plan.schemaVersion).toBe(3);
      expect(result.upgrade).toEqual({ fromVersion: 2, changes: [expect.stringMatching(/pre-flight/)] });
      expect(result.plan.preflight).toEqual([]);
      // Nothing else moved: the version-2 plan is the version-3 plan less the new field.
      const { preflight, ...rest } = result.plan;
      expect(preflight).toEqual([]);
      expect(rest).toEqual({ ...v2, schemaVersion: 3 });
    });
  }

  it("migrates a version-1 plan through version 2 to 3, announcing both steps", () => {
    const result = readPlan(v1File("cloud-sync-contoso.json"));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.plan.schemaVersion).toBe(3);
    expect(result.plan.preflight).toEqual([]);
    expect(result.upgrade!.fromVersion).toBe(1);
    expect(result.upgrade!.changes.at(-1)).toMatch(/pre-flight/);
  });

  it("leaves its input unchanged", () => {
    const v2 = v2File("connect-fabrikam-three-forests.json");
    const before = JSON.stringify(v2);
    migratePlan(v2, 3);
    expect(JSON.stringify(v2)).toBe(before);
  });

  it("refuses a version-3 plan whose pre-flight results exceed the plan's bounds", () => {
    const plan = JSON.parse(readFileSync(join(process.cwd(), "public", "examples", "connect-fabrikam-three-forests.json"), "utf8"));
    const result = { id: "preflight-kds:forest-1", account: null, status: "pass", title: "KDS root key", detail: "Present." };
    const run = (ownerId: string, count: number) => ({ scope: "forest", ownerId, name: "fabrikam.com", collectedAt: "2026-12-01T09:00:00.000Z", results: Array.from({ length: count }, () => result) });
    expect(readPlan({ ...plan, preflight: [run("forest-1", 100)] }).ok).toBe(true);
    const perRun = readPlan({ ...plan, preflight: [run("forest-1", 101)] });
    expect(perRun.ok).toBe(false);
    const total = readPlan({ ...plan, preflight: [run("forest-1", 100), run("forest-2", 100), run("forest-3", 100), run("server-1", 100), run("server-2", 1)] });
    expect(total.ok).toBe(false);
    if (!total.ok) expect(total.issues[0]!.message).toMatch(/at most 400 pre-flight results/);
  });
});
