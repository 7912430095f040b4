"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { UnreadablePlan } from "@/components/repair/unreadable-plan";
import { linkClass } from "@/components/ui/button";
import { useDraft, type Draft } from "@/lib/draft/store";
import { STEP_PATHS } from "@/lib/plan";
import { StepHeading } from "./step-heading";
import { useDocumentTitle } from "./use-document-title";

/**
 * Waits for the plan to load from the browser, then renders the step with it.
 * A stored plan that is not readable as a plan opens the repair view instead:
 * it is never replaced by a fresh one.
 */
export function DraftGate({ children, loading = <LoadingPlan /> }: { children: (draft: Draft) => ReactNode; loading?: ReactNode }) {
  const snapshot = useDraft();
  if (!snapshot) return <>{loading}</>;
  if (snapshot.repair) return <UnreadablePlan id={snapshot.id} raw={snapshot.repair.raw} issues={snapshot.repair.issues} />;
  return <>{children(snapshot.draft)}</>;
}

export function LoadingPlan() {
  return (
    <p className="text-slate-600" role="status">
      Loading your plan…
    </p>
  );
}

/** Shown when a step is opened before the steps it depends on are done. */
export function StepUnavailable({ title, reason, href, linkText }: { title: string; reason: string; href: string; linkText: string }) {
  useDocumentTitle(title);
  return (
    <>
      <StepHeading>{title}</StepHeading>
      <p className="mb-4">{reason}</p>
      <Link href={href} className={linkClass}>
        {linkText}
      </Link>
    </>
  );
}

export function NeedsEnvironment({ title }: { title: string }) {
  return (
    <StepUnavailable
      title={title}
      reason="This step follows from your environment: choose a sync tool and describe the environment first."
      href={STEP_PATHS.tool}
      linkText="Go to the first step"
    />
  );
}
