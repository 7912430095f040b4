"use client";

import { DraftGate, NeedsEnvironment, StepUnavailable } from "@/components/wizard/draft-gate";
import { accountsWithSteps, STEP_PATHS } from "@/lib/plan";
import { AccountStep } from "./account-step";
import { EnvironmentStep } from "./environment-step";
import { ExportStep } from "./export-step";
import { ReviewStep } from "./review-step";
import { ToolStep } from "./tool-step";
import { ValidateStep } from "./validate-step";

/** Each step, loaded with the draft and shown only once the steps it builds on are done. */
export function ToolRoute() {
  return <DraftGate>{(draft) => <ToolStep draft={draft} />}</DraftGate>;
}

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

export function ReviewRoute() {
  return <DraftGate>{(draft) => (draft.plan.tool && draft.plan.environment ? <ReviewStep draft={draft} /> : <NeedsEnvironment title="Check your answers" />)}</DraftGate>;
}

export function ExportRoute() {
  return <DraftGate>{(draft) => (draft.plan.tool && draft.plan.environment ? <ExportStep draft={draft} /> : <NeedsEnvironment title="Export the plan" />)}</DraftGate>;
}

export function ValidateRoute() {
  return <DraftGate>{(draft) => (draft.plan.tool && draft.plan.environment ? <ValidateStep draft={draft} /> : <NeedsEnvironment title="Check against your tenant" />)}</DraftGate>;
}
