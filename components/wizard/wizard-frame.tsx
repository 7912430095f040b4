"use client";

import { usePathname } from "next/navigation";
import { Fragment, useEffect, useState, type ReactNode } from "react";
import { ConflictDialog } from "@/components/library/conflict-dialog";
import { SaveStatus } from "@/components/library/save-status";
import { UndoNotice } from "@/components/library/undo-notice";
import { useDraft } from "@/lib/draft/store";
import { planSteps } from "@/lib/plan";
import { StepNav } from "./step-nav";

/**
 * The wizard's two columns: the step list (with the save state) beside the
 * current step. On a narrow screen the list folds into one line ("Step 5 of
 * 18 — show all") so the step's own content comes first.
 */
export function WizardFrame({ children }: { children: ReactNode }) {
  const snapshot = useDraft();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Escape closes the conflict question without choosing; it comes back with the next conflict or on request.
  const [conflictClosedAt, setConflictClosedAt] = useState<number | null>(null);
  const conflictOpen = snapshot?.conflict !== undefined && conflictClosedAt !== snapshot.epoch;
  // Changes not stored (a write still in progress, a conflict not yet answered, a failed write) live only in this tab:
  // the browser asks before it is closed.
  const unsaved = snapshot?.saveState.kind === "saving" || snapshot?.saveState.kind === "conflict" || snapshot?.saveState.kind === "error";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  // A plan that cannot be read has no steps to list: the repair view says why.
  const plan = snapshot && !snapshot.repair ? snapshot.draft.plan : undefined;
  const steps = snapshot && plan ? planSteps(plan, snapshot.draft.validation?.checkedAt) : [];
  const current = steps.findIndex((step) => decodeURIComponent(step.href) === decodeURIComponent(pathname));
  // The plan as first read keeps the mount the page had while it loaded (the step's server-rendered parts are not painted twice);
  // only a later epoch or another plan remounts.
  const epochKey = snapshot ? `${snapshot.id}:${snapshot.epoch}` : null;
  const [firstEpochKey, setFirstEpochKey] = useState<string | null>(null);
  if (epochKey !== null && firstEpochKey === null) setFirstEpochKey(epochKey);
  const mountKey = epochKey === null || firstEpochKey === null || epochKey === firstEpochKey ? "first" : epochKey;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[16rem_minmax(0,1fr)] md:gap-8">
      <div className="no-print min-w-0">
        {snapshot ? <SaveStatus state={snapshot.saveState} onChooseConflict={() => setConflictClosedAt(null)} /> : null}
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
              <StepNav plan={plan} validatedAt={snapshot.draft.validation?.checkedAt} stepValues={snapshot.draft.stepValues} />
            </div>
          </>
        ) : null}
      </div>
      <div className="min-w-0">
        <div className="no-print">
          <UndoNotice />
        </div>
        {/* A new epoch (undo, another tab's version, another plan) remounts the step so its form shows the plan as it now is. */}
        <Fragment key={mountKey}>{children}</Fragment>
      </div>
      <ConflictDialog open={conflictOpen} deleted={snapshot?.conflict?.deleted ?? false} onClose={() => setConflictClosedAt(snapshot?.epoch ?? 0)} />
    </div>
  );
}
