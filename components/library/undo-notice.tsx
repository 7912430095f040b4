"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { loadPlanStore, useLoadedUndoOffer } from "@/lib/draft/loaded-store";

/**
 * Offers to undo the last destructive change (or delete) made in this tab.
 * The status region is always rendered, so screen readers announce the offer
 * when it appears; after an undo, focus moves to the confirmation instead of
 * being lost with the button.
 */
export function UndoNotice({ focusDeleteOffer = false }: { focusDeleteOffer?: boolean }) {
  // Read through the loaded store: on the start page the store loads only once there is a plan to show.
  const offer = useLoadedUndoOffer();
  const undoRef = useRef<HTMLButtonElement>(null);
  // Deleting from a list removes the button that had focus: the offer to undo takes it instead.
  useEffect(() => {
    if (focusDeleteOffer && offer?.kind === "delete") undoRef.current?.focus();
  }, [focusDeleteOffer, offer]);
  const [undone, setUndone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (undone) doneRef.current?.focus();
  }, [undone]);
  const visible = offer ?? undone;
  return (
    <div role="status" className={visible ? "mb-6 rounded border-l-8 border-slate-700 bg-slate-100 p-4" : ""}>
      {offer ? (
        <div className="flex flex-wrap items-center gap-4">
          <p className="font-semibold">{offer.label}.</p>
          <Button
            ref={undoRef}
            variant="secondary"
            onClick={async () => {
              const label = await (await loadPlanStore()).undo();
              setUndone(label ?? offer.label);
            }}
          >
            Undo
          </Button>
          <Button variant="secondary" onClick={() => void loadPlanStore().then((store) => store.dismissUndo())}>
            Dismiss
          </Button>
        </div>
      ) : undone ? (
        <p ref={doneRef} tabIndex={-1} className="font-semibold focus:outline-none focus:ring-4 focus:ring-amber-400">
          Undone: {undone}. Everything is as it was before.
        </p>
      ) : null}
    </div>
  );
}
