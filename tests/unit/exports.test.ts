import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { POST } from "@/app/api/export/route";
import { ACCOUNT_COLUMNS } from "@/lib/export/account-rows";
import { neutraliseCell } from "@/lib/export/cell-safety";
import { planToCsv } from "@/lib/export/csv";
import { EXPORT_FORMAT_IDS } from "@/lib/export/formats";
import { planToWorkbook } from "@/lib/export/xlsx";
import { planToZip } from "@/lib/export/zip";
import { deriveAccounts } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { examplePlan, loadExample } from "../fixtures/plans";

const REPORT: ValidationReport = {
  checkedAt: "2026-11-24T10:00:00.000Z",
  tenant: { id: "t", displayName: "Contoso (demo tenant)" },
  results: [
    { id: "admin-member:cloudSyncHybridIdentityAdmin", account: "cloudSyncHybridIdentityAdmin", accountKey: "cloudSyncHybridIdentityAdmin", status: "fail", title: "a guest account", detail: "Guest." },
    { id: "tenant-synced", account: null, status: "warn", title: "The tenant is already synchronized", detail: "Already synced." },
  ],
};

describe("Excel workbook", () => {
  it("has the Summary, Accounts, a Rights sheet per forest and Checks, read back by SheetJS", async () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const workbook = XLSX.read(await planToWorkbook(plan), { type: "array" });
    expect(workbook.SheetNames).toEqual(["Summary", "Accounts", "Rights fabrikam.com", "Rights tailspintoys.com", "Rights wingtiptoys.com", "Checks"]);
    expect(workbook.Props).toMatchObject({ Title: "Account plan: Fabrikam Group", Author: "Jordan Mills" });

    const accounts = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Accounts!);
    expect(accounts).toHaveLength(deriveAccounts(plan).length);
    expect(Object.keys(accounts[0]!)).toEqual(ACCOUNT_COLUMNS.map((column) => column.header));
    expect(accounts.find((row) => row.Account === "AD DS Connector account — tailspintoys.com")).toMatchObject({
      "Name / UPN": "svc-aadc-tst",
      Domain: "tailspintoys.com",
      Status: "Planned",
      Required: "Required",
    });
    expect(accounts.find((row) => row.Account === "AD DS Connector account — tailspintoys.com")?.Cmdlet).toContain("Set-ADSyncPasswordHashSyncPermissions");
    expect(workbook.Sheets.Accounts!["!autofilter"]).toEqual({ ref: "A1:N1" });

    const summary = XLSX.utils.sheet_to_json<{ Field: string; Value: string }>(workbook.Sheets.Summary!);
    expect(summary).toEqual(expect.arrayContaining([{ Field: "Install type", Value: "Custom installation" }, { Field: "Validated", Value: "Not validated" }]));
    const rights = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets["Rights wingtiptoys.com"]!);
    expect(rights.some((row) => row.Account === "AD DS Connector account — wingtiptoys.com" && row["Granted by"] === "Set-ADSyncExchangeHybridPermissions")).toBe(true);
  });

  it("freezes the header row and offers Planned, Created or Verified on every Status cell, in the file's own XML", async () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const files = unzipSync(await planToWorkbook(plan));
    const accountsXml = strFromU8(files["xl/worksheets/sheet2.xml"]!);
    expect(accountsXml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    const statusColumn = XLSX.utils.encode_col(ACCOUNT_COLUMNS.findIndex((column) => column.key === "status"));
    const validation = /<dataValidation [^>]*type="list"[^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/.exec(accountsXml);
    expect(validation?.[2]).toBe("&quot;Planned,Created,Verified&quot;");
    expect(validation?.[1]).toBe(`${statusColumn}2:${statusColumn}${deriveAccounts(plan).length + 1}`);
    expect(accountsXml.match(/<dataValidation /g)).toHaveLength(1);
  });

  it("lists the checks and the validation time when the plan was validated", async () => {
    const workbook = XLSX.read(await planToWorkbook(loadExample("cloud-sync-contoso.json"), REPORT), { type: "array" });
    const checks = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Checks!);
    expect(checks).toEqual([
      expect.objectContaining({ Status: "Fail", Account: "Hybrid Identity Administrator", Check: "a guest account" }),
      expect.objectContaining({ Status: "Warning", Account: "Tenant" }),
    ]);
    const accounts = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Accounts!);
    expect(accounts.find((row) => row.Account === "Hybrid Identity Administrator")?.Validation).toBe("Fail");
  });

  it("neutralises cells that would run as formulas", async () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.accounts.cloudSyncHybridIdentityAdmin!.owner = "=HYPERLINK(\"http://evil\",\"x\")";
    plan.accounts.cloudSyncHybridIdentityAdmin!.notes = "@SUM(A1)";
    const workbook = XLSX.read(await planToWorkbook(plan), { type: "array", cellFormula: true });
    const sheet = workbook.Sheets.Accounts!;
    const formulas = Object.entries(sheet).filter(([key, value]) => !key.startsWith("!") && (value as XLSX.CellObject).f);
    expect(formulas).toEqual([]);
    const accounts = XLSX.utils.sheet_to_json<Record<string, string>>(sheet);
    expect(accounts.find((row) => row.Account === "Hybrid Identity Administrator")).toMatchObject({ Owner: "'=HYPERLINK(\"http://evil\",\"x\")", Notes: "'@SUM(A1)" });
  });
});

