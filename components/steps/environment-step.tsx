"use client";

import { DraftGate, StepUnavailable } from "@/components/wizard/draft-gate";
import { useMemo } from "react";
import { FormProvider } from "react-hook-form";
import { RadioGroup } from "@/components/ui/choice-fields";
import { ErrorSummary, summaryItems } from "@/components/ui/error-summary";
import { fieldId } from "@/components/ui/field-id";
import { TextField } from "@/components/ui/text-field";
import { ChangeImpactDialog } from "@/components/wizard/change-impact-dialog";
import { StepActions } from "@/components/wizard/step-actions";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { useStepForm } from "@/components/wizard/use-step-form";
import { TOOL_LABELS, type Tool } from "@/lib/catalog";
import type { Draft } from "@/lib/draft/store";
import type { StepValidation } from "@/lib/forms/step-resolver";
import { accountsWithSteps, accountStepHref, emptyEnvironment, STEP_PATHS, type Environment, type Plan } from "@/lib/plan";
import { applicableEnvironment, withoutOrphanedRuns } from "@/lib/plan";
import { describeEnvironmentChange } from "./environment/describe-change";
import { ConnectInstall, IdentifyingUsers } from "./environment/connect-install";
import { Features } from "./environment/features";
import { Forests } from "./environment/forests";
import { Servers } from "./environment/servers";
import { SignIn } from "./environment/sign-in";

const FORM_ID = "step-environment";
const TITLE = "Describe the environment";

/** Lists edited in one textarea show the errors of their items on the textarea. */
const LIST_FIELDS = ["features", "passThroughAgents", "federation.adfsServers", "federation.wapServers"];

function listFieldFor(path: readonly (string | number)[]): string {
  const [head, index, field] = path;
  const joined = path.join(".");
  const list = LIST_FIELDS.find((name) => joined === name || joined.startsWith(`${name}.`));
  if (list) return list;
  if (head === "forests" && (field === "domains" || field === "upnSuffixes")) return `forests.${index}.${field}`;
  return joined;
}

function CloudSyncAgentAccount() {
  return (
    <section aria-labelledby="gmsa-title" className="mb-8">
      <h2 id="gmsa-title" className="mb-4 text-xl font-bold">
        Agent service account
      </h2>
      <RadioGroup
        name="cloudSync.gmsaMode"
        legend="Which gMSA will run the provisioning agent?"
        options={[
          { value: "default", label: "The default gMSA, provAgentgMSA$, created by the agent wizard" },
          { value: "custom", label: "A custom gMSA that an administrator creates first" },
        ]}
      />
    </section>
  );
}

export function EnvironmentStep({ draft, tool }: { draft: Draft; tool: Tool }) {
  const plan = draft.plan;
  const validation = useMemo<StepValidation<Environment>>(
    () => ({
      owns: ["environment"],
      fieldFor: listFieldFor,
      // Only the answers to questions that apply reach the plan (see applicableEnvironment); a removed forest's or server's pre-flight results leave with it.
      merge: (values): Plan => withoutOrphanedRuns({ ...plan, environment: applicableEnvironment(tool, values) }),
    }),
    [plan, tool],
  );
  const { form, onSubmit, failedSubmits, dialog, confirmChange } = useStepForm<Environment>({
    stepId: "environment",
    plan,
    describeChange: describeEnvironmentChange,
    initialValues: plan.environment ?? emptyEnvironment(),
    savedValues: draft.stepValues.environment,
    validation,
    // The first account step follows from the environment just saved.
    nextHref: (saved) => {
      const first = accountsWithSteps(saved)[0];
      return first ? accountStepHref(first.key) : STEP_PATHS.review;
    },
  });
  const errors = summaryItems(form.formState.errors);
  useDocumentTitle(TITLE, errors.length > 0);

  /** Removing a forest or server always asks first, saying which accounts it sets aside; Undo brings it back. */
  const requestRemoval = (list: "forests" | "servers", index: number, remove: () => void) => {
    const values = form.getValues();
    const noun = list === "forests" ? "forest" : tool === "cloudSync" ? "agent host" : "server";
    const item = list === "forests" ? values.forests[index]?.rootDomain : values.servers[index]?.name;
    const after = validation.merge(list === "forests" ? { ...values, forests: values.forests.filter((_, at) => at !== index) } : { ...values, servers: values.servers.filter((_, at) => at !== index) });
    confirmChange(
      after,
      {
        title: `Remove ${noun} ${index + 1}${item ? ` (${item})` : ""}?`,
        confirmLabel: `Remove ${noun} ${index + 1}`,
        checkpoint: `Removed ${noun} ${item || index + 1}`,
      },
      () => {
        remove();
        // The button pressed is gone with its forest or server: focus goes to the list's heading.
        requestAnimationFrame(() => document.getElementById(fieldId(list))?.focus());
      },
    );
  };

  return (
    <FormProvider {...form}>
      <ErrorSummary items={errors} focusKey={failedSubmits} />
      <StepHeading caption={`Step 2 · ${TOOL_LABELS[tool]}`}>{TITLE}</StepHeading>
      <form id={FORM_ID} noValidate onSubmit={onSubmit}>
        <section aria-labelledby="organisation-title" className="mb-8">
          <h2 id="organisation-title" className="mb-4 text-xl font-bold">
            About the plan
          </h2>
          <TextField name="organisation.name" label="Organisation" autoComplete="organization" />
          <TextField name="organisation.preparer" label="Prepared by" autoComplete="name" />
          <TextField name="organisation.contact" label="Contact email (optional)" type="email" autoComplete="email" />
        </section>
        <section aria-labelledby="tenant-title" className="mb-8">
          <h2 id="tenant-title" className="mb-4 text-xl font-bold">
            Microsoft Entra tenant
          </h2>
          <TextField name="tenant.initialDomain" label="Initial domain" hint="The tenant's …onmicrosoft.com domain, like contoso.onmicrosoft.com." />
          <TextField name="tenant.tenantId" label="Tenant ID (optional)" hint="A GUID, shown in the Microsoft Entra admin center under Overview." />
        </section>
        {tool === "connect" ? <ConnectInstall /> : <CloudSyncAgentAccount />}
        <SignIn tool={tool} />
        <Servers tool={tool} onRemove={(index, remove) => requestRemoval("servers", index, remove)} />
        <Forests onRemove={(index, remove) => requestRemoval("forests", index, remove)} />
        {tool === "connect" ? <IdentifyingUsers /> : null}
        <Features tool={tool} requirements={plan.decision.requirements} />
      </form>
      <StepActions formId={FORM_ID} backHref={STEP_PATHS.tool} />
      <ChangeImpactDialog {...dialog} />
    </FormProvider>
  );
}

/** The environment step, once a tool is chosen. */
export function EnvironmentRoute() {
  return (
    <DraftGate>
      {(draft) =>
        draft.plan.tool ? (
          <EnvironmentStep draft={draft} tool={draft.plan.tool} />
        ) : (
          <StepUnavailable title="Describe the environment" reason="Choose the sync tool first: what the environment needs depends on it." href={STEP_PATHS.tool} linkText="Choose the sync tool" />
        )
      }
    </DraftGate>
  );
}
