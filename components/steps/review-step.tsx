"use client";

import { DraftGate, NeedsEnvironment } from "@/components/wizard/draft-gate";
import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink, linkClass } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field-id";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import {
  DATABASE_LABELS,
  DECISION_REQUIREMENTS,
  ENTRA_AUTH_MODE_LABELS,
  FEATURES_BY_ID,
  SERVER_ROLE_LABELS,
  TOOL_LABELS,
} from "@/lib/catalog";
import type { Draft } from "@/lib/draft/store";
import {
  accountStepHref,
  accountValueRows,
  deriveAccounts,
  missingSteps,
  planSchema,
  STEP_PATHS,
  toPlanIssues,
  type Environment,
  type Plan,
  type PlanIssue,
} from "@/lib/plan";

function SummaryList({ rows }: { rows: readonly { key: string; value: ReactNode; href: string; what: string }[] }) {
  return (
    <dl className="mb-8 divide-y divide-slate-300 border-y border-slate-300">
      {rows.map((row) => (
        <div key={row.key} className="grid gap-2 py-2 sm:grid-cols-[14rem_minmax(0,1fr)_6rem]">
          <dt className="font-semibold">{row.key}</dt>
          <dd className="break-words">{row.value || <span className="text-slate-600">Not given</span>}</dd>
          <dd>
            <Link href={row.href} className={linkClass}>
              Change<span className="sr-only"> {row.what}</span>
            </Link>
          </dd>
        </div>
      ))}
    </dl>
  );
}

function environmentRows(plan: Plan, environment: Environment) {
  const href = (field: string) => `${STEP_PATHS.environment}#${fieldId(field)}`;
  const rows = [
    { key: "Organisation", value: environment.organisation.name, href: href("organisation.name"), what: "organisation" },
    { key: "Prepared by", value: environment.organisation.preparer, href: href("organisation.preparer"), what: "preparer" },
    { key: "Contact email", value: environment.organisation.contact, href: href("organisation.contact"), what: "contact email" },
    { key: "Tenant initial domain", value: environment.tenant.initialDomain, href: href("tenant.initialDomain"), what: "tenant initial domain" },
    { key: "Tenant ID", value: environment.tenant.tenantId, href: href("tenant.tenantId"), what: "tenant ID" },
  ];
  if (plan.tool === "connect") {
    const express = environment.connect.installType === "express";
    rows.push(
      { key: "Install type", value: express ? "Express settings" : "Custom installation", href: href("connect.installType"), what: "install type" },
      { key: "Database", value: DATABASE_LABELS[express ? "localDb" : environment.connect.database], href: href("connect.database"), what: "database" },
      { key: "Authentication to Entra ID", value: ENTRA_AUTH_MODE_LABELS[environment.connect.entraAuth], href: href("connect.entraAuth"), what: "authentication" },
    );
  } else {
    rows.push({
      key: "gMSA",
      value: environment.cloudSync.gmsaMode === "default" ? "Default provAgentgMSA$" : "Custom, created by an administrator",
      href: href("cloudSync.gmsaMode"),
      what: "gMSA",
    });
  }
  environment.servers.forEach((server, index) =>
    rows.push({
      key: `${plan.tool === "cloudSync" ? "Agent host" : "Server"} ${index + 1}`,
      value: `${server.name} (${SERVER_ROLE_LABELS[server.role]}${plan.tool === "connect" ? `, ${server.staging ? "staging" : "active"}` : ""})`,
      href: href(`servers.${index}.name`),
      what: `server ${index + 1}`,
    }),
  );
  environment.forests.forEach((forest, index) =>
    rows.push({
      key: `Forest ${index + 1}`,
      value: [forest.rootDomain, forest.domains.length ? `domains: ${forest.domains.join(", ")}` : "", forest.upnSuffixes.length ? `UPN suffixes: ${forest.upnSuffixes.join(", ")}` : ""]
        .filter(Boolean)
        .join("; "),
      href: href(`forests.${index}.rootDomain`),
      what: `forest ${index + 1}`,
    }),
  );
  rows.push({
    key: "Features",
    value: environment.features.map((id) => FEATURES_BY_ID[id].label).join(", ") || "None",
    href: href("features"),
    what: "features",
  });
  return rows;
}

