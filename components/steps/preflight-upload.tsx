"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/lib/format/date";
import { planStore } from "@/lib/draft/store";
import { currentRuns, type Plan, type PreflightRun } from "@/lib/plan";
import { withoutPreflightRun } from "@/lib/preflight/report";
import type { LoadedFile, RefusedFile } from "@/lib/preflight/load-files";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER } from "@/lib/validation/schema";

type State = { kind: "idle" } | { kind: "reading"; count: number } | { kind: "done"; loaded: LoadedFile[]; refused: RefusedFile[] };

function runCounts(run: PreflightRun): string {
  return CHECK_STATUS_ORDER.map((status) => ({ status, count: run.results.filter((result) => result.status === status).length }))
    .filter(({ count }) => count > 0)
    .map(({ status, count }) => `${count} ${CHECK_STATUS_LABELS[status].toLowerCase()}`)
    .join(", ");
}

function LoadedRuns({ plan }: { plan: Plan }) {
  const runs = currentRuns(plan);
  if (runs.length === 0) return null;
  // From the stored plan, not this render's: a drop still being read saves into it too.
  const remove = (run: PreflightRun) => {
    const store = planStore();
    const latest = store.getDraft()?.draft.plan ?? plan;
    store.savePlan(withoutPreflightRun(latest, run.scope, run.ownerId), [], { checkpoint: `Removed the pre-flight results of ${run.scope} ${run.name}` });
  };
  return (
    <table className="mt-4 w-full border-collapse text-left" data-testid="preflight-runs">
      <caption className="sr-only">Pre-flight files in this plan</caption>
      <thead>
        <tr>
          <th scope="col" className="border-b-2 border-slate-700 p-2">
            Collected on
          </th>
          <th scope="col" className="border-b-2 border-slate-700 p-2">
            Facts collected
          </th>
          <th scope="col" className="border-b-2 border-slate-700 p-2">
            Results
          </th>
          <th scope="col" className="border-b-2 border-slate-700 p-2">
            <span className="sr-only">Remove</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={`${run.scope}-${run.ownerId}`} className="border-b border-slate-300 align-top">
            <td className="p-2">
              {run.scope === "forest" ? "Forest" : "Server"} {run.name}
            </td>
            <td className="p-2">
              <time dateTime={run.collectedAt}>{formatDateTime(run.collectedAt)}</time>
            </td>
            <td className="p-2">{runCounts(run)}</td>
            <td className="p-2">
              <Button variant="secondary" onClick={() => remove(run)}>
                Remove<span className="sr-only"> the results of {run.scope} {run.name}</span>
              </Button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Brings the pre-flight collectors' files back: dropped on the zone or
 * chosen with the file field, read and judged in this browser (they never
 * leave it). A refused file changes nothing in the plan.
 */
export function PreflightUpload({ plan }: { plan: Plan }) {
  const [state, setState] = useState<State>({ kind: "idle" });
  const [dragging, setDragging] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.kind === "done") outcome.current?.focus();
  }, [state]);

  const onFiles = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setState({ kind: "reading", count: files.length });
    // The judging code is loaded only when a file is given.
    const { addPreflightFiles } = await import("@/lib/preflight/load-files");
    const result = await addPreflightFiles(planStore(), files);
    setState({ kind: "done", loaded: result.loaded, refused: result.refused });
  };

  return (
    <section aria-labelledby="preflight-title" className="mt-10 rounded border border-slate-300 p-4">
      <h2 id="preflight-title" className="text-xl font-bold">
        On-premises pre-flight results
      </h2>
      <p className="my-2 max-w-3xl">
        Graph cannot see Active Directory or the servers. Run the read-only pre-flight collectors the Export step offers (one per forest, one per server), then
        bring their <code>preflight-….json</code> files here: each turns the to-dos of its forest or server into results. The files are read in this browser only.
      </p>
      <div
        data-testid="preflight-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void onFiles([...event.dataTransfer.files]);
        }}
        className={`mt-2 rounded border-4 border-dashed p-4 ${dragging ? "border-blue-800 bg-blue-50" : "border-slate-500"}`}
      >
        <label htmlFor="field-preflight-files" className="block font-semibold">
          Pre-flight files (.json): drop them here, or choose them
        </label>
        <input
          id="field-preflight-files"
          type="file"
          multiple
          accept=".json,application/json"
          className="mt-2 block w-full max-w-md rounded border-2 border-slate-700 bg-white p-2 focus:outline-none focus:ring-4 focus:ring-amber-400"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            event.target.value = "";
            void onFiles(files);
          }}
        />
      </div>
      <p role="status" aria-live="polite" className="mt-2">
        {state.kind === "reading" ? `Reading ${state.count === 1 ? "the file" : `${state.count} files`}…` : ""}
      </p>
      {state.kind === "done" ? (
        <div ref={outcome} tabIndex={-1} className="mt-2 focus:outline-none focus:ring-4 focus:ring-amber-400" data-testid="preflight-outcome">
          {state.loaded.length > 0 ? (
            <div className="rounded border-l-8 border-green-800 bg-green-50 p-3">
              <ul className="list-disc pl-6">
                {state.loaded.map((file) => (
                  <li key={file.fileName}>
                    {file.fileName}: {file.results} results for {file.what}
                    {file.replaced ? ", in place of the earlier file" : ""}.{file.notice ? ` ${file.notice}` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {state.refused.length > 0 ? (
            <div role="alert" className="mt-2 border-4 border-red-700 p-4">
              <p className="font-semibold">{state.refused.length === 1 ? "This file was refused" : `${state.refused.length} files were refused`}; nothing in the plan was changed for {state.refused.length === 1 ? "it" : "them"}:</p>
              <ul className="mt-2 list-disc pl-6">
                {state.refused.map((file) => (
                  <li key={file.fileName}>
                    <strong>{file.fileName}</strong>: {file.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </div>
      ) : null}
      <LoadedRuns plan={plan} />
    </section>
  );
}
