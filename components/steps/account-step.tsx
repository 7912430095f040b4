"use client";

import { DraftGate, LoadingPlan, NeedsEnvironment, StepUnavailable } from "@/components/wizard/draft-gate";
import { useMemo, type ReactNode } from "react";
import { FormProvider, useWatch } from "react-hook-form";
import { SelectField, YesNo } from "@/components/ui/choice-fields";
import { ErrorSummary, summaryItems } from "@/components/ui/error-summary";
import { TextField } from "@/components/ui/text-field";
import { StepActions } from "@/components/wizard/step-actions";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { useStepForm } from "@/components/wizard/use-step-form";
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES } from "@/lib/catalog";
import type { Draft } from "@/lib/draft/store";
import type { StepValidation } from "@/lib/forms/step-resolver";
import {
  accountsWithSteps,
  accountStepHref,
  emptyAccountEntry,
  hasToolAndEnvironment,
  STEP_PATHS,
  type AccountEntry,
  type Plan,
  type PlanWithTool,
  type RequiredAccount,
} from "@/lib/plan";
import { applicableEntry } from "./account/applicable-entry";
import { IdentityFields } from "./account/identity-fields";
import { FactsSelectionProvider, type FactsSelection } from "./account/facts-selection";
import { NoPasswordNotice } from "./account/no-password-notice";

/** Which of the catalog's rights and creation rules (rendered on the server) hold for this plan. */
function selectionOf(account: RequiredAccount): FactsSelection {
  const { definition } = account;
  return {
    rights: new Set(account.rights.map((right) => (definition.rights ?? []).indexOf(right))),
    creation: definition.creation.indexOf(account.creation),
  };
}

/** The step's two columns: the form (or what stands in for it) beside the account's facts, which are rendered on the server. */
function AccountColumns({ form, facts, selection }: { form: ReactNode; facts: ReactNode; selection: FactsSelection | null }) {
  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
      <div>{form}</div>
      <FactsSelectionProvider selection={selection}>{facts}</FactsSelectionProvider>
    </div>
  );
}

export function AccountStep({ draft, plan, account, facts }: { draft: Draft; plan: PlanWithTool; account: RequiredAccount; facts: ReactNode }) {
  const stepId = `account:${account.key}`;
  const formId = `step-account-${account.key.replace(/[^a-zA-Z0-9-]/g, "-")}`;
  const validation = useMemo<StepValidation<AccountEntry>>(
    () => ({
      owns: ["accounts", account.key],
      // Only the answers to the questions the step shows reach the plan (see applicableEntry).
      merge: (values): Plan => ({ ...plan, accounts: { ...plan.accounts, [account.key]: applicableEntry(account, values, plan) } }),
    }),
    [plan, account],
  );
  const steps = accountsWithSteps(plan);
  const index = steps.findIndex((candidate) => candidate.key === account.key);
  const previous = index > 0 ? accountStepHref(steps[index - 1]!.key) : STEP_PATHS.environment;
  const { form, onSubmit, failedSubmits } = useStepForm<AccountEntry>({
    stepId,
    plan,
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
      <AccountColumns
        selection={selectionOf(account)}
        facts={facts}
        form={
          <>
              <form id={formId} noValidate onSubmit={onSubmit}>
                {account.requirement === "optional" ? (
                  <YesNo name="inUse" legend="Will you use this account?" hint="It is optional for your plan: the rules on the right say when it helps." />
                ) : null}
                {inUse !== false ? (
                  <>
                    <IdentityFields account={account} plan={plan} />
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
          </>
        }
      />
    </FormProvider>
  );
}

/**
 * An account step, when the plan needs that account. The account's facts
 * (rendered on the server) show while the plan is still being read from the
 * browser: reading IndexedDB never delays them.
 */
export function AccountRoute({ accountKey, name, facts }: { accountKey: string; name: string; facts: ReactNode }) {
  const loading = (
    <>
      {/* Holds the heading's place (the step's own heading names the forest or server too), so nothing moves when the plan is read. */}
      <div className="mb-6" aria-hidden="true">
        <p className="text-base text-slate-600">&nbsp;</p>
        <p className="text-3xl font-bold text-slate-900">{name}</p>
      </div>
      <AccountColumns form={<LoadingPlan />} facts={facts} selection={null} />
    </>
  );
  return (
    <DraftGate loading={loading}>
      {(draft) => {
        const plan = draft.plan;
        if (!hasToolAndEnvironment(plan)) return <NeedsEnvironment title="Account" />;
        const account = accountsWithSteps(plan).find((candidate) => candidate.key === accountKey);
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
        return <AccountStep key={account.key} draft={draft} plan={plan} account={account} facts={facts} />;
      }}
    </DraftGate>
  );
}
