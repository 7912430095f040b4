/**
 * Checks that everything the catalog states names where it is stated. Walks
 * any value generically, so a new module or field is covered without being
 * listed: an object that states something (a `text`, `says`, `how`, `right`
 * or `why`) must carry a `cite`; every `cite` must name a known page and a
 * section; a report may only be one reading of a disagreement, beside at
 * least one reading from a Microsoft page.
 */
import { SOURCES, type SourcePage } from "./sources";

/** The keys whose string value is a statement shown to the user. */
const STATEMENT_KEYS = ["text", "says", "how", "right", "why"] as const;

export interface CitationProblem {
  path: string;
  problem: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function sourceOf(cite: unknown): SourcePage | undefined {
  if (!isRecord(cite) || typeof cite.source !== "string") return undefined;
  return Object.hasOwn(SOURCES, cite.source) ? (SOURCES as Record<string, SourcePage>)[cite.source] : undefined;
}

function citeProblems(cite: unknown, path: string): CitationProblem[] {
  if (!isRecord(cite)) return [{ path, problem: "its cite is not a { source, section } object" }];
  const problems: CitationProblem[] = [];
  if (!sourceOf(cite)) problems.push({ path, problem: `cites an unknown source ${JSON.stringify(cite.source)}` });
  if (typeof cite.section !== "string" || cite.section.trim() === "") problems.push({ path, problem: "cites no section heading" });
  return problems;
}

function disagreementProblems(readings: unknown, path: string): CitationProblem[] {
  if (!Array.isArray(readings)) return [];
  const problems: CitationProblem[] = [];
  if (readings.length < 2) problems.push({ path, problem: "a disagreement needs at least two readings" });
  const kinds = readings.map((reading) => (isRecord(reading) ? sourceOf(reading.cite)?.kind : undefined));
  if (!kinds.includes("microsoftPage")) problems.push({ path, problem: "a disagreement needs at least one reading from a Microsoft page" });
  return problems;
}

function walk(value: unknown, path: string, inDisagreement: boolean, seen: Set<object>, problems: CitationProblem[]): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${index}]`, inDisagreement, seen, problems));
    return;
  }
  const record = value as Record<string, unknown>;
  const states = STATEMENT_KEYS.some((key) => typeof record[key] === "string");
  if ("cite" in record) {
    problems.push(...citeProblems(record.cite, path));
    // A report backs a reading of a disagreement, never a statement on its own.
    if (states && sourceOf(record.cite)?.kind === "report" && !inDisagreement) {
      problems.push({ path, problem: "states something on a report's word alone: make it a reading of a disagreement" });
    }
  } else if (states) {
    problems.push({ path, problem: "states something without a cite" });
  }
  if ("readings" in record) problems.push(...disagreementProblems(record.readings, path));
  for (const [key, child] of Object.entries(record)) {
    if (key === "cite") continue;
    walk(child, path ? `${path}.${key}` : key, inDisagreement || key === "readings", seen, problems);
  }
}

/** Every uncited or badly cited statement found in `value`, with where it is. */
export function citationProblems(value: unknown, path = ""): CitationProblem[] {
  const problems: CitationProblem[] = [];
  walk(value, path, false, new Set(), problems);
  return problems;
}
