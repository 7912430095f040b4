import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { PlanStore } from "@/lib/library/plan-store";
import type { LibraryStorage } from "@/lib/library/storage";
import { memoryTabSession, type TabSession } from "@/lib/library/tabs";
import type { Plan } from "@/lib/plan";
import { loadExample } from "@/tests/fixtures/plans";
import { freshStorage, openTab } from "@/tests/support/library-harness";

/**
 * A model-based test of the library: random sequences of edits (some of them
 * destructive and checkpointed), reloads, imports, undos, deletes and
 * duplicates. After every step, every value the user entered and did not
 * overwrite by typing over it is still stored somewhere: in a plan (set-aside
 * account entries included), its undo history, the versions an undo replaced,
 * or the deleted plans. And the open plan holds exactly what the model says.
 */

const BASE = loadExample("cloud-sync-contoso.json");
const KEYS = Object.keys(BASE.accounts);

interface Values {
  org: string;
  notes: Record<string, string>;
}

interface Model {
  plans: Map<string, { values: Values; history: Values[] }>;
  trash: Map<string, { values: Values; history: Values[] }>;
  openId: string | null;
  offer: { kind: "checkpoint" } | { kind: "delete"; id: string } | null;
  /**
   * Values removed by a destructive change, an undo or a delete: they must stay
   * stored. Counted, because a value comes back into the plan with an undo (and
   * may then be typed over like any value) while another removal still holds it.
   */
  mustKeep: Map<string, number>;
}

interface Real {
  storage: LibraryStorage;
  session: TabSession;
  now: () => Date;
  tab: PlanStore;
  nextToken: () => string;
}

function keep(model: Model, values: Values) {
  for (const value of allValues(values)) model.mustKeep.set(value, (model.mustKeep.get(value) ?? 0) + 1);
}

function release(model: Model, values: Values) {
  for (const value of allValues(values)) {
    const count = (model.mustKeep.get(value) ?? 0) - 1;
    if (count > 0) model.mustKeep.set(value, count);
    else model.mustKeep.delete(value);
  }
}

function valuesOf(plan: Plan): Values {
  const notes: Record<string, string> = {};
  for (const [key, entry] of Object.entries(plan.accounts)) if (entry.notes) notes[key] = entry.notes;
  return { org: plan.environment?.organisation.name ?? "", notes };
}

function withValues(plan: Plan, values: Values): Plan {
  const accounts = Object.fromEntries(Object.entries(plan.accounts).map(([key, entry]) => [key, { ...entry, notes: values.notes[key] ?? "" }]));
  return { ...plan, environment: { ...plan.environment!, organisation: { ...plan.environment!.organisation, name: values.org } }, accounts };
}

function allValues(values: Values): string[] {
  return [values.org, ...Object.values(values.notes)].filter((value) => value !== "");
}

function openPlanOf(real: Real): Plan {
  return real.tab.getDraft()!.draft.plan;
}

async function check(model: Model, real: Real) {
  await real.tab.flush();
  const contents = await real.storage.contents();
  const stored = JSON.stringify([...contents.records.values(), ...contents.trash.values()]);
  const required = new Set(model.mustKeep.keys());
  for (const plan of model.plans.values()) for (const value of allValues(plan.values)) required.add(value);
  // Quoted as JSON, so "value-1" is not found inside "value-10".
  for (const value of required) expect(stored, `“${value}” is stored somewhere`).toContain(JSON.stringify(value));
  expect([...contents.records.keys()].sort()).toEqual([...model.plans.keys()].sort());
  if (model.openId) {
    expect(real.tab.getDraft()!.id).toBe(model.openId);
    expect(valuesOf(openPlanOf(real))).toEqual(model.plans.get(model.openId)!.values);
  }
}

type Command = fc.AsyncCommand<Model, Real>;

const openPlan = (model: Model) => (model.openId ? model.plans.get(model.openId) : undefined);

class EditOrg implements Command {
  check = (model: Model) => openPlan(model) !== undefined;
  async run(model: Model, real: Real) {
    const token = real.nextToken();
    const entry = openPlan(model)!;
    entry.values = { ...entry.values, org: token };
    real.tab.savePlan(withValues(openPlanOf(real), entry.values));
    await check(model, real);
  }
  toString = () => "EditOrg";
}

class EditNote implements Command {
  constructor(readonly key: string) {}
  check = (model: Model) => openPlan(model) !== undefined;
  async run(model: Model, real: Real) {
    const token = real.nextToken();
    const entry = openPlan(model)!;
    entry.values = { ...entry.values, notes: { ...entry.values.notes, [this.key]: token } };
    real.tab.savePlan(withValues(openPlanOf(real), entry.values));
    await check(model, real);
  }
  toString = () => `EditNote(${this.key})`;
}

