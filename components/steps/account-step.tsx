"use client";

import { DraftGate, NeedsEnvironment, StepUnavailable } from "@/components/wizard/draft-gate";
import { useMemo } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { RadioGroup, SelectField, YesNo } from "@/components/ui/choice-fields";
import { ErrorSummary, summaryItems } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { StepActions } from "@/components/wizard/step-actions";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { useStepForm } from "@/components/wizard/use-step-form";
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES, ACCOUNT_TYPE_LABELS, LIMITS } from "@/lib/catalog";
import type { Draft } from "@/lib/draft/store";
import type { StepValidation } from "@/lib/forms/step-resolver";
import {
  accountsWithSteps,
  accountStepHref,
  emptyAccountEntry,
  forestDomains,
  provisioningLabel,
  STEP_PATHS,
  tenantDomains,
  type AccountEntry,
  type Environment,
  type Plan,
  type RequiredAccount,
} from "@/lib/plan";
import { AccountFacts, NoPasswordNotice } from "./account-facts";

function FixedName({ label, value, why }: { label: string; value: string; why: string }) {
  return (
    <div className="mb-5">
      <p className="font-semibold">{label}</p>
      <p className="mt-1 font-mono text-lg">{value}</p>
      <p className="text-sm text-slate-600">{why}</p>
    </div>
  );
}

function DomainSelect({ account, environment, optionalHint }: { account: RequiredAccount; environment: Environment; optionalHint?: string }) {
  const domains = account.forest ? forestDomains(account.forest) : environment.forests.flatMap(forestDomains);
  return (
    <SelectField
      name="domain"
      label="Domain"
      hint={optionalHint ?? "The Active Directory domain the account is in."}
      options={[{ value: "", label: "Choose a domain" }, ...domains.map((domain) => ({ value: domain, label: domain }))]}
    />
  );
}

function IdentityFields({ account, environment }: { account: RequiredAccount; environment: Environment }) {
  const { definition } = account;
  const accountType = useWatch({ name: "accountType" }) as AccountEntry["accountType"];
  const samHint = `Its sAMAccountName (pre-Windows 2000 logon name): at most ${LIMITS.samAccountNameMaxLength} characters, without the domain.`;
  switch (definition.identity) {
    case "upn": {
      const hint =
        definition.id === "breakGlassAdmin"
          ? "A cloud-only account: its user principal name ends in .onmicrosoft.com."
          : `A work account of the tenant (not a guest), in one of its domains: ${[...tenantDomains(environment)].join(", ")}.`;
      return <TextField name="name" label="User principal name" hint={hint} type="email" />;
    }
    case "adUser":
      if (definition.id === "connectAdDsConnector" && environment.connect.installType === "express") {
        return (
          <FixedName
            label="Name"
            value={account.defaultName ?? ""}
            why={`Express settings create this account in ${account.forest?.rootDomain ?? "the forest root domain"}'s Users container; nothing to enter.`}
          />
        );
      }
      return (
        <>
          {definition.id === "connectAdDsConnector" ? (
            <RadioGroup
              name="provisioning"
              legend="Who creates the account?"
              options={[
                { value: "wizard", label: provisioningLabel("wizard") },
                { value: "existing", label: provisioningLabel("existing") },
              ]}
            />
          ) : null}
          <TextField name="name" label="Account name" hint={samHint} />
          <DomainSelect account={account} environment={environment} />
          {definition.id === "connectAdDsConnector" ? (
            <YesNo
              name="privilegedGroupMember"
              legend="Is this account a member of Domain Admins or Enterprise Admins?"
              hint="It must not be: Connect refuses such accounts, and they would give the sync server far more power than it needs."
            />
          ) : null}
        </>
      );
    case "localOrDomainUser":
      return (
        <>
          <TextField name="name" label="Account name" hint={samHint} />
          <TextField name="domain" label="Domain (optional)" hint="The DNS name of its domain; leave empty for an account local to the server." />
        </>
      );
    case "gmsa":
      return (
        <>
          {account.defaultName ? (
            <FixedName label="gMSA name" value={account.defaultName} why="The agent wizard's Create gMSA uses this name; nothing to enter." />
          ) : (
            <TextField
              name="name"
              label="gMSA name"
              hint={`Ends in $, with at most ${LIMITS.gmsaNameMaxLength} characters before it, like provAgentgMSA$.`}
            />
          )}
          <DomainSelect account={account} environment={environment} optionalHint="The domain of the agent hosts, where the gMSA is created." />
        </>
      );
    case "serviceAccount": {
      const option = account.serviceAccountOption;
      return (
        <>
          <RadioGroup
            name="accountType"
            legend="Which kind of account runs the ADSync service?"
            hint={option?.why}
            options={(option?.allowed ?? []).map((type) => ({
              value: type,
              label: `${ACCOUNT_TYPE_LABELS[type]}${type === option?.recommended ? " (recommended)" : ""}${type === option?.default ? " (default)" : ""}`,
            }))}
          />
          {accountType === "gmsa" ? (
            <>
              <TextField name="name" label="gMSA name" hint={`Ends in $, with at most ${LIMITS.gmsaNameMaxLength} characters before it.`} />
              <DomainSelect account={account} environment={environment} />
            </>
          ) : accountType === "domainUser" ? (
            <>
              <TextField name="name" label="Account name" hint={samHint} />
              <DomainSelect account={account} environment={environment} />
            </>
          ) : accountType === "localUser" ? (
            <TextField name="name" label="Account name" hint="A local account of this server." />
          ) : accountType ? (
            <FixedName label="Name" value={account.defaultName ?? ""} why="Created by the installer; nothing to enter." />
          ) : null}
        </>
      );
    }
    case "sqlLogin":
      return <TextField name="name" label="SQL Server login" hint="DOMAIN\name for a Windows login, or the name of a SQL login." />;
    case "generated":
      return <FixedName label="Name" value={account.defaultName ?? ""} why="Made by Microsoft's installer or wizard; nothing to enter." />;
  }
}

