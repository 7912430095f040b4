"use client";

import { DraftGate, NeedsEnvironment } from "@/components/wizard/draft-gate";
import Link from "next/link";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button, ButtonLink, linkClass } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field-id";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { applicableQuestions } from "@/lib/plan";
import {
  DATABASE_LABELS,
  DECISION_REQUIREMENTS,
  ENTRA_AUTH_MODE_LABELS,
  FEATURES_BY_ID,
  SERVER_ROLE_LABELS,
  SIGN_IN_METHOD_LABELS,
  SOURCE_ANCHOR_LABELS,
  TOOL_LABELS,
  type Tool,
} from "@/lib/catalog";
import { draftActions, type Draft } from "@/lib/draft/store";
import {
  accountStepHref,
  accountValueFields,
  accountValueRows,
  deriveAccounts,
  missingSteps,
  planAttention,
  planSteps,
  setAsideEntries,
  STEP_PATHS,
  stepsNeedingAttention,
  unsavedSteps,
  withoutSetAsideEntries,
  type Environment,
  type Plan,
  type SetAsideEntry,
} from "@/lib/plan";

/** A "Change" link: the step, told to come back here after saving, landing on the field named (GOV.UK check answers). */
export function changeHref(path: string, field?: string): string {
  return `${path}?return=review${field ? `#${fieldId(field)}` : ""}`;
}

type Row = { key: string; value: ReactNode; href: string; what: string };