describe("CSV", () => {
  it("parses back to the Accounts rows with a standard parser, with a byte order mark", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    plan.accounts.connectSqlSa!.notes = 'Instance "SQL01\\ADSYNC", line one\nline two, with é';
    const csv = planToCsv(plan);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(ACCOUNT_COLUMNS.map((column) => column.header));
    expect(parsed.data).toHaveLength(deriveAccounts(plan).length + 1);
    const sql = parsed.data.find((row) => row[0] === "SQL SA account")!;
    expect(sql[ACCOUNT_COLUMNS.findIndex((column) => column.key === "notes")]).toBe('Instance "SQL01\\ADSYNC", line one\nline two, with é');
  });

  it("neutralises a cell beginning with =, +, -, @, tab or carriage return", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.accounts.cloudSyncHybridIdentityAdmin!.owner = "=1+2";
    const parsed = Papa.parse<string[]>(planToCsv(plan).slice(1), { skipEmptyLines: true });
    const owner = ACCOUNT_COLUMNS.findIndex((column) => column.key === "owner");
    expect(parsed.data.find((row) => row[0] === "Hybrid Identity Administrator")?.[owner]).toBe("'=1+2");
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\n", "\n=", " =", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\u3000\uFF1D"]) {
      expect(neutraliseCell(`${start}x`), JSON.stringify(start)).toBe(`'${start}x`);
    }
    expect(neutraliseCell("plain")).toBe("plain");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });
});

/** Parses every XML part of a workbook strictly, as Excel does: one character XML 1.0 forbids and the file does not open. */
function strictXmlParts(workbook: Uint8Array): string[] {
  const parts = unzipSync(workbook);
  const names = Object.keys(parts).filter((name) => name.endsWith(".xml") || name.endsWith(".rels"));
  for (const name of names) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (error) => {
      throw new Error(`${name}: ${error.message}`);
    });
    parser.write(strFromU8(parts[name]!)).close();
  }
  return names;
}

describe("Excel workbook for any plan the schema accepts", () => {
  it("gives two forests whose names share their first 24 characters two sheets", async () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    plan.environment!.forests[0]!.rootDomain = "abcdefghijklmnopqrstuvwx.contoso.com";
    plan.environment!.forests[1]!.rootDomain = "abcdefghijklmnopqrstuvwx.fabrikam.com";
    for (const entry of Object.values(plan.accounts)) if (entry.domain) entry.domain = "";
    const workbook = XLSX.read(await planToWorkbook(plan), { type: "array" });
    expect(workbook.SheetNames).toEqual(["Summary", "Accounts", "Rights abcdefghijklmnopqrstuvwx", "Rights abcdefghijklmnopqrst (2)", "Rights wingtiptoys.com", "Checks"]);
  });

  it("stays valid XML with characters XML 1.0 forbids in free text", async () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.environment!.organisation.name = "Contoso \uFFFE\uFFFF Ltd";
    plan.environment!.organisation.preparer = "Avery\u0001 \uD800Howard";
    plan.accounts.cloudSyncHybridIdentityAdmin!.notes = "a\u0000b\u000Bc\uDC00d \u{1F600} kept";
    const bytes = await planToWorkbook(plan);
    expect(strictXmlParts(bytes).length).toBeGreaterThan(5);
    const accounts = XLSX.utils.sheet_to_json<Record<string, string>>(XLSX.read(bytes, { type: "array" }).Sheets.Accounts!);
    expect(accounts.find((row) => row.Account === "Hybrid Identity Administrator")?.Notes).toBe("a\uFFFDb\uFFFDc\uFFFDd \u{1F600} kept");
  });
});

describe("zip and /api/export", () => {
  it("the zip holds every format", async () => {
    const files = unzipSync(await planToZip(loadExample("cloud-sync-contoso.json"), REPORT));
    expect(Object.keys(files).sort()).toEqual(["json", "md", "csv", "ps1", "xlsx"].map((extension) => `contoso-ltd-account-plan-2026-11-20.${extension}`).sort());
    expect(strFromU8(files["contoso-ltd-account-plan-2026-11-20.md"]!)).toContain("## Tenant checks");
  });

  it.each(EXPORT_FORMAT_IDS)("POST /api/export?format=%s answers the file with its type and name", async (format) => {
    const response = await POST(
      new Request(`http://localhost/api/export?format=${format}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: examplePlan("cloud-sync-contoso.json"), results: REPORT }) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="contoso-ltd-account-plan-2026-11-20.${format}"`);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it("refuses results that are not a validation report", async () => {
    const response = await POST(
      new Request("http://localhost/api/export?format=md", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: examplePlan("cloud-sync-contoso.json"), results: { results: "nope" } }) }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_results" });
  });
});
