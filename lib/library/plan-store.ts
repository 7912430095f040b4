import { emptyPlan, type Plan, type PlanIssue, type PlanUpgrade } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { libraryFileFrom, type LibraryFile } from "./exchange";
import { mergeKept, undoLast, withCheckpoint, withReplaced } from "./history";
import { migrateLegacyDrafts } from "./migrate-local";
import { ruleIssuesOf } from "./read-stored";
import { loadRecord, newPlanId, type LoadedRecord, type PlanRecord } from "./records";
import { LibraryStorage, revisionOf } from "./storage";
import { summarise, type PlanSummary } from "./summary";
import type { TabChannel, TabSession } from "./tabs";

export interface Draft {
  plan: Plan;
  /** Values of steps edited but not yet valid, by step id. */
  stepValues: Record<string, unknown>;
  /** True when the plan has been started (tool chosen, a file imported, ...). */
  started: boolean;
  /** The last checks against Microsoft Graph, carried into the exports. */
  validation?: ValidationReport;
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved" }
  | { kind: "conflict" }
  | { kind: "error"; message: string };

/** What the undo notice offers: the last checkpointed change of this tab, or the plan it deleted. */
export interface UndoOffer {
  kind: "checkpoint" | "delete";
  label: string;
  planId: string;
}

export interface DraftSnapshot {
  draft: Draft;
  /** The library id of the plan this tab is editing. */
  id: string;
  revision: number;
  /**
   * Grows whenever the plan is replaced from outside the step forms (undo, a
   * conflict choice, another plan opened): the wizard remounts the step so its
   * form shows the plan as it now is, instead of saving stale values over it.
   */
  epoch: number;
  saveState: SaveState;
  /** Cross-field rule issues of the plan: it is kept, and shown with these in the repair view. */
  ruleIssues: PlanIssue[];
  /** Set when the stored plan fails even the plan's shape: the raw content and why it cannot be read. */
  repair?: { raw: unknown; issues: PlanIssue[] };
  /** Set when another tab changed or deleted this plan after this tab read it. */
  conflict?: { deleted: boolean };
  /** Kept for callers of the single-draft store; the library never sets a plan aside. */
  recoveredFromUnreadable: boolean;
  /** Set when the stored plan was made by an earlier version of the planner: what its migration changed. */
  upgrade?: PlanUpgrade;
}

export interface LibrarySnapshot {
  plans: PlanSummary[];
  trashCount: number;
}

export type ConflictChoice = "reload" | "keep-mine" | "copy";

export interface SaveOptions {
  /** Names a destructive change: the plan as it was before is kept in its undo history under this label. */
  checkpoint?: string;
}

export interface PlanStoreDeps {
  storage: LibraryStorage;
  session: TabSession;
  channel: TabChannel;
  /** The old single-draft localStorage, migrated into the library on first load. */
  legacy?: Pick<Storage, "getItem" | "removeItem">;
  now?: () => Date;
}

type Listener = () => void;

/**
 * The plan library as one tab sees it: the plan this tab edits (in memory, so
 * forms read it synchronously) and the list of plans. Every change is written
 * to IndexedDB in the background, one write at a time, each carrying the
 * revision it started from, so a stale tab is told instead of overwriting.
 */
export class PlanStore {
  private readonly listeners = new Set<Listener>();
  private loading: Promise<void> | undefined;
  private current: LoadedRecord | null = null;
  /** The revision stored when this tab last read or wrote the plan; 0 before its first write. */
  private baseRevision = 0;
  private epoch = 0;
  private saveState: SaveState = { kind: "idle" };
  private conflict: { theirs: LoadedRecord | null } | null = null;
  private undoOffer: UndoOffer | null = null;
  private writing: Promise<void> | null = null;
  private dirty = false;
  private draftSnapshot: DraftSnapshot | null = null;
  private librarySnapshot: LibrarySnapshot | null = null;
  private stopListening: (() => void) | undefined;
  private readonly now: () => Date;

  constructor(private readonly deps: PlanStoreDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  // ---- subscription ------------------------------------------------------

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    void this.ready();
    this.stopListening ??= this.deps.channel.listen((message) => void this.onMessage(message));
    return () => {
      this.listeners.delete(listener);
    };
  };

