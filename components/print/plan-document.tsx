import type { ReactNode } from "react";
import { linkClass } from "@/components/ui/button";
import { StepHeading } from "@/components/wizard/step-heading";
import { CATALOG_FACTS_AS_OF, ENTRA_ROLES, type Citation, type Disagreement } from "@/lib/catalog";
import { ACCOUNT_COLUMNS, accountRows } from "@/lib/export/account-rows";
import { attentionRows } from "@/lib/export/attention";
import { catalogUrl, citationView } from "@/lib/export/citations";
import { accountStatements, featureLabel, grantedBy, PLAN_FACTS_HEADING, planFactGroups, type CitedStatement } from "@/lib/export/facts";
import { planSummary } from "@/lib/export/summary";
import { accountValueRows, deriveAccounts, type Plan, type RequiredAccount } from "@/lib/plan";
import { exportableReport } from "@/lib/validation/fingerprint";
import { CHECK_STATUS_LABELS, type ValidationReport } from "@/lib/validation/schema";

const cell = "border border-slate-400 px-2 py-1 text-left align-top";
const GLANCE_COLUMNS = ACCOUNT_COLUMNS.filter((column) => ["account", "required", "name", "status", "validation"].includes(column.key));

/** Where a statement comes from: the page (linked when it is a published page), its section and date. */
function Cite({ cite }: { cite: Citation }) {
  const view = citationView(cite);
  const url = catalogUrl(view.url);
  return (
    <span className="text-sm text-slate-700">
      (
      {url ? (
        <a href={url} className={linkClass}>
          {view.text}
        </a>
      ) : (
        view.text
      )}
      )
    </span>
  );
}

