"use client";

import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { useDraft } from "@/lib/draft/store";
import { planSteps } from "@/lib/plan";
import { StepNav } from "./step-nav";

/**
 * The wizard's two columns: the step list beside the current step. On a
 * narrow screen the list folds into one line ("Step 5 of 18 — show all") so
 * the step's own content comes first.
 */
export function WizardFrame({ children }: { children: ReactNode }) {
  const snapshot = useDraft();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const plan = snapshot?.draft.plan;
  const steps = plan ? planSteps(plan, snapshot.draft.validation?.checkedAt) : [];
  const current = steps.findIndex((step) => decodeURIComponent(step.href) === decodeURIComponent(pathname));
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[16rem_minmax(0,1fr)] md:gap-8">
      <div className="no-print min-w-0">
        {snapshot && plan ? (
          <>
            <button
              type="button"
              aria-expanded={open}
              aria-controls="plan-steps"
              onClick={() => setOpen((value) => !value)}
              className="w-full rounded border-2 border-slate-700 px-3 py-2 text-left font-semibold text-slate-900 focus:outline-none focus:ring-4 focus:ring-amber-400 md:hidden"
            >
              {current >= 0 ? `Step ${current + 1} of ${steps.length}` : `${steps.length} steps`} — {open ? "hide the list" : "show all"}
            </button>
            <div id="plan-steps" className={`${open ? "mt-2 block" : "hidden"} md:mt-0 md:block`}>
              <StepNav plan={plan} validatedAt={snapshot.draft.validation?.checkedAt} />
            </div>
          </>
        ) : null}
      </div>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