  getDraft = (): DraftSnapshot | null => this.draftSnapshot;
  getLibrary = (): LibrarySnapshot | null => this.librarySnapshot;
  getUndoOffer = (): UndoOffer | null => this.undoOffer;

  private emit() {
    this.draftSnapshot = this.buildDraftSnapshot();
    for (const listener of this.listeners) listener();
  }

  private buildDraftSnapshot(): DraftSnapshot | null {
    const loaded = this.current;
    if (!loaded) return null;
    const { record } = loaded;
    return {
      draft: {
        // A raw record has no plan: its steps are not shown (the repair view is), so an empty plan stands in for the type.
        plan: record.plan ?? emptyPlan(new Date(record.changedAt)),
        stepValues: record.stepValues,
        started: record.started,
        ...(record.validation ? { validation: record.validation } : {}),
      },
      id: record.id,
      revision: this.baseRevision,
      epoch: this.epoch,
      saveState: this.saveState,
      ruleIssues: loaded.ruleIssues,
      ...(record.plan === null ? { repair: { raw: record.raw, issues: loaded.rawIssues ?? [] } } : {}),
      ...(this.conflict ? { conflict: { deleted: this.conflict.theirs === null } } : {}),
      recoveredFromUnreadable: false,
      ...(loaded.upgrade ? { upgrade: loaded.upgrade } : {}),
    };
  }

  // ---- loading -----------------------------------------------------------

  /** Resolves once the plan this tab edits (and the list) have been read. */
  ready(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  private async load() {
    let migrated: string[] = [];
    if (this.deps.legacy) {
      try {
        migrated = await migrateLegacyDrafts(this.deps.storage, this.deps.legacy, this.now());
      } catch {
        // The old draft stays where it is and is tried again on the next load.
      }
    }
    const contents = await this.deps.storage.contents();
    // A draft just moved from the old storage is the one the user was working on.
    const wanted = migrated[0] ?? this.deps.session.get() ?? undefined;
    let chosen = wanted !== undefined && contents.records.has(wanted) ? wanted : undefined;
    if (!chosen) {
      // A tab without a plan of its own opens the most recently changed one.
      let latest = "";
      for (const [id, value] of contents.records) {
        const changedAt = loadRecord(value, id).record.changedAt;
        if (changedAt > latest) [latest, chosen] = [changedAt, id];
      }
    }
    if (chosen) this.adopt(loadRecord(contents.records.get(chosen), chosen));
    else this.adopt(this.freshRecord(emptyPlan(this.now()), { started: false }));
    this.setLibrary(contents);
    this.emit();
  }

  private freshRecord(plan: Plan, { started, stepValues = {} }: { started: boolean; stepValues?: Record<string, unknown> }): LoadedRecord {
    const record: PlanRecord = { id: newPlanId(), revision: 0, changedAt: this.now().toISOString(), plan, stepValues, started, history: [], replaced: [] };
    return { record, ruleIssues: ruleIssuesOf(plan) };
  }

  private adopt(loaded: LoadedRecord) {
    this.epoch += 1;
    this.current = loaded;
    this.baseRevision = loaded.record.revision;
    this.conflict = null;
    this.saveState = { kind: "idle" };
    if (loaded.record.revision > 0) this.deps.session.set(loaded.record.id);
  }

  private setLibrary(contents: Awaited<ReturnType<LibraryStorage["contents"]>>) {
    const plans = [...contents.records].map(([id, value]) => summarise(loadRecord(value, id), contents.names.get(id)));
    plans.sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : 0));
    this.librarySnapshot = { plans, trashCount: contents.trash.size };
  }

  /** Reads the list of plans again (after another tab changed it, or on opening the start page). */
  async refreshLibrary(): Promise<void> {
    await this.ready();
    this.setLibrary(await this.deps.storage.contents());
    this.emit();
  }

  // ---- editing the current plan -----------------------------------------

  private change(update: (record: PlanRecord) => PlanRecord) {
    const loaded = this.current;
    if (!loaded || loaded.record.plan === null) return;
    // Once changed, the plan is saved as the current version: the upgrade notice has done its job.
    const record: PlanRecord = { ...update(loaded.record), changedAt: this.now().toISOString() };
    delete record.upgrade;
    this.current = { record, ruleIssues: record.plan ? ruleIssuesOf(record.plan) : [] };
    this.schedulePersist();
    this.emit();
  }

