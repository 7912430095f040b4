import type { SourceId } from "./sources";
import type { Citation, Disagreement, Fact } from "./types";
import type { Tool } from "./vocabulary";

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

/** Statements about one tool's installer or servers, shown only in that tool's plans. */
export function onlyIn(tool: Tool, facts: readonly Fact[]): Fact[] {
  return facts.map((each) => ({ ...each, tools: [tool] }));
}

/** The statements that apply to a plan of this tool. */
export function forTool(facts: readonly Fact[] | undefined, tool: Tool): Fact[] {
  return (facts ?? []).filter((each) => !each.tools || each.tools.includes(tool));
}

/** Text before a page's first heading. */
export const INTRODUCTION = "Introduction";
