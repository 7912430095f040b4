import { describe, expect, it } from "vitest";
import { FEATURES_BY_ID, TOOL_LABELS } from "@/lib/catalog";
import {
  accountsWithSteps,
  applicableEnvironment,
  changeImpact,
  deriveAccounts,
  needsConfirmation,
  planRuleIssues,
  setAsideEntries,
  stepsNeedingAttention,
  unsavedSteps,
  withoutSetAsideEntries,
  type Environment,
  type Plan,
} from "@/lib/plan";
import { completePlan, forest, loadExample, plan as fixturePlan, server } from "../fixtures/plans";

const withEnvironment = (plan: Plan, change: (environment: Environment) => Environment): Plan => ({ ...plan, environment: change(plan.environment!) });

/** Every entry the user filled in is either one the plan needs or one listed as set aside: none is silently dropped. */
function expectEveryEntryAccountedFor(plan: Plan) {
  const needed = new Set(deriveAccounts(plan).map((account) => account.key));
  const setAside = new Set(setAsideEntries(plan).map((entry) => entry.key));
  for (const key of Object.keys(plan.accounts)) expect(needed.has(key) || setAside.has(key), key).toBe(true);
  for (const key of setAside) expect(needed.has(key), `${key} is both needed and set aside`).toBe(false);
}