  /** Replaces the plan and forgets the raw values of the given steps; with a checkpoint, the plan before is kept for undo. */
  savePlan(plan: Plan, clearSteps: readonly string[] = [], options: SaveOptions = {}) {
    const checkpoint = options.checkpoint;
    this.change((record) => {
      const before = checkpoint ? withCheckpoint(record, checkpoint, this.now()) : record;
      const stepValues = { ...record.stepValues };
      for (const step of clearSteps) delete stepValues[step];
      return { ...before, plan: { ...plan, updatedAt: this.now().toISOString() }, stepValues, started: true };
    });
    if (checkpoint && this.current) this.undoOffer = { kind: "checkpoint", label: checkpoint, planId: this.current.record.id };
    this.emit();
  }

  /** Keeps what a step's form holds right now, valid or not. */
  saveStepValues(stepId: string, values: unknown) {
    this.change((record) => ({ ...record, stepValues: { ...record.stepValues, [stepId]: values }, started: true }));
  }

  saveValidation(validation: ValidationReport) {
    this.change((record) => ({ ...record, validation }));
  }

  /** Undoes the last checkpointed change of the open plan, or the last delete. */
  async undo(): Promise<string | undefined> {
    const offer = this.undoOffer;
    this.undoOffer = null;
    if (offer?.kind === "delete") {
      const restored = await this.deps.storage.restoreFromTrash(offer.planId);
      this.deps.channel.post({ id: restored?.id ?? offer.planId, revision: 0, listChanged: true });
      await this.refreshLibrary();
      // Another tab saved a plan under the deleted plan's id meanwhile: both are kept, and the user is told.
      if (restored?.asCopy) return `${offer.label} (brought back as a copy, because another tab saved this plan again after the delete)`;
      return offer.label;
    }
    const loaded = this.current;
    if (!loaded) return undefined;
    const undone = undoLast(loaded.record, this.now());
    if (!undone) {
      this.emit();
      return undefined;
    }
    this.epoch += 1;
    this.change(() => undone.record);
    return undone.label;
  }

  dismissUndo() {
    this.undoOffer = null;
    this.emit();
  }

  // ---- writing -----------------------------------------------------------

  private schedulePersist() {
    if (this.conflict) return;
    this.dirty = true;
    this.saveState = { kind: "saving" };
    this.writing ??= this.persistLoop().finally(() => {
      this.writing = null;
    });
  }

  private async persistLoop() {
    while (this.dirty && !this.conflict) {
      this.dirty = false;
      const loaded = this.current;
      if (!loaded || !loaded.record.started) continue;
      const record = loaded.record;
      try {
        const result = await this.deps.storage.write(record, this.baseRevision);
        if (result.ok) {
          this.baseRevision = result.revision;
          if (this.current?.record.id === record.id) this.current = { ...this.current, record: { ...this.current.record, revision: result.revision } };
          this.deps.session.set(record.id);
          this.deps.channel.post({ id: record.id, revision: result.revision });
          this.updateSummary();
        } else {
          this.conflict = { theirs: result.theirs === undefined ? null : loadRecord(result.theirs, record.id) };
        }
      } catch (error) {
        this.saveState = { kind: "error", message: error instanceof Error ? error.message : "the browser refused to store it" };
        this.emit();
        return;
      }
    }
    this.saveState = this.conflict ? { kind: "conflict" } : this.dirty ? { kind: "saving" } : { kind: "saved" };
    this.emit();
  }

  private updateSummary() {
    const library = this.librarySnapshot;
    const loaded = this.current;
    if (!library || !loaded) return;
    const existing = library.plans.find((plan) => plan.id === loaded.record.id);
    const summary = summarise(loaded, existing?.name);
    const others = library.plans.filter((plan) => plan.id !== loaded.record.id);
    this.librarySnapshot = { ...library, plans: [summary, ...others] };
  }

  /** Resolves when every change made so far is stored (or has met a conflict or an error). */
  async flush(): Promise<void> {
    await this.ready();
    while (this.writing) await this.writing;
  }

