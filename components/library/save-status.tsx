"use client";

import type { SaveState } from "@/lib/draft/store";

const TEXT: Record<Exclude<SaveState["kind"], "error">, string> = {
  idle: "Not changed yet",
  saving: "Saving…",
  saved: "Saved in this browser",
  conflict: "Not saved: another tab changed this plan",
};

/**
 * Whether the plan is stored yet. Saving and saved are not announced (they
 * change with every keystroke); a failure is, as an alert.
 */
export function SaveStatus({ state, onChooseConflict }: { state: SaveState; onChooseConflict: () => void }) {
  if (state.kind === "error") {
    return (
      <p role="alert" className="mb-4 text-sm font-semibold text-red-700">
        Not saved: {state.message}. Your changes are kept in this tab; download the plan file from the Export step to keep them safe.
      </p>
    );
  }
  return (
    <p className={`mb-4 text-sm ${state.kind === "conflict" ? "font-semibold text-red-700" : "text-slate-700"}`} data-save-state={state.kind}>
      {TEXT[state.kind]}
      {state.kind === "conflict" ? (
        <button type="button" onClick={onChooseConflict} className="ml-2 underline underline-offset-2 focus:outline-none focus:ring-4 focus:ring-amber-400">
          Choose what to keep
        </button>
      ) : null}
    </p>
  );
}