function SummaryList({ rows }: { rows: readonly Row[] }) {
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

const yesNo = (value: boolean) => (value ? "Yes" : "No");
const names = (list: readonly string[]) => list.join(", ");

function environmentRows(plan: Plan, tool: Tool, environment: Environment): Row[] {
  const href = (field: string) => changeHref(STEP_PATHS.environment, field);
  const applies = applicableQuestions(tool, environment);
  const { connect, signIn } = environment;
  const forestName = (id: string) => environment.forests.find((forest) => forest.id === id)?.rootDomain ?? id;
  const rows: Row[] = [
    { key: "Organisation", value: environment.organisation.name, href: href("organisation.name"), what: "organisation" },
    { key: "Prepared by", value: environment.organisation.preparer, href: href("organisation.preparer"), what: "preparer" },
    { key: "Contact email", value: environment.organisation.contact, href: href("organisation.contact"), what: "contact email" },
    { key: "Tenant initial domain", value: environment.tenant.initialDomain, href: href("tenant.initialDomain"), what: "tenant initial domain" },
    { key: "Tenant ID", value: environment.tenant.tenantId, href: href("tenant.tenantId"), what: "tenant ID" },
  ];
  const add = (key: string, value: ReactNode, field: string, what = key.toLowerCase()) => rows.push({ key, value, href: href(field), what });
  if (tool === "connect") {
    add("Install type", applies.custom ? "Custom installation" : "Express settings", "connect.installType");
    add("Database", DATABASE_LABELS[applies.custom ? connect.database : "localDb"], "connect.database");
    if (applies.sqlServerHost) add("SQL Server host", connect.sqlServer, "connect.sqlServer");
    if (applies.sqlDetails) {
      add("SQL Server instance", connect.sqlInstance || "The default instance", "connect.sqlInstance");
      add("SQL Server administrator", connect.sqlAdministrator, "connect.sqlAdministrator");
    }
    if (applies.authenticatingProxy) add("Authenticating proxy", yesNo(connect.authenticatingProxy), "connect.authenticatingProxy");
    add("Authentication to Entra ID", ENTRA_AUTH_MODE_LABELS[connect.entraAuth], "connect.entraAuth", "authentication");
  } else {
    add("gMSA", environment.cloudSync.gmsaMode === "default" ? "Default provAgentgMSA$" : "Custom, created by an administrator", "cloudSync.gmsaMode");
  }
  add("User sign-in", SIGN_IN_METHOD_LABELS[applies.signInQuestion ? signIn.method : "passwordHashSync"], "signIn.method", "user sign-in method");
  if (applies.seamlessSso) add("Seamless single sign-on", yesNo(signIn.seamlessSso), "signIn.seamlessSso");
  if (applies.passThroughAgents) {
    add("Pass-through agents", names(["the Connect server", ...environment.passThroughAgents]), "passThroughAgents", "pass-through authentication agents");
  }
  if (applies.federationServers) {
    add("AD FS servers", names(environment.federation.adfsServers), "federation.adfsServers");
    add("Web Application Proxy servers", names(environment.federation.wapServers), "federation.wapServers");
  }
  environment.servers.forEach((server, index) =>
    rows.push({
      key: `${tool === "cloudSync" ? "Agent host" : "Server"} ${index + 1}`,
      value: `${server.name} (${SERVER_ROLE_LABELS[server.role]}${tool === "connect" ? `, ${server.staging ? "staging" : "active"}` : ""}), joined to ${server.domain || "no domain yet"}`,
      href: href(`servers.${index}.name`),
      what: `server ${index + 1}`,
    }),
  );
  environment.forests.forEach((forest, index) =>
    rows.push({
      key: `Forest ${index + 1}`,
      value: [
        forest.rootDomain,
        forest.domains.length ? `domains: ${names(forest.domains)}` : "",
        forest.upnSuffixes.length ? `UPN suffixes: ${names(forest.upnSuffixes)}` : "",
        forest.accountsOu ? `accounts created in ${forest.accountsOu}` : "",
      ]
        .filter(Boolean)
        .join("; "),
      href: href(`forests.${index}.rootDomain`),
      what: `forest ${index + 1}`,
    }),
  );
  if (applies.sourceAnchor) {
    const anchor = SOURCE_ANCHOR_LABELS[connect.sourceAnchor];
    add("Source anchor", applies.sourceAnchorAttribute ? `${anchor}: ${connect.sourceAnchorAttribute}` : anchor, "connect.sourceAnchor");
  }
  add("Features", environment.features.map((id) => FEATURES_BY_ID[id].label).join(", ") || "None", "features");
  if (applies.deviceWritebackForest) add("Device writeback forest", forestName(connect.deviceWritebackForestId), "connect.deviceWritebackForestId");
  if (applies.exchangeForest) add("Exchange forest", connect.exchangeForestId ? forestName(connect.exchangeForestId) : "Every forest", "connect.exchangeForestId");
  return rows;
}

/** Non-blocking items the plan lacks for install day, each linking to the step that fixes it. */
function NeedsAttention({ plan }: { plan: Plan }) {
  const items = planAttention(plan);
  if (items.length === 0) return null;
  const steps = planSteps(plan);
  const hrefOf = (stepId: string) => steps.find((step) => step.id === stepId)?.href ?? STEP_PATHS.environment;
  return (
    <section aria-labelledby="attention-title" className="mb-8 rounded border-l-8 border-amber-500 bg-amber-50 p-4">
      <h2 id="attention-title" className="text-xl font-bold">
        Needs attention
      </h2>
      <p className="mt-1">The plan can be saved and exported as it is; install day needs these.</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {items.map((item) => (
          <li key={`${item.stepId}-${item.message}`}>
            <Link href={hrefOf(item.stepId)} className={linkClass}>
              {item.message}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Where a rule issue is fixed: its step, landing on the field. */
function issueHref(path: string): string {
  const [head, second, ...rest] = path.split(".");
  if (head === "accounts" && second) return changeHref(accountStepHref(second), rest.join(".") || undefined);
  if (head === "environment") return changeHref(STEP_PATHS.environment, [second, ...rest].join("."));
  return changeHref(STEP_PATHS.tool, "tool");
}

/** Steps whose form holds an edit the plan does not: the plan and every export show the last valid value. */
function UnsavedEdits({ draft }: { draft: Draft }) {
  const unsaved = unsavedSteps(draft.plan, draft.stepValues);
  if (unsaved.length === 0) return null;
  const steps = planSteps(draft.plan);
  return (
    <section aria-labelledby="unsaved-title" className="mb-8 border-4 border-red-700 p-4">
      <h2 id="unsaved-title" className="text-xl font-bold">
        Unsaved edits
      </h2>
      <p className="mt-1">These steps hold an edit that is not in the plan yet (it is not valid, or waits for you to confirm it). The plan and every export show the last valid value.</p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {unsaved.map((step) => (
          <li key={step.stepId}>
            <Link href={changeHref(steps.find((candidate) => candidate.id === step.stepId)?.href ?? STEP_PATHS.environment)} className={linkClass}>
              Unsaved edit on step {step.title}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function DiscardDialog({ open, entries, onConfirm, onCancel }: { open: boolean; entries: readonly SetAsideEntry[]; onConfirm: () => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      keep.current?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby="discard-title"
      aria-describedby="discard-text"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      className="m-auto max-w-lg rounded border-4 border-slate-900 p-6 backdrop:bg-slate-900/60"
    >
      <h2 id="discard-title" className="text-xl font-bold">
        Discard {entries.length === 1 ? "1 set-aside entry" : `${entries.length} set-aside entries`}?
      </h2>
      <p id="discard-text" className="mt-2">
        Their values leave the plan: switching back will not bring them back. You can still undo this right afterwards.
      </p>
      <div className="mt-6 flex flex-wrap gap-4">
        <Button variant="warning" onClick={onConfirm}>
          Discard them
        </Button>
        <Button ref={keep} variant="secondary" onClick={onCancel}>
          Keep them
        </Button>
      </div>
    </dialog>
  );
}

/** Entries kept in the plan that it does not need now: listed with why, and discarded only when the user asks. */
function SetAside({ plan }: { plan: Plan }) {
  const [confirming, setConfirming] = useState(false);
  const entries = setAsideEntries(plan);
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="set-aside-title" className="mb-8 rounded border-l-8 border-slate-500 bg-slate-50 p-4">
      <h2 id="set-aside-title" className="text-xl font-bold">
        Set aside: {entries.length === 1 ? "1 account entry" : `${entries.length} account entries`} not in use
      </h2>
      <p className="mt-1">
        The plan no longer needs these, so the worksheet, scripts and checks leave them out. They are kept, with their values; they come back if you change the answer named.
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {entries.map((entry) => (
          <li key={entry.key}>
            <span className="font-semibold">{entry.label}</span>: {entry.reason} Kept; it comes back if {entry.comesBackIf}.
          </li>
        ))}
      </ul>
      <Button variant="secondary" className="mt-4" onClick={() => setConfirming(true)}>
        Discard set-aside entries
      </Button>
      <DiscardDialog
        open={confirming}
        entries={entries}
        onCancel={() => setConfirming(false)}
        onConfirm={() => {
          setConfirming(false);
          draftActions.savePlan(withoutSetAsideEntries(plan), [], { checkpoint: `Discarded ${entries.length === 1 ? "1 set-aside entry" : `${entries.length} set-aside entries`}` });
        }}
      />
    </section>
  );
}

export function ReviewStep({ draft, tool, environment }: { draft: Draft; tool: Tool; environment: Environment }) {
  const plan = draft.plan;
  const attention = stepsNeedingAttention(plan);
  const missing = missingSteps(plan);
  useDocumentTitle("Check your answers", attention.length > 0);

  return (
    <>
      <StepHeading caption="Before you export">Check your answers</StepHeading>
      <UnsavedEdits draft={draft} />
      {attention.length > 0 || missing.length > 0 ? (
        <section aria-labelledby="todo-title" className="mb-8 border-4 border-red-700 p-4">
          <h2 id="todo-title" className="text-xl font-bold">
            Still to do
          </h2>
          {missing.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-6">
              {missing.map((step) => (
                <li key={step.id}>
                  <Link href={step.href} className={linkClass}>
                    Fill in: {step.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {attention.map((group) => (
            <section key={group.stepId} aria-labelledby={`attention-${group.stepId}`} className="mt-3">
              <h3 id={`attention-${group.stepId}`} className="font-bold">
                <Link href={changeHref(group.href)} className={linkClass}>
                  {group.title}
                </Link>{" "}
                needs attention
              </h3>
              <ul className="mt-1 list-disc space-y-1 pl-6">
                {group.issues.map((issue) => (
                  <li key={`${issue.path}-${issue.message}`}>
                    <Link href={issueHref(issue.path)} className={linkClass}>
                      {issue.message}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </section>
      ) : (
        <p className="mb-8 rounded border-l-8 border-green-700 bg-green-50 p-4 font-semibold">Every step is filled in and the plan follows Microsoft&apos;s rules.</p>
      )}

      <SetAside plan={plan} />
      <NeedsAttention plan={plan} />

      <h2 className="mb-2 text-2xl font-bold">Sync tool</h2>
      <SummaryList
        rows={[
          { key: "Tool", value: plan.tool ? TOOL_LABELS[plan.tool] : "", href: changeHref(STEP_PATHS.tool, "tool"), what: "sync tool" },
          {
            key: "Requirements",
            value: DECISION_REQUIREMENTS.filter((requirement) => plan.decision.requirements.includes(requirement.id))
              .map((requirement) => requirement.question)
              .join("; "),
            href: changeHref(STEP_PATHS.tool, "requirements"),
            what: "requirements",
          },
        ]}
      />

      <h2 className="mb-2 text-2xl font-bold">Environment</h2>
      <SummaryList rows={environmentRows(plan, tool, environment)} />

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
              rows={accountValueFields(account, plan.accounts[account.key]).map((row) => ({
                key: row.label,
                value: row.value,
                href: changeHref(accountStepHref(account.key), row.field),
                what: `${row.label.toLowerCase()} of ${account.label}`,
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
  return (
    <DraftGate>
      {(draft) =>
        draft.plan.tool && draft.plan.environment ? (
          <ReviewStep draft={draft} tool={draft.plan.tool} environment={draft.plan.environment} />
        ) : (
          <NeedsEnvironment title="Check your answers" />
        )
      }
    </DraftGate>
  );
}
