import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planToCsv } from "@/lib/export/csv";
import { planToMarkdown } from "@/lib/export/markdown";
import { planSummary } from "@/lib/export/summary";
import { judgePreflight } from "@/lib/preflight/judge";
import { readPreflightFile } from "@/lib/preflight/read-file";
import { withPreflightRun } from "@/lib/preflight/report";
import { planShape, type Plan } from "@/lib/plan";
import { checksReport, exportableReport, STALE_MARK, staleTest, withFingerprints } from "@/lib/validation/fingerprint";
import { loadExample } from "@/tests/fixtures/plans";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "preflight", "connect-fabrikam");
const text = (name: string) => readFileSync(join(FIXTURES, `${name}.json`), "utf8");
const facts = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

function loaded(plan: Plan, ...names: string[]): Plan {
  let current = plan;
  for (const name of names) {
    const read = readPreflightFile(text(name), current);
    if (!read.ok) throw new Error(read.message);
    const added = withPreflightRun(current, judgePreflight(read.plan, read.facts, read.ownerId));
    if (!added.ok) throw new Error(added.message);
    current = added.plan;
  }
  return current;
}

describe("reading a pre-flight file", () => {
  const plan = loadExample("connect-fabrikam-three-forests.json");
  const refused = (value: string) => {
    const result = readPreflightFile(value, plan);
    expect(result.ok).toBe(false);
    return result.ok ? "" : result.message;
  };

  it("reads a file written by Windows PowerShell 5.1, byte order mark included", () => {
    expect(readPreflightFile(`\uFEFF${text("preflight-server-sync01")}`, plan).ok).toBe(true);
  });

  it("refuses, saying why, a file that is not JSON, too large, a plan file, another kind, a newer schema, or not the published shape", () => {
    expect(refused("{ not json")).toMatch(/not valid JSON/);
    expect(refused(" ".repeat(5_000_001))).toMatch(/larger than 5 MB/);
    expect(refused(JSON.stringify(plan))).toMatch(/plan file, not a pre-flight file/);
    expect(refused(JSON.stringify({ kind: "something-else" }))).toMatch(/not a pre-flight file/);
    expect(refused(JSON.stringify({ ...facts("preflight-server-sync01"), schemaVersion: 2 }))).toMatch(/newer collector \(schema version 2\)/);
    expect(refused(JSON.stringify({ ...facts("preflight-server-sync01"), password: "x" }))).toMatch(/published shape/);
  });

  it("refuses a file for another plan: another organisation, another tool, a forest or server this plan does not have", () => {
    const sync01 = facts("preflight-server-sync01") as { plan: Record<string, unknown>; server: Record<string, unknown> };
    expect(refused(JSON.stringify({ ...sync01, plan: { ...sync01.plan, organisation: "Contoso Ltd" } }))).toMatch(/another plan.*Contoso Ltd/);
    expect(refused(JSON.stringify({ ...sync01, plan: { ...sync01.plan, tool: "cloudSync" } }))).toMatch(/another plan.*Cloud Sync/);
    expect(refused(JSON.stringify({ ...sync01, server: { ...sync01.server, plannedName: "SYNC09" } }))).toMatch(/no server SYNC09/);
  });
});

