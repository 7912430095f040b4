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

/**
 * Judges the chosen pre-flight files against the plan, one after another (a
 * later file for the same forest or server replaces an earlier one). A file
 * that is refused changes nothing; the others are kept.
 */
export async function loadPreflightFiles(plan: Plan, files: readonly ChosenFile[]): Promise<LoadOutcome> {
  let current = plan;
  const loaded: LoadedFile[] = [];
  const refused: RefusedFile[] = [];
  for (const file of files) {
    if (file.size > PREFLIGHT_FILE_MAX_BYTES) {
      refused.push({ fileName: file.name, message: `The file is ${file.size.toLocaleString("en")} bytes, far larger than any pre-flight file (at most 5 MB). Choose a preflight-….json file written by a collector from this plan's Export step.` });
      continue;
    }
    const read = readPreflightFile(await file.text(), current);
    if (!read.ok) {
      refused.push({ fileName: file.name, message: read.message });
      continue;
    }
    const run = judgePreflight(read.plan, read.facts, read.ownerId);
    const added = withPreflightRun(current, run);
    if (!added.ok) {
      refused.push({ fileName: file.name, message: added.message });
      continue;
    }
    current = added.plan;
    loaded.push({ fileName: file.name, what: `${run.scope} ${run.name}`, results: run.results.length, replaced: added.replaced, ...(read.notice ? { notice: read.notice } : {}) });
  }
  return { plan: current, loaded, refused };
}
