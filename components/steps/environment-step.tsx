"use client";

import { DraftGate, StepUnavailable } from "@/components/wizard/draft-gate";
import { useMemo } from "react";
import { FormProvider, useFieldArray, useFormContext, useWatch } from "react-hook-form";
import { DisagreementNote } from "@/components/catalog/disagreement-note";
import { Button, linkClass } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { CheckboxGroup, RadioGroup, SelectField } from "@/components/ui/choice-fields";
import { ErrorSummary, summaryItems } from "@/components/ui/error-summary";
import { ErrorMessage } from "@/components/ui/field-parts";
import { fieldId } from "@/components/ui/field-id";
import { ListField } from "@/components/ui/list-field";
import { TextField } from "@/components/ui/text-field";
import { useFieldError } from "@/components/ui/use-field-error";
import { StepActions } from "@/components/wizard/step-actions";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { useStepForm } from "@/components/wizard/use-step-form";
import {
  DATABASE_LABELS,
  DATABASES,
  ENTRA_AUTH_MODE_LABELS,
  ENTRA_AUTH_MODES,
  FEATURES,
  LIMITS,
  SERVER_ROLE_LABELS,
  SERVER_REQUIREMENTS,
  SERVER_ROLES,
  SOURCES,
  TOOL_LABELS,
  type Tool,
} from "@/lib/catalog";
import type { Draft } from "@/lib/draft/store";
import type { StepValidation } from "@/lib/forms/step-resolver";
import { accountsWithSteps, accountStepHref, emptyEnvironment, nextOwnerId, STEP_PATHS, type Environment, type Plan } from "@/lib/plan";

const FORM_ID = "step-environment";
const TITLE = "Describe the environment";

function listFieldFor(path: readonly (string | number)[]): string {
  const [head, index, field] = path;
  if (head === "features") return "features";
  if (head === "forests" && (field === "domains" || field === "upnSuffixes")) return `forests.${index}.${field}`;
  return path.join(".");
}

function GroupError({ name }: { name: string }) {
  const error = useFieldError(name);
  return <ErrorMessage name={name} message={error} />;
}

function ConnectChoices() {
  const installType = useWatch({ name: "connect.installType" });
  return (
    <section aria-labelledby="connect-title" className="mb-8">
      <h2 id="connect-title" className="mb-4 text-xl font-bold">
        Connect installation
      </h2>
      <RadioGroup
        name="connect.installType"
        legend="How will Connect be installed?"
        options={[
          { value: "express", label: "Express settings", hint: "One forest, password hash sync, LocalDB; asks for an Enterprise Admin and creates the MSOL_ connector account." },
          { value: "custom", label: "Custom installation", hint: "Everything else: several forests, other features, your own service accounts or SQL Server." },
        ]}
      />
      {installType === "custom" ? (
        <RadioGroup
          name="connect.database"
          legend="Which database will Connect use?"
          hint={`LocalDB is limited to 10 GB, about ${LIMITS.localDbObjectLimit.toLocaleString("en-US")} objects.`}
          options={DATABASES.map((database) => ({ value: database, label: DATABASE_LABELS[database] }))}
        />
      ) : null}
      <RadioGroup
        name="connect.entraAuth"
        legend="How will Connect authenticate to Microsoft Entra ID?"
        hint={
          <>
            Microsoft requires Connect 2.6.84.0 or later with application-based authentication by 7 April 2027.{" "}
            <a href={SOURCES.connectAppAuth.url} className={linkClass}>
              About application-based authentication
            </a>
          </>
        }
        options={ENTRA_AUTH_MODES.map((mode) => ({ value: mode, label: ENTRA_AUTH_MODE_LABELS[mode] }))}
      />
    </section>
  );
}

