import { ACCOUNT_STATUS_LABELS, CATALOG_FACTS_AS_OF, ENTRA_ROLES, type Citation, type Disagreement } from "@/lib/catalog";
import { installDay } from "@/lib/install-day/build";
import { installDayWorksheetSection } from "./install-day-readme";
import { planScriptFiles } from "./powershell";
import { accountValueRows, currentRuns, deriveAccounts, type Plan, type RequiredAccount } from "@/lib/plan";
import { hasTenantResults, preflightRunLines } from "@/lib/preflight/report";
import { exportableReport } from "@/lib/validation/fingerprint";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER, type CheckResult, type ValidationReport } from "@/lib/validation/schema";
import { accountName } from "./account-rows";
import { attentionRows } from "./attention";
import { catalogUrl, citationView } from "./citations";
import { accountStatements, featureLabel, grantedBy, PLAN_FACTS_HEADING, planFactGroups, type CitedStatement } from "./facts";
import { planSummary } from "./summary";
import { unsavedNotices, type ExportOptions } from "./unsaved";

/** Escapes text the user typed so Markdown shows it literally, also inside table cells. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, (character) => `\\${character}`)
    .replace(/^([-=])/, "\\$1");
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${headers.join(" | ")} |`, `| ${headers.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

/** A citation as a link to its page; a source with no public page is named without a link. */
export function markdownCitation(cite: Citation): string {
  const view = citationView(cite);
  const url = catalogUrl(view.url);
  return url ? `[${escapeMarkdown(view.text)}](${url})` : escapeMarkdown(view.text);
}

function cited(text: string, cite: Citation): string {
  return `${escapeMarkdown(text)} (${markdownCitation(cite)})`;
}

function checksTable(results: readonly CheckResult[]): string[] {
  return table(
    ["Status", "Check", "Detail", "What to do"],
    results.map((result) => {
      // Only the catalog's own pages are linked: a report's address came with the request.
      const url = catalogUrl(result.docUrl);
      return [
        CHECK_STATUS_LABELS[result.status],
        escapeMarkdown(result.title),
        escapeMarkdown(result.detail),
        escapeMarkdown(result.remediation ?? "") + (url ? ` ([Microsoft Learn](${url}))` : ""),
      ];
    }),
  );
}

function disagreementLines(disagreement: Disagreement, level: string): string[] {
  return [`${level} Microsoft's pages disagree: ${escapeMarkdown(disagreement.topic)}`, "", ...disagreement.readings.map((reading) => `- ${cited(reading.says, reading.cite)}`), ""];
}

function statementList(heading: string, statements: readonly CitedStatement[]): string[] {
  return statements.length > 0 ? [`### ${heading}`, "", ...statements.map((statement) => `- ${cited(statement.text, statement.cite)}`), ""] : [];
}

function accountSection(account: RequiredAccount, plan: Plan, report?: ValidationReport): string[] {
  const { definition } = account;
  const entry = plan.accounts[account.key];
  const statements = accountStatements(account);
  const of = (kind: CitedStatement["kind"]) => statements.filter((statement) => statement.kind === kind);
  const lines = [`## ${escapeMarkdown(account.label)}`, ""];
  const [purpose] = of("Purpose");
  lines.push(`*${account.requirement === "required" ? "Required" : "Optional"}.* ${purpose ? cited(purpose.text, purpose.cite) : ""}`, "");
  if (definition.articleRow) lines.push(`Microsoft's accounts article lists it as **${escapeMarkdown(definition.articleRow.requirement)}**.`, "");

  const rows = accountValueRows(account, entry);
  lines.push(...table(["Field", "Value"], rows.map(([field, value]) => [field, escapeMarkdown(value)])), "");

  if (definition.roles?.length) {
    lines.push(`**Entra role:** ${definition.roles.map((role) => ENTRA_ROLES[role].name).join(", ")}`, "");
  }
  for (const statement of [...of("Who creates it"), ...of("Kind of account")]) lines.push(`**${statement.kind}:** ${cited(statement.text, statement.cite)}`, "");

  if (account.rights.length > 0) {
    lines.push("### Rights for the chosen features", "");
    lines.push(
      ...table(
        ["Feature", "Right", "Applies to", "Granted by", "Source"],
        account.rights.map((right) => [
          featureLabel(right.feature),
          escapeMarkdown(right.right + (right.note ? ` (${right.note})` : "")),
          escapeMarkdown(right.appliesTo),
          escapeMarkdown(grantedBy(right)),
          markdownCitation(right.cite),
        ]),
      ),
      "",
    );
  }
  lines.push(...statementList("Rules", of("Rule")), ...statementList("Security", of("Security")));
  for (const disagreement of account.disagreements) lines.push(...disagreementLines(disagreement, "###"));
  const checks = report?.results.filter((result) => result.accountKey === account.key) ?? [];
  if (checks.length > 0) lines.push("### Checks", "", ...checksTable(checks), "");
  if (entry?.notes) lines.push("### Notes", "", escapeMarkdown(entry.notes), "");
  return lines;
}

