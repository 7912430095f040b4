"use client";

import { DraftGate, NeedsEnvironment } from "@/components/wizard/draft-gate";
import Link from "next/link";
import type { ReactNode } from "react";
import { ButtonLink, linkClass } from "@/components/ui/button";
import { fieldId } from "@/components/ui/field-id";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import { applicableQuestions } from "./environment/applicable";
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
import type { Draft } from "@/lib/draft/store";
import {
  accountStepHref,
  accountValueRows,
  deriveAccounts,
  missingSteps,
  planAttention,
  planSchema,
  planSteps,
  STEP_PATHS,
  toPlanIssues,
  type Environment,
  type Plan,
  type PlanIssue,
} from "@/lib/plan";

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
  const href = (field: string) => `${STEP_PATHS.environment}#${fieldId(field)}`;
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

function issueHref(issue: PlanIssue): string {
  const [head, second, ...rest] = issue.path.split(".");
  if (head === "accounts" && second) return `${accountStepHref(second)}#${fieldId(rest.join("."))}`;
  if (head === "environment") return `${STEP_PATHS.environment}#${fieldId([second, ...rest].join("."))}`;
  return STEP_PATHS.tool;
}

export function ReviewStep({ draft, tool, environment }: { draft: Draft; tool: Tool; environment: Environment }) {
  const plan = draft.plan;
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

      <NeedsAttention plan={plan} />

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
