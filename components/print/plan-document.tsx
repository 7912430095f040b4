import type { ReactNode } from "react";
import { StepHeading } from "@/components/wizard/step-heading";
import { CATALOG_FACTS_AS_OF, ENTRA_ROLES } from "@/lib/catalog";
import { ACCOUNT_COLUMNS, accountRows } from "@/lib/export/account-rows";
import { attentionRows } from "@/lib/export/attention";
import { accountStatements, featureLabel, grantedBy, type CitedStatement } from "@/lib/export/facts";
import { planSummary } from "@/lib/export/summary";
import { accountValueRows, deriveAccounts, type Plan, type RequiredAccount } from "@/lib/plan";
import { formatDate } from "@/lib/format/date";
import { exportableReport } from "@/lib/validation/fingerprint";
import { CHECK_STATUS_LABELS, type ValidationReport } from "@/lib/validation/schema";
import { DisagreementsSection } from "./disagreements";
import { RunbookSection } from "./runbook-section";
import { Cite, SourceList, SourceNumbers, SourceNumbersContext } from "./sources";

const cell = "border border-slate-400 px-1.5 py-0.5 text-left align-top";
// "Required" goes into the account's cell (only optional accounts say so), leaving the names room for one line.
const GLANCE_COLUMNS = ACCOUNT_COLUMNS.filter((column) => ["account", "name", "status", "validation"].includes(column.key));

