import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { POST as exportRoute } from "@/app/api/export/route";
import { PlanDocument } from "@/components/print/plan-document";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { renderExport } from "@/lib/export/formats";
import type { FakeGraph } from "@/lib/graph/fake/graph-server";
import type { Plan } from "@/lib/plan";
import { boundedReport } from "@/lib/validation/bounded-report";
import { exportableReport, isStale, STALE_MARK, staleResults } from "@/lib/validation/fingerprint";
import type { ValidationReport } from "@/lib/validation/schema";
import { cloudSyncPlan, connectPlan, runValidation, startDemoFake } from "../fixtures/graph";

let fake: FakeGraph;
let cloudReport: ValidationReport;
let connectReport: ValidationReport;
const HIA = "cloudSyncHybridIdentityAdmin";
const cloud = () => cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.guest } });
const connect = () => connectPlan(DEMO_PEOPLE.goodAdmin);

beforeAll(async () => {
  fake = await startDemoFake();
  cloudReport = (await runValidation(fake, cloud())).report;
  connectReport = (await runValidation(fake, connect())).report;
});
afterAll(() => fake.close());

/** The ids of the results a changed plan makes out of date. */
function staleIds(report: ValidationReport, changed: Plan): string[] {
  return staleResults(report, changed).map((result) => result.id);
}

const ids = (report: ValidationReport, test: (id: string) => boolean) => report.results.map((result) => result.id).filter(test);

describe("which results a change makes out of date", () => {
  it("the server's results are current for the plan they were run on", () => {
    expect(cloudReport.results.length).toBeGreaterThan(5);
    expect(cloudReport.results.every((result) => result.fingerprint !== undefined)).toBe(true);
    expect(staleIds(cloudReport, cloud())).toEqual([]);
    expect(staleIds(connectReport, connect())).toEqual([]);
  });

  it("an admin's UPN: that admin's checks only", () => {
    const changed = cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.goodAdmin } });
    const expected = ids(cloudReport, (id) => id.startsWith("admin-") && id.endsWith(`:${HIA}`));
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(staleIds(cloudReport, changed)).toEqual(expected);
  });

  it("the tenant: every check that asked the tenant, not the install-day to-dos", () => {
    const changed = cloud();
    changed.environment!.tenant.initialDomain = "fabrikam.onmicrosoft.com";
    const stale = staleIds(cloudReport, changed);
    expect(stale).toEqual(ids(cloudReport, (id) => !id.startsWith("install-day:")));
    expect(ids(cloudReport, (id) => id.startsWith("install-day:")).length).toBeGreaterThan(0);
  });

  it("a UPN suffix removed: that suffix's check only; one added: none", () => {
    const suffixChecks = ids(cloudReport, (id) => id.startsWith("tenant-upn-suffix:"));
    expect(suffixChecks.length).toBeGreaterThanOrEqual(2);
    const removed = cloud();
    const gone = suffixChecks[0]!.slice("tenant-upn-suffix:".length);
    for (const forest of removed.environment!.forests) forest.upnSuffixes = forest.upnSuffixes.filter((suffix) => suffix.toLowerCase() !== gone);
    expect(staleIds(cloudReport, removed)).toEqual([suffixChecks[0]]);
    const added = cloud();
    added.environment!.forests[0]!.upnSuffixes.push("new.contoso.com");
    expect(staleIds(cloudReport, added)).toEqual([]);
  });

  it("Connect's Entra authentication: the sync account and application identity checks", () => {
    const changed = connect();
    changed.environment!.connect.entraAuth = changed.environment!.connect.entraAuth === "syncAccount" ? "applicationManaged" : "syncAccount";
    const stale = staleIds(connectReport, changed);
    expect(stale).toContain("connect-sync-accounts");
    expect(stale).toContain("connect-app-identity");
    expect(stale.every((id) => id.startsWith("connect-"))).toBe(true);
  });

  it("Connect's servers: the count of sync accounts only", () => {
    const changed = connect();
    const first = changed.environment!.servers[0]!;
    changed.environment!.servers.push({ ...first, id: "server-9", name: "SYNC09", staging: true });
    expect(staleIds(connectReport, changed).filter((id) => !id.startsWith("install-day:"))).toEqual(["connect-sync-accounts"]);
  });

  it("the tool: every check but the tenant's domains (the already-synchronized advice differs by tool, so it goes stale too)", () => {
    const changed = connect();
    changed.tool = "cloudSync";
    expect(staleIds(connectReport, changed)).toEqual(ids(connectReport, (id) => !id.startsWith("tenant-") || id === "tenant-synced"));
  });

  it("owner, creator, status and notes of every account: nothing", () => {
    for (const [report, make] of [
      [cloudReport, cloud],
      [connectReport, connect],
    ] as const) {
      const changed = make();
      for (const entry of Object.values(changed.accounts)) {
        entry.notes = `${entry.notes} — called the customer`;
        entry.owner = "Someone else";
        entry.createdBy = "Another admin";
        entry.status = "verified";
      }
      changed.updatedAt = "2030-01-01T00:00:00.000Z";
      expect(staleIds(report, changed)).toEqual([]);
    }
  });

  it("a report from before fingerprints is out of date as a whole", () => {
    const old: ValidationReport = { ...cloudReport, results: cloudReport.results.map((result) => ({ ...result, fingerprint: undefined })) };
    expect(staleIds(old, cloud())).toHaveLength(old.results.length);
  });

  it("merged results of a report too large to answer carry a fingerprint of the whole plan", () => {
    const merged = boundedReport(cloudReport, 2_500, cloud());
    expect(merged.results.length).toBeLessThan(cloudReport.results.length);
    expect(merged.results.every((result) => result.fingerprint !== undefined)).toBe(true);
    expect(staleIds(merged, cloud())).toEqual([]);
    const noted = cloud();
    noted.accounts[HIA]!.notes = "changed";
    expect(staleIds(merged, noted)).toEqual([]);
    const renamed = cloud();
    renamed.environment!.forests[0]!.upnSuffixes.push("new.contoso.com");
    const newlyStale = staleIds(merged, renamed);
    expect(newlyStale.length).toBeGreaterThan(0);
    expect(newlyStale.every((id) => merged.results.find((result) => result.id === id)!.id.split(":").length === 3 || id === "report-shortened")).toBe(true);
  });
});

