"use client";

import Link from "next/link";
import { Button, linkClass } from "@/components/ui/button";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { downloadFile } from "@/lib/export/download";
import type { PlanIssue } from "@/lib/plan";

function download(raw: unknown, id: string) {
  // A draft that was not even JSON is kept as the text it was.
  const text = typeof raw === "string" ? raw : JSON.stringify(raw, null, 2);
  downloadFile(`unreadable-plan-${id.slice(0, 8)}.json`, text, "application/json");
}

/**
 * A stored plan this version cannot read as a plan at all. It stays in the
 * library untouched; the user sees why and can take its content away.
 */
export function UnreadablePlan({ id, raw, issues }: { id: string; raw: unknown; issues: readonly PlanIssue[] }) {
  useDocumentTitle("This plan cannot be opened", true);
  return (
    <>
      <StepHeading>This plan cannot be opened as it is</StepHeading>
      <p className="mb-4">
        The plan stored in this browser does not have the shape of a plan this version of the planner reads. It is kept, unchanged, in your
        list of plans: nothing has been deleted.
      </p>
      <h2 className="text-xl font-bold">What is wrong</h2>
      <ul className="mb-6 mt-2 list-disc space-y-1 pl-6">
        {issues.map((issue, index) => (
          <li key={`${issue.path}-${index}`}>{issue.path ? `${issue.path}: ${issue.message}` : issue.message}</li>
        ))}
      </ul>
      <p className="mb-4">Download its content to keep it, mend it in a text editor, and import it again as a plan file.</p>
      <div className="flex flex-wrap items-center gap-6">
        <Button onClick={() => download(raw, id)}>Download its content (JSON)</Button>
        <Link href="/" className={linkClass}>
          Back to your plans
        </Link>
      </div>
    </>
  );
}