/** The worksheet a consultant hands to the customer: the plan's summary, what needs attention, then one section per account. */
export function planToMarkdown(plan: Plan, given?: ValidationReport, options?: ExportOptions): string {
  // Out-of-date results are left out with a note, judged from this plan (lib/validation/fingerprint.ts).
  const report = exportableReport(given, plan);
  const organisation = plan.environment?.organisation.name || "Unnamed organisation";
  const lines = [`# Account plan: ${escapeMarkdown(organisation)}`, ""];
  // First thing read: the planner held an edit this file does not show.
  for (const notice of unsavedNotices(options)) lines.push(`> **${escapeMarkdown(notice)}**`, "");
  lines.push(`Facts as of ${CATALOG_FACTS_AS_OF}: each statement names the Microsoft page and section it comes from, and the date of that page.`, "");
  lines.push(...table(["", ""], planSummary(plan, report).map((row) => [`**${escapeMarkdown(row.label)}**`, escapeMarkdown(row.value)])), "");

  const attention = attentionRows(plan);
  if (attention.length > 0) {
    lines.push("## Needs attention", "", "The plan can be used as it is, but install day needs these answers too.", "");
    lines.push(...attention.map((item) => `- ${escapeMarkdown(item.message)} (${escapeMarkdown(item.where)})`), "");
  }

  const accounts = deriveAccounts(plan);
  if (accounts.length > 0) {
    lines.push("## Accounts at a glance", "");
    lines.push(
      ...table(
        ["Account", "Required", "Name", "Status"],
        accounts.map((account) => {
          const entry = plan.accounts[account.key];
          return [
            escapeMarkdown(account.label),
            account.requirement === "required" ? "Yes" : "Optional",
            escapeMarkdown(accountName(account, entry)),
            entry ? ACCOUNT_STATUS_LABELS[entry.status] : "To fill in",
          ];
        }),
      ),
      "",
    );
    const groups = planFactGroups(plan);
    if (groups.length > 0) {
      lines.push(`## ${PLAN_FACTS_HEADING}`, "");
      for (const group of groups) {
        lines.push(`### ${escapeMarkdown(group.topic)}`, "", ...group.statements.map((statement) => `- ${cited(statement.text, statement.cite)}`), "");
        for (const disagreement of group.disagreements) lines.push(...disagreementLines(disagreement, "####"));
      }
    }
    for (const account of accounts) lines.push(...accountSection(account, plan, report));
  }
  // The run order of the install-day scripts, from the same step model the scripts are rendered from.
  lines.push(...installDayWorksheetSection(installDay(plan), planScriptFiles(plan), escapeMarkdown));
  if (currentRuns(plan).length > 0) {
    lines.push("## On-premises pre-flight", "", "Results of the pre-flight files, listed in each account's section:", "");
    lines.push(...preflightRunLines(plan, (iso) => iso).map((line) => `- ${escapeMarkdown(line)}`), "");
  }
  if (report && hasTenantResults(report)) {
    lines.push("## Tenant checks", "");
    lines.push(`Checked against ${escapeMarkdown(report.tenant?.displayName ?? "the tenant")} at ${report.checkedAt}.`, "");
    const tenantWide = report.results.filter((result) => result.accountKey === undefined);
    if (tenantWide.length > 0) lines.push(...checksTable(tenantWide), "");
    const counts = CHECK_STATUS_ORDER.map((status) => `${report.results.filter((result) => result.status === status).length} ${CHECK_STATUS_LABELS[status].toLowerCase()}`);
    lines.push(`In all: ${counts.join(", ")}. Checks of an account are listed in its section.`, "");
  }
  lines.push("---", "", "This plan records accounts only. It never holds a password: installers ask for credentials on the day.", "");
  return lines.join("\n");
}
