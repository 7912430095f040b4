import { describe, expect, it } from "vitest";
import { plan, completePlan, environment, forest } from "@/tests/fixtures/plans";
import { memoryTabSession } from "@/lib/library/tabs";
import { channelHub, freshStorage, openTab } from "@/tests/support/library-harness";

describe("the plan store", () => {
  it("keeps a plan that breaks the cross-field rules, with its issues, across a reload", async () => {
    const storage = freshStorage();
    const session = memoryTabSession();
    const tab = await openTab(storage, { session });
    const valid = completePlan(plan("cloudSync"));
    // Replacing the forest the servers and accounts are in breaks the rules, not the shape.
    const broken = { ...valid, environment: { ...valid.environment!, forests: [forest(2, "fabrikam.com")] } };
    tab.savePlan(broken, [], { checkpoint: "Removed forest contoso.com" });
    await tab.flush();
    expect(tab.getDraft()?.saveState.kind).toBe("saved");
    expect(tab.getDraft()?.ruleIssues.length).toBeGreaterThan(0);

    const reloaded = await openTab(storage, { session });
    const snapshot = reloaded.getDraft()!;
    expect(snapshot.draft.plan.environment?.forests.map((kept) => kept.rootDomain)).toEqual(["fabrikam.com"]);
    expect(snapshot.draft.plan.accounts).toEqual(valid.accounts);
    expect(snapshot.ruleIssues.length).toBeGreaterThan(0);
    expect(snapshot.repair).toBeUndefined();
  });

  it("undoes a checkpointed change, and keeps what was typed after it", async () => {
    const storage = freshStorage();
    const tab = await openTab(storage);
    const first = plan("cloudSync");
    tab.savePlan(first);
    const renamed = { ...first, environment: { ...first.environment!, organisation: { ...first.environment!.organisation, name: "Before the switch" } } };
    tab.savePlan(renamed);
    tab.savePlan({ ...renamed, tool: "connect" }, [], { checkpoint: "Switched to Connect Sync" });
    expect(tab.getUndoOffer()).toMatchObject({ kind: "checkpoint", label: "Switched to Connect Sync" });
    const typedAfter = { ...renamed, tool: "connect" as const, environment: { ...renamed.environment!, organisation: { ...renamed.environment!.organisation, contact: "typed after" } } };
    tab.savePlan(typedAfter);

    expect(await tab.undo()).toBe("Switched to Connect Sync");
    await tab.flush();
    expect(tab.getDraft()!.draft.plan.tool).toBe("cloudSync");
    expect(tab.getDraft()!.draft.plan.environment?.organisation.name).toBe("Before the switch");
    expect(tab.getUndoOffer()).toBeNull();
    // The version the undo replaced is kept in the stored record.
    const stored = JSON.stringify(await storage.read(tab.getDraft()!.id));
    expect(stored).toContain("typed after");
  });

  it("undoes a delete", async () => {
    const storage = freshStorage();
    const tab = await openTab(storage);
    const id = await tab.createPlan(completePlan(plan("connect", { organisation: { name: "Fabrikam", preparer: "Avery Howard", contact: "" } })));
    await tab.deletePlan(id, "Deleted the plan for Fabrikam");
    expect(tab.getLibrary()!.plans).toHaveLength(0);
    expect(tab.getUndoOffer()).toMatchObject({ kind: "delete" });
    await tab.undo();
    expect(tab.getLibrary()!.plans.map((summary) => summary.organisation)).toEqual(["Fabrikam"]);
  });

  it("tells the second tab writing from an older revision, and loses nothing whatever it chooses", async () => {
    const storage = freshStorage();
    const hub = channelHub();
    const first = await openTab(storage, { channel: hub.tab() });
    const id = await first.createPlan(plan("cloudSync"));
    const second = await openTab(storage, { channel: hub.tab() });
    expect(second.getDraft()!.id).toBe(id);
    const base = second.getDraft()!.draft.plan;
    const named = (name: string) => ({ ...base, environment: { ...environment(), organisation: { name, preparer: "Avery Howard", contact: "" } } });

    first.savePlan(named("first tab's name"));
    await first.flush();
    second.savePlan(named("second tab's name"));
    await second.flush();
    expect(second.getDraft()!.saveState.kind).toBe("conflict");
    expect(second.getDraft()!.conflict).toEqual({ deleted: false });
    // Nothing was written over the first tab's version.
    expect(JSON.stringify(await storage.read(id))).toContain("first tab's name");

    await second.resolveConflict("copy");
    const names = second.getLibrary()!.plans.map((summary) => summary.organisation).sort();
    expect(names).toEqual(["first tab's name", "second tab's name"]);
  });

  it("keep mine writes over the other tab's version and keeps theirs in the plan's history", async () => {
    const storage = freshStorage();
    const first = await openTab(storage);
    const id = await first.createPlan(plan("cloudSync"));
    const second = await openTab(storage);
    const base = second.getDraft()!.draft.plan;
    const named = (name: string) => ({ ...base, environment: { ...environment(), organisation: { name, preparer: "Avery Howard", contact: "" } } });
    first.savePlan(named("theirs"));
    await first.flush();
    second.savePlan(named("mine"));
    await second.flush();
    await second.resolveConflict("keep-mine");
    const reloaded = await openTab(storage);
    expect(reloaded.getDraft()!.id).toBe(id);
    expect(reloaded.getDraft()!.draft.plan.environment?.organisation.name).toBe("mine");
    expect(JSON.stringify(await storage.read(id))).toContain("theirs");
  });

  it("keep mine does not write over a version from a newer planner that this one cannot read: mine is saved as a copy", async () => {
    const storage = freshStorage();
    const first = await openTab(storage);
    const id = await first.createPlan(plan("cloudSync"));
    const second = await openTab(storage);
    const base = second.getDraft()!.draft.plan;
    const fromTheFuture = { ...base, schemaVersion: 9, somethingNew: "their work" };
    const stored = (await storage.read(id)) as { revision: number };
    await storage.write({ id, revision: 0, changedAt: "2026-11-25T09:00:00.000Z", plan: null, raw: fromTheFuture, stepValues: {}, started: true, history: [], replaced: [] }, stored.revision);
    second.savePlan({ ...base, environment: { ...environment(), organisation: { name: "mine", preparer: "Avery Howard", contact: "" } } });
    await second.flush();
    await second.resolveConflict("keep-mine");
    expect(JSON.stringify(await storage.read(id))).toContain("their work");
    const copyId = second.getDraft()!.id;
    expect(copyId).not.toBe(id);
    expect(JSON.stringify(await storage.read(copyId))).toContain('"mine"');
  });

  it("duplicating the open plan copies what was just typed, not the last stored write", async () => {
    const storage = freshStorage();
    const tab = await openTab(storage);
    const id = await tab.createPlan(plan("cloudSync"));
    const base = tab.getDraft()!.draft.plan;
    // Two edits in a row: the second waits for the first write, so it is not yet stored when the copy is asked for.
    tab.savePlan({ ...base, environment: { ...environment(), organisation: { name: "typed first", preparer: "Avery Howard", contact: "" } } });
    tab.savePlan({ ...base, environment: { ...environment(), organisation: { name: "typed a moment ago", preparer: "Avery Howard", contact: "" } } });
    const copyId = await tab.duplicatePlan(id);
    expect(JSON.stringify(await storage.read(copyId!))).toContain("typed a moment ago");
  });

  it("reloading the other tab's version withdraws the offer to undo this tab's change, which that version does not have", async () => {
    const storage = freshStorage();
    const first = await openTab(storage);
    await first.createPlan(plan("cloudSync"));
    const second = await openTab(storage);
    const base = second.getDraft()!.draft.plan;
    const named = (name: string) => ({ ...base, environment: { ...environment(), organisation: { name, preparer: "Avery Howard", contact: "" } } });
    first.savePlan(named("theirs"));
    await first.flush();
    second.savePlan(named("mine"), [], { checkpoint: "Renamed" });
    await second.flush();
    expect(second.getUndoOffer()?.kind).toBe("checkpoint");
    await second.resolveConflict("reload");
    expect(second.getUndoOffer()).toBeNull();
    expect(second.getDraft()!.draft.plan.environment?.organisation.name).toBe("theirs");
  });

  it("opening another plan while a conflict is unanswered saves this tab's changes as a copy instead of dropping them", async () => {
    const storage = freshStorage();
    const first = await openTab(storage);
    const id = await first.createPlan(plan("cloudSync"));
    const other = await first.createPlan(plan("connect"));
    const second = await openTab(storage);
    await second.openPlan(id);
    const base = second.getDraft()!.draft.plan;
    const named = (name: string) => ({ ...base, environment: { ...environment(), organisation: { name, preparer: "Avery Howard", contact: "" } } });
    await first.openPlan(id);
    first.savePlan(named("first tab's name"));
    await first.flush();
    second.savePlan(named("unanswered in the second tab"));
    await second.flush();
    expect(second.getDraft()!.conflict).toBeDefined();
    await second.openPlan(other);
    const names = second.getLibrary()!.plans.map((summary) => summary.organisation);
    expect(names).toContain("unanswered in the second tab");
    expect(names).toContain("first tab's name");
  });
});
