import type { SourceId } from "./sources";
import type { Citation, Disagreement, Fact } from "./types";

/** Shorthands that keep the catalog's data readable: every statement names its page and section. */
export function cite(source: SourceId, section: string): Citation {
  return { source, section };
}

export function fact(text: string, source: SourceId, section: string): Fact {
  return { text, cite: cite(source, section) };
}

export function reading(says: string, source: SourceId, section: string): Disagreement["readings"][number] {
  return { says, cite: cite(source, section) };
}

/** Text before a page's first heading. */
export const INTRODUCTION = "Introduction";
