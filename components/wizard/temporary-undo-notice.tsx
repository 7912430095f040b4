"use client";

import { Button } from "@/components/ui/button";
import { draftActions, useDraft } from "@/lib/draft/store";

/** Temporary (helper A's library brings the real notice): offers to undo the last checkpointed change. */
export function TemporaryUndoNotice() {
  const snapshot = useDraft();
  const last = snapshot?.draft.undo?.at(-1);
  if (!last) return null;
  return (
    <div role="status" className="mb-4 flex flex-wrap items-center gap-4 rounded border-l-8 border-blue-800 bg-blue-50 p-3">
      <p>{last.label}.</p>
      <Button variant="secondary" onClick={() => draftActions.undo()}>
        Undo
      </Button>
    </div>
  );
}
