"use client";

import { useEffect, useRef, useState } from "react";
import { useFormContext, useWatch } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { FeatureNotes } from "@/components/catalog/feature-notes";
import { CheckboxGroup, SelectField } from "@/components/ui/choice-fields";
import { FEATURES, FEATURES_BY_ID, TOOL_LABELS, type PlanFeatureId, type Tool } from "@/lib/catalog";
import { featuresFromRequirements, type Environment } from "@/lib/plan";
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

/** Offers to tick the features the "Help me choose" answers asked for; nothing is ticked until the user agrees. */
function SuggestedFeatures({ suggested, ticked }: { suggested: readonly PlanFeatureId[]; ticked: Environment["features"] }) {
  const { setValue } = useFormContext<Environment>();
  const [dismissed, setDismissed] = useState(false);
  const [added, setAdded] = useState("");
  const confirmation = useRef<HTMLParagraphElement>(null);
  // The button that was pressed is gone: focus moves to the sentence saying what happened.
  useEffect(() => {
    if (added) confirmation.current?.focus();
  }, [added]);
  if (added) {
    return (
      <p ref={confirmation} tabIndex={-1} role="status" className="mb-4 rounded border-l-8 border-blue-800 bg-blue-50 p-4 focus:outline-none focus:ring-4 focus:ring-amber-400">
        Ticked from your answers in “Help me choose”: {added}.
      </p>
    );
  }
  if (dismissed || suggested.length === 0) return null;
  const labels = suggested.map((id) => FEATURES_BY_ID[id].label).join(", ");
  return (
    <div role="region" aria-labelledby="suggested-features-title" className="mb-4 rounded border-l-8 border-blue-800 bg-blue-50 p-4">
      <h3 id="suggested-features-title" className="font-bold">
        From your answers in “Help me choose”
      </h3>
      <p className="mt-1">You said you need: {labels}. Tick {suggested.length === 1 ? "it" : "them"} below?</p>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => {
            setValue("features", [...ticked, ...suggested], { shouldDirty: true });
            setAdded(labels);
          }}>
          Yes, tick {labels}
        </Button>
        <Button variant="secondary" onClick={() => setDismissed(true)}>
          No, leave the features as they are
        </Button>
      </div>
    </div>
  );
}

/** The optional features (the Connect wizard's "Optional features" page and their Cloud Sync peers). */
export function Features({ tool, requirements }: { tool: Tool; requirements: readonly string[] }) {
  const applies = useApplicable(tool);
  const ticked = (useWatch<Environment>({ name: "features" }) ?? []) as Environment["features"];
  const suggested = featuresFromRequirements(requirements, tool).filter((id) => applies.featureChoices.includes(id) && !ticked.includes(id));
  const always = FEATURES.filter((feature) => feature.support[tool] === "always");
  const express = tool === "connect" && !applies.custom;
  const leftOut = ticked.filter((id) => !applies.featureChoices.includes(id) && id !== "passwordHashSync");
  return (
    <section aria-labelledby="features-title" className="mb-8">
      <h2 id="features-title" className="mb-4 text-xl font-bold">
        Features
      </h2>
      <SuggestedFeatures suggested={suggested} ticked={ticked} />
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
          <FeatureNotes key={id} id={id} tool={tool} />
        ))}
      {always.length > 0 ? (
        <p className="text-slate-700">
          Always on with {TOOL_LABELS[tool]}: {always.map((feature) => feature.label).join(", ")}.
        </p>
      ) : null}
    </section>
  );
}
