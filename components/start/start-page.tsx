"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { UndoNotice } from "@/components/library/undo-notice";
import { Button, ButtonLink } from "@/components/ui/button";
import { ErrorSummary } from "@/components/ui/error-summary";
import { StepHeading } from "@/components/wizard/step-heading";
import { formatDateTime } from "@/lib/format/date";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { TOOL_LABELS } from "@/lib/catalog/vocabulary";
import { loadPlanStore, useLoadedDraft, useLoadedLibrary } from "@/lib/draft/loaded-store";
import { EXAMPLE_PLANS } from "@/lib/examples";
import type { StoredPlanResult } from "@/lib/library/read-stored";
import type { DraftSnapshot, PlanStore } from "@/lib/library/plan-store";
import { libraryHasContent } from "@/lib/library/probe";
import type { LoadedRecord } from "@/lib/library/records";
import type { PlanSummary } from "@/lib/library/summary";
import { browserTabChannel } from "@/lib/library/tabs";
import type { PlanIssue, PlanUpgrade } from "@/lib/plan";
import { ConfirmDialog } from "./confirm-dialog";
import { PlanList, planTitle } from "./plan-list";
import { RenameDialog } from "./rename-dialog";
import { UpgradeNotice } from "./upgrade-notice";

/**
 * The plan's schema, the catalog and the store load when the page needs them
 * (the library holds a plan, or the user starts, imports or opens one): a
 * first visit shows the page without them.
 */
type PlanLibrary = typeof import("@/lib/plan");
interface Loaded {
  store: PlanStore;
  plan: PlanLibrary;
}

async function loadLibraryCode(): Promise<Loaded> {
  const [store, plan] = await Promise.all([loadPlanStore(), import("@/lib/plan")]);
  return { store, plan };
}

interface ImportProblem {
  title: string;
  issues: { message: string }[];
  attempt: number;
}

/** Where opening a plan leads: the repair view when it breaks the rules (or cannot be read), else the first unfinished step. */
function destination(plan: PlanLibrary, loaded: Pick<LoadedRecord, "ruleIssues"> & { plan: DraftSnapshot["draft"]["plan"] | null }): string {
  if (!loaded.plan || loaded.ruleIssues.length > 0) return "/plan/repair";
  return plan.missingSteps(loaded.plan)[0]?.href ?? plan.STEP_PATHS.review;
}

function ImportErrors({ title, issues, attempt }: ImportProblem) {
  return (
    <ErrorSummary
      title={title}
      focusKey={attempt}
      items={issues.map((issue, index) => ({
        // Import problems point into the file, not at a field of this page: they all lead to the file chooser.
        name: index === 0 ? "plan-file" : `plan-file-${index}`,
        message: issue.message,
      }))}
    />
  );
}

function issueText(issues: readonly PlanIssue[]): { message: string }[] {
  return issues.map((issue) => ({ message: issue.path ? `${issue.path}: ${issue.message}` : issue.message }));
}

function isLibraryText(text: string, libraryKind: string): boolean {
  try {
    return (JSON.parse(text) as { kind?: unknown } | null)?.kind === libraryKind;
  } catch {
    return false;
  }
}