  /** Reads one plan's line of the list again: another tab saving a plan changes only that line. */
  private async refreshOne(id: string) {
    const library = this.librarySnapshot;
    if (!library) return;
    const stored = await this.deps.storage.read(id);
    if (stored === undefined) return this.refreshLibrary();
    const existing = library.plans.find((plan) => plan.id === id);
    const summary = summarise(loadRecord(stored, id), existing?.name);
    const plans = existing ? library.plans.map((plan) => (plan.id === id ? summary : plan)) : [summary, ...library.plans];
    plans.sort((a, b) => (a.changedAt < b.changedAt ? 1 : a.changedAt > b.changedAt ? -1 : 0));
    this.librarySnapshot = { ...library, plans };
    this.emit();
  }

  private async onMessage(message: { id: string; revision: number; listChanged?: boolean }) {
    if (message.listChanged) await this.refreshLibrary();
    else await this.refreshOne(message.id);
    const loaded = this.current;
    if (!loaded || message.id !== loaded.record.id || this.conflict) return;
    const stored = await this.deps.storage.read(loaded.record.id);
    if (revisionOf(stored) === this.baseRevision) return;
    // Another tab wrote this plan: say so now rather than at this tab's next write.
    this.conflict = { theirs: stored === undefined ? null : loadRecord(stored, loaded.record.id) };
    this.saveState = { kind: "conflict" };
    this.emit();
  }

  /** The user's answer when another tab changed the plan this tab is editing. Nothing is dropped without it. */
  async resolveConflict(choice: ConflictChoice): Promise<void> {
    const conflict = this.conflict;
    const mine = this.current;
    if (!conflict || !mine) return;
    const now = this.now();
    if (choice === "reload") {
      this.conflict = null;
      // The offered undo was of this tab's version, which is gone now: undoing would apply it to theirs.
      if (this.undoOffer?.kind === "checkpoint") this.undoOffer = null;
      if (conflict.theirs) this.adopt(conflict.theirs);
      else {
        // Deleted in the other tab: nothing to reload, the tab goes back to having no plan.
        this.deps.session.set(null);
        this.adopt(this.freshRecord(emptyPlan(now), { started: false }));
      }
      this.saveState = { kind: "saved" };
      this.emit();
      return;
    }
    const theirs = conflict.theirs?.record;
    // Their record could not be read as a plan (a newer version's, say): keeping mine would
    // overwrite it with nothing of it kept, so mine is saved as a copy and theirs stays as stored.
    if (choice === "keep-mine" && theirs && !theirs.plan) choice = "copy";
    if (choice === "keep-mine") {
      // Their version and their undo history go into this plan's kept versions, so "keep mine" loses nothing either.
      let record = mine.record;
      if (theirs?.plan) {
        record = withReplaced({ ...record, plan: theirs.plan, stepValues: theirs.stepValues }, "Version from another tab, replaced by “keep mine”", now);
        record = { ...record, plan: mine.record.plan, stepValues: mine.record.stepValues, replaced: mergeKept(mine.record.history, record.replaced, theirs.history, theirs.replaced) };
      }
      this.current = { ...mine, record };
      this.baseRevision = theirs ? theirs.revision : 0;
      this.epoch += 1;
    } else {
      const copy = this.freshRecord(mine.record.plan ?? emptyPlan(now), { started: true, stepValues: mine.record.stepValues });
      this.current = { ...copy, record: { ...copy.record, history: mine.record.history, replaced: mine.record.replaced, ...(mine.record.validation ? { validation: mine.record.validation } : {}) } };
      this.baseRevision = 0;
      this.epoch += 1;
    }
    this.conflict = null;
    this.schedulePersist();
    this.emit();
    await this.flush();
    await this.refreshLibrary();
  }

  // ---- the library -------------------------------------------------------

  /**
   * Leaving a plan whose unsaved changes met another tab's (opening, starting
   * or deleting a plan) must not drop them without a choice: they are saved as
   * a copy, the same as the conflict question's "Save mine as a copy".
   */
  private async settleBeforeLeaving() {
    await this.flush();
    if (this.conflict && this.current?.record.plan) await this.resolveConflict("copy");
  }

