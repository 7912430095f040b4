"use client";

import { formatDateTime } from "@/lib/format/date";
import { DraftGate, NeedsEnvironment } from "@/components/wizard/draft-gate";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { Button, ButtonLink, linkClass } from "@/components/ui/button";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { IS_LIVE_MODE } from "@/lib/auth/mode";
import { draftActions, type Draft } from "@/lib/draft/store";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { deriveAccounts, STEP_PATHS, type PlanIssue } from "@/lib/plan";
import { checksReport, STALE_MARK, staleTest } from "@/lib/validation/fingerprint";
import { groupResults } from "@/lib/validation/result-groups";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER, validationReportSchema, type CheckResult, type CheckStatus, type ValidationReport } from "@/lib/validation/schema";
import type { LiveSession } from "@/components/auth/live-auth";
import { PreflightUpload } from "./preflight-upload";

// MSAL is loaded in live mode only: the demo never downloads it.
const LiveAuth = dynamic(() => import("@/components/auth/live-auth"), { ssr: false, loading: () => <p role="status">Loading sign-in…</p> });
const SignInButton = dynamic(() => import("@/components/auth/live-auth").then((module) => module.SignInButton), { ssr: false });

const STATUS_STYLE: Record<CheckStatus, { symbol: string; className: string }> = {
  fail: { symbol: "✕", className: "bg-red-700 text-white" },
  warn: { symbol: "!", className: "bg-amber-300 text-slate-900" },
  unknown: { symbol: "?", className: "bg-slate-200 text-slate-900" },
  pass: { symbol: "✓", className: "bg-green-800 text-white" },
};

type RunState = { kind: "idle" } | { kind: "running" } | { kind: "error"; message: string; issues?: PlanIssue[] };

function StatusBadge({ status }: { status: CheckStatus }) {
  const style = STATUS_STYLE[status];
  return (
    <span className={`inline-flex min-w-24 items-center justify-center gap-1 rounded px-2 py-0.5 text-sm font-bold ${style.className}`}>
      <span aria-hidden="true">{style.symbol}</span>
      {CHECK_STATUS_LABELS[status]}
    </span>
  );
}

function ResultItem({ result, stale }: { result: CheckResult; stale: boolean }) {
  return (
    <li className="border-b border-slate-300 py-3" data-status={result.status} data-stale={stale ? "true" : undefined}>
      <div className="flex flex-wrap items-start gap-3">
        <StatusBadge status={result.status} />
        <div className={`min-w-0 flex-1 ${stale ? "opacity-90" : ""}`}>
          {stale ? <p className="mb-1 inline-block rounded border-2 border-amber-600 bg-amber-50 px-2 font-semibold">{STALE_MARK}</p> : null}
          <p className="font-semibold">{result.title}</p>
          <p className="mt-1">{result.detail}</p>
          {result.remediation ? (
            <p className="mt-1">
              <strong>What to do:</strong> {result.remediation}
            </p>
          ) : null}
          {result.docUrl ? (
            <a href={result.docUrl} className={`${linkClass} mt-1 inline-block text-sm`}>
              Microsoft Learn<span className="sr-only">: about {result.title}</span>
            </a>
          ) : null}
        </div>
      </div>
    </li>
  );
}

