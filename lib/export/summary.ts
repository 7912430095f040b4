import {
  CATALOG_FACTS_AS_OF,
  DATABASE_LABELS,
  ENTRA_AUTH_MODE_LABELS,
  FEATURES_BY_ID,
  SERVER_ROLE_LABELS,
  SIGN_IN_METHOD_LABELS,
  SOURCE_ANCHOR_LABELS,
  TOOL_LABELS,
} from "@/lib/catalog";
import { conditionContext, currentRuns, effectiveFeatures, hasToolAndEnvironment, serverDomains, type Environment, type Plan, type PlanWithTool } from "@/lib/plan";
import { hasTenantResults, isPreflightNote, isPreflightResult, preflightRunLines } from "@/lib/preflight/report";
import { exportableReport } from "@/lib/validation/fingerprint";
import { formatDate, formatDateTime } from "@/lib/format/date";
import { CHECK_STATUS_LABELS, CHECK_STATUS_ORDER, type ValidationReport } from "@/lib/validation/schema";

/** One line of the plan's summary: what the Markdown, the workbook's Summary sheet and the print view's first page show. */
export interface SummaryRow {
  label: string;
  /** As people read it: dates through the one locale formatter. */
  value: string;
  /** For a date, the moment `value` shows, so the workbook can hold a real date: a calendar day ("2026-11-25") or a timestamp. */
  date?: { iso: string; withTime: boolean };
}

const row = (label: string, value: string): SummaryRow => ({ label, value });
const dayRow = (label: string, iso: string): SummaryRow => ({ label, value: formatDate(iso), date: { iso, withTime: false } });
const momentRow = (label: string, iso: string): SummaryRow => ({ label, value: formatDateTime(iso), date: { iso, withTime: true } });
const list = (values: readonly string[], none = "None") => (values.length > 0 ? values.join(", ") : none);

function forestName(environment: Environment, forestId: string): string {
  return environment.forests.find((forest) => forest.id === forestId)?.rootDomain ?? "Not chosen yet";
}

function connectRows(plan: PlanWithTool): SummaryRow[] {
  const { connect, signIn, federation, passThroughAgents } = plan.environment;
  const context = conditionContext(plan);
  const express = connect.installType === "express";
  const rows = [row("Install type", express ? "Express settings" : "Custom installation"), row("Database", DATABASE_LABELS[context.database])];
  if (context.database !== "localDb") {
    const host = context.database === "remoteSql" ? connect.sqlServer || "Not named yet" : "This Connect server";
    rows.push(row("SQL Server", connect.sqlInstance ? `${host}, instance ${connect.sqlInstance}` : `${host}, default instance`));
    rows.push(row("SQL Server administrator", connect.sqlAdministrator || "Not named yet"));
  }
  rows.push(row("Sign-in method", SIGN_IN_METHOD_LABELS[context.signIn]));
  rows.push(row("Seamless single sign-on", signIn.seamlessSso ? "Yes" : "No"));
  if (context.signIn === "federationAdfs") {
    rows.push(row("AD FS servers", list(federation.adfsServers, "Not named yet")));
    rows.push(row("Web Application Proxy servers", list(federation.wapServers, "Not named yet")));
  }
  if (context.signIn === "passThroughAuth") {
    const active = plan.environment.servers.find((server) => !server.staging);
    rows.push(row("Pass-through authentication agents", list([...(active ? [`${active.name} (the Connect server)`] : []), ...passThroughAgents])));
  }
  const anchor = context.sourceAnchor === "otherAttribute" ? `${SOURCE_ANCHOR_LABELS.otherAttribute}: ${connect.sourceAnchorAttribute || "not named yet"}` : SOURCE_ANCHOR_LABELS[context.sourceAnchor];
  rows.push(row("Source anchor", anchor));
  rows.push(row("Authentication to Microsoft Entra ID", ENTRA_AUTH_MODE_LABELS[connect.entraAuth]));
  rows.push(
    row(
      "Authenticating proxy",
      connect.authenticatingProxy ? "Yes: the server reaches the internet through a proxy that asks for credentials" : "No",
    ),
  );
  return rows;
}

