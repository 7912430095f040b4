"use client";

import Link from "next/link";
import { Button, linkClass } from "@/components/ui/button";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import type { Draft } from "@/lib/draft/store";
import { downloadText } from "@/lib/export/download";
import { renderExport, type ExportFormat } from "@/lib/export/formats";
import { missingSteps, planSchema, STEP_PATHS } from "@/lib/plan";

export function ExportStep({ draft }: { draft: Draft }) {
  const plan = draft.plan;
  const incomplete = missingSteps(plan).length > 0 || !planSchema.safeParse(plan).success;
  useDocumentTitle("Export the plan");
  const download = (format: ExportFormat) => {
    const file = renderExport(plan, format, draft.validation);
    downloadText(file.fileName, file.body, file.contentType);
  };
  return (
    <>
      <StepHeading caption="Last step">Export the plan</StepHeading>
      {incomplete ? (
        <p className="mb-6 rounded border-l-8 border-amber-500 bg-amber-50 p-4">
          The plan is not finished yet: the files mark what is missing.{" "}
          <Link href={STEP_PATHS.review} className={linkClass}>
            See what is still to do
          </Link>
          .
        </p>
      ) : null}
      <div className="space-y-6">
        <section aria-labelledby="export-json" className="rounded border border-slate-300 p-4">
          <h2 id="export-json" className="text-xl font-bold">
            Plan file (JSON)
          </h2>
          <p className="my-2">Everything you entered, to import again later or hand to a colleague. It follows the published schema at <code>/plan.schema.json</code>.</p>
          <Button onClick={() => download("json")}>Download the plan file</Button>
        </section>
        <section aria-labelledby="export-md" className="rounded border border-slate-300 p-4">
          <h2 id="export-md" className="text-xl font-bold">
            Worksheet (Markdown)
          </h2>
          <p className="my-2">One section per account: what it is for, the values entered, the rights it needs for your features, who creates it and your notes.</p>
          <Button onClick={() => download("md")}>Download the worksheet</Button>
        </section>
      </div>
    </>
  );
}