describe("switching the sync tool", () => {
  const connect = loadExample("connect-fabrikam-three-forests.json");
  const switched: Plan = { ...connect, tool: "cloudSync" };

  it("keeps every entry, sets aside the ones the other tool does not use, and names the tool that brings them back", () => {
    const impact = changeImpact(connect, switched);
    expect(switched.accounts).toEqual(connect.accounts);
    const neededAfter = new Set(deriveAccounts(switched).map((account) => account.key));
    const expected = Object.keys(connect.accounts).filter((key) => !neededAfter.has(key));
    expect(impact.setAside.map((entry) => entry.key).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(5);
    const connectOnly = impact.setAside.find((entry) => entry.key === "connectAdSyncService@server-1")!;
    expect(connectOnly.comesBackIf).toContain(TOOL_LABELS.connect);
    expect(needsConfirmation(impact)).toBe(true);
    expectEveryEntryAccountedFor(switched);
  });

  it("brings everything back when switched back", () => {
    const back: Plan = { ...switched, tool: "connect" };
    expect(setAsideEntries(back)).toEqual([]);
    expect(changeImpact(switched, back).comeBack.length).toBe(changeImpact(connect, switched).setAside.length);
    expect(planRuleIssues(back)).toEqual(planRuleIssues(connect));
  });

  it("names the environment values the other tool cannot use as needing attention on the environment step", () => {
    const impact = changeImpact(connect, switched);
    const environment = impact.attention.find((group) => group.stepId === "environment");
    expect(environment?.issues.map((issue) => issue.path)).toContain("environment.features.3"); // device writeback
  });
});

describe("removing a forest", () => {
  const base = completePlan(
    fixturePlan("connect", {
      forests: [forest(1, "contoso.com"), forest(2, "fabrikam.com")],
      servers: [server(1, "SYNC01", { domain: "fabrikam.com" })],
    }),
  );
  const withoutFirst = withEnvironment(base, (environment) => ({ ...environment, forests: environment.forests.filter((item) => item.id !== "forest-1") }));

  it("sets aside the forest's own accounts, saying the forest was removed, and keeps their values", () => {
    const impact = changeImpact(base, withoutFirst);
    const keys = impact.setAside.map((entry) => entry.key);
    expect(keys).toContain("connectAdDsConnector@forest-1");
    expect(keys.every((key) => key.endsWith("@forest-1"))).toBe(true);
    expect(impact.setAside[0]!.reason).toContain("forest-1");
    expect(impact.setAside[0]!.label).toContain("contoso.com");
    expect(withoutFirst.accounts["connectAdDsConnector@forest-1"]).toEqual(base.accounts["connectAdDsConnector@forest-1"]);
    expectEveryEntryAccountedFor(withoutFirst);
  });

  it("lists the accounts whose domain was in that forest as steps needing attention", () => {
    // The tenant-wide accounts of the fixture live in the first forest's domain.
    const impact = changeImpact(base, withoutFirst);
    const steps = impact.attention.map((group) => group.stepId);
    const usingContoso = accountsWithSteps(withoutFirst).filter((account) => withoutFirst.accounts[account.key]?.domain === "contoso.com" && account.definition.directory === "activeDirectory");
    for (const account of usingContoso) expect(steps).toContain(`account:${account.key}`);
    for (const group of impact.attention) expect(group.href).toMatch(/^\/plan\//);
  });

  it("tells nothing when a plan's answers are untouched", () => {
    expect(needsConfirmation(changeImpact(base, { ...base, updatedAt: new Date().toISOString() }))).toBe(false);
  });
});

describe("unticking a feature, changing sign-in or the install type", () => {
  const connect = loadExample("connect-fabrikam-three-forests.json");

  it("seamless SSO off sets aside its accounts and names it as what brings them back", () => {
    const off = withEnvironment(connect, (environment) => ({ ...environment, signIn: { ...environment.signIn, seamlessSso: false } }));
    const impact = changeImpact(connect, off);
    expect(impact.setAside.map((entry) => entry.key)).toContain("seamlessSsoComputer@forest-1");
    expect(impact.setAside.every((entry) => entry.comesBackIf.includes("seamless single sign-on"))).toBe(true);
    expectEveryEntryAccountedFor(off);
  });

  it("each feature unticked keeps every entry accounted for, and ticking it again needs nothing set aside that was needed before", () => {
    for (const feature of connect.environment!.features) {
      const off = withEnvironment(connect, (environment) => ({ ...environment, features: environment.features.filter((id) => id !== feature) }));
      expectEveryEntryAccountedFor(off);
      for (const entry of changeImpact(connect, off).setAside) expect(entry.comesBackIf, feature).toContain(FEATURES_BY_ID[feature].label);
    }
  });

  it("express settings with three forests needs attention on the environment step, and sets aside the SQL administrator", () => {
    const express = withEnvironment(connect, (environment) => ({ ...environment, connect: { ...environment.connect, installType: "express" } }));
    const impact = changeImpact(connect, express);
    expect(impact.attention.find((group) => group.stepId === "environment")?.issues.map((issue) => issue.path)).toContain("environment.forests");
    expect(impact.setAside.map((entry) => entry.key)).toContain("connectSqlSa");
    expectEveryEntryAccountedFor(express);
  });

  it("names the answers a change clears, with their values", () => {
    const sql = connect.environment!.connect.sqlServer;
    expect(sql).not.toBe("");
    const cleared = withEnvironment(connect, (environment) => ({
      ...environment,
      connect: { ...environment.connect, database: "localDb", sqlServer: "", deviceWritebackForestId: "" },
      features: environment.features.filter((id) => id !== "deviceWriteback"),
    }));
    const impact = changeImpact(connect, cleared);
    // Emptied by hand, with no choice changed, it is an ordinary edit.
    const byHand = withEnvironment(connect, (environment) => ({ ...environment, connect: { ...environment.connect, sqlServer: "" } }));
    expect(changeImpact(connect, byHand).cleared).toEqual([]);
    expect(impact.cleared.some((answer) => answer.includes(sql))).toBe(true);
    expect(impact.cleared.some((answer) => answer.includes("fabrikam.com"))).toBe(true);
    expect(needsConfirmation(impact)).toBe(true);
    expect(changeImpact(cleared, connect).cleared).toEqual([]);
  });

  it("an edit after a tool switch that would drop the other tool's answers names them and needs confirming", () => {
    // The tool step keeps the Connect answers; the environment step saves only the answers Cloud Sync asks for.
    const example = loadExample("connect-fabrikam-three-forests.json");
    // Saved once already (the feature the sign-in method implies is not stored), then switched to Cloud Sync.
    const switched: Plan = {
      ...withEnvironment(example, (environment) => ({ ...environment, features: applicableEnvironment("connect", environment).features })),
      tool: "cloudSync",
    };
    const environment = switched.environment!;
    const edited = withEnvironment(switched, () => ({
      ...applicableEnvironment("cloudSync", environment),
      organisation: { ...environment.organisation, name: `${environment.organisation.name} Ltd` },
    }));
    const impact = changeImpact(switched, edited);
    expect(impact.cleared.some((answer) => answer.includes(environment.connect.sqlServer))).toBe(true);
    expect(impact.cleared.some((answer) => answer.startsWith("Device writeback forest"))).toBe(true);
    expect(needsConfirmation(impact)).toBe(true);
    // The same edit with the answers already gone (or never given) is ordinary.
    expect(changeImpact(withEnvironment(switched, () => applicableEnvironment("cloudSync", environment)), edited).cleared).toEqual([]);
  });

  it("a changed sign-in method sets aside the pass-through agent registrar", () => {
    const pta = completePlan(fixturePlan("connect", { signIn: { method: "passThroughAuth", seamlessSso: false } }));
    expect(Object.keys(pta.accounts)).toContain("ptaAgentRegistrar");
    const phs = withEnvironment(pta, (environment) => ({ ...environment, signIn: { method: "passwordHashSync", seamlessSso: false } }));
    const registrar = changeImpact(pta, phs).setAside.find((entry) => entry.key === "ptaAgentRegistrar");
    expect(registrar?.comesBackIf.toLowerCase()).toContain("pass-through");
  });
});

describe("discarding set-aside entries and the review's lists", () => {
  const connect = loadExample("connect-fabrikam-three-forests.json");
  const switched: Plan = { ...connect, tool: "cloudSync" };

  it("discards only the set-aside entries", () => {
    const discarded = withoutSetAsideEntries(switched);
    expect(setAsideEntries(discarded)).toEqual([]);
    for (const account of accountsWithSteps(switched)) expect(discarded.accounts[account.key]).toEqual(switched.accounts[account.key]);
    expect(Object.keys(discarded.accounts).length).toBeLessThan(Object.keys(switched.accounts).length);
  });

  it("groups the plan's rule issues by step, in the wizard's order", () => {
    const base = completePlan(fixturePlan("connect", { forests: [forest(1, "contoso.com"), forest(2, "fabrikam.com")] }));
    const broken = withEnvironment(base, (environment) => ({ ...environment, forests: environment.forests.slice(1) }));
    const groups = stepsNeedingAttention(broken);
    expect(groups[0]!.stepId).toBe("environment");
    expect(groups.flatMap((group) => group.issues).length).toBe(planRuleIssues(broken).length);
    expect(stepsNeedingAttention(base)).toEqual([]);
  });

  it("names the steps with raw values kept beside the plan, and ignores steps the plan no longer has", () => {
    const unsaved = unsavedSteps(connect, { environment: { forests: [] }, "account:cloudSyncGmsa@domain-x": {}, tool: null });
    expect(unsaved.map((step) => step.stepId)).toEqual(["environment"]);
    expect(unsaved[0]!.title).toBeTruthy();
  });
});

describe("reading a stored plan that breaks the rules", () => {
  it("keeps it when it fits the shape, and still refuses what does not", async () => {
    const { readPlan, readPlanShape } = await import("@/lib/plan");
    const switched = { ...loadExample("connect-fabrikam-three-forests.json"), tool: "cloudSync" };
    expect(readPlan(switched).ok).toBe(false);
    const kept = readPlanShape(switched);
    expect(kept.ok && kept.plan.accounts).toEqual(switched.accounts);
    expect(readPlanShape({ ...switched, accounts: { notAnAccount: {} } }).ok).toBe(false);
  });
});
