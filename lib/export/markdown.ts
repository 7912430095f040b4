import {
  ACCOUNT_STATUS_LABELS,
  CREATOR_LABELS,
  ENTRA_ROLES,
  FEATURES_BY_ID,
  SERVER_ROLE_LABELS,
  SOURCES,
  TOOL_LABELS,
} from "@/lib/catalog";
import { accountValueRows, deriveAccounts, type Plan, type RequiredAccount } from "@/lib/plan";
import { setupRows } from "./summary";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER, type CheckResult, type ValidationReport } from "@/lib/validation/schema";

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

/**
 * The catalog's Microsoft Learn pages: the only addresses the worksheet makes
 * links of. A result's docUrl comes with the request to /api/export, so any
 * other address (javascript:, a look-alike site) is left out.
 */
const CATALOG_URLS: ReadonlySet<string> = new Set(Object.values(SOURCES).map((source) => source.url));

function learnLink(url: string | undefined): string {
  return url !== undefined && CATALOG_URLS.has(url) ? ` ([Microsoft Learn](${url}))` : "";
}

function checksTable(results: readonly CheckResult[]): string[] {
  return table(
    ["Status", "Check", "Detail", "What to do"],
    results.map((result) => [
      CHECK_STATUS_LABELS[result.status],
      escapeMarkdown(result.title),
      escapeMarkdown(result.detail),
      escapeMarkdown(result.remediation ?? "") + learnLink(result.docUrl),
    ]),
  );
}

function accountSection(account: RequiredAccount, plan: Plan, report?: ValidationReport): string[] {
  const { definition } = account;
  const entry = plan.accounts[account.key];
  const lines = [`## ${escapeMarkdown(account.label)}`, ""];
  lines.push(`*${account.requirement === "required" ? "Required" : "Optional"}.* ${definition.purpose}`, "");
  if (definition.articleRow) lines.push(`Microsoft's accounts article lists it as **${definition.articleRow.requirement}**.`, "");

  const rows = accountValueRows(account, entry);
  lines.push(...table(["Field", "Value"], rows.map(([field, value]) => [field, escapeMarkdown(value)])), "");

  if (definition.roles?.length) {
    lines.push(`**Entra role:** ${definition.roles.map((role) => ENTRA_ROLES[role].name).join(", ")}`, "");
  }
  lines.push(`**Who creates it:** ${CREATOR_LABELS[account.creation.by]}. ${account.creation.how}`, "");

  if (account.rights.length > 0) {
    lines.push("### Rights for the chosen features", "");
    lines.push(
      ...table(
        ["Feature", "Right", "Applies to", "Granted by"],
        account.rights.map((right) => [
          right.feature === "basic" ? "Always" : FEATURES_BY_ID[right.feature].label,
          right.right + (right.note ? ` (${right.note})` : ""),
          right.appliesTo,
          [right.cmdlet, right.permissionType ? `-PermissionType ${right.permissionType}` : ""].filter(Boolean).join(" "),
        ]),
      ),
      "",
    );
  }
  if (definition.constraints.length > 0) lines.push("### Rules", "", ...definition.constraints.map((rule) => `- ${rule}`), "");
  if (definition.securityNotes.length > 0) lines.push("### Security", "", ...definition.securityNotes.map((note) => `- ${note}`), "");
  for (const disagreement of definition.disagreements ?? []) {
    lines.push(`### Microsoft's pages disagree: ${disagreement.topic}`, "");
    lines.push(...disagreement.readings.map((reading) => `- ${reading.says} ([${SOURCES[reading.source].title}](${SOURCES[reading.source].url}))`), "");
  }
  const checks = report?.results.filter((result) => result.accountKey === account.key) ?? [];
  if (checks.length > 0) lines.push("### Tenant checks", "", ...checksTable(checks), "");
  if (entry?.notes) lines.push("### Notes", "", escapeMarkdown(entry.notes), "");
  lines.push(`Sources: ${definition.sources.map((source) => `[${SOURCES[source].title}](${SOURCES[source].url})`).join(" · ")}`, "");
  return lines;
}

/** The worksheet a consultant hands to the customer: the plan's context, then one section per account. */
export function planToMarkdown(plan: Plan, report?: ValidationReport): string {
  const environment = plan.environment;
  const organisation = environment?.organisation.name || "Unnamed organisation";
  const lines = [`# Account plan: ${escapeMarkdown(organisation)}`, ""];
  const summary: [string, string][] = [
    ["Prepared by", environment?.organisation.preparer ?? ""],
    ["Contact", environment?.organisation.contact ?? ""],
    ["Last changed", plan.updatedAt.slice(0, 10)],
    ["Sync tool", plan.tool ? TOOL_LABELS[plan.tool] : "Not chosen yet"],
  ];
  summary.push(...setupRows(plan));
  lines.push(...table(["", ""], summary.map(([field, value]) => [`**${field}**`, escapeMarkdown(value)])), "");

  if (environment) {
    lines.push("## Forests", "");
    lines.push(
      ...table(
        ["Forest root", "Other domains", "UPN suffixes"],
        environment.forests.map((forest) => [
          escapeMarkdown(forest.rootDomain),
          escapeMarkdown(forest.domains.join(", ")),
          escapeMarkdown(forest.upnSuffixes.join(", ")),
        ]),
      ),
      "",
    );
    lines.push(plan.tool === "cloudSync" ? "## Agent hosts" : "## Sync servers", "");
    lines.push(
      ...table(
        ["Server", "Role", ...(plan.tool === "connect" ? ["Mode"] : [])],
        environment.servers.map((server) => [
          escapeMarkdown(server.name),
          SERVER_ROLE_LABELS[server.role],
          ...(plan.tool === "connect" ? [server.staging ? "Staging" : "Active"] : []),
        ]),
      ),
      "",
    );
  }

  const accounts = deriveAccounts(plan);
  if (accounts.length > 0) {
    lines.push("## Accounts at a glance", "");
    lines.push(
      ...table(
        ["Account", "Required", "Name", "Status"],
        accounts.map((account) => {
          const entry = plan.accounts[account.key];
          const name = entry?.inUse === false ? "Not used" : entry?.name || account.defaultName || "";
          return [
            escapeMarkdown(account.label),
            account.requirement === "required" ? "Yes" : "Optional",
            escapeMarkdown(name),
            entry ? ACCOUNT_STATUS_LABELS[entry.status] : "To fill in",
          ];
        }),
      ),
      "",
    );
    for (const account of accounts) lines.push(...accountSection(account, plan, report));
  }
  if (report) {
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

