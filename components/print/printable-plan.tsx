"use client";

import Link from "next/link";
import { Button, linkClass } from "@/components/ui/button";
import { DraftGate } from "@/components/wizard/draft-gate";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import type { Draft } from "@/lib/draft/store";
import { unsavedNotices } from "@/lib/export/unsaved";
import { STEP_PATHS, unsavedSteps } from "@/lib/plan";
import { PlanDocument } from "./plan-document";
import { useRunningHeader } from "./running-header";

/** The plan as a document: print CSS gives page numbers, a running header and no navigation chrome. */
function Document({ draft }: { draft: Draft }) {
  const organisation = draft.plan.environment?.organisation.name || "Unnamed organisation";
  useDocumentTitle(`Account plan: ${organisation}`);
  useRunningHeader(`Account plan: ${organisation}`);
  return (
    <article className="print-document mx-auto max-w-4xl">
      <div className="no-print mb-6 flex flex-wrap items-center gap-6">
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
        <Link href={STEP_PATHS.export} className={linkClass}>
          Back to the export
        </Link>
      </div>
      {/* Printed too: the planner holds an edit this document does not show. */}
      {unsavedNotices({ unsavedSteps: unsavedSteps(draft.plan, draft.stepValues) }).map((notice) => (
        <p key={notice} className="mb-4 border-4 border-red-700 p-3 font-semibold">
          {notice}
        </p>
      ))}
      <PlanDocument plan={draft.plan} report={draft.validation} />
    </article>
  );
}

export function PrintablePlan() {
  return <DraftGate>{(draft) => <Document draft={draft} />}</DraftGate>;
}