function Servers({ tool }: { tool: Tool }) {
  const { control } = useFormContext<Environment>();
  const { fields, append, remove } = useFieldArray({ control, name: "servers", keyName: "fieldKey" });
  const servers = useWatch({ control, name: "servers" }) ?? [];
  const noun = tool === "cloudSync" ? "agent host" : "Connect server";
  return (
    <section aria-labelledby="servers-title" className="mb-8">
      <h2 id="servers-title" className="mb-1 text-xl font-bold">
        <span id={fieldId("servers")} tabIndex={-1}>
          {tool === "cloudSync" ? "Agent hosts" : "Connect servers"}
        </span>
      </h2>
      <p className="mb-2 text-slate-600">
        {tool === "cloudSync"
          ? `Microsoft recommends ${LIMITS.recommendedCloudSyncAgents} active agents for high availability.`
          : "One active server, plus any staging servers."}
      </p>
      <ul className="mb-4 list-disc space-y-1 pl-6 text-slate-700">
        {SERVER_REQUIREMENTS[tool].requirements.map((requirement) => (
          <li key={requirement}>{requirement}</li>
        ))}
      </ul>
      {SERVER_REQUIREMENTS[tool].disagreements.map((disagreement) => (
        <div key={disagreement.topic} className="mb-4">
          <DisagreementNote disagreement={disagreement} />
        </div>
      ))}
      <GroupError name="servers" />
      {fields.map((field, index) => (
        <fieldset key={field.fieldKey} className="mb-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">
            {tool === "cloudSync" ? "Agent host" : "Server"} {index + 1}
            {servers[index]?.name ? `: ${servers[index].name}` : ""}
          </legend>
          <TextField name={`servers.${index}.name`} label="Computer name" hint="The short name, like SYNC01." />
          <SelectField name={`servers.${index}.role`} label="Role" options={SERVER_ROLES.map((role) => ({ value: role, label: SERVER_ROLE_LABELS[role] }))} />
          {tool === "connect" ? <CheckboxField name={`servers.${index}.staging`} label="Staging server (not active)" /> : null}
          {fields.length > 1 ? (
            <Button variant="secondary" onClick={() => remove(index)}>
              Remove {noun} {index + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() => append({ id: nextOwnerId("server", servers), name: "", role: "memberServer", staging: tool === "connect" && servers.length > 0 })}
      >
        Add another {noun}
      </Button>
    </section>
  );
}

function Forests() {
  const { control } = useFormContext<Environment>();
  const { fields, append, remove } = useFieldArray({ control, name: "forests", keyName: "fieldKey" });
  const forests = useWatch({ control, name: "forests" }) ?? [];
  return (
    <section aria-labelledby="forests-title" className="mb-8">
      <h2 id="forests-title" className="mb-1 text-xl font-bold">
        <span id={fieldId("forests")} tabIndex={-1}>
          Active Directory forests
        </span>
      </h2>
      <p className="mb-4 text-slate-600">Each forest gets its own connector and admin accounts.</p>
      <GroupError name="forests" />
      {fields.map((field, index) => (
        <fieldset key={field.fieldKey} className="mb-4 rounded border border-slate-300 p-4">
          <legend className="px-1 font-semibold">
            Forest {index + 1}
            {forests[index]?.rootDomain ? `: ${forests[index].rootDomain}` : ""}
          </legend>
          <TextField name={`forests.${index}.rootDomain`} label="Forest root domain" hint="Its DNS name, like contoso.com." />
          <ListField name={`forests.${index}.domains`} label="Other domains in this forest (optional)" hint="DNS names, one per line or separated by commas." />
          <ListField
            name={`forests.${index}.upnSuffixes`}
            label="UPN suffixes users sign in with"
            hint="Each must be added and verified in the tenant, or users get …onmicrosoft.com names. One per line or separated by commas."
          />
          {fields.length > 1 ? (
            <Button variant="secondary" onClick={() => remove(index)}>
              Remove forest {index + 1}
            </Button>
          ) : null}
        </fieldset>
      ))}
      <Button variant="secondary" onClick={() => append({ id: nextOwnerId("forest", forests), rootDomain: "", domains: [], upnSuffixes: [] })}>
        Add another forest
      </Button>
    </section>
  );
}

function Features({ tool }: { tool: Tool }) {
  const always = FEATURES.filter((feature) => feature.support[tool] === "always");
  return (
    <section aria-labelledby="features-title" className="mb-8">
      <h2 id="features-title" className="mb-4 text-xl font-bold">
        Features
      </h2>
      <CheckboxGroup
        name="features"
        legend="Which features will you use?"
        hint="Each feature adds rights to the accounts that need them. Features the tool cannot do are greyed out."
        options={FEATURES.filter((feature) => feature.support[tool] !== "always").map((feature) => ({
          value: feature.id,
          label: feature.label,
          hint: feature.support[tool] === "unavailable" ? `Not available: ${feature.unavailableReason?.[tool] ?? ""}` : feature.description,
          disabled: feature.support[tool] === "unavailable",
        }))}
      />
      {always.length > 0 ? (
        <p className="text-slate-700">Always on with {TOOL_LABELS[tool]}: {always.map((feature) => feature.label).join(", ")}.</p>
      ) : null}
    </section>
  );
}

export function EnvironmentStep({ draft }: { draft: Draft }) {
  const plan = draft.plan;
  const tool = plan.tool!;
  const validation = useMemo<StepValidation<Environment>>(
    () => ({ owns: ["environment"], fieldFor: listFieldFor, merge: (values): Plan => ({ ...plan, environment: values }) }),
    [plan],
  );
  const { form, onSubmit, failedSubmits } = useStepForm<Environment>({
    stepId: "environment",
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
        {tool === "connect" ? (
          <ConnectChoices />
        ) : (
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
        )}
        <Servers tool={tool} />
        <Forests />
        <Features tool={tool} />
      </form>
      <StepActions formId={FORM_ID} backHref={STEP_PATHS.tool} />
    </FormProvider>
  );
}

/** The environment step, once a tool is chosen. */
export function EnvironmentRoute() {
  return (
    <DraftGate>
      {(draft) =>
        draft.plan.tool ? (
          <EnvironmentStep draft={draft} />
        ) : (
          <StepUnavailable title="Describe the environment" reason="Choose the sync tool first: what the environment needs depends on it." href={STEP_PATHS.tool} linkText="Choose the sync tool" />
        )
      }
    </DraftGate>
  );
}