export function AccountStep({ draft, account }: { draft: Draft; account: RequiredAccount }) {
  const plan = draft.plan;
  const environment = plan.environment!;
  const stepId = `account:${account.key}`;
  const formId = `step-account-${account.key.replace(/[^a-zA-Z0-9-]/g, "-")}`;
  const validation = useMemo<StepValidation<AccountEntry>>(
    () => ({
      owns: ["accounts", account.key],
      merge: (values): Plan => ({ ...plan, accounts: { ...plan.accounts, [account.key]: values } }),
    }),
    [plan, account.key],
  );
  const steps = accountsWithSteps(plan);
  const index = steps.findIndex((candidate) => candidate.key === account.key);
  const previous = index > 0 ? accountStepHref(steps[index - 1]!.key) : STEP_PATHS.environment;
  const { form, onSubmit, failedSubmits } = useStepForm<AccountEntry>({
    stepId,
    initialValues: plan.accounts[account.key] ?? emptyAccountEntry(account),
    savedValues: draft.stepValues[stepId],
    validation,
    nextHref: (saved) => {
      const after = accountsWithSteps(saved);
      const position = after.findIndex((candidate) => candidate.key === account.key);
      const next = after[position + 1];
      return next ? accountStepHref(next.key) : STEP_PATHS.review;
    },
  });
  const inUse = useWatch({ control: form.control, name: "inUse" });
  const errors = summaryItems(form.formState.errors);
  useDocumentTitle(account.label, errors.length > 0);

  return (
    <FormProvider {...form}>
      <ErrorSummary items={errors} focusKey={failedSubmits} />
      <StepHeading caption={`Account ${index + 1} of ${steps.length} · ${account.requirement === "required" ? "Required" : "Optional"}`}>
        {account.label}
      </StepHeading>
      <div className="grid gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
        <div>
          <form id={formId} noValidate onSubmit={onSubmit}>
            {account.requirement === "optional" ? (
              <YesNo name="inUse" legend="Will you use this account?" hint="It is optional for your plan: the rules on the right say when it helps." />
            ) : null}
            {inUse !== false ? (
              <>
                <IdentityFields account={account} environment={environment} />
                <TextField name="owner" label="Owner or contact (optional)" hint="Who answers for this account, like a person or a team." />
                <TextField name="createdBy" label="Person who creates it (optional)" hint={`Microsoft's default: ${account.creation.how}`} />
                <SelectField name="status" label="Status" options={ACCOUNT_STATUSES.map((status) => ({ value: status, label: ACCOUNT_STATUS_LABELS[status] }))} />
              </>
            ) : null}
            <TextField name="notes" label="Notes (optional)" multiline />
          </form>
          <StepActions formId={formId} backHref={previous} />
          <div className="mt-8">
            <NoPasswordNotice />
          </div>
        </div>
        <AccountFacts account={account} />
      </div>
    </FormProvider>
  );
}

/** An account step, when the plan needs that account. */
export function AccountRoute({ accountKey }: { accountKey: string }) {
  return (
    <DraftGate>
      {(draft) => {
        if (!draft.plan.tool || !draft.plan.environment) return <NeedsEnvironment title="Account" />;
        const account = accountsWithSteps(draft.plan).find((candidate) => candidate.key === accountKey);
        if (!account) {
          return (
            <StepUnavailable
              title="This account is not part of your plan"
              reason="The tool, servers, forests and features you chose do not need this account. The review lists the ones they do."
              href={STEP_PATHS.review}
              linkText="Check your answers"
            />
          );
        }
        // Keyed so moving between two account steps starts a fresh form.
        return <AccountStep key={account.key} draft={draft} account={account} />;
      }}
    </DraftGate>
  );
}