export function StartPage() {
  const router = useRouter();
  const snapshot = useLoadedDraft();
  const library = useLoadedLibrary();
  const [planLibrary, setPlanLibrary] = useState<PlanLibrary | null>(null);
  // Known to hold no plan: the list is empty without loading anything.
  const [knownEmpty, setKnownEmpty] = useState(false);
  const load = async () => {
    const loaded = await loadLibraryCode();
    setPlanLibrary(() => loaded.plan);
    return loaded;
  };
  const [importProblem, setImportProblem] = useState<ImportProblem | null>(null);
  const [importNote, setImportNote] = useState("");
  // A plan opened from an earlier version stays on this page until the user has read what changed.
  const [opened, setOpened] = useState<{ what: string; upgrade: PlanUpgrade } | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const [confirmRemoveAll, setConfirmRemoveAll] = useState(false);
  // Deleting asks first, naming the plan; once deleted, the undo notice offers it back.
  const [confirmDelete, setConfirmDelete] = useState<PlanSummary | null>(null);
  useDocumentTitle("Start", importProblem !== null);

  useEffect(() => {
    let active = true;
    const loadAndRefresh = async () => {
      const { store, plan } = await loadLibraryCode();
      if (!active) return;
      setPlanLibrary(() => plan);
      // The list may have changed in another tab since this one last read it.
      void store.refreshLibrary();
    };
    // Until the store is loaded, another tab adding a plan is heard here.
    const stopListening = browserTabChannel().listen((message) => {
      if (message.listChanged) void loadAndRefresh();
    });
    void libraryHasContent().then((hasContent) => {
      if (!active) return;
      if (hasContent) void loadAndRefresh();
      else setKnownEmpty(true);
    });
    return () => {
      active = false;
      stopListening();
    };
  }, []);

  const current = snapshot?.draft.started && !snapshot.repair ? snapshot : undefined;

  const reportProblem = (title: string, issues: { message: string }[]) =>
    setImportProblem((previous) => ({ title, issues, attempt: (previous?.attempt ?? 0) + 1 }));

  /** Adds one plan read from a file or an example as a new plan of the library, then opens it. */
  const addAndOpen = async (what: string, result: Extract<StoredPlanResult, { ok: true }>) => {
    const { store, plan } = await load();
    await store.createPlan(result.plan);
    if (result.upgrade) setOpened({ what, upgrade: result.upgrade });
    else router.push(destination(plan, { plan: result.plan, ruleIssues: result.ruleIssues }));
  };

  const onFiles = async (files: File[]) => {
    setImportProblem(null);
    setImportNote("");
    setOpened(null);
    const [{ store }, { LIBRARY_KIND, readLibraryFile }, { readPlanText }] = await Promise.all([load(), import("@/lib/library/exchange"), import("@/lib/library/read-stored")]);
    if (files.length === 1 && !isLibraryText(await files[0]!.text(), LIBRARY_KIND)) {
      const file = files[0]!;
      const result = readPlanText(await file.text());
      if (!result.ok) return reportProblem(`${file.name} could not be imported`, issueText(result.issues));
      return addAndOpen(file.name, result);
    }
    // Several files, or a library file: each plan is added on its own, and each one refused is named.
    let added = 0;
    const refused: { message: string }[] = [];
    for (const file of files) {
      const text = await file.text();
      if (isLibraryText(text, LIBRARY_KIND)) {
        const result = readLibraryFile(text);
        if (!result.ok) {
          refused.push(...issueText(result.issues).map((issue) => ({ message: `${file.name}: ${issue.message}` })));
          continue;
        }
        added += (await store.addPlans(result.plans.map(({ plan, name, stepValues }) => ({ plan, ...(name ? { name } : {}), ...(stepValues ? { stepValues } : {}) })))).length;
        for (const plan of result.refused) refused.push({ message: `${file.name}, ${plan.label}: ${plan.issues.map((issue) => issue.message).join(" ")}` });
      } else {
        const result = readPlanText(text);
        if (!result.ok) refused.push({ message: `${file.name}: ${result.issues.map((issue) => issue.message).join(" ")}` });
        else added += (await store.addPlans([{ plan: result.plan }])).length;
      }
    }
    setImportNote(`Imported ${added} ${added === 1 ? "plan" : "plans"} into your list.`);
    if (refused.length > 0) reportProblem(`${refused.length} ${refused.length === 1 ? "plan was" : "plans were"} not imported`, refused);
  };

  const openExample = async (file: string, title: string) => {
    const [response, { readStoredPlan }] = await Promise.all([fetch(`/examples/${file}`), import("@/lib/library/read-stored")]);
    const result = readStoredPlan(await response.json());
    if (result.ok) await addAndOpen(`The example “${title}”`, result);
  };

  const open = async (summary: PlanSummary) => {
    const { store, plan } = await load();
    const loaded = await store.openPlan(summary.id);
    if (!loaded) return void store.refreshLibrary();
    router.push(destination(plan, { plan: loaded.record.plan, ruleIssues: loaded.ruleIssues }));
  };

  /** Runs an action of the list, whose store is loaded since the list shows plans. */
  const withStore = (action: (store: PlanStore) => unknown) => void load().then(({ store }) => action(store));

  const exportAll = async () => {
    const [{ store }, { downloadFile }] = await Promise.all([load(), import("@/lib/export/download")]);
    const file = await store.exportLibrary();
    downloadFile(`entra-sync-plans-${file.exportedAt.slice(0, 10)}.json`, `${JSON.stringify(file, null, 2)}\n`, "application/json");
  };

  return (
    <div className="max-w-3xl">
      {importProblem ? <ImportErrors {...importProblem} /> : null}
      {opened && planLibrary ? <UpgradeNotice what={opened.what} upgrade={opened.upgrade} takeFocus continueHref={planLibrary.STEP_PATHS.review} /> : null}
      <UndoNotice focusDeleteOffer />
      <StepHeading>Plan the accounts for your hybrid identity sync</StepHeading>
      <p className="mb-4 text-lg">
        Connecting on-premises Active Directory to Microsoft Entra ID takes several accounts: admins who install and configure, service
        accounts that run the sync, connector accounts with just the right permissions. This planner walks you through each one for
        Microsoft Entra Cloud Sync or Connect Sync, with Microsoft&apos;s rules, and gives you a worksheet to hand over.
      </p>
      <p className="mb-8 text-slate-700">
        Your plans stay in this browser. They never hold a password. They are stored unencrypted in this browser profile: anyone who uses
        this profile on this computer can read them.
      </p>

      {current && planLibrary ? (
        <section aria-labelledby="resume-title" className="mb-8 rounded border-l-8 border-blue-800 bg-blue-50 p-4">
          <h2 id="resume-title" className="text-xl font-bold">
            Resume your plan
          </h2>
          <p className="mt-1">
            {current.draft.plan.environment?.organisation.name || "Unnamed organisation"}
            {current.draft.plan.tool ? ` · ${TOOL_LABELS[current.draft.plan.tool]}` : ""} · last changed {formatDateTime(current.draft.plan.updatedAt)}
          </p>
          <ButtonLink href={destination(planLibrary, { plan: current.draft.plan, ruleIssues: current.ruleIssues })} className="mt-3">
            Resume the plan
          </ButtonLink>
        </section>
      ) : null}
      {current?.upgrade && !opened ? <UpgradeNotice what="The plan in this browser" upgrade={current.upgrade} takeFocus={false} /> : null}

      <section aria-labelledby="plans-title" className="mb-8">
        <h2 id="plans-title" className="text-xl font-bold">
          Your plans
        </h2>
        {library || knownEmpty ? (
          <PlanList
            plans={library?.plans ?? []}
            openId={snapshot?.id}
            onOpen={(summary) => void open(summary)}
            onDuplicate={(summary) => withStore((store) => store.duplicatePlan(summary.id))}
            onRename={(summary) => setRenaming({ id: summary.id, name: summary.name ?? "" })}
            onDelete={(summary) => setConfirmDelete(summary)}
          />
        ) : (
          <p className="my-2 text-slate-600">Reading your plans…</p>
        )}
        {library && library.plans.length > 0 ? (
          <div className="mt-4 flex flex-wrap gap-3">
            <Button variant="secondary" onClick={() => void exportAll()}>
              Export all plans
            </Button>
            <Button variant="warning" onClick={() => setConfirmRemoveAll(true)}>
              Remove all plans from this browser
            </Button>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="new-title" className="mb-8">
        <h2 id="new-title" className="text-xl font-bold">
          Start a new plan
        </h2>
        <p className="my-2">Choose the sync tool, describe the environment, then fill in one step per account. Your other plans stay in the list.</p>
        <Button
          variant={current ? "secondary" : "primary"}
          onClick={async () => {
            const { store, plan } = await load();
            await store.createPlan(plan.emptyPlan());
            router.push(plan.STEP_PATHS.tool);
          }}
        >
          Start a new plan
        </Button>
      </section>

      <section aria-labelledby="import-title" className="mb-8">
        <h2 id="import-title" className="text-xl font-bold">
          Import plans
        </h2>
        <label htmlFor="field-plan-file" className="my-2 block">
          A .json plan file exported by this planner, several of them, or a file from “Export all plans”
        </label>
        <input
          id="field-plan-file"
          type="file"
          multiple
          accept=".json,application/json"
          className="block w-full max-w-md rounded border-2 border-slate-700 p-2 focus:outline-none focus:ring-4 focus:ring-amber-400"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            if (files.length > 0) void onFiles(files);
          }}
        />
        <p role="status" className="mt-2 font-semibold">
          {importNote}
        </p>
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

      <RenameDialog
        current={renaming}
        onCancel={() => setRenaming(null)}
        onSave={(name) => {
          if (renaming) withStore((store) => store.renamePlan(renaming.id, name));
          setRenaming(null);
        }}
      />
      <ConfirmDialog
        open={confirmDelete !== null}
        title={confirmDelete ? `Delete the plan “${planTitle(confirmDelete)}”?` : "Delete the plan?"}
        confirmLabel="Delete the plan"
        cancelLabel="Keep the plan"
        onCancel={() => setConfirmDelete(null)}
        onConfirm={() => {
          const summary = confirmDelete;
          setConfirmDelete(null);
          if (summary) withStore((store) => store.deletePlan(summary.id, `Deleted the plan “${planTitle(summary)}”`));
        }}
      >
        <p>The plan is removed from your list. Until you leave this page, “Undo” brings it back as it was.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={confirmRemoveAll}
        title="Remove all plans from this browser?"
        confirmLabel="Remove all plans"
        cancelLabel="Keep my plans"
        onCancel={() => setConfirmRemoveAll(false)}
        onConfirm={() => {
          setConfirmRemoveAll(false);
          withStore((store) => store.removeAll());
        }}
      >
        <p>
          Every plan in this browser is deleted, with its history and deleted plans, and cannot be brought back. Use “Export all plans” first
          to keep a copy.
        </p>
      </ConfirmDialog>
    </div>
  );
}