describe("every export marks an out-of-date result", () => {
  /** The guest admin's failed check, made out of date by fixing the UPN. */
  const fixed = () => cloudSyncPlan({ [HIA]: { name: DEMO_PEOPLE.goodAdmin } });
  const guestTitle = () => cloudReport.results.find((result) => result.id === `admin-member:${HIA}`)!.title;

  it("the export's report leaves the result out, with a note in its place", () => {
    const shown = exportableReport(cloudReport, fixed())!;
    expect(shown.results.some((result) => result.id === `admin-member:${HIA}`)).toBe(false);
    const note = shown.results.find((result) => result.accountKey === HIA)!;
    expect(note.title).toContain(STALE_MARK);
    expect(note.detail).toContain(guestTitle());
    expect(shown.results.filter((result) => result.accountKey !== HIA)).toEqual(cloudReport.results.filter((result) => result.accountKey !== HIA));
    expect(isStale(shown.results[0]!, fixed())).toBe(false);
    expect(exportableReport(shown, fixed())).toEqual(shown);
  });

  it("the worksheet", async () => {
    const file = await renderExport(fixed(), "md", cloudReport);
    const markdown = String(file.body);
    expect(markdown).toContain(STALE_MARK);
    expect(markdown.split("\n").filter((line) => line.startsWith("| Fail |") && line.includes("a guest account"))).toEqual([]);
  });

  it("the workbook's Checks and Accounts sheets", async () => {
    const file = await renderExport(fixed(), "xlsx", cloudReport);
    const workbook = XLSX.read(file.body, { type: "array" });
    const checks = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Checks!);
    expect(checks.filter((row) => row.Check === guestTitle())).toEqual([]);
    expect(checks.find((row) => row.Account === "Hybrid Identity Administrator")?.Check).toContain(STALE_MARK);
    const accounts = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Accounts!);
    expect(accounts.find((row) => row.Account === "Hybrid Identity Administrator")?.Validation).toBe("Out of date");
  });

  it("the CSV", async () => {
    const file = await renderExport(fixed(), "csv", cloudReport);
    const rows = Papa.parse<Record<string, string>>(String(file.body).replace(/^\uFEFF/, ""), { header: true }).data;
    expect(rows.find((row) => row.Account === "Hybrid Identity Administrator")?.Validation).toBe("Out of date");
    // The same export of the plan the checks ran on shows the failure itself.
    const current = await renderExport(cloud(), "csv", cloudReport);
    expect(Papa.parse<Record<string, string>>(String(current.body).replace(/^\uFEFF/, ""), { header: true }).data.find((row) => row.Account === "Hybrid Identity Administrator")?.Validation).toBe("Fail");
  });

  it("the print view", () => {
    const html = renderToStaticMarkup(createElement(PlanDocument, { plan: fixed(), report: cloudReport }));
    expect(html).toContain(STALE_MARK);
    expect(html).not.toContain(guestTitle());
  });

  it("/api/export judges from the plan it receives, whatever the report says", async () => {
    const response = await exportRoute(
      new Request("http://localhost/api/export?format=md", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ plan: fixed(), results: cloudReport }),
      }),
    );
    expect(response.status).toBe(200);
    const markdown = await response.text();
    expect(markdown).toContain(STALE_MARK);
    expect(markdown.split("\n").filter((line) => line.startsWith("| Fail |") && line.includes("a guest account"))).toEqual([]);
  });
});
