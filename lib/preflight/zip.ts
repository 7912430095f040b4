import { strToU8, zipSync, type Zippable } from "fflate";
import { UTF8_BOM } from "@/lib/export/script-bytes";
import type { Plan } from "@/lib/plan";
import { collectorFiles, collectorWhere, collectorWho, type CollectorFile } from "./collector";

/** The folder's README: what the collectors read, that they change nothing, who runs each where, and each file's SHA-256. */
export function preflightReadme(files: readonly CollectorFile[], organisation: string): string {
  const lines = [
    `Pre-flight collectors: ${organisation || "account plan"}`,
    "",
    "Each script only reads (Get-* cmdlets and registry values): it changes nothing and collects no password, key or secret.",
    "It judges nothing either: it writes one JSON file of facts (published schema: /preflight.schema.json) in the folder you run it from.",
    "Bring every JSON file back to the planner's Check step (drop them there, or choose them): the planner turns the facts into pass, warn or fail.",
    "Run a collector before install day; accounts the Connect wizard or the agent installer creates are reported as not created yet.",
    "Run it again after install day to check what was made.",
    "",
    "To run one: copy it to the machine named below, Unblock-File it, then in Windows PowerShell 5.1 run .\\<file>.ps1",
    "",
  ];
  if (files.length === 0) lines.push("The plan has no forest or server yet: describe the environment and export again.");
  for (const file of files) {
    lines.push(file.fileName, `  Who:    ${collectorWho(file.target)}`, `  Where:  ${collectorWhere(file.target)}`, `  Writes: ${file.target.id}.json`, `  SHA-256: ${file.sha256}`, "");
  }
  return lines.join("\r\n");
}

/** The collectors' folder entries, shared by the pre-flight zip and the everything zip. */
export function preflightEntries(plan: Plan, folder = ""): Zippable {
  const files = collectorFiles(plan);
  const entries: Zippable = { [`${folder}README.txt`]: new Uint8Array([...UTF8_BOM, ...strToU8(preflightReadme(files, plan.environment?.organisation.name ?? ""))]) };
  for (const file of files) entries[`${folder}${file.fileName}`] = file.bytes;
  return entries;
}

/** POST /api/export?format=preflight and the Export step's download: every collector of the plan and the README. */
export function planToPreflightZip(plan: Plan): Uint8Array {
  return zipSync(preflightEntries(plan));
}
