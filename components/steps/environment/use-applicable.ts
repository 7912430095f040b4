"use client";

import { useWatch } from "react-hook-form";
import type { Tool } from "@/lib/catalog";
import type { Environment } from "@/lib/plan";
import { applicableQuestions, type Applicable } from "@/lib/plan";

/** The questions that apply to the answers in the form right now. */
export function useApplicable(tool: Tool): Applicable {
  const values = useWatch<Environment>() as Environment;
  return applicableQuestions(tool, values);
}

/** The plan's forests as choices, named by their root domain once it is typed. */
export function useForestOptions(): { value: string; label: string }[] {
  const forests = (useWatch<Environment>({ name: "forests" }) ?? []) as Environment["forests"];
  return forests.map((forest, index) => ({ value: forest.id, label: forest.rootDomain || `Forest ${index + 1} (no root domain yet)` }));
}

/** Every domain of the forests in the form, in order, each once. */
export function useDomainOptions(): string[] {
  const forests = (useWatch<Environment>({ name: "forests" }) ?? []) as Environment["forests"];
  const seen = new Map<string, string>();
  for (const forest of forests) {
    for (const domain of [forest.rootDomain, ...(forest.domains ?? [])]) {
      const trimmed = (domain ?? "").trim();
      if (trimmed && !seen.has(trimmed.toLowerCase())) seen.set(trimmed.toLowerCase(), trimmed);
    }
  }
  return [...seen.values()];
}
