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

/** Which of the catalog's rights, creation rules, rules, security notes and disagreements (rendered on the server) hold for this plan. */
function selectionOf(account: RequiredAccount): FactsSelection {
  const { definition } = account;
  const indexes = <T,>(all: readonly T[] | undefined, held: readonly T[]) => new Set(held.map((each) => (all ?? []).indexOf(each)));
  return {
    rights: indexes(definition.rights, account.rights),
    creation: definition.creation.indexOf(account.creation),
    constraints: indexes(definition.constraints, account.constraints),
    securityNotes: indexes(definition.securityNotes, account.securityNotes),
    disagreements: indexes(definition.disagreements, account.disagreements),
  };
}

/**
 * The step's layout: heading above, the form beside the account's facts. The
 * facts (rendered on the server) stay the grid's last child whether the plan
 * is still loading or shown, so reading the plan never repaints them.
 */
function AccountGrid({ children, facts, selection }: { children: ReactNode; facts: ReactNode; selection: FactsSelection | null }) {
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:gap-x-10">
      {children}
      <div className="lg:col-start-2">
        <FactsSelectionProvider selection={selection}>{facts}</FactsSelectionProvider>
      </div>
    </div>
  );
}

/** The heading (spanning both columns) and the form's column. */
function AccountFormArea({ top, children }: { top: ReactNode; children: ReactNode }) {
  return (
    <>
      <div className="lg:col-span-2">{top}</div>
      <div className="mb-10 lg:mb-0">{children}</div>
    </>
  );
}

export function AccountStep({ draft, plan, account }: { draft: Draft; plan: PlanWithTool; account: RequiredAccount }) {
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
      <AccountFormArea
        top={
          <>
            <ErrorSummary items={errors} focusKey={failedSubmits} />
            <StepHeading caption={`Account ${index + 1} of ${steps.length} · ${account.requirement === "required" ? "Required" : "Optional"}`}>
              {account.label}
            </StepHeading>
          </>
        }
      >
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
      </AccountFormArea>
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
    <AccountGrid facts={facts} selection={null}>
      <AccountFormArea
        top={
          // Holds the heading's place (the step's own heading names the forest or server too), so nothing moves when the plan is read.
          <div className="mb-6" aria-hidden="true">
            <p className="text-base text-slate-600">&nbsp;</p>
            <p className="text-3xl font-bold text-slate-900">{name}</p>
          </div>
        }
      >
        {/* On a phone the form comes first: its place is held down to the fold, so the facts below never jump into view when it appears. */}
        <div className="min-h-screen lg:min-h-0">
          <LoadingPlan />
        </div>
      </AccountFormArea>
    </AccountGrid>
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
        return (
          <AccountGrid facts={facts} selection={selectionOf(account)}>
            <AccountStep key={account.key} draft={draft} plan={plan} account={account} />
          </AccountGrid>
        );
      }}
    </DraftGate>
  );
}
