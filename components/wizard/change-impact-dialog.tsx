"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/date";
import type { ChangeImpact } from "@/lib/plan";

/** A change waiting for the user's word: what it is, and what it does to the rest of the plan. */
export interface PendingChange {
  /** The dialog's question, like "Switch to Microsoft Entra Cloud Sync?" */
  title: string;
  /** The button that makes the change, like "Switch the tool". */
  confirmLabel: string;
  impact: ChangeImpact;
}

/**
 * Tells, before a change is made, which account entries stop applying (kept,
 * set aside) and which steps will need attention, and that Undo brings the
 * plan back. Escape or "Cancel" leaves the plan as it is.
 */
export function ChangeImpactDialog({ change, onConfirm, onCancel }: { change: PendingChange | null; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (change && !dialog.open) {
      dialog.showModal();
      // The safe choice has focus: Enter or Escape straight away changes nothing.
      cancel.current?.focus();
    }
    if (!change && dialog.open) dialog.close();
  }, [change]);
  const impact = change?.impact;
  return (
    <dialog
      ref={ref}
      aria-labelledby="impact-title"
      aria-describedby="impact-text"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto max-h-[90vh] max-w-2xl overflow-y-auto rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      {change && impact ? (
        <>
          <h2 id="impact-title" className="text-xl font-bold">
            {change.title}
          </h2>
          <p id="impact-text" className="mt-2">
            You can undo this change afterwards. Account entries that stop applying are kept in the plan, set aside.
          </p>
          {impact.setAside.length > 0 ? (
            <section aria-labelledby="impact-set-aside" className="mt-4">
              <h3 id="impact-set-aside" className="font-bold">
                {impact.setAside.length === 1 ? "1 account entry stops applying" : `${impact.setAside.length} account entries stop applying`}
              </h3>
              <p className="text-slate-700">They are kept, set aside: the worksheet, scripts and checks leave them out until they apply again.</p>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {impact.setAside.map((entry) => (
                  <li key={entry.key}>
                    <span className="font-semibold">{entry.label}</span>: {entry.reason} It comes back if {entry.comesBackIf}.
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {impact.attention.length > 0 ? (
            <section aria-labelledby="impact-attention" className="mt-4">
              <h3 id="impact-attention" className="font-bold">
                {impact.attention.length === 1 ? "1 step will need attention" : `${impact.attention.length} steps will need attention`}
              </h3>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {impact.attention.map((group) => (
                  <li key={group.stepId}>
                    <span className="font-semibold">{group.title}</span>
                    <ul className="list-[circle] pl-6">
                      {group.issues.map((issue) => (
                        <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {impact.preflightRemoved.length > 0 ? (
            <section aria-labelledby="impact-preflight" className="mt-4">
              <h3 id="impact-preflight" className="font-bold">
                {impact.preflightRemoved.length === 1 ? "1 pre-flight file's results leave the plan" : `${impact.preflightRemoved.length} pre-flight files' results leave the plan`}
              </h3>
              <p className="text-slate-700">They were collected on what this change removes. Undo brings them back.</p>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {impact.preflightRemoved.map((run) => (
                  <li key={run.what}>
                    {run.what}, facts collected <time dateTime={run.collectedAt}>{formatDateTime(run.collectedAt)}</time>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {impact.cleared.length > 0 ? (
            <section aria-labelledby="impact-cleared" className="mt-4">
              <h3 id="impact-cleared" className="font-bold">
                {impact.cleared.length === 1 ? "1 answer no longer applies" : `${impact.cleared.length} answers no longer apply`}
              </h3>
              <p className="text-slate-700">The plan stops holding them. Undo brings them back; changing the choice back later does not.</p>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {impact.cleared.map((answer) => (
                  <li key={answer}>{answer}</li>
                ))}
              </ul>
            </section>
          ) : null}
          {impact.comeBack.length > 0 ? (
            <p className="mt-4">
              {impact.comeBack.length === 1 ? "1 entry set aside earlier applies again" : `${impact.comeBack.length} entries set aside earlier apply again`}, with the values entered before.
            </p>
          ) : null}
          <div className="mt-6 flex flex-wrap gap-4">
            <Button variant="warning" onClick={onConfirm}>
              {change.confirmLabel}
            </Button>
            <Button ref={cancel} variant="secondary" onClick={onCancel}>
              Cancel
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
