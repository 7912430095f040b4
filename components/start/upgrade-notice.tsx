"use client";

import { useEffect, useRef } from "react";
import { ButtonLink } from "@/components/ui/button";
import type { PlanUpgrade } from "@/lib/plan";

/**
 * What the planner changed while opening a plan made by an earlier version,
 * so nothing changes behind the user's back. It takes focus when it appears
 * after an import, so a screen reader reads it first.
 */
export function UpgradeNotice({ what, upgrade, takeFocus, continueHref }: { what: string; upgrade: PlanUpgrade; takeFocus: boolean; continueHref?: string }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    if (takeFocus) ref.current?.focus();
  }, [takeFocus, upgrade]);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      aria-labelledby="upgrade-title"
      className="mb-8 rounded border-l-8 border-blue-800 bg-blue-50 p-4 focus:outline-none focus:ring-4 focus:ring-amber-400"
    >
      <h2 id="upgrade-title" className="text-xl font-bold">
        This plan was made with an earlier version of the planner
      </h2>
      <p className="mt-1">
        {what} was saved as plan version {upgrade.fromVersion}. It now opens as the current version; here is what changed:
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {upgrade.changes.map((change) => (
          <li key={change}>{change}</li>
        ))}
      </ul>
      {continueHref ? (
        <ButtonLink href={continueHref} className="mt-3">
          Check your answers
        </ButtonLink>
      ) : null}
    </section>
  );
}
