"use client";

import Link from "next/link";
import { linkClass } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field-id";
import { issuesByStep } from "@/lib/library/issue-steps";
import type { Plan, PlanIssue } from "@/lib/plan";

/** What a kept plan breaks, step by step, each problem a link to the field on its step. */
export function RuleIssuesByStep({ plan, issues }: { plan: Plan; issues: readonly PlanIssue[] }) {
  const groups = issuesByStep(plan, issues);
  return (
    <div className="space-y-6">
      {groups.map((group) => (
        <section key={group.stepId} aria-labelledby={`repair-${fieldId(group.stepId)}`}>
          <h2 id={`repair-${fieldId(group.stepId)}`} className="text-xl font-bold">
            <Link href={group.href} className={linkClass}>
              {group.title}
            </Link>
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {group.issues.map((issue, index) => (
              <li key={`${issue.field}-${index}`}>
                <Link href={issue.field ? `${group.href}#${fieldId(issue.field)}` : group.href} className={linkClass}>
                  {issue.message}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