describe("pre-flight results in the plan and its exports", () => {
  it("replace the install-day to-dos of the accounts they answer, and leave the others", () => {
    const plan = loaded(loadExample("connect-fabrikam-three-forests.json"), "preflight-forest-fabrikam-com", "preflight-server-sync01");
    const report = checksReport(undefined, plan)!;
    const todo = (key: string) => report.results.some((result) => result.id === `install-day:${key}`);
    expect(todo("connectAdDsConnector@forest-1")).toBe(false);
    expect(todo("connectAdDsConnector@forest-2")).toBe(true);
    expect(report.results.filter((result) => result.id.startsWith("preflight-")).length).toBeGreaterThan(10);
    expect(checksReport(report, plan)).toEqual(report);
    expect(report.results.filter(staleTest(plan))).toEqual([]);
    expect(planShape.safeParse(plan).success).toBe(true);
  });

  it("replace a to-do only with the results of a rule that judges what it asks: existence alone, or the server's OS, never hides one", () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    const todo = (plan: Plan, key: string) => checksReport(undefined, plan)!.results.some((result) => result.id === `install-day:${key}`);
    const forestOnly = loaded(example, "preflight-forest-fabrikam-com");
    // The forest file finds the local administrator's account; whether it administers the server is read on the server.
    expect(todo(forestOnly, "connectLocalAdmin@server-1")).toBe(true);
    expect(todo(forestOnly, "connectEnterpriseAdmin@forest-1")).toBe(false);
    expect(todo(forestOnly, "seamlessSsoDomainAdmin@forest-1")).toBe(false);
    const withServer = loaded(forestOnly, "preflight-server-sync01");
    expect(todo(withServer, "connectLocalAdmin@server-1")).toBe(false);
    // Nothing the collectors read judges the ADSync service account's own to-do (chosen at first install only).
    expect(todo(withServer, "connectAdSyncService@server-1")).toBe(true);
    // An Enterprise Admin that is not in Enterprise Admins fails in the report, in place of its to-do.
    const notEa = facts("preflight-forest-fabrikam-com") as { forest: { accounts: { accountKey: string; privilegedGroups: string[] }[] } };
    notEa.forest.accounts.find((entry) => entry.accountKey === "connectEnterpriseAdmin@forest-1")!.privilegedGroups = [];
    const read = readPreflightFile(JSON.stringify(notEa), example);
    if (!read.ok) throw new Error(read.message);
    const added = withPreflightRun(example, judgePreflight(read.plan, read.facts, read.ownerId));
    if (!added.ok) throw new Error(added.message);
    const results = checksReport(undefined, added.plan)!.results.filter((result) => result.accountKey === "connectEnterpriseAdmin@forest-1");
    expect(results.some((result) => result.status === "fail" && /Enterprise Admins/.test(result.title))).toBe(true);
  });

  it("a second file for the same forest replaces the first", () => {
    const once = loaded(loadExample("connect-fabrikam-three-forests.json"), "preflight-forest-fabrikam-com");
    const twice = loaded(once, "preflight-forest-fabrikam-com");
    expect(twice.preflight).toHaveLength(1);
    expect(twice.preflight[0]!.results).toEqual(once.preflight[0]!.results);
  });

  it("go out of date when a plan value they judged changes, not when a note does; exports leave them out with a note to run the pre-flight again", () => {
    const plan = loaded(loadExample("connect-fabrikam-three-forests.json"), "preflight-forest-fabrikam-com");
    const noted = { ...plan, accounts: { ...plan.accounts, "connectAdDsConnector@forest-1": { ...plan.accounts["connectAdDsConnector@forest-1"]!, notes: "changed" } } };
    expect(plan.preflight[0]!.results.filter(staleTest(noted))).toEqual([]);
    const renamed = { ...plan, accounts: { ...plan.accounts, "connectAdDsConnector@forest-1": { ...plan.accounts["connectAdDsConnector@forest-1"]!, name: "svc-other" } } };
    const stale = plan.preflight[0]!.results.filter(staleTest(renamed));
    expect(stale.length).toBeGreaterThan(0);
    expect(stale.every((result) => result.accountKey === "connectAdDsConnector@forest-1")).toBe(true);
    const exported = exportableReport(undefined, renamed)!;
    expect(exported.results.some((result) => stale.some((old) => old.id === result.id))).toBe(false);
    const note = exported.results.find((result) => result.id === "out-of-date-preflight:connectAdDsConnector@forest-1")!;
    expect(note.remediation).toMatch(/pre-flight collectors again/);
    expect(exportableReport(exported, renamed)).toEqual(exported);
  });

  it("show in the worksheet with when the facts were collected", () => {
    const plan = loaded(loadExample("connect-fabrikam-three-forests.json"), "preflight-forest-fabrikam-com");
    const markdown = planToMarkdown(plan);
    expect(markdown).toContain("Rights on the domain roots");
    expect(markdown).toContain("collected 2026-11-26T10:00:00.000Z");
  });

  it("the summary every export shows says when each file's facts were collected, and the tenant checks stay 'Not run'", () => {
    const plan = loaded(loadExample("connect-fabrikam-three-forests.json"), "preflight-forest-fabrikam-com", "preflight-server-sync01");
    const rows = new Map(planSummary(plan).map((row) => [row.label, row.value]));
    expect(rows.get("Tenant checks")).toBe("Not run");
    expect(rows.get("On-premises pre-flight")).toMatch(/Forest fabrikam\.com, facts collected .*2026.*: .*\d+ pass.*; Server SYNC01, facts collected/);
  });

  it("tenant checks gone out of date still show, with when and where they ran and the note to run them again, not 'Not run'", () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    const report = withFingerprints(
      {
        checkedAt: "2026-11-25T10:00:00.000Z",
        tenant: { id: "t", displayName: "Fabrikam" },
        results: [{ id: "tenant-initial-domain", account: null, status: "pass", title: "The initial domain exists", detail: "d" }],
      },
      example,
    );
    // A new initial domain makes every tenant result out of date; the pre-flight file's results stay current.
    const plan = loaded({ ...example, environment: { ...example.environment!, tenant: { ...example.environment!.tenant, initialDomain: "fabrikamnew.onmicrosoft.com" } } }, "preflight-forest-fabrikam-com");
    expect(exportableReport(report, plan)!.results.filter((result) => result.id.startsWith("tenant-"))).toEqual([]);
    const summary = planSummary(plan, exportableReport(report, plan));
    const row = summary.find((candidate) => candidate.label === "Tenant checks")!;
    expect(row.value).not.toBe("Not run");
    expect(row.value).toBe("Against Fabrikam: 1 to check");
    // When they ran is a row of its own, a real date in the workbook.
    expect(summary.find((candidate) => candidate.label === "Tenant checks run")?.date?.iso).toBe("2026-11-25T10:00:00.000Z");
    const markdown = planToMarkdown(plan, report);
    const section = markdown.slice(markdown.indexOf("## Tenant checks"));
    expect(markdown).toContain("## Tenant checks");
    expect(section).toContain("Checked against Fabrikam at 2026-11-25T10:00:00.000Z");
    expect(section).toContain(STALE_MARK);
    expect(section).toMatch(/Run the checks again on the Check against your tenant step/);
  });

  it("the CSV's Validation column takes a failing pre-flight result for its account", () => {
    const plan = loaded(loadExample("connect-fabrikam-three-forests.json"), "preflight-forest-fabrikam-com");
    const run = plan.preflight[0]!;
    const failing = { ...plan, preflight: [{ ...run, results: run.results.map((result) => (result.id.startsWith("preflight-rights:") ? { ...result, status: "fail" as const } : result)) }] };
    // The connector's record is the only one whose worst result changes.
    expect(planToCsv(plan)).not.toContain('"Fail"');
    expect(planToCsv(failing).split('"Fail"')).toHaveLength(2);
  });
});
