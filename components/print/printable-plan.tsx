"use client";

import Link from "next/link";
import { FactText } from "@/components/catalog/citation";
import { FactsAsOf } from "@/components/steps/account-facts";
import { Button, linkClass } from "@/components/ui/button";
import { DraftGate } from "@/components/wizard/draft-gate";
import { StepHeading } from "@/components/wizard/step-heading";
import { useDocumentTitle } from "@/components/wizard/use-document-title";
import type { Draft } from "@/lib/draft/store";
import { accountRows, ACCOUNT_COLUMNS } from "@/lib/export/account-rows";
import { accountValueRows, deriveAccounts, planAttention, STEP_PATHS } from "@/lib/plan";
import { FEATURES_BY_ID } from "@/lib/catalog";
import { CHECK_STATUS_LABELS } from "@/lib/validation/schema";

const cell = "border border-slate-400 px-2 py-1 text-left align-top";

/** The plan as a document: print CSS gives page breaks between accounts and no navigation chrome. */
function Document({ draft }: { draft: Draft }) {
  const plan = draft.plan;
  const organisation = plan.environment?.organisation.name || "Unnamed organisation";
  useDocumentTitle(`Account plan: ${organisation}`);
  const rows = accountRows(plan, draft.validation);
  const attention = planAttention(plan);
  const summaryColumns = ACCOUNT_COLUMNS.filter((column) => ["account", "required", "name", "status", "validation"].includes(column.key));
  return (
    <article className="print-document mx-auto max-w-4xl">
      <div className="no-print mb-6 flex flex-wrap items-center gap-6">
        <Button onClick={() => window.print()}>Print or save as PDF</Button>
        <Link href={STEP_PATHS.export} className={linkClass}>
          Back to the export
        </Link>
      </div>
      <StepHeading caption={`Prepared by ${plan.environment?.organisation.preparer ?? ""} · ${plan.updatedAt.slice(0, 10)}`}>Account plan: {organisation}</StepHeading>
      <FactsAsOf />
      {attention.length > 0 ? (
        <section aria-labelledby="print-attention" className="mt-4">
          <h2 id="print-attention" className="mb-2 text-xl font-bold">
            Needs attention
          </h2>
          <ul className="list-disc space-y-1 pl-6">
            {attention.map((item) => (
              <li key={`${item.stepId}-${item.message}`}>{item.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="print-summary" className="mt-4">
        <h2 id="print-summary" className="mb-2 text-xl font-bold">
          Accounts at a glance
        </h2>
        <table className="w-full border-collapse text-sm">
          <thead>
            <tr>
              {summaryColumns.map((column) => (
                <th key={column.key} scope="col" className={`${cell} bg-slate-100`}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.account}>
                {summaryColumns.map((column) => (
                  <td key={column.key} className={cell}>
                    {row[column.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {deriveAccounts(plan).map((account) => (
        <section key={account.key} aria-labelledby={`print-${account.key}`} className="print-section mt-8">
          <h2 id={`print-${account.key}`} className="text-xl font-bold">
            {account.label}
          </h2>
          <p className="mt-1">
            <FactText fact={account.definition.purpose} />
          </p>
          <table className="mt-2 w-full border-collapse text-sm">
            <tbody>
              {accountValueRows(account, plan.accounts[account.key]).map(([field, value]) => (
                <tr key={field}>
                  <th scope="row" className={`${cell} w-1/3 bg-slate-100`}>
                    {field}
                  </th>
                  <td className={cell}>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {account.rights.length > 0 ? (
            <ul className="mt-2 list-disc pl-6 text-sm">
              {account.rights.map((right) => (
                <li key={`${right.feature}-${right.right}`}>
                  {right.feature === "basic" ? "Always" : FEATURES_BY_ID[right.feature].label}: {right.right} ({right.appliesTo}) — {right.cmdlet}
                  {right.permissionType ? ` -PermissionType ${right.permissionType}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {(draft.validation?.results ?? [])
            .filter((result) => result.accountKey === account.key)
            .map((result) => (
              <p key={result.id} className="mt-1 text-sm">
                <strong>{CHECK_STATUS_LABELS[result.status]}:</strong> {result.title}
              </p>
            ))}
        </section>
      ))}
      <p className="mt-8 text-sm">This plan records accounts only. It never holds a password: installers ask for credentials on the day.</p>
    </article>
  );
}

export function PrintablePlan() {
  return <DraftGate>{(draft) => <Document draft={draft} />}</DraftGate>;
}