/**
 * A destructive change, saved with a checkpoint (like removing a forest): every
 * note cleared and the organisation replaced. (The organisation's name is
 * required by the plan's shape, so it is replaced rather than emptied.)
 */
class ClearAll implements Command {
  check = (model: Model) => openPlan(model) !== undefined;
  async run(model: Model, real: Real) {
    const entry = openPlan(model)!;
    keep(model, entry.values);
    entry.history.push(entry.values);
    entry.values = { org: real.nextToken(), notes: {} };
    model.offer = { kind: "checkpoint" };
    real.tab.savePlan(withValues(openPlanOf(real), entry.values), [], { checkpoint: "Cleared the plan" });
    await check(model, real);
  }
  toString = () => "ClearAll";
}

class Undo implements Command {
  check = () => true;
  async run(model: Model, real: Real) {
    const offer = model.offer;
    model.offer = null;
    if (offer?.kind === "delete") {
      const restored = model.trash.get(offer.id)!;
      release(model, restored.values);
      model.plans.set(offer.id, restored);
      model.trash.delete(offer.id);
    } else {
      const entry = openPlan(model);
      const previous = entry?.history.pop();
      if (entry && previous) {
        // What the undo replaces is kept; what it brings back is in the plan again.
        keep(model, entry.values);
        release(model, previous);
        entry.values = previous;
      }
    }
    await real.tab.undo();
    await check(model, real);
  }
  toString = () => "Undo";
}

class Reload implements Command {
  check = () => true;
  async run(model: Model, real: Real) {
    await real.tab.flush();
    real.tab = await openTab(real.storage, { session: real.session, now: real.now });
    model.offer = null;
    // A tab with no plan of its own opens the latest one: which one is the tab's choice, not the data's.
    if (!model.openId) {
      const snapshot = real.tab.getDraft()!;
      model.openId = model.plans.has(snapshot.id) ? snapshot.id : null;
    }
    await check(model, real);
  }
  toString = () => "Reload";
}

class Open implements Command {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.plans.size > 0;
  async run(model: Model, real: Real) {
    const id = [...model.plans.keys()].sort()[this.pick % model.plans.size]!;
    await real.tab.openPlan(id);
    model.openId = id;
    if (model.offer?.kind === "checkpoint") model.offer = null;
    await check(model, real);
  }
  toString = () => `Open(${this.pick})`;
}

class Duplicate implements Command {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.plans.size > 0;
  async run(model: Model, real: Real) {
    const id = [...model.plans.keys()].sort()[this.pick % model.plans.size]!;
    const copy = await real.tab.duplicatePlan(id);
    const source = model.plans.get(id)!;
    model.plans.set(copy!, { values: source.values, history: [...source.history] });
    await check(model, real);
  }
  toString = () => `Duplicate(${this.pick})`;
}

class Delete implements Command {
  constructor(readonly pick: number) {}
  check = (model: Model) => model.plans.size > 0;
  async run(model: Model, real: Real) {
    const id = [...model.plans.keys()].sort()[this.pick % model.plans.size]!;
    const entry = model.plans.get(id)!;
    keep(model, entry.values);
    model.trash.set(id, entry);
    model.plans.delete(id);
    if (model.openId === id) model.openId = null;
    model.offer = { kind: "delete", id };
    await real.tab.deletePlan(id, "Deleted a plan");
    await check(model, real);
  }
  toString = () => `Delete(${this.pick})`;
}

/** A plan file imported: added beside the others, never over one. */
class Import implements Command {
  check = () => true;
  async run(model: Model, real: Real) {
    const values: Values = { org: real.nextToken(), notes: { [KEYS[0]!]: real.nextToken() } };
    const [id] = await real.tab.addPlans([{ plan: withValues(BASE, values) }]);
    model.plans.set(id!, { values, history: [] });
    await check(model, real);
  }
  toString = () => "Import";
}

class NewPlan implements Command {
  check = () => true;
  async run(model: Model, real: Real) {
    const values: Values = { org: real.nextToken(), notes: {} };
    const id = await real.tab.createPlan(withValues(BASE, values));
    model.plans.set(id, { values, history: [] });
    model.openId = id;
    model.offer = null;
    await check(model, real);
  }
  toString = () => "NewPlan";
}

/**
 * Another tab (its own session, no messages between them) edits the plan this
 * tab has open: a plain edit, then a checkpointed change. This tab then edits
 * too, meets the conflict, and answers it.
 */
