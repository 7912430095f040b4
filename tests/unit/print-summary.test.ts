import { createElement } from "react";
import ExcelJS from "exceljs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PlanDocument } from "@/components/print/plan-document";
import { CATALOG_FACTS_AS_OF, SIGN_IN_METHOD_LABELS, SOURCE_ANCHOR_LABELS } from "@/lib/catalog";
import { CATALOG_URLS } from "@/lib/export/citations";
import { planToMarkdown } from "@/lib/export/markdown";
import { planSummary, type SummaryRow } from "@/lib/export/summary";
import { planToWorkbook } from "@/lib/export/xlsx";
import { formatDate, spreadsheetDate } from "@/lib/format/date";
import { conditionHolds } from "@/lib/catalog";
import { conditionContext, deriveAccounts, planAttention, type Plan, type PlanWithTool, type RequiredAccount } from "@/lib/plan";
import { withFingerprints } from "@/lib/validation/fingerprint";
import type { ValidationReport } from "@/lib/validation/schema";
import { completePlan, connectSettings, forest, issuesOf, loadExample, plan, server } from "../fixtures/plans";

function decodeHtml(text: string): string {
  return text
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function printed(candidate: Plan, report?: ValidationReport): string {
  return renderToStaticMarkup(createElement(PlanDocument, { plan: candidate, report }));
}

/** The print view's summary table, row by row. */
function printedSummary(html: string): SummaryRow[] {
  const start = html.indexOf('aria-labelledby="print-setup"');
  expect(start).toBeGreaterThanOrEqual(0);
  const table = html.slice(start, html.indexOf("</table>", start));
  return [...table.matchAll(/<th scope="row"[^>]*>(.*?)<\/th><td[^>]*>(.*?)<\/td>/g)].map((match) => ({ label: decodeHtml(match[1]!), value: decodeHtml(match[2]!) }));
}

/** The Markdown's summary table (the first table of the worksheet), unescaped. */
function markdownSummary(markdown: string): SummaryRow[] {
  const lines = markdown.split("\n");
  const first = lines.findIndex((line) => line.startsWith("| **"));
  const rows: SummaryRow[] = [];
  for (const line of lines.slice(first)) {
    const match = /^\| \*\*(.*)\*\* \| (.*) \|$/.exec(line);
    if (!match) break;
    const unescape = (text: string) => text.replace(/\\(.)/g, "$1");
    rows.push({ label: unescape(match[1]!), value: unescape(match[2]!) });
  }
  return rows;
}

/**
 * The workbook's Summary rows, read back with exceljs: text as text, and a
 * real date cell as the summary row it must match (the same label, and the
 * moment its value shows, as a spreadsheet holds it).
 */
async function workbookSummary(candidate: Plan, report?: ValidationReport): Promise<SummaryRow[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await planToWorkbook(candidate, report)).buffer as ArrayBuffer);
  const rows: SummaryRow[] = [];
  workbook.getWorksheet("Summary")!.eachRow((row, index) => {
    if (index === 1) return;
    const label = String(row.getCell(1).value ?? "");
    const value = row.getCell(2).value;
    if (!(value instanceof Date)) return rows.push({ label, value: String(value ?? "") });
    const dated = planSummary(candidate, report).find((expected) => expected.label === label);
    const same = dated?.date && spreadsheetDate(dated.date.iso, dated.date.withTime)?.getTime() === value.getTime();
    rows.push(same ? dated : { label, value: `a date cell at ${value.toISOString()}` });
  });
  return rows;
}

/** The rows as the print view and the Markdown show them: words only. */
const asWords = (rows: readonly SummaryRow[]) => rows.map(({ label, value }) => ({ label, value }));

const REPORT: ValidationReport = {
  checkedAt: "2026-11-25T10:00:00.000Z",
  tenant: { id: "t", displayName: "Fabrikam" },
  results: [{ id: "x", account: null, status: "fail", title: "t", detail: "d" }],
};

