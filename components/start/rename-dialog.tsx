"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

/** Names a plan in the list (the organisation's name is used when it has none). */
export function RenameDialog({ current, onSave, onCancel }: { current: { id: string; name: string } | null; onSave: (name: string) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState("");
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (current && !dialog.open) {
      setName(current.name);
      dialog.showModal();
    }
    if (!current && dialog.open) dialog.close();
  }, [current]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="rename-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto w-full max-w-lg rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSave(name);
        }}
      >
        <h2 id="rename-title" className="text-xl font-bold">
          Rename the plan
        </h2>
        <label htmlFor="field-plan-name" className="mt-4 block font-semibold">
          Name in your list of plans
        </label>
        <p id="field-plan-name-hint" className="text-slate-700">
          Leave it empty to show the organisation&apos;s name.
        </p>
        <input
          id="field-plan-name"
          aria-describedby="field-plan-name-hint"
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          className="mt-1 block w-full rounded border-2 border-slate-700 p-2 focus:outline-none focus:ring-4 focus:ring-amber-400"
        />
        <div className="mt-6 flex flex-wrap gap-4">
          <button type="submit" className="inline-flex items-center justify-center rounded bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 focus:outline-none focus:ring-4 focus:ring-amber-400">
            Save the name
          </button>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </dialog>
  );
}
