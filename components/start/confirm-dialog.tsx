"use client";

import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";

/** A modal question before the current draft is discarded. Escape or "Keep" cancels. */
export function ConfirmDiscardDialog({ open, what, onConfirm, onCancel }: { open: boolean; what: string; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-text"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto max-w-lg rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      <h2 id="confirm-title" className="text-xl font-bold">
        Discard the plan you are working on?
      </h2>
      <p id="confirm-text" className="mt-2">
        {what} This replaces your current draft, which is kept only in this browser. Download its plan file first if you want to keep it.
      </p>
      <div className="mt-6 flex flex-wrap gap-4">
        <Button variant="warning" onClick={onConfirm}>
          Discard my draft
        </Button>
        <Button variant="secondary" onClick={onCancel} autoFocus>
          Keep my draft
        </Button>
      </div>
    </dialog>
  );
}