/** A federation plan that names every install-day fact: SQL, proxy, OUs, AD FS and proxy servers, two server domains. */
function detailedPlan(): Plan {
  const complete = completePlan(
    plan("connect", {
      signIn: { method: "federationAdfs", seamlessSso: false },
      federation: { adfsServers: ["ADFS01", "ADFS02"], wapServers: ["WAP01"] },
      forests: [forest(1, "contoso.com", { accountsOu: "OU=Sync,OU=Tier0,DC=contoso,DC=com" }), forest(2, "fabrikam.com")],
      servers: [server(1, "SYNC01"), server(2, "SYNC02", { staging: true, domain: "fabrikam.com" })],
      features: ["deviceWriteback", "exchangeHybrid"],
      connect: connectSettings({
        database: "remoteSql",
        sqlServer: "SQL01",
        sqlInstance: "ADSYNC",
        sqlAdministrator: "Database team",
        authenticatingProxy: true,
        sourceAnchor: "otherAttribute",
        sourceAnchorAttribute: "employeeID",
        deviceWritebackForestId: "forest-2",
        exchangeForestId: "forest-1",
      }),
    }),
  );
  expect(issuesOf(complete)).toEqual([]);
  return complete;
}

describe("one summary in every export", () => {
  it.each([
    ["the Connect example", () => loadExample("connect-fabrikam-three-forests.json")],
    ["the Cloud Sync example", () => loadExample("cloud-sync-contoso.json")],
    ["a federation plan with every install-day fact", detailedPlan],
  ])("the print view, the Markdown and the workbook's Summary carry the same rows for %s", async (_name, make) => {
    const candidate = make();
    for (const report of [undefined, withFingerprints(REPORT, candidate), REPORT]) {
      const expected = planSummary(candidate, report);
      expect(printedSummary(printed(candidate, report))).toEqual(asWords(expected));
      expect(markdownSummary(planToMarkdown(candidate, report))).toEqual(asWords(expected));
      // The workbook holds the same rows, its dates as date cells of the same moments.
      const inWorkbook = (await workbookSummary(candidate, report)).slice(0, expected.length);
      expect(inWorkbook).toEqual(expected);
      expect(expected.filter((row) => row.date).length).toBeGreaterThanOrEqual(2);
    }
  });

  it("names every install-day fact the plan holds", () => {
    const candidate = detailedPlan();
    const values = planSummary(candidate).map((row) => row.value);
    const shown = (text: string) => values.some((value) => value.includes(text));
    for (const text of [
      formatDate(CATALOG_FACTS_AS_OF),
      SIGN_IN_METHOD_LABELS.federationAdfs,
      "employeeID",
      "SQL01",
      "ADSYNC",
      "Database team",
      "OU=Sync,OU=Tier0,DC=contoso,DC=com",
      "ADFS01",
      "ADFS02",
      "WAP01",
    ]) {
      expect(shown(text), text).toBe(true);
    }
    // The writeback forest, the Exchange forest and each server's domain are named by their forests' roots.
    expect(values.filter((value) => value === "fabrikam.com" || value === "contoso.com")).toHaveLength(2);
    expect(values.some((value) => value.includes("SYNC02") && value.includes("fabrikam.com"))).toBe(true);
    // Express settings always use ms-DS-ConsistencyGuid, whatever a custom install would have chosen.
    const express = structuredClone(candidate);
    express.environment!.connect.installType = "express";
    expect(planSummary(express).some((row) => row.value === SOURCE_ANCHOR_LABELS.msDsConsistencyGuid)).toBe(true);
  });

  it("shows pass-through agents with the Connect server that runs the first", () => {
    const candidate = completePlan(plan("connect", { signIn: { method: "passThroughAuth", seamlessSso: true }, passThroughAgents: ["PTA01", "PTA02"] }));
    expect(issuesOf(candidate)).toEqual([]);
    const values = planSummary(candidate).map((row) => row.value);
    expect(values.some((value) => ["SYNC01", "PTA01", "PTA02"].every((name) => value.includes(name)))).toBe(true);
  });
});