function issueHref(issue: PlanIssue): string {
  const [head, second, ...rest] = issue.path.split(".");
  if (head === "accounts" && second) return `${accountStepHref(second)}#${fieldId(rest.join("."))}`;
  if (head === "environment") return `${STEP_PATHS.environment}#${fieldId([second, ...rest].join("."))}`;
  return STEP_PATHS.tool;
}

export function ReviewStep({ draft }: { draft: Draft }) {
  const plan = draft.plan;
  const environment = plan.environment!;
  const parsed = planSchema.safeParse(plan);
  const issues = parsed.success ? [] : toPlanIssues(parsed.error);
  const missing = missingSteps(plan);
  useDocumentTitle("Check your answers", issues.length > 0);

  return (
    <>
      <StepHeading caption="Before you export">Check your answers</StepHeading>
      {issues.length > 0 || missing.length > 0 ? (
        <section aria-labelledby="todo-title" className="mb-8 border-4 border-red-700 p-4">
          <h2 id="todo-title" className="text-xl font-bold">
            Still to do
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {missing.map((step) => (
              <li key={step.id}>
                <Link href={step.href} className={linkClass}>
                  Fill in: {step.title}
                </Link>
              </li>
            ))}
            {issues.map((issue) => (
              <li key={`${issue.path}-${issue.message}`}>
                <Link href={issueHref(issue)} className={linkClass}>
                  {issue.message}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="mb-8 rounded border-l-8 border-green-700 bg-green-50 p-4 font-semibold">Every step is filled in and the plan follows Microsoft&apos;s rules.</p>
      )}

      <h2 className="mb-2 text-2xl font-bold">Sync tool</h2>
      <SummaryList
        rows={[
          { key: "Tool", value: plan.tool ? TOOL_LABELS[plan.tool] : "", href: `${STEP_PATHS.tool}#${fieldId("tool")}`, what: "sync tool" },
          {
            key: "Requirements",
            value: DECISION_REQUIREMENTS.filter((requirement) => plan.decision.requirements.includes(requirement.id))
              .map((requirement) => requirement.question)
              .join("; "),
            href: `${STEP_PATHS.tool}#${fieldId("requirements")}`,
            what: "requirements",
          },
        ]}
      />

      <h2 className="mb-2 text-2xl font-bold">Environment</h2>
      <SummaryList rows={environmentRows(plan, environment)} />

      <h2 className="mb-2 text-2xl font-bold">Accounts</h2>
      {deriveAccounts(plan).map((account) => (
        <section key={account.key} aria-labelledby={`review-${account.key}`}>
          <h3 id={`review-${account.key}`} className="mb-1 text-xl font-bold">
            {account.label}
            {account.requirement === "optional" ? <span className="ml-2 text-base font-normal text-slate-600">(optional)</span> : null}
          </h3>
          {account.definition.informational ? (
            <p className="mb-6">
              {accountValueRows(account, undefined)[0]?.[1]}: created by the installer, nothing to plan.
            </p>
          ) : (
            <SummaryList
              rows={accountValueRows(account, plan.accounts[account.key]).map(([key, value]) => ({
                key,
                value,
                href: accountStepHref(account.key),
                what: `${key.toLowerCase()} of ${account.label}`,
              }))}
            />
          )}
        </section>
      ))}
      <div className="mt-8 flex gap-6">
        <ButtonLink href={STEP_PATHS.validate}>Continue to the tenant checks</ButtonLink>
      </div>
    </>
  );
}

export function ReviewRoute() {
  return <DraftGate>{(draft) => (draft.plan.tool && draft.plan.environment ? <ReviewStep draft={draft} /> : <NeedsEnvironment title="Check your answers" />)}</DraftGate>;
}
