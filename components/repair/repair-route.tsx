"use client";

import Link from "next/link";
import { ButtonLink, linkClass } from "@/components/ui/button";
import { DraftGate } from "@/components/wizard/draft-gate";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { useDraft } from "@/lib/draft/store";
import { STEP_PATHS } from "@/lib/plan";
import { RuleIssuesByStep } from "./rule-issues";

function RuleRepair() {
  const snapshot = useDraft();
  const issues = snapshot?.ruleIssues ?? [];
  useDocumentTitle("Repair this plan", issues.length > 0);
  if (!snapshot) return null;
  if (issues.length === 0) {
    return (
      <>
        <StepHeading>Nothing to repair</StepHeading>
        <p className="mb-4">This plan meets every rule of the planner.</p>
        <ButtonLink href={STEP_PATHS.review}>Check your answers</ButtonLink>
      </>
    );
  }
  return (
    <>
      <StepHeading>Repair this plan</StepHeading>
      <p className="mb-2">
        This plan is kept as it is, but some answers no longer fit together. Nothing has been removed: open each step below and change what
        it names.
      </p>
      <p className="mb-6">
        <Link href={STEP_PATHS.review} className={linkClass}>
          Check your answers
        </Link>{" "}
        shows the whole plan.
      </p>
      <RuleIssuesByStep plan={snapshot.draft.plan} issues={issues} />
    </>
  );
}

/** The repair view: what a kept plan breaks, grouped by step (an unreadable one is shown by the gate). */
export function RepairRoute() {
  return <DraftGate>{() => <RuleRepair />}</DraftGate>;
}
