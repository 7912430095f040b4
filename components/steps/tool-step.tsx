"use client";

import { DraftGate } from "@/components/wizard/draft-gate";
import { useMemo } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { CheckboxGroup, RadioGroup } from "@/components/ui/choice-fields";
import { CitationRef, FactText } from "@/components/catalog/citation";
import { DisagreementNote } from "@/components/catalog/disagreement-note";
import { ErrorSummary, summaryItems } from "@/components/ui/error-summary";
import { ChangeImpactDialog } from "@/components/wizard/change-impact-dialog";
import { StepActions } from "@/components/wizard/step-actions";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { useStepForm } from "@/components/wizard/use-step-form";
import { COEXISTENCE_NOTE, DECISION_REQUIREMENTS, FEATURES_BOTH_TOOLS_COVER, TOOL_LABELS, TOOLS, type Tool } from "@/lib/catalog";
import type { Draft } from "@/lib/draft/store";
import type { StepValidation } from "@/lib/forms/step-resolver";
import { recommendTool, STEP_PATHS, type Plan } from "@/lib/plan";

interface ToolValues {
  requirements: string[];
  tool: Tool | "";
}

const FORM_ID = "step-tool";
const TITLE = "Choose the sync tool";

function Recommendation({ requirements }: { requirements: string[] }) {
  const recommendation = recommendTool(requirements);
  const disagreements = recommendation.reasons.flatMap((reason) => reason.disagreements ?? []);
  return (
    <section aria-labelledby="recommendation-title" aria-live="polite" className="mb-8 rounded border-l-8 border-blue-800 bg-blue-50 p-4">
      <h2 id="recommendation-title" className="text-lg font-bold">
        Recommendation
      </h2>
      <p className="mt-1 font-semibold" data-testid="recommendation">
        {recommendation.summary}
      </p>
      {recommendation.reasons.length > 0 ? (
        <ul className="mt-2 list-disc space-y-1 pl-6">
          {recommendation.reasons.map((reason) => (
            <li key={reason.id}>
              <span className="font-semibold">{reason.question}</span> needs {TOOL_LABELS[reason.only]}. {reason.why}{" "}
              <span className="text-sm text-slate-700">
                (Source: <CitationRef cite={reason.cite} />)
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {disagreements.map((disagreement) => (
        <div key={disagreement.topic} className="mt-3">
          <DisagreementNote disagreement={disagreement} headingLevel={3} />
        </div>
      ))}
      {recommendation.tool === null ? (
        <p className="mt-2">
          <FactText fact={COEXISTENCE_NOTE} />
        </p>
      ) : null}
      <p className="mt-2 text-sm text-slate-700">
        <FactText fact={FEATURES_BOTH_TOOLS_COVER} />
      </p>
    </section>
  );
}

/** A switch of tool sets aside the other tool's accounts and may break rules of the environment: it is confirmed first. */
function describeToolChange(before: Plan, after: Plan) {
  if (after.tool && before.tool !== after.tool) {
    const label = TOOL_LABELS[after.tool];
    return { title: `Switch the plan to ${label}?`, confirmLabel: `Switch to ${label}`, checkpoint: `Switched the sync tool to ${label}` };
  }
  return { title: "Save this change?", confirmLabel: "Save the change", checkpoint: "Changed the sync tool step" };
}

export function ToolStep({ draft }: { draft: Draft }) {
  const plan = draft.plan;
  const validation = useMemo<StepValidation<ToolValues>>(
    () => ({
      owns: ["decision"],
      fieldFor: (path) => (path[0] === "requirements" ? "requirements" : path.join(".")),
      merge: (values): Plan => ({ ...plan, decision: { requirements: values.requirements ?? [] }, tool: values.tool || plan.tool }),
      stepChecks: (values) => (values.tool ? [] : [{ name: "tool", message: "Choose the sync tool you are planning for." }]),
    }),
    [plan],
  );
  const { form, onSubmit, failedSubmits, dialog } = useStepForm<ToolValues>({
    stepId: "tool",
    plan,
    describeChange: describeToolChange,
    initialValues: { requirements: plan.decision.requirements, tool: plan.tool ?? "" },
    savedValues: draft.stepValues.tool,
    validation,
    nextHref: STEP_PATHS.environment,
  });
  const requirements = useWatch({ control: form.control, name: "requirements" }) ?? [];
  const errors = summaryItems(form.formState.errors);
  useDocumentTitle(TITLE, errors.length > 0);

  return (
    <FormProvider {...form}>
      <ErrorSummary items={errors} focusKey={failedSubmits} />
      <StepHeading caption="Step 1">{TITLE}</StepHeading>
      <form id={FORM_ID} noValidate onSubmit={onSubmit}>
        <CheckboxGroup
          name="requirements"
          legend="Help me choose: which of these do you need?"
          hint="Tick what applies. The recommendation below updates as you tick, and says why."
          options={DECISION_REQUIREMENTS.map((requirement) => ({
            value: requirement.id,
            label: requirement.question,
            hint: `Only ${TOOL_LABELS[requirement.only]}.${requirement.disagreements?.length ? " Microsoft's pages disagree on this: tick it to see both readings." : ""}`,
          }))}
        />
        <Recommendation requirements={requirements} />
        <RadioGroup
          name="tool"
          legend="Which tool will you plan for?"
          hint="You can choose either tool, whatever the recommendation says."
          options={TOOLS.map((tool) => ({
            value: tool,
            label: TOOL_LABELS[tool],
            hint:
              tool === "cloudSync"
                ? "Lightweight provisioning agents, configured in the Microsoft Entra admin center."
                : "A sync server with its own database, configured on the server.",
          }))}
        />
      </form>
      <StepActions formId={FORM_ID} backHref="/" />
      <ChangeImpactDialog {...dialog} />
    </FormProvider>
  );
}

/** The tool step, loaded with the draft. */
export function ToolRoute() {
  return <DraftGate>{(draft) => <ToolStep draft={draft} />}</DraftGate>;
}