function Results({ draft, report, tenantChecked }: { draft: Draft; report: ValidationReport; tenantChecked: boolean }) {
  const labels = new Map(deriveAccounts(draft.plan).map((account) => [account.key, account.label]));
  const groups = groupResults(report.results, (key) => labels.get(key));
  const counts = CHECK_STATUS_ORDER.map((status) => ({ status, count: report.results.filter((result) => result.status === status).length }));
  // Judged per result from the plan values each check read: editing an owner or a note leaves every result as it is.
  const staleIds = new Set(report.results.filter(staleTest(draft.plan)).map((result) => result.id));
  return (
    <section aria-labelledby="results-title" className="mt-8">
      <h2 id="results-title" className="text-2xl font-bold">
        Results
      </h2>
      {tenantChecked ? (
        <p className="mt-1" data-testid="checked-at">
          Checked {report.tenant ? `against ${report.tenant.displayName} ` : ""}at <time dateTime={report.checkedAt}>{formatDateTime(report.checkedAt)}</time>.
        </p>
      ) : (
        <p className="mt-1">The tenant checks have not run yet: these results come from the pre-flight files, each marked with when its facts were collected.</p>
      )}
      {staleIds.size > 0 ? (
        <p className="mt-2 rounded border-l-8 border-amber-500 bg-amber-50 p-3" data-testid="stale-summary">
          {staleIds.size === report.results.length ? "All" : `${staleIds.size} of ${report.results.length}`} results are out of date: the plan changed since
          these checks. Run the checks again.
        </p>
      ) : null}
      <ul className="mt-3 flex flex-wrap gap-3" aria-label="Summary">
        {counts.map(({ status, count }) => (
          <li key={status} className="flex items-center gap-2">
            <StatusBadge status={status} /> {count}
          </li>
        ))}
      </ul>
      {groups.map(({ key, heading, results }) => (
        <section key={key || "tenant"} aria-labelledby={`group-${key || "tenant"}`} className="mt-6">
          <h3 id={`group-${key || "tenant"}`} className="text-xl font-bold">
            {heading}
          </h3>
          <ul>
            {results.map((result) => (
              <ResultItem key={result.id} result={result} stale={staleIds.has(result.id)} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

async function requestValidation(draft: Draft, token?: string): Promise<{ report: ValidationReport } | { error: RunState & { kind: "error" } }> {
  let response: Response;
  try {
    response = await fetch("/api/validate", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ plan: draft.plan }),
    });
  } catch {
    return { error: { kind: "error", message: "The planner's server could not be reached. Check the connection and run the checks again." } };
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) return { error: { kind: "error", message: "Your sign-in has expired or was refused. Sign in again, then run the checks." } };
  if (response.status === 400 && (body as { issues?: PlanIssue[] })?.issues) {
    return { error: { kind: "error", message: "The plan has problems to fix before it can be checked:", issues: (body as { issues: PlanIssue[] }).issues } };
  }
  const report = validationReportSchema.safeParse(body);
  if (!response.ok || !report.success) return { error: { kind: "error", message: `The checks could not run (the server answered ${response.status}). Try again.` } };
  return { report: report.data };
}

function Runner({ draft, session }: { draft: Draft; session?: LiveSession }) {
  const [state, setState] = useState<RunState>({ kind: "idle" });
  const run = async () => {
    setState({ kind: "running" });
    let token: string | undefined;
    if (session) {
      try {
        token = await session.getToken();
      } catch {
        setState({ kind: "error", message: "A token for Microsoft Graph could not be obtained. Sign in again." });
        return;
      }
    }
    const outcome = await requestValidation(draft, token);
    if ("report" in outcome) {
      draftActions.saveValidation(outcome.report);
      setState({ kind: "idle" });
    } else setState(outcome.error);
  };
  const canRun = !session || session.account !== null;
  // The pre-flight results the plan holds take the place of the on-premises to-dos they answer.
  const shown = checksReport(draft.validation, draft.plan);
  return (
    <>
      <div className="flex flex-wrap items-center gap-4">
        <Button onClick={() => void run()} disabled={state.kind === "running" || !canRun}>
          {draft.validation ? "Run the checks again" : "Run the checks"}
        </Button>
        <p role="status" aria-live="polite">
          {state.kind === "running" ? "Checking the plan against the tenant…" : ""}
        </p>
      </div>
      {state.kind === "error" ? (
        <div role="alert" className="mt-4 border-4 border-red-700 p-4">
          <p className="font-semibold">{state.message}</p>
          {state.issues ? (
            <ul className="mt-2 list-disc pl-6">
              {state.issues.map((issue) => (
                <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {shown ? <Results draft={draft} report={shown} tenantChecked={draft.validation !== undefined} /> : null}
    </>
  );
}

function DemoNotice() {
  return (
    <section aria-labelledby="demo-title" className="mb-6 rounded border-l-8 border-amber-500 bg-amber-50 p-4">
      <h2 id="demo-title" className="text-lg font-bold">
        Demo tenant: not your tenant
      </h2>
      <p className="mt-1">
        No Microsoft sign-in is configured, so these checks run against a built-in, simulated tenant (Contoso) that behaves like Microsoft Graph.
        Use it to see what the checks find; to check your own tenant, ask whoever runs this planner to connect it to your organisation&apos;s Microsoft sign-in.
      </p>
      <details className="mt-2">
        <summary className="cursor-pointer font-semibold">People in the demo tenant</summary>
        <ul className="mt-1 list-disc pl-6 text-sm">
          <li>{DEMO_PEOPLE.goodAdmin}: a good Hybrid Identity Administrator</li>
          <li>{DEMO_PEOPLE.guest}: a guest (its name does not say so; Graph does)</li>
          <li>{DEMO_PEOPLE.pimEligible}: eligible for the role through PIM only</li>
          <li>{DEMO_PEOPLE.groupAssigned}: holds the role through a group</li>
          <li>{DEMO_PEOPLE.manyGroups}: in 150 groups, holds the role through one listed after the first 100</li>
          <li>{DEMO_PEOPLE.disabled}: a disabled account</li>
          <li>{DEMO_PEOPLE.synced}: synchronized from Active Directory</li>
          <li>{DEMO_PEOPLE.noRole}: holds no role</li>
          <li>Domains: {DEMO_PEOPLE.unverifiedSuffix} is not verified; {DEMO_PEOPLE.federatedDomain} is federated; the tenant is already synchronized.</li>
          <li>An earlier Connect server&apos;s application identity already syncs (Connect plans are warned).</li>
        </ul>
      </details>
    </section>
  );
}

export function ValidateStep({ draft }: { draft: Draft }) {
  useDocumentTitle("Check against your tenant");
  const intro: ReactNode = (
    <p className="mb-6 max-w-3xl">
      The server asks Microsoft Graph whether the admins in the plan exist, are members rather than guests, are enabled and hold their
      roles; whether the UPN suffixes are verified domains; and whether the tenant is already synchronized. On-premises accounts are listed
      as to-dos for install day, since Graph cannot see them, until the pre-flight files below answer them.
    </p>
  );
  return (
    <>
      <StepHeading caption="Optional">Check against your tenant</StepHeading>
      {IS_LIVE_MODE ? null : <DemoNotice />}
      {intro}
      {IS_LIVE_MODE ? (
        <LiveAuth>
          {(session) => (
            <>
              <div className="mb-4">
                <SignInButton session={session} />
              </div>
              <Runner draft={draft} session={session} />
            </>
          )}
        </LiveAuth>
      ) : (
        <Runner draft={draft} />
      )}
      <PreflightUpload plan={draft.plan} />
      <div className="mt-10 flex flex-wrap items-center gap-6">
        <ButtonLink href={STEP_PATHS.export} variant="secondary">
          Continue to export
        </ButtonLink>
        <Link href={STEP_PATHS.review} className={linkClass}>
          Back
        </Link>
      </div>
    </>
  );
}

export function ValidateRoute() {
  return <DraftGate>{(draft) => (draft.plan.tool && draft.plan.environment ? <ValidateStep draft={draft} /> : <NeedsEnvironment title="Check against your tenant" />)}</DraftGate>;
}