function Table({ headers, rows, caption }: { headers: readonly string[]; rows: readonly (readonly ReactNode[])[]; caption?: string }) {
  return (
    <table className="mt-1 w-full border-collapse text-sm">
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

/**
 * A cmdlet name with line-break opportunities between its words
 * (Set-ADSync·MsDs·Consistency·Guid·Permissions), so one long name does not
 * set the width of its column and squeeze the rest of the table.
 */
function Breakable({ text }: { text: string }) {
  const words = text.split(/(?<=[a-z])(?=[A-Z])/);
  return (
    <>
      {words.map((word, index) => (
        <span key={index}>
          {index > 0 ? <wbr /> : null}
          {word}
        </span>
      ))}
    </>
  );
}

const uniqueBy = <T,>(items: readonly T[], key: (item: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const id = key(item);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
};

/** What the owner of an instance is called: its forest, server or domain. */
function ownerOf(account: RequiredAccount): string {
  return account.forest?.rootDomain ?? account.server?.name ?? account.domain ?? "";
}

/**
 * The values of every account of one kind, one column per account (its
 * forest, server or domain), so three connectors take one table, not three.
 * Each column's header is the target of the glance table's and the runbook's links.
 */
function AccountValues({ accounts, plan, report }: { accounts: readonly RequiredAccount[]; plan: Plan; report?: ValidationReport }) {
  const columns = accounts.map((account) => {
    const entry = plan.accounts[account.key];
    const values = new Map(accountValueRows(account, entry));
    const checks = (report?.results ?? []).filter((result) => result.accountKey === account.key);
    if (checks.length > 0) values.set("Checks", checks.map((result) => `${CHECK_STATUS_LABELS[result.status]}: ${result.title}`).join("; "));
    if (entry?.notes) values.set("Notes", entry.notes);
    return { account, values };
  });
  // A field no account of this kind fills in (a blank "Person who creates it") takes two lines and says nothing; the worksheet keeps every field.
  const fields = uniqueBy(
    columns.flatMap((column) => [...column.values.keys()]),
    (field) => field,
  ).filter((field) => columns.some((column) => column.values.get(field)));
  return (
    <table className="mt-1 w-full border-collapse text-sm">
      <caption className="sr-only">{accounts[0]!.definition.name}: the plan&apos;s values</caption>
      <thead>
        <tr>
          <td className={`${cell} bg-slate-100`} />
          {columns.map(({ account }) => (
            <th key={account.key} id={`print-${account.key}`} scope="col" className={`${cell} bg-slate-100`}>
              {ownerOf(account) || account.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {fields.map((field) => (
          <tr key={field}>
            <th scope="row" className={`${cell} w-1/4 bg-slate-50`}>
              {field}
            </th>
            {columns.map(({ account, values }) => (
              <td key={account.key} className={cell}>
                {values.get(field) ?? "—"}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Every account of one kind (the connector of each forest, the service
 * account of each server): what Microsoft says of it once, then each
 * account's values side by side, so the printed plan stays short.
 */
function AccountGroup({ accounts, plan, report }: { accounts: readonly RequiredAccount[]; plan: Plan; report?: ValidationReport }) {
  const { definition } = accounts[0]!;
  const statements = uniqueBy(accounts.flatMap(accountStatements), (statement) => `${statement.kind}|${statement.text}`);
  const of = (kind: CitedStatement["kind"]) => statements.filter((statement) => statement.kind === kind);
  const id = `print-kind-${definition.id}`;
  const rights = uniqueBy(
    accounts.flatMap((account) => account.rights),
    (right) => `${right.feature}|${right.right}|${right.appliesTo}`,
  );
  const holders = (right: (typeof rights)[number]) => accounts.filter((account) => account.rights.some((each) => each.feature === right.feature && each.right === right.right && each.appliesTo === right.appliesTo));
  const required = accounts.some((account) => account.requirement === "required");
  return (
    <section aria-labelledby={id} className="print-account mt-3 border-t border-slate-400 pt-1">
      <h2 id={id} className="text-lg font-bold">
        {definition.name}
      </h2>
      {of("Purpose").map((statement) => (
        <p key={statement.text}>
          <em>{required ? "Required." : "Optional."}</em> {statement.text} <Cite cite={statement.cite} />
        </p>
      ))}
      <AccountValues accounts={accounts} plan={plan} report={report} />
      {definition.roles?.length ? (
        <p className="mt-1">
          <strong>Entra role:</strong> {definition.roles.map((role) => ENTRA_ROLES[role].name).join(", ")}
        </p>
      ) : null}
      {[...of("Who creates it"), ...of("Kind of account")].map((statement) => (
        <p key={`${statement.kind}-${statement.text}`} className="mt-1">
          <strong>{statement.kind}:</strong> {statement.text} <Cite cite={statement.cite} />
        </p>
      ))}
      {rights.length > 0 ? (
        <section aria-labelledby={`${id}-rights`} className="mt-1">
          <h3 id={`${id}-rights`} className="font-bold">
            Rights for the chosen features
          </h3>
          <Table
            headers={["Feature", "Right", "Applies to", "Granted by"]}
            rows={rights.map((right) => {
              const some = holders(right);
              return [
                featureLabel(right.feature),
                <>
                  {right.right + (right.note ? ` (${right.note})` : "")} <Cite cite={right.cite} />
                </>,
                right.appliesTo + (some.length < accounts.length ? ` (only for ${some.map(ownerOf).join(", ")})` : ""),
                <Breakable key="granted" text={grantedBy(right)} />,
              ];
            })}
          />
        </section>
      ) : null}
    </section>
  );
}

/** The plan's accounts grouped by kind, in the plan's order. */
function accountGroups(plan: Plan): RequiredAccount[][] {
  const groups = new Map<string, RequiredAccount[]>();
  for (const account of deriveAccounts(plan)) groups.set(account.definition.id, [...(groups.get(account.definition.id) ?? []), account]);
  return [...groups.values()];
}

/**
 * The plan as a document a customer signs off: a first page with every fact
 * of the plan (the same rows as the worksheet and the workbook's Summary),
 * the accounts at a glance, what needs attention, the install-day runbook,
 * then a compact section per account flowing across pages, where Microsoft's
 * pages disagree (both readings), and the numbered sources. Pure: it renders from the plan and the latest checks alone.
 */
export function PlanDocument({ plan, report: given }: { plan: Plan; report?: ValidationReport }) {
  // Out-of-date results are left out with a note, judged from this plan (lib/validation/fingerprint.ts).
  const report = exportableReport(given, plan);
  const organisation = plan.environment?.organisation.name || "Unnamed organisation";
  const rows = accountRows(plan, report);
  const attention = attentionRows(plan);
  const sources = new SourceNumbers();
  // The checks' column only once the checks have run.
  const glance = GLANCE_COLUMNS.filter((column) => report || column.key !== "validation");
  const preparer = plan.environment?.organisation.preparer;
  return (
    <SourceNumbersContext value={sources}>
      <StepHeading caption={`${preparer ? `Prepared by ${preparer} · ` : ""}${formatDate(plan.updatedAt)}`}>Account plan: {organisation}</StepHeading>
      <section aria-labelledby="print-setup" className="print-first-page mb-4">
        <h2 id="print-setup" className="mb-1 text-lg font-bold">
          Summary
        </h2>
        <table className="w-full border-collapse text-sm">
          <tbody>
            {planSummary(plan, report).map((row) => (
              <tr key={row.label}>
                <th scope="row" className={`${cell} w-1/4 bg-slate-100`}>
                  {row.label}
                </th>
                <td className={cell}>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-1 text-sm">
          Facts as of {formatDate(CATALOG_FACTS_AS_OF)}: each statement cites, by number, the Microsoft page and section it comes from (listed under Sources at the end).
        </p>
      </section>
      <section aria-labelledby="print-glance" className="mb-4">
        <h2 id="print-glance" className="mb-1 text-lg font-bold">
          Accounts at a glance
        </h2>
        <Table headers={glance.map((column) => column.header)} rows={rows.map((row) => glance.map((column) => (column.key === "account" && row.required !== "Required" ? `${row.account} (${row.required.toLowerCase()})` : row[column.key])))} />
      </section>
      {attention.length > 0 ? (
        <section aria-labelledby="print-attention" className="mb-4">
          <h2 id="print-attention" className="mb-1 text-lg font-bold">
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
      <RunbookSection plan={plan} />
      {accountGroups(plan).map((accounts) => (
        <AccountGroup key={accounts[0]!.definition.id} accounts={accounts} plan={plan} report={report} />
      ))}
      <DisagreementsSection plan={plan} />
      <SourceList numbers={sources} />
      <p className="mt-4 text-sm">This plan records accounts only. It never holds a password: installers ask for credentials on the day.</p>
    </SourceNumbersContext>
  );
}