class ConflictWithOtherTab implements Command {
  constructor(readonly choice: "keep-mine" | "reload" | "copy") {}
  check = (model: Model) => openPlan(model) !== undefined;
  async run(model: Model, real: Real) {
    const id = model.openId!;
    const entry = openPlan(model)!;
    await real.tab.flush();
    const other = await openTab(real.storage, { now: real.now });
    await other.openPlan(id);
    const theirEdit: Values = { ...entry.values, org: real.nextToken() };
    other.savePlan(withValues(other.getDraft()!.draft.plan, theirEdit));
    const theirs: Values = { org: real.nextToken(), notes: {} };
    other.savePlan(withValues(other.getDraft()!.draft.plan, theirs), [], { checkpoint: "Cleared in the other tab" });
    await other.flush();
    const theirHistory = [...entry.history, theirEdit];

    const mine: Values = { ...entry.values, org: real.nextToken() };
    real.tab.savePlan(withValues(openPlanOf(real), mine));
    await real.tab.flush();
    expect(real.tab.getDraft()!.conflict).toBeDefined();
    await real.tab.resolveConflict(this.choice);

    if (this.choice === "reload") {
      // Mine is dropped by the user's choice; theirs, with its undo history, is the plan now.
      model.plans.set(id, { values: theirs, history: theirHistory });
      if (model.offer?.kind === "checkpoint") model.offer = null;
    } else if (this.choice === "keep-mine") {
      // Their version and their undo history are kept in the plan's replaced versions.
      keep(model, theirs);
      keep(model, theirEdit);
      entry.values = mine;
    } else {
      const copyId = real.tab.getDraft()!.id;
      model.plans.set(id, { values: theirs, history: theirHistory });
      model.plans.set(copyId, { values: mine, history: entry.history });
      model.openId = copyId;
    }
    await check(model, real);
  }
  toString = () => `ConflictWithOtherTab(${this.choice})`;
}

/**
 * This tab deletes its plan; another tab, still editing it, keeps its own
 * version (re-creating the id); this tab then undoes the delete. Both versions
 * must survive: the deleted one comes back as a copy.
 */
class DeleteKeptElsewhereThenUndo implements Command {
  check = (model: Model) => openPlan(model) !== undefined;
  async run(model: Model, real: Real) {
    const id = model.openId!;
    const entry = openPlan(model)!;
    await real.tab.flush();
    const other = await openTab(real.storage, { now: real.now });
    await other.openPlan(id);

    keep(model, entry.values);
    await real.tab.deletePlan(id, "Deleted a plan");
    model.plans.delete(id);
    model.openId = null;

    const theirs: Values = { ...entry.values, org: real.nextToken() };
    other.savePlan(withValues(other.getDraft()!.draft.plan, theirs));
    await other.flush();
    await other.resolveConflict("keep-mine");
    model.plans.set(id, { values: theirs, history: [...entry.history] });

    await real.tab.undo();
    model.offer = null;
    release(model, entry.values);
    const contents = await real.storage.contents();
    const copyId = [...contents.records.keys()].find((key) => !model.plans.has(key));
    expect(copyId, "the deleted version comes back beside the kept one").toBeDefined();
    model.plans.set(copyId!, entry);
    await check(model, real);
  }
  toString = () => "DeleteKeptElsewhereThenUndo";
}

const commands = [
  fc.constant(new EditOrg()),
  fc.constantFrom(...KEYS).map((key) => new EditNote(key)),
  fc.constant(new ClearAll()),
  fc.constant(new Undo()),
  fc.constant(new Reload()),
  fc.nat(9).map((pick) => new Open(pick)),
  fc.nat(9).map((pick) => new Duplicate(pick)),
  fc.nat(9).map((pick) => new Delete(pick)),
  fc.constant(new Import()),
  fc.constant(new NewPlan()),
  fc.constantFrom("keep-mine" as const, "reload" as const, "copy" as const).map((choice) => new ConflictWithOtherTab(choice)),
  fc.constant(new DeleteKeptElsewhereThenUndo()),
];

describe("the plan library, driven by random sequences of user actions", () => {
  it("never loses a value the user entered", async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: "max" }), async (sequence) => {
        let tick = 0;
        let tokens = 0;
        const now = () => new Date(Date.UTC(2026, 10, 24, 9) + tick++ * 1000);
        const storage = freshStorage();
        const session = memoryTabSession();
        const real: Real = { storage, session, now, tab: await openTab(storage, { session, now }), nextToken: () => `value-${++tokens}` };
        const model: Model = { plans: new Map(), trash: new Map(), openId: null, offer: null, mustKeep: new Map() };
        await fc.asyncModelRun(() => ({ model, real }), sequence);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
