import { describe, expect, it } from "vitest";
import { issuesByStep } from "@/lib/library/issue-steps";
import { readPlanText, readStoredPlan } from "@/lib/library/read-stored";
import { summarise } from "@/lib/library/summary";
import { loadRecord } from "@/lib/library/records";
import { loadExample } from "@/tests/fixtures/plans";

describe("reading plans for the library and the repair view", () => {
  it("keeps a plan that breaks only the rules, and groups its problems under the step that fixes each, keys with dots included", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    const gmsa = Object.keys(plan.accounts).find((key) => key.startsWith("cloudSyncGmsa@"))!;
    plan.accounts[gmsa]!.domain = "elsewhere.example";
    const read = readPlanText(JSON.stringify(plan));
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    expect(read.ruleIssues.length).toBeGreaterThan(0);
    const groups = issuesByStep(read.plan, read.ruleIssues);
    const group = groups.find((candidate) => candidate.stepId === `account:${gmsa}`);
    expect(group?.href).toBe(`/plan/accounts/${encodeURIComponent(gmsa)}`);
    expect(group?.issues.map((issue) => issue.field)).toContain("domain");
  });

  it("refuses a plan of a newer version and one that is not a plan, with the strict reader's words", () => {
    const newer = readStoredPlan({ ...loadExample("cloud-sync-contoso.json"), schemaVersion: 4 });
    expect(newer.ok).toBe(false);
    if (!newer.ok) expect(newer.issues[0]!.message).toContain("newer version of the planner");
    expect(readPlanText("{ not json").ok).toBe(false);
  });

  it("lists a plan's progress: steps done and accounts planned, created and verified", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const [first, second] = Object.keys(plan.accounts);
    plan.accounts[first!]!.status = "created";
    plan.accounts[second!]!.status = "verified";
    const summary = summarise(loadRecord({ plan, revision: 3, changedAt: "2026-11-24T09:00:00.000Z" }, "p1"), undefined);
    expect(summary.organisation).toBe("Fabrikam Group");
    expect(summary.accounts.created).toBe(1);
    expect(summary.accounts.verified).toBe(1);
    expect(summary.accounts.planned).toBe(summary.accounts.total - 2);
    expect(summary.stepsDone).toBe(summary.stepsTotal);
    // One account left to fill in: its step and "Check your answers" are not done.
    const last = Object.keys(plan.accounts).at(-1)!;
    delete plan.accounts[last];
    const unfinished = summarise(loadRecord({ plan, revision: 3, changedAt: "2026-11-24T09:00:00.000Z" }, "p1"), undefined);
    expect(unfinished.stepsDone).toBe(unfinished.stepsTotal - 2);
  });
});
