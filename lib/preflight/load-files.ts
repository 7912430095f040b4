import type { Plan } from "@/lib/plan";
import { judgePreflight } from "./judge";
import { PREFLIGHT_FILE_MAX_BYTES, readPreflightFile } from "./read-file";
import { withPreflightRun } from "./report";

export interface LoadedFile {
  fileName: string;
  /** "forest fabrikam.com" or "server SYNC01". */
  what: string;
  results: number;
  replaced: boolean;
  notice?: string;
}

export interface RefusedFile {
  fileName: string;
  message: string;
}

export interface LoadOutcome {
  /** The plan with every accepted file's results; the plan given when none was accepted. */
  plan: Plan;
  loaded: LoadedFile[];
  refused: RefusedFile[];
}

/** A file as the browser hands it over: its size is checked before its text is read. */
export interface ChosenFile {
  name: string;
  size: number;
  text(): Promise<string>;
}

/** A chosen file's text, or why it was not read. */
export type ReadFile = { ok: true; fileName: string; text: string } | { ok: false; refused: RefusedFile };

/** Reads the chosen files' text, refusing any far too large to be a pre-flight file before reading it. */
export async function readChosenFiles(files: readonly ChosenFile[]): Promise<ReadFile[]> {
  return Promise.all(
    files.map(async (file): Promise<ReadFile> => {
      if (file.size > PREFLIGHT_FILE_MAX_BYTES) {
        const message = `The file is ${file.size.toLocaleString("en")} bytes, far larger than any pre-flight file (at most 5 MB). Choose a preflight-….json file written by a collector from this plan's Export step.`;
        return { ok: false, refused: { fileName: file.name, message } };
      }
      return { ok: true, fileName: file.name, text: await file.text() };
    }),
  );
}

/**
 * Judges the files' texts against the plan, one after another (a later file
 * for the same forest or server replaces an earlier one). Synchronous, so the
 * caller can apply it to the plan as it is when the texts are in hand. A file
 * that is refused changes nothing; the others are kept.
 */
export function judgePreflightFiles(plan: Plan, files: readonly ReadFile[]): LoadOutcome {
  let current = plan;
  const loaded: LoadedFile[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    if (!file.ok) {
      refused.push(file.refused);
      continue;
    }
    const read = readPreflightFile(file.text, current);
    if (!read.ok) {
      refused.push({ fileName: file.fileName, message: read.message });
      continue;
    }
    const run = judgePreflight(read.plan, read.facts, read.ownerId);
    const added = withPreflightRun(current, run);
    if (!added.ok) {
      refused.push({ fileName: file.fileName, message: added.message });
      continue;
    }
    current = added.plan;
    loaded.push({ fileName: file.fileName, what: `${run.scope} ${run.name}`, results: run.results.length, replaced: added.replaced, ...(read.notice ? { notice: read.notice } : {}) });
  }
  return { plan: current, loaded, refused };
}

/** The plan this tab edits, as the draft store exposes it. */
export interface EditedPlan {
  getDraft(): { id: string; draft: { plan: Plan } } | null;
  savePlan(plan: Plan, clearSteps: readonly string[], options: { checkpoint: string }): void;
}

/**
 * Reads the files, then judges them against the plan the store holds once
 * they are read, not the plan when they were dropped: a drop or a Remove made
 * meanwhile is kept. Files read while another plan was opened are refused.
 */
export async function addPreflightFiles(store: EditedPlan, files: readonly ChosenFile[]): Promise<Omit<LoadOutcome, "plan">> {
  const openedId = store.getDraft()?.id;
  const texts = await readChosenFiles(files);
  const latest = store.getDraft();
  if (!latest || latest.id !== openedId) {
    const message = "Another plan was opened while this file was read, so it was not added: open the plan it belongs to and drop it again.";
    return { loaded: [], refused: files.map((file) => ({ fileName: file.name, message })) };
  }
  const outcome = judgePreflightFiles(latest.draft.plan, texts);
  if (outcome.loaded.length > 0) {
    store.savePlan(outcome.plan, [], { checkpoint: `Loaded pre-flight results (${outcome.loaded.map((file) => file.what).join(", ")})` });
  }
  return { loaded: outcome.loaded, refused: outcome.refused };
}
