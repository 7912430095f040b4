"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { draftActions } from "@/lib/draft/store";
import type { ProposedChange } from "@/lib/import/proposals";
import { planSchema, toPlanIssues, type Plan } from "@/lib/plan";

type State =
  | { kind: "idle" }
  | { kind: "reading"; fileName: string }
  | { kind: "refused"; fileName: string; message: string; problems: readonly string[] }
  | { kind: "nothing"; fileName: string }
  | { kind: "preview"; fileName: string; changes: ProposedChange[] }
  | { kind: "applied"; fileName: string; count: number };

const shown = (value: string) => (value === "" ? "(empty)" : value);

/** The preview of every change a returned worksheet proposes: each can be accepted or left, then all accepted ones are saved at once. */
function PreviewDialog({ plan, fileName, changes, onClose, onApplied }: { plan: Plan; fileName: string; changes: ProposedChange[]; onClose: () => void; onApplied: (count: number) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [accepted, setAccepted] = useState<ReadonlySet<string>>(() => new Set(changes.map((change) => change.id)));
  const [problems, setProblems] = useState<string[]>([]);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const all = accepted.size === changes.length;
  // Closed before it goes, so the browser returns focus to the file field that opened it.
  const close = () => {
    ref.current?.close();
    onClose();
  };
  const toggle = (id: string) =>
    setAccepted((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const apply = async () => {
    const { applyChanges } = await import("@/lib/import/proposals");
    const next = applyChanges(
      plan,
      changes.filter((change) => accepted.has(change.id)),
    );
    // A name the customer typed enters the plan only if it passes the plan's rules.
    const checked = planSchema.safeParse(next);
    if (!checked.success) {
      setProblems(toPlanIssues(checked.error).map((issue) => `${issue.path}: ${issue.message}`));
      return;
    }
    draftActions.savePlan(checked.data, [], { checkpoint: `Applied ${accepted.size === 1 ? "1 change" : `${accepted.size} changes`} from ${fileName}` });
    ref.current?.close();
    onApplied(accepted.size);
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby="import-preview-title"
      aria-describedby="import-preview-text"
      onCancel={(event) => {
        event.preventDefault();
        close();
      }}
      className="m-auto max-h-[90vh] w-[min(64rem,95vw)] overflow-auto rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      <h2 id="import-preview-title" className="text-xl font-bold">
        Changes in {fileName}
      </h2>
      <p id="import-preview-text" className="mt-2">
        The file changes {changes.length === 1 ? "one value" : `${changes.length} values`} of the plan. Choose the ones to apply; nothing is saved until you apply them.
      </p>
      {problems.length > 0 ? (
        <div role="alert" className="mt-4 border-4 border-red-700 p-4">
          <p className="font-semibold">These changes cannot be applied as they are; leave them out or correct the file:</p>
          <ul className="mt-2 list-disc pl-6">
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className="mt-4">
        <label className="inline-flex items-center gap-2 font-semibold">
          <input
            type="checkbox"
            className="h-5 w-5 focus:outline-none focus:ring-4 focus:ring-amber-400"
            checked={all}
            onChange={() => setAccepted(all ? new Set() : new Set(changes.map((change) => change.id)))}
          />
          Apply all {changes.length} changes
        </label>
      </div>
      <table className="mt-4 w-full border-collapse text-left">
        <caption className="sr-only">Each change, with the value in the plan now and the value in the file</caption>
        <thead>
          <tr>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              Apply
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              Account
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              Column
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              In the plan now
            </th>
            <th scope="col" className="border-b-2 border-slate-700 p-2">
              In the file
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.id} data-change={change.id} className="border-b border-slate-300 align-top">
              <td className="p-2">
                <input
                  type="checkbox"
                  id={`accept-${change.id}`}
                  aria-label={`Apply: ${change.account}, ${change.fieldLabel}`}
                  className="h-5 w-5 focus:outline-none focus:ring-4 focus:ring-amber-400"
                  checked={accepted.has(change.id)}
                  onChange={() => toggle(change.id)}
                />
              </td>
              <td className="p-2">{change.account}</td>
              <td className="p-2">{change.fieldLabel}</td>
              <td className="whitespace-pre-wrap p-2" data-testid="from">
                {shown(change.from)}
              </td>
              <td className="whitespace-pre-wrap p-2" data-testid="to">
                {shown(change.to)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-6 flex flex-wrap gap-4">
        <Button onClick={() => void apply()} disabled={accepted.size === 0}>
          Apply {accepted.size === 1 ? "the selected change" : `the ${accepted.size} selected changes`}
        </Button>
        <Button variant="secondary" onClick={close}>
          Cancel
        </Button>
      </div>
    </dialog>
  );
}

/**
 * Brings back the workbook or CSV after the customer filled it in. The file
 * is read in this browser (it never leaves it): rows are matched to the plan
 * by their key, and every change is shown before anything is saved.
 */
export function WorksheetImport({ plan }: { plan: Plan }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const outcome = useRef<HTMLDivElement & HTMLParagraphElement>(null);
  useEffect(() => {
    if (state.kind === "refused" || state.kind === "nothing" || state.kind === "applied") outcome.current?.focus();
  }, [state]);

  const onFile = async (file: File) => {
    setState({ kind: "reading", fileName: file.name });
    const { importWorksheet } = await import("@/lib/import/worksheet-import");
    const { IMPORT_MAX_BYTES } = await import("@/lib/import/read-table");
    if (file.size > IMPORT_MAX_BYTES) {
      // Refused before the file is read into memory.
      const message = `The file is ${file.size.toLocaleString("en")} bytes; an exported workbook or CSV is far smaller than ${IMPORT_MAX_BYTES.toLocaleString("en")}. Choose the file the planner exported.`;
      setState({ kind: "refused", fileName: file.name, message, problems: [] });
      return;
    }
    const result = await importWorksheet(plan, file.name, new Uint8Array(await file.arrayBuffer())).catch(() => ({ ok: false as const, message: "The file could not be read: choose the workbook or CSV the planner exported.", problems: [] }));
    if (!result.ok) setState({ kind: "refused", fileName: file.name, message: result.message, problems: result.problems });
    else if (result.changes.length === 0) setState({ kind: "nothing", fileName: file.name });
    else setState({ kind: "preview", fileName: file.name, changes: result.changes });
  };

  return (
    <section aria-labelledby="worksheet-import-title" className="mt-10 rounded border border-slate-300 p-4">
      <h2 id="worksheet-import-title" className="text-xl font-bold">
        Bring back the customer&apos;s worksheet
      </h2>
      <p className="my-2 max-w-3xl">
        When the customer has filled in the workbook or the CSV (owner, who creates each account, status, notes, names left blank), choose it here.
        Rows are matched by their key, so sorting and filtering are fine; you see every change before it is applied. The file is read in this browser
        only.
      </p>
      <label htmlFor="field-worksheet-file" className="my-2 block font-semibold">
        The returned workbook (.xlsx) or CSV (.csv)
      </label>
      <input
        id="field-worksheet-file"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        className="block w-full max-w-md rounded border-2 border-slate-700 p-2 focus:outline-none focus:ring-4 focus:ring-amber-400"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void onFile(file);
        }}
      />
      <p role="status" aria-live="polite" className="mt-2">
        {state.kind === "reading" ? `Reading ${state.fileName}…` : ""}
      </p>
      {state.kind === "refused" ? (
        <div ref={outcome} tabIndex={-1} role="alert" className="mt-2 border-4 border-red-700 p-4 focus:outline-none focus:ring-4 focus:ring-amber-400">
          <p className="font-semibold">{state.message}</p>
          {state.problems.length > 0 ? (
            <ul className="mt-2 list-disc pl-6">
              {state.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          <p className="mt-2">Nothing in the plan was changed.</p>
        </div>
      ) : null}
      {state.kind === "nothing" ? (
        <p ref={outcome} tabIndex={-1} className="mt-2 font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400">
          {state.fileName} changes nothing in the plan.
        </p>
      ) : null}
      {state.kind === "applied" ? (
        <p ref={outcome} tabIndex={-1} className="mt-2 rounded border-l-8 border-green-700 bg-green-50 p-3 font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400">
          {state.count === 1 ? "One change" : `${state.count} changes`} from {state.fileName} applied to the plan.
        </p>
      ) : null}
      {state.kind === "preview" ? (
        <PreviewDialog
          plan={plan}
          fileName={state.fileName}
          changes={state.changes}
          onClose={() => setState({ kind: "idle" })}
          onApplied={(count) => setState({ kind: "applied", fileName: state.fileName, count })}
        />
      ) : null}
    </section>
  );
}