function CitedItems({ title, statements, id }: { title: string; statements: readonly CitedStatement[]; id: string }) {
  if (statements.length === 0) return null;
  return (
    <section aria-labelledby={id} className="mt-3">
      <h3 id={id} className="font-bold">
        {title}
      </h3>
      <ul className="list-disc pl-6">
        {statements.map((statement) => (
          <li key={statement.text}>
            {statement.text} <Cite cite={statement.cite} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function DisagreementSection({ disagreement, id, level = "h3" }: { disagreement: Disagreement; id: string; level?: "h3" | "h4" }) {
  const Heading = level;
  return (
    <section aria-labelledby={id} className="mt-3 border-l-4 border-amber-500 pl-3">
      <Heading id={id} className="font-bold">
        Microsoft&apos;s pages disagree: {disagreement.topic}
      </Heading>
      <ul className="list-disc pl-6">
        {disagreement.readings.map((reading) => (
          <li key={reading.says}>
            {reading.says} <Cite cite={reading.cite} />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PlanFacts({ plan }: { plan: Plan }) {
  const groups = planFactGroups(plan);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="print-plan-facts" className="print-section mt-8">
      <h2 id="print-plan-facts" className="text-xl font-bold">
        {PLAN_FACTS_HEADING}
      </h2>
      {groups.map((group, index) => (
        <section key={group.topic} aria-labelledby={`print-plan-facts-${index}`} className="mt-3">
          <h3 id={`print-plan-facts-${index}`} className="font-bold">
            {group.topic}
          </h3>
          <ul className="list-disc pl-6">
            {group.statements.map((statement) => (
              <li key={statement.text}>
                {statement.text} <Cite cite={statement.cite} />
              </li>
            ))}
          </ul>
          {group.disagreements.map((disagreement, position) => (
            <DisagreementSection key={disagreement.topic} disagreement={disagreement} id={`print-plan-facts-${index}-${position}`} level="h4" />
          ))}
        </section>
      ))}
    </section>
  );
}

function Table({ headers, rows, caption }: { headers: readonly string[]; rows: readonly (readonly ReactNode[])[]; caption?: string }) {
  return (
    <table className="mt-2 w-full border-collapse text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead>
        <tr>
          {headers.map((header) => (
            <th key={header} scope="col" className={`${cell} bg-slate-100`}>
              {header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={index}>
            {row.map((value, column) => (
              <td key={headers[column]} className={cell}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AccountSection({ account, plan, report }: { account: RequiredAccount; plan: Plan; report?: ValidationReport }) {
  const { definition } = account;
  const statements = accountStatements(account);
  const of = (kind: CitedStatement["kind"]) => statements.filter((statement) => statement.kind === kind);
  const id = `print-${account.key}`;
  return (
    <section aria-labelledby={id} className="print-section mt-8">
      <h2 id={id} className="text-xl font-bold">
        {account.label}
      </h2>
      {of("Purpose").map((statement) => (
        <p key={statement.text} className="mt-1">
          <em>{account.requirement === "required" ? "Required." : "Optional."}</em> {statement.text} <Cite cite={statement.cite} />
        </p>
      ))}
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
      {definition.roles?.length ? (
        <p className="mt-2">
          <strong>Entra role:</strong> {definition.roles.map((role) => ENTRA_ROLES[role].name).join(", ")}
        </p>
      ) : null}
      {[...of("Who creates it"), ...of("Kind of account")].map((statement) => (
        <p key={statement.kind} className="mt-2">
          <strong>{statement.kind}:</strong> {statement.text} <Cite cite={statement.cite} />
        </p>
      ))}
      {account.rights.length > 0 ? (
        <section aria-labelledby={`${id}-rights`} className="mt-3">
          <h3 id={`${id}-rights`} className="font-bold">
            Rights for the chosen features
          </h3>
          <Table
            headers={["Feature", "Right", "Applies to", "Granted by", "Source"]}
            rows={account.rights.map((right) => [
              featureLabel(right.feature),
              right.right + (right.note ? ` (${right.note})` : ""),
              right.appliesTo,
              grantedBy(right),
              <Cite key="cite" cite={right.cite} />,
            ])}
          />
        </section>
      ) : null}
      <CitedItems title="Rules" statements={of("Rule")} id={`${id}-rules`} />
      <CitedItems title="Security" statements={of("Security")} id={`${id}-security`} />
      {(definition.disagreements ?? []).map((disagreement, index) => (
        <DisagreementSection key={disagreement.topic} disagreement={disagreement} id={`${id}-disagreement-${index}`} />
      ))}
      {(report?.results ?? [])
        .filter((result) => result.accountKey === account.key)
        .map((result) => (
          <p key={result.id} className="mt-1 text-sm">
            <strong>{CHECK_STATUS_LABELS[result.status]}:</strong> {result.title}
          </p>
        ))}
      {plan.accounts[account.key]?.notes ? <p className="mt-2 text-sm">Notes: {plan.accounts[account.key]?.notes}</p> : null}
    </section>
  );
}

/**
 * The plan as a printable document: the same summary, attention items,
 * accounts, facts and sources as the worksheet. Pure: it renders from the
 * plan and the latest checks alone.
 */
export function PlanDocument({ plan, report: given }: { plan: Plan; report?: ValidationReport }) {
  // Out-of-date results are left out with a note, judged from this plan (lib/validation/fingerprint.ts).
  const report = exportableReport(given, plan);
  const organisation = plan.environment?.organisation.name || "Unnamed organisation";
  const rows = accountRows(plan, report);
  const attention = attentionRows(plan);
  return (
    <>
      <StepHeading caption={`Prepared by ${plan.environment?.organisation.preparer ?? ""} · ${plan.updatedAt.slice(0, 10)}`}>Account plan: {organisation}</StepHeading>
      <p className="mb-4">
        Facts as of {CATALOG_FACTS_AS_OF}: each statement names the Microsoft page and section it comes from, and the date of that page.
      </p>
      <section aria-labelledby="print-setup" className="mb-6">
        <h2 id="print-setup" className="mb-2 text-xl font-bold">
          Summary
        </h2>
        <table className="w-full border-collapse text-sm">
          <tbody>
            {planSummary(plan, report).map((row) => (
              <tr key={row.label}>
                <th scope="row" className={`${cell} w-1/3 bg-slate-100`}>
                  {row.label}
                </th>
                <td className={cell}>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {attention.length > 0 ? (
        <section aria-labelledby="print-attention" className="mb-6">
          <h2 id="print-attention" className="mb-2 text-xl font-bold">
            Needs attention
          </h2>
          <ul className="list-disc pl-6">
            {attention.map((item) => (
              <li key={item.message}>
                {item.message} ({item.where})
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="print-glance">
        <h2 id="print-glance" className="mb-2 text-xl font-bold">
          Accounts at a glance
        </h2>
        <Table headers={GLANCE_COLUMNS.map((column) => column.header)} rows={rows.map((row) => GLANCE_COLUMNS.map((column) => row[column.key]))} />
      </section>
      <PlanFacts plan={plan} />
      {deriveAccounts(plan).map((account) => (
        <AccountSection key={account.key} account={account} plan={plan} report={report} />
      ))}
      <p className="mt-8 text-sm">This plan records accounts only. It never holds a password: installers ask for credentials on the day.</p>
    </>
  );
}
