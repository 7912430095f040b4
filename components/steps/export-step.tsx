"use client";

import { DraftGate, NeedsEnvironment } from "@/components/wizard/draft-gate";
import Link from "next/link";
import { useState } from "react";
import { Button, ButtonLink, linkClass } from "@/components/ui/button";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import type { Draft } from "@/lib/draft/store";
import { downloadFile } from "@/lib/export/download";
import { EXPORT_FORMATS, renderExport, type ExportFormat } from "@/lib/export/formats";
import { missingSteps, planSchema, STEP_PATHS, unsavedSteps } from "@/lib/plan";
import { WorksheetImport } from "./worksheet-import";

const BUTTONS: Record<ExportFormat, string> = {
  json: "Download the plan file",
  md: "Download the worksheet",
  xlsx: "Download the workbook",
  runbook: "Download the runbook",
  csv: "Download the CSV",
  ps1: "Download the script",
  preflight: "Download the collectors",
  zip: "Download everything",
};

const DESCRIPTIONS: Record<ExportFormat, string> = {
  json: "Everything you entered, to import again later or hand to a colleague. It follows /plan.schema.json.",
  md: "The worksheet: one section per account with its purpose, values, rights, creator, checks and notes.",
  xlsx: "Summary, Accounts (with a Status drop-down), Rights per forest and the tenant Checks, for the customer to track. Bring it back filled in below.",
  runbook: "Install day in order: the scripts before the wizard, each of Microsoft's installer screens with the plan's account and value for it, then what follows.",
  csv: "The Accounts sheet as CSV, UTF-8, for any spreadsheet or ticketing tool. Bring it back filled in below.",
  ps1: "The install-day script: KDS root key, gMSAs, connector accounts and permissions. Run it with -WhatIf first.",
  preflight: "Read-only pre-flight scripts, one per forest and per server: they change nothing and collect no secret. Bring the JSON files they write back to the Check step.",
  zip: "Every file above in one archive.",
};

export function ExportStep({ draft }: { draft: Draft }) {
  const plan = draft.plan;
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<string | null>(null);
  const incomplete = missingSteps(plan).length > 0 || !planSchema.safeParse(plan).success;
  useDocumentTitle("Export the plan", error !== null);

  const download = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      const file = await renderExport(plan, format, draft.validation, { unsavedSteps: unsavedSteps(plan, draft.stepValues) });
      downloadFile(file.fileName, file.body, file.contentType);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "The file could not be made.");
    } finally {
      setBusy(null);
    }
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
      {draft.validation ? null : (
        <p className="mb-6">
          The files carry the tenant checks once you have run them.{" "}
          <Link href={STEP_PATHS.validate} className={linkClass}>
            Check against your tenant
          </Link>
        </p>
      )}
      {error ? (
        <div role="alert" className="mb-6 border-4 border-red-700 p-4 font-semibold">
          {error}
        </div>
      ) : null}
      <p role="status" aria-live="polite" className="sr-only">
        {busy ? `Preparing the ${EXPORT_FORMATS[busy].label}…` : ""}
      </p>
      <ul className="space-y-4">
        {(Object.keys(EXPORT_FORMATS) as ExportFormat[]).map((format) => (
          <li key={format} className="rounded border border-slate-300 p-4">
            <h2 className="text-xl font-bold">{EXPORT_FORMATS[format].label}</h2>
            <p className="my-2">{DESCRIPTIONS[format]}</p>
            <Button onClick={() => void download(format)} disabled={busy !== null} variant={format === "zip" ? "primary" : "secondary"}>
              {busy === format ? "Preparing…" : BUTTONS[format]}
            </Button>
          </li>
        ))}
        <li className="rounded border border-slate-300 p-4">
          <h2 className="text-xl font-bold">Printable plan (PDF)</h2>
          <p className="my-2">A clean A4 or Letter document for the customer: open it, then print or save as PDF.</p>
          <ButtonLink href="/print" variant="secondary">
            Open the printable plan
          </ButtonLink>
        </li>
      </ul>
      <WorksheetImport plan={plan} />
    </>
  );
}

export function ExportRoute() {
  return <DraftGate>{(draft) => (draft.plan.tool && draft.plan.environment ? <ExportStep draft={draft} /> : <NeedsEnvironment title="Export the plan" />)}</DraftGate>;
}
