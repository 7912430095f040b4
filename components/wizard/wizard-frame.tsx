"use client";

import type { ReactNode } from "react";
import { useDraft } from "@/lib/draft/store";
import { StepNav } from "./step-nav";

/** The wizard's two columns: the step list beside the current step. */
export function WizardFrame({ children }: { children: ReactNode }) {
  const snapshot = useDraft();
  return (
    <div className="grid gap-8 md:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="no-print">{snapshot ? <StepNav plan={snapshot.draft.plan} validatedAt={snapshot.draft.validation?.checkedAt} stepValues={snapshot.draft.stepValues} /> : null}</div>
      <div>{children}</div>
    </div>
  );
}
