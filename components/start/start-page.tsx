"use client";

import { formatDateTime } from "@/lib/format/date";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { TOOL_LABELS } from "@/lib/catalog";
import { draftActions, useDraft, type Draft } from "@/lib/draft/store";
import { EXAMPLE_PLANS } from "@/lib/examples";
import { emptyPlan, missingSteps, readPlan, readPlanFile, STEP_PATHS, type Plan, type PlanIssue, type PlanUpgrade } from "@/lib/plan";
import { ConfirmDiscardDialog } from "./confirm-dialog";
import { UpgradeNotice } from "./upgrade-notice";

type Pending = { what: string; run: () => void } | null;

function resumeHref(draft: Draft): string {
  return missingSteps(draft.plan)[0]?.href ?? STEP_PATHS.review;
}

function ImportErrors({ fileName, issues, attempt }: { fileName: string; issues: readonly PlanIssue[]; attempt: number }) {
  return (
    <ErrorSummary
      title={`${fileName} could not be imported`}
      focusKey={attempt}
      items={issues.map((issue, index) => ({
        // Import problems point into the file, not at a field of this page: they all lead to the file chooser.
        name: index === 0 ? "plan-file" : `plan-file-${index}`,
        message: issue.path ? `${issue.path}: ${issue.message}` : issue.message,
      }))}
    />
  );
}

export function StartPage() {
  const router = useRouter();
  const snapshot = useDraft();
  const [pending, setPending] = useState<Pending>(null);
  const [importProblem, setImportProblem] = useState<{ fileName: string; issues: PlanIssue[]; attempt: number } | null>(null);
  // A plan opened from an earlier version stays on this page until the user has read what changed.
  const [opened, setOpened] = useState<{ what: string; upgrade: PlanUpgrade } | null>(null);
  useDocumentTitle("Start", importProblem !== null);

  const draft = snapshot?.draft;
  const hasDraft = draft?.started === true;

  const replaceWith = (what: string, plan: Plan, href: string, upgraded?: { what: string; upgrade: PlanUpgrade }) => {
    const run = () => {
      draftActions.replace(plan);
      setPending(null);
      if (upgraded) setOpened(upgraded);
      else router.push(href);
    };
    if (hasDraft) setPending({ what, run });
    else run();
  };

  const onFile = async (file: File) => {
    const result = readPlanFile(await file.text());
    if (!result.ok) {
      setImportProblem((previous) => ({ fileName: file.name, issues: result.issues, attempt: (previous?.attempt ?? 0) + 1 }));
      return;
    }
    setImportProblem(null);
    setOpened(null);
    replaceWith(`You are importing ${file.name}.`, result.plan, STEP_PATHS.review, result.upgrade ? { what: file.name, upgrade: result.upgrade } : undefined);
  };

  const openExample = async (file: string, title: string) => {
    const response = await fetch(`/examples/${file}`);
    const result = readPlan(await response.json());
    if (result.ok) replaceWith(`You are opening the example “${title}”.`, result.plan, STEP_PATHS.review, result.upgrade ? { what: `The example “${title}”`, upgrade: result.upgrade } : undefined);
  };

  return (
    <div className="max-w-3xl">
      {importProblem ? <ImportErrors {...importProblem} /> : null}
      {opened ? <UpgradeNotice what={opened.what} upgrade={opened.upgrade} takeFocus continueHref={STEP_PATHS.review} /> : null}
      <StepHeading>Plan the accounts for your hybrid identity sync</StepHeading>
      <p className="mb-4 text-lg">
        Connecting on-premises Active Directory to Microsoft Entra ID takes several accounts: admins who install and configure, service
        accounts that run the sync, connector accounts with just the right permissions. This planner walks you through each one for
        Microsoft Entra Cloud Sync or Connect Sync, with Microsoft&apos;s rules, and gives you a worksheet to hand over.
      </p>
      <p className="mb-8 text-slate-700">Your plan stays in this browser. It never holds a password.</p>

      {hasDraft && draft ? (
        <section aria-labelledby="resume-title" className="mb-8 rounded border-l-8 border-blue-800 bg-blue-50 p-4">
          <h2 id="resume-title" className="text-xl font-bold">
            Resume your plan
          </h2>
          <p className="mt-1">
            {draft.plan.environment?.organisation.name || "Unnamed organisation"}
            {draft.plan.tool ? ` · ${TOOL_LABELS[draft.plan.tool]}` : ""} · last changed {formatDateTime(draft.plan.updatedAt)}
          </p>
          <ButtonLink href={resumeHref(draft)} className="mt-3">
            Resume the plan
          </ButtonLink>
        </section>
      ) : null}
      {hasDraft && snapshot?.upgrade && !opened ? (
        <UpgradeNotice what="The plan in this browser" upgrade={snapshot.upgrade} takeFocus={false} />
      ) : null}

      <section aria-labelledby="new-title" className="mb-8">
        <h2 id="new-title" className="text-xl font-bold">
          Start a new plan
        </h2>
        <p className="my-2">Choose the sync tool, describe the environment, then fill in one step per account.</p>
        <Button variant={hasDraft ? "secondary" : "primary"} onClick={() => replaceWith("You are starting a new plan.", emptyPlan(), STEP_PATHS.tool)}>
          Start a new plan
        </Button>
      </section>

      <section aria-labelledby="import-title" className="mb-8">
        <h2 id="import-title" className="text-xl font-bold">
          Import a plan file
        </h2>
        <label htmlFor="field-plan-file" className="my-2 block">
          A .json plan file exported by this planner
        </label>
        <input
          id="field-plan-file"
          type="file"
          accept=".json,application/json"
          className="block w-full max-w-md rounded border-2 border-slate-700 p-2 focus:outline-none focus:ring-4 focus:ring-amber-400"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file) void onFile(file);
          }}
        />
      </section>

      <section aria-labelledby="examples-title" className="mb-8">
        <h2 id="examples-title" className="text-xl font-bold">
          Open an example
        </h2>
        <ul className="mt-2 space-y-4">
          {EXAMPLE_PLANS.map((example) => (
            <li key={example.file} className="rounded border border-slate-300 p-4">
              <h3 className="font-bold">{example.title}</h3>
              <p className="my-1">{example.description}</p>
              <Button variant="secondary" onClick={() => void openExample(example.file, example.title)}>
                Open “{example.title}”
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <ConfirmDiscardDialog open={pending !== null} what={pending?.what ?? ""} onConfirm={() => pending?.run()} onCancel={() => setPending(null)} />
    </div>
  );
}
