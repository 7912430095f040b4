"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { draftActions } from "@/lib/draft/store";

/**
 * Another tab changed (or deleted) the plan this tab is editing: this tab
 * writes nothing until the user chooses. Escape closes the question without
 * choosing; the save status keeps a button to open it again.
 */
export function ConflictDialog({ open, deleted, onClose }: { open: boolean; deleted: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const choose = (choice: "reload" | "keep-mine" | "copy") => {
    onClose();
    void draftActions.resolveConflict(choice);
  };
  return (
    <dialog
      ref={ref}
      aria-labelledby="conflict-title"
      aria-describedby="conflict-text"
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      className="m-auto max-w-lg rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      <h2 id="conflict-title" className="text-xl font-bold">
        {deleted ? "This plan was deleted in another tab" : "This plan was changed in another tab"}
      </h2>
      <p id="conflict-text" className="mt-2">
        {deleted
          ? "Your changes in this tab are not saved yet. Keep them as the plan, or save them as a new copy; or leave them and go back to your plans."
          : "Your changes in this tab are not saved yet. Reload to continue with the other tab's version, keep yours over it (theirs stays in the plan's history), or save yours as a separate copy."}
      </p>
      <div className="mt-6 flex flex-wrap gap-4">
        <Button variant="secondary" onClick={() => choose("reload")} autoFocus>
          {deleted ? "Leave my changes" : "Reload their version"}
        </Button>
        <Button onClick={() => choose("keep-mine")}>Keep mine</Button>
        <Button variant="secondary" onClick={() => choose("copy")}>
          Save mine as a copy
        </Button>
      </div>
    </dialog>
  );
}
