"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Plan, PlanStep } from "@/lib/plan";
import { planSteps, stepsNeedingAttention, unsavedSteps } from "@/lib/plan";

function reachable(step: PlanStep, plan: Plan): boolean {
  if (step.id === "tool") return true;
  if (step.id === "environment") return plan.tool !== null;
  return plan.tool !== null && plan.environment !== null;
}

/**
 * The list of steps: done and reachable steps are links, the current one is
 * marked for assistive technology, and so are steps that break a rule of the
 * plan or hold an edit the plan does not.
 */
export function StepNav({ plan, validatedAt, stepValues = {} }: { plan: Plan; validatedAt?: string; stepValues?: Readonly<Record<string, unknown>> }) {
  const pathname = usePathname();
  const steps = planSteps(plan, validatedAt);
  const attention = new Set(stepsNeedingAttention(plan).map((group) => group.stepId));
  const unsaved = new Set(unsavedSteps(plan, stepValues).map((step) => step.stepId));
  return (
    <nav aria-label="Plan steps" className="text-sm">
      <ol className="space-y-1">
        {steps.map((step, index) => {
          const current = decodeURIComponent(pathname) === decodeURIComponent(step.href);
          const label = (
            <>
              <span className={`mr-2 inline-block w-6 text-right ${current ? "text-white" : "text-slate-600"}`}>{index + 1}.</span>
              {step.title}
              {step.done ? <span className={`ml-1 ${current ? "text-white" : "text-green-800"}`}>✓<span className="sr-only"> (done)</span></span> : null}
              {attention.has(step.id) ? (
                <span className={`ml-1 block pl-8 text-xs font-semibold ${current ? "text-white" : "text-red-800"}`}>
                  <span aria-hidden="true">! </span>needs attention
                </span>
              ) : null}
              {unsaved.has(step.id) ? (
                <span className={`ml-1 block pl-8 text-xs font-semibold ${current ? "text-white" : "text-red-800"}`}>
                  <span aria-hidden="true">✎ </span>unsaved edit
                </span>
              ) : null}
            </>
          );
          return (
            <li key={step.id}>
              {reachable(step, plan) ? (
                <Link
                  href={step.href}
                  aria-current={current ? "step" : undefined}
                  className={`block rounded px-2 py-1 focus:outline-none focus:ring-4 focus:ring-amber-400 ${
                    current ? "bg-blue-800 font-semibold text-white" : "text-blue-800 underline-offset-2 hover:underline"
                  }`}
                >
                  {label}
                </Link>
              ) : (
                <span className="block px-2 py-1 text-slate-600">{label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
