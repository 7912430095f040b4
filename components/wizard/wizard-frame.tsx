"use client";

import { Fragment, useEffect, useState, type ReactNode } from "react";
import { ConflictDialog } from "@/components/library/conflict-dialog";
import { SaveStatus } from "@/components/library/save-status";
import { UndoNotice } from "@/components/library/undo-notice";
import { useDraft } from "@/lib/draft/store";
import { StepNav } from "./step-nav";

/** The wizard's two columns: the step list (with the save state) beside the current step. */
export function WizardFrame({ children }: { children: ReactNode }) {
  const snapshot = useDraft();
  // Escape closes the conflict question without choosing; it comes back with the next conflict or on request.
  const [conflictClosedAt, setConflictClosedAt] = useState<number | null>(null);
  const conflictOpen = snapshot?.conflict !== undefined && conflictClosedAt !== snapshot.epoch;
  // Changes not stored (a conflict not yet answered, a failed write) live only in this tab: the browser asks before it is closed.
  const unsaved = snapshot?.saveState.kind === "conflict" || snapshot?.saveState.kind === "error";
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
  return (
    <div className="grid gap-8 md:grid-cols-[16rem_minmax(0,1fr)]">
      <div className="no-print">
        {snapshot ? (
          <>
            <SaveStatus state={snapshot.saveState} onChooseConflict={() => setConflictClosedAt(null)} />
            {/* A plan that cannot be read has no steps to list: the repair view says why. */}
            {snapshot.repair ? null : (
              <StepNav plan={snapshot.draft.plan} validatedAt={snapshot.draft.validation?.checkedAt} stepValues={snapshot.draft.stepValues} />
            )}
          </>
        ) : null}
      </div>
      <div>
        <div className="no-print">
          <UndoNotice />
        </div>
        {/* A new epoch (undo, another tab's version, another plan) remounts the step so its form shows the plan as it now is. */}
        <Fragment key={snapshot ? `${snapshot.id}:${snapshot.epoch}` : "loading"}>{children}</Fragment>
      </div>
      <ConflictDialog open={conflictOpen} deleted={snapshot?.conflict?.deleted ?? false} onClose={() => setConflictClosedAt(snapshot?.epoch ?? 0)} />
    </div>
  );
}
