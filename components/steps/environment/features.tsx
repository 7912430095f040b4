"use client";

import { useWatch } from "react-hook-form";
import { FeatureNotes } from "@/components/catalog/feature-notes";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { FEATURES, FEATURES_BY_ID, TOOL_LABELS, type PlanFeatureId, type Tool } from "@/lib/catalog";
import type { Environment } from "@/lib/plan";
import { useApplicable, useForestOptions } from "./use-applicable";

/** A forest select; a chosen forest that has been removed stays listed, so the error beside it makes sense. */
function ForestSelect({ name, label, hint, empty }: { name: "connect.deviceWritebackForestId" | "connect.exchangeForestId"; label: string; hint: string; empty: string }) {
  const forests = useForestOptions();
  const current = (useWatch<Environment>({ name }) ?? "") as string;
  const stale = current !== "" && !forests.some((forest) => forest.value === current);
  return (
    <SelectField
      name={name}
      label={label}
      hint={hint}
      options={[{ value: "", label: empty }, ...forests, ...(stale ? [{ value: current, label: `${current} (no longer in the plan)` }] : [])]}
    />
  );
}

/** Hint and availability of a feature offered as a checkbox. */
function featureOption(id: PlanFeatureId, tool: Tool, extraSignIn: boolean) {
  const feature = FEATURES_BY_ID[id];
  const unavailable = feature.support[tool] === "unavailable";
  return {
    value: id,
    label: extraSignIn ? `${feature.label}, as well as the sign-in method` : feature.label,
    hint: unavailable ? `Not available: ${feature.unavailableReason?.[tool] ?? ""}` : feature.description,
    disabled: unavailable,
  };
}

/** The optional features (the Connect wizard's "Optional features" page and their Cloud Sync peers). */
export function Features({ tool }: { tool: Tool }) {
  const applies = useApplicable(tool);
  const ticked = (useWatch<Environment>({ name: "features" }) ?? []) as Environment["features"];
  const always = FEATURES.filter((feature) => feature.support[tool] === "always");
  const express = tool === "connect" && !applies.custom;
  const leftOut = ticked.filter((id) => !applies.featureChoices.includes(id) && id !== "passwordHashSync");
  return (
    <section aria-labelledby="features-title" className="mb-8">
      <h2 id="features-title" className="mb-4 text-xl font-bold">
        Features
      </h2>
      <CheckboxGroup
        name="features"
        legend="Which features will you use?"
        hint={
          express
            ? "Express settings offer only these; choose the custom installation for writeback and the other features."
            : "Each feature adds rights to the accounts that need them. Features the tool cannot do are greyed out."
        }
        options={applies.featureChoices.map((id) => featureOption(id, tool, id === "passwordHashSync"))}
      />
      {leftOut.length > 0 ? (
        <p className="mb-4 font-semibold">
          Left out of the plan while express settings are chosen: {leftOut.map((id) => FEATURES_BY_ID[id].label).join(", ")}.
        </p>
      ) : null}
      {applies.deviceWritebackForest ? (
        <ForestSelect
          name="connect.deviceWritebackForestId"
          label="Forest devices are written back to"
          hint="Device writeback supports a single forest. The plan adds that forest's Enterprise Admin, who prepares it."
          empty="Choose a forest"
        />
      ) : null}
      {applies.exchangeForest ? (
        <ForestSelect name="connect.exchangeForestId" label="Forest Exchange is installed in" hint="Only that forest's connector gets the Exchange rights." empty="Every forest" />
      ) : null}
      {ticked
        .filter((id) => applies.featureChoices.includes(id))
        .map((id) => (
          <FeatureNotes key={id} id={id} />
        ))}
      {always.length > 0 ? (
        <p className="text-slate-700">
          Always on with {TOOL_LABELS[tool]}: {always.map((feature) => feature.label).join(", ")}.
        </p>
      ) : null}
    </section>
  );
}