describe("print view", () => {
  it("has a section per account, what needs attention, and links only the catalog's pages", () => {
    const candidate = detailedPlan();
    candidate.environment!.federation.wapServers = [];
    const html = printed(candidate);
    // Each account has its column (the target of the glance table's and the runbook's links) under its kind's heading.
    for (const account of deriveAccounts(candidate)) {
      expect(html).toContain(`id="print-${account.key}"`);
      expect(decodeHtml(html)).toContain(`>${account.definition.name}</h2>`);
    }
    const attention = planAttention(candidate);
    expect(attention.length).toBeGreaterThan(0);
    for (const item of attention) expect(decodeHtml(html)).toContain(item.message);
    // Links within the document (a citation's number to its source, a runbook screen to its account) stay in it.
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((match) => decodeHtml(match[1]!)).filter((href) => !href.startsWith("#"));
    // Each cited page is linked once, in the numbered sources.
    expect(hrefs.length).toBeGreaterThan(5);
    for (const href of hrefs) expect(CATALOG_URLS.has(href), href).toBe(true);
  });

  it("carries every disagreement that matters for the plan, each reading with its numbered source, and leaves out those that do not", () => {
    const remote = loadExample("connect-fabrikam-three-forests.json");
    const local = structuredClone(remote);
    local.environment!.connect.database = "localDb";
    local.environment!.servers[0]!.role = "domainController";
    for (const candidate of [remote, local, loadExample("cloud-sync-contoso.json"), detailedPlan()]) {
      const html = decodeHtml(printed(candidate));
      const start = html.indexOf('aria-labelledby="print-disagreements"');
      expect(start).toBeGreaterThan(0);
      const section = html.slice(start, html.indexOf("</section>", start));
      const context = (account: RequiredAccount) => conditionContext(candidate as PlanWithTool, { forest: account.forest, server: account.server });
      for (const account of deriveAccounts(candidate)) {
        for (const disagreement of account.definition.disagreements ?? []) {
          const matters = !disagreement.when || conditionHolds(disagreement.when, context(account));
          // Some other account of the same kind may still need it (one forest's connector is created by the wizard, another's is not).
          const neededElsewhere = deriveAccounts(candidate).some((other) => other.definition.id === account.definition.id && other.disagreements.includes(disagreement));
          if (matters) {
            expect(section, disagreement.topic).toContain(disagreement.topic);
            for (const reading of disagreement.readings) expect(section, reading.says).toContain(reading.says);
          } else if (!neededElsewhere) {
            expect(section, disagreement.topic).not.toContain(disagreement.topic);
          }
        }
      }
      // Every reading's source is numbered and listed at the end.
      const numbers = [...section.matchAll(/href="#print-source-(\d+)"/g)].map((match) => match[1]!);
      expect(numbers.length).toBeGreaterThan(0);
      for (const number of numbers) expect(html).toContain(`id="print-source-${number}"`);
    }
    // The remote SQL Server plan hears nothing of LocalDB's recommendations; the same plan on LocalDB does.
    const topic = "Which accounts are recommended with LocalDB or a local SQL Server";
    expect(decodeHtml(printed(remote))).not.toContain(topic);
    expect(decodeHtml(printed(local))).toContain(topic);
  });

  it(`says the facts are as of ${CATALOG_FACTS_AS_OF}`, () => {
    expect(decodeHtml(printed(loadExample("cloud-sync-contoso.json")))).toContain(`Facts as of ${formatDate(CATALOG_FACTS_AS_OF)}`);
  });

  it("numbers every citation, lists each source once at the end, and links each number and runbook account to its target", () => {
    const html = printed(loadExample("connect-fabrikam-three-forests.json"));
    const targets = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((match) => match[1]!));
    const internal = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!);
    expect(internal.some((target) => target.startsWith("print-source-"))).toBe(true);
    expect(internal.some((target) => target.startsWith("print-connectAdDsConnector"))).toBe(true);
    for (const target of internal) expect(targets.has(target), target).toBe(true);
    const sources = [...html.matchAll(/id="print-source-(\d+)"/g)].map((match) => Number(match[1]));
    expect(sources).toEqual(sources.map((_, index) => index + 1));
  });
});
