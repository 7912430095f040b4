"use client";

import { Button } from "@/components/ui/button";
import { TOOL_LABELS } from "@/lib/catalog/vocabulary";
import { formatDateTime } from "@/lib/format/date";
import type { PlanSummary } from "@/lib/library/summary";

export function planTitle(summary: PlanSummary): string {
  return summary.name || summary.organisation || "Unnamed plan";
}

function Progress({ summary }: { summary: PlanSummary }) {
  if (summary.unreadable) return <p className="text-red-700">This plan cannot be read by this version: open it to see why and download its content.</p>;
  const { accounts } = summary;
  return (
    <>
      <p>
        {summary.stepsDone} of {summary.stepsTotal} steps done · accounts: {accounts.total} to plan, {accounts.planned} planned, {accounts.created} created,{" "}
        {accounts.verified} verified
      </p>
      {summary.ruleIssueCount > 0 ? (
        <p className="font-semibold text-red-700">
          {summary.ruleIssueCount} {summary.ruleIssueCount === 1 ? "answer needs" : "answers need"} attention
        </p>
      ) : null}
    </>
  );
}

/** The plans in this browser, most recently changed first, each with its actions. */
export function PlanList({
  plans,
  openId,
  onOpen,
  onDuplicate,
  onRename,
  onDelete,
}: {
  plans: readonly PlanSummary[];
  openId: string | undefined;
  onOpen: (summary: PlanSummary) => void;
  onDuplicate: (summary: PlanSummary) => void;
  onRename: (summary: PlanSummary) => void;
  onDelete: (summary: PlanSummary) => void;
}) {
  if (plans.length === 0) return <p className="my-2">No plans in this browser yet: start one, open an example or import a file below.</p>;
  return (
    <ul className="mt-2 space-y-4" aria-label="Your plans">
      {plans.map((summary) => {
        const title = planTitle(summary);
        const named = (verb: string) => (
          <>
            {verb}
            <span className="sr-only"> the plan “{title}”</span>
          </>
        );
        return (
          <li key={summary.id} className="rounded border border-slate-300 p-4">
            <h3 className="text-lg font-bold">
              {title}
              {summary.id === openId ? <span className="text-base font-normal text-slate-700"> (open in this tab)</span> : null}
            </h3>
            <p>
              {summary.name && summary.organisation ? `${summary.organisation} · ` : ""}
              {summary.tool ? TOOL_LABELS[summary.tool] : "No sync tool chosen yet"} · last changed{" "}
              <time dateTime={summary.changedAt}>{formatDateTime(summary.changedAt)}</time>
            </p>
            <Progress summary={summary} />
            <div className="mt-3 flex flex-wrap gap-3">
              <Button variant="secondary" onClick={() => onOpen(summary)}>
                {named("Open")}
              </Button>
              <Button variant="secondary" onClick={() => onDuplicate(summary)}>
                {named("Duplicate")}
              </Button>
              <Button variant="secondary" onClick={() => onRename(summary)}>
                {named("Rename")}
              </Button>
              <Button variant="secondary" onClick={() => onDelete(summary)}>
                {named("Delete")}
              </Button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