  /** Adds a plan to the library and makes it this tab's plan; never replaces another plan. */
  async createPlan(plan: Plan, { stepValues = {}, name }: { stepValues?: Record<string, unknown>; name?: string } = {}): Promise<string> {
    await this.ready();
    await this.settleBeforeLeaving();
    const loaded = this.freshRecord(plan, { started: true, stepValues });
    const written = await this.deps.storage.write(loaded.record, 0);
    if (!written.ok) throw new Error("A plan with this id already exists.");
    if (name) await this.deps.storage.setName(loaded.record.id, name);
    this.adopt({ ...loaded, record: { ...loaded.record, revision: written.revision } });
    this.undoOffer = null;
    this.saveState = { kind: "saved" };
    this.deps.channel.post({ id: loaded.record.id, revision: written.revision, listChanged: true });
    await this.refreshLibrary();
    return loaded.record.id;
  }

  /** Makes a stored plan this tab's plan. */
  async openPlan(id: string): Promise<LoadedRecord | undefined> {
    await this.ready();
    await this.settleBeforeLeaving();
    const stored = await this.deps.storage.read(id);
    if (stored === undefined) return undefined;
    const loaded = loadRecord(stored, id);
    if (this.undoOffer?.kind === "checkpoint") this.undoOffer = null;
    this.adopt(loaded);
    this.emit();
    return loaded;
  }

  async duplicatePlan(id: string): Promise<string | undefined> {
    // Copying the open plan must copy what was just typed, not the last stored write.
    await this.flush();
    const contents = await this.deps.storage.contents();
    const stored = contents.records.get(id);
    if (stored === undefined) return undefined;
    const { record } = loadRecord(stored, id);
    const copy: PlanRecord = { ...record, id: newPlanId(), revision: 0, changedAt: this.now().toISOString() };
    await this.deps.storage.write(copy, 0);
    const name = contents.names.get(id);
    await this.deps.storage.setName(copy.id, `${name || record.plan?.environment?.organisation.name || "Unnamed plan"} (copy)`);
    this.deps.channel.post({ id: copy.id, revision: 1, listChanged: true });
    await this.refreshLibrary();
    return copy.id;
  }

  async renamePlan(id: string, name: string): Promise<void> {
    await this.deps.storage.setName(id, name);
    this.deps.channel.post({ id, revision: 0, listChanged: true });
    await this.refreshLibrary();
  }

  /** Moves a plan to the trash; the undo notice offers it back. */
  async deletePlan(id: string, label: string): Promise<void> {
    await this.settleBeforeLeaving();
    await this.deps.storage.moveToTrash(id, this.now());
    if (this.current?.record.id === id) {
      this.deps.session.set(null);
      this.adopt(this.freshRecord(emptyPlan(this.now()), { started: false }));
    }
    this.undoOffer = { kind: "delete", label, planId: id };
    this.deps.channel.post({ id, revision: 0, listChanged: true });
    await this.refreshLibrary();
  }

  /** Removes every plan, name and deleted plan from this browser (the user confirmed it). */
  async removeAll(): Promise<void> {
    await this.flush();
    await this.deps.storage.removeAll();
    this.deps.session.set(null);
    this.undoOffer = null;
    this.adopt(this.freshRecord(emptyPlan(this.now()), { started: false }));
    this.deps.channel.post({ id: "", revision: 0, listChanged: true });
    await this.refreshLibrary();
  }

  /** Adds several plans at once (a library file), each as a new plan; returns their ids. */
  async addPlans(plans: readonly { plan: Plan; name?: string; stepValues?: Record<string, unknown> }[]): Promise<string[]> {
    await this.ready();
    const ids: string[] = [];
    for (const { plan, name, stepValues = {} } of plans) {
      const { record } = this.freshRecord(plan, { started: true, stepValues });
      const written = await this.deps.storage.write(record, 0);
      if (!written.ok) continue;
      if (name) await this.deps.storage.setName(record.id, name);
      ids.push(record.id);
    }
    this.deps.channel.post({ id: "", revision: 0, listChanged: true });
    await this.refreshLibrary();
    return ids;
  }

  /** Every plan in this browser as one library file. */
  async exportLibrary(): Promise<LibraryFile> {
    await this.ready();
    await this.flush();
    return libraryFileFrom(await this.deps.storage.contents(), this.now());
  }
}