function cloudSyncRows(plan: PlanWithTool): SummaryRow[] {
  const { cloudSync, signIn } = plan.environment;
  return [
    row("Sign-in method", SIGN_IN_METHOD_LABELS[signIn.method]),
    row("Seamless single sign-on", signIn.seamlessSso ? "Yes" : "No"),
    // The name is the gMSA account's own (the catalog's, with its sources): the summary says only who creates it.
    row("gMSA", cloudSync.gmsaMode === "default" ? "Default: the agent installer creates it" : "Custom: an administrator creates it first"),
    row("gMSA domains (one gMSA in each)", list(serverDomains(plan.environment), "Not chosen yet")),
  ];
}

/** The features in effect, and the forest each single-forest feature goes to. */
function featureRows(plan: PlanWithTool): SummaryRow[] {
  const { connect } = plan.environment;
  const features = effectiveFeatures(plan);
  const rows = [row("Features", list([...features].map((id) => FEATURES_BY_ID[id].label)))];
  if (plan.tool === "connect" && features.has("deviceWriteback")) rows.push(row("Device writeback forest", forestName(plan.environment, connect.deviceWritebackForestId)));
  if (plan.tool === "connect" && (features.has("exchangeHybrid") || features.has("exchangeMailPublicFolders"))) {
    rows.push(row("Exchange forest", connect.exchangeForestId ? forestName(plan.environment, connect.exchangeForestId) : "Every forest of the plan"));
  }
  return rows;
}

function directoryRows(plan: PlanWithTool): SummaryRow[] {
  const { environment, tool } = plan;
  const rows = environment.forests.map((forest, index) =>
    row(
      `Forest ${index + 1}`,
      [
        forest.rootDomain,
        forest.domains.length > 0 ? `other domains: ${forest.domains.join(", ")}` : "",
        `UPN suffixes: ${list(forest.upnSuffixes)}`,
        `accounts created in: ${forest.accountsOu || "the default containers"}`,
      ]
        .filter(Boolean)
        .join("; "),
    ),
  );
  environment.servers.forEach((server, index) => {
    const mode = tool === "connect" ? `, ${server.staging ? "staging" : "active"}` : "";
    rows.push(
      row(
        `${tool === "cloudSync" ? "Agent host" : "Server"} ${index + 1}`,
        `${server.name} (${SERVER_ROLE_LABELS[server.role].toLowerCase()}${mode}), joined to ${server.domain || "a domain not chosen yet"}`,
      ),
    );
  });
  return rows;
}

/** The tenant checks' results (pre-flight results have their own row), and when they ran as a row of its own (a date the workbook can hold as one). */
function checksRows(report: ValidationReport | undefined): SummaryRow[] {
  if (!report || !hasTenantResults(report)) return [row("Tenant checks", "Not run")];
  const tenant = report.results.filter((result) => !isPreflightResult(result) && !isPreflightNote(result));
  const counts = CHECK_STATUS_ORDER.map((status) => [status, tenant.filter((result) => result.status === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${CHECK_STATUS_LABELS[status].toLowerCase()}`);
  const results = list(counts, "no results");
  return [row("Tenant checks", report.tenant ? `Against ${report.tenant.displayName}: ${results}` : results), momentRow("Tenant checks run", report.checkedAt)];
}

/**
 * The plan in one list of facts: who prepared it, the date the catalog's
 * facts were checked, the tool and every choice the installers ask on the
 * day, the forests and servers, and the tenant checks. Every export shows
 * exactly these rows, so a printed plan, the worksheet and the workbook agree.
 */
export function planSummary(plan: Plan, report?: ValidationReport): SummaryRow[] {
  const organisation = plan.environment?.organisation;
  const rows = [
    row("Organisation", organisation?.name || "Unnamed organisation"),
    row("Prepared by", organisation?.preparer ?? ""),
    row("Contact", organisation?.contact ?? ""),
    dayRow("Last changed", plan.updatedAt),
    dayRow("Facts as of", CATALOG_FACTS_AS_OF),
    row("Sync tool", plan.tool ? TOOL_LABELS[plan.tool] : "Not chosen yet"),
  ];
  if (hasToolAndEnvironment(plan)) {
    const { tenant } = plan.environment;
    rows.push(row("Tenant", [tenant.initialDomain, tenant.tenantId].filter(Boolean).join(" / ")));
    rows.push(...(plan.tool === "connect" ? connectRows(plan) : cloudSyncRows(plan)), ...featureRows(plan), ...directoryRows(plan));
  }
  rows.push(...checksRows(exportableReport(report, plan)));
  // Each pre-flight file says when its facts were collected.
  if (currentRuns(plan).length > 0) rows.push(row("On-premises pre-flight", preflightRunLines(plan, formatDateTime).join("; ")));
  return rows;
}
