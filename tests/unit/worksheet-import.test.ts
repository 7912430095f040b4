import { strToU8, zipSync } from "fflate";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { planToCsv } from "@/lib/export/csv";
import { planToWorkbook } from "@/lib/export/xlsx";
import { applyChanges } from "@/lib/import/proposals";
import { IMPORT_MAX_ROWS, unneutralise } from "@/lib/import/read-table";
import { readZipSafely, scanZip, ZIP_LIMITS } from "@/lib/import/safe-zip";
import { importWorksheet, type WorksheetImport } from "@/lib/import/worksheet-import";
import { deriveAccounts, planSchema, type Plan } from "@/lib/plan";
import { neutraliseCell } from "@/lib/export/cell-safety";
import { loadExample } from "../fixtures/plans";

// SheetJS (the xlsx package) is the independent writer here: the planner exports with ExcelJS.
const example = () => loadExample("cloud-sync-contoso.json");
const HIA = "cloudSyncHybridIdentityAdmin";

type Cells = Record<string, string>;

/** The exported workbook's Accounts sheet as rows by header, edited by `edit`, written again by SheetJS. */
async function editedWorkbook(plan: Plan, edit: (rows: Cells[], workbook: XLSX.WorkBook) => Cells[] | void): Promise<Uint8Array> {
  const workbook = XLSX.read(await planToWorkbook(plan), { type: "array" });
  const rows = XLSX.utils.sheet_to_json<Cells>(workbook.Sheets.Accounts!, { defval: "", raw: false });
  const edited = edit(rows, workbook) ?? rows;
  workbook.Sheets.Accounts = XLSX.utils.json_to_sheet(edited);
  return new Uint8Array(XLSX.write(workbook, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

const rowOf = (rows: Cells[], key: string) => rows.find((row) => row.Key === key)!;

function expectOk(result: WorksheetImport) {
  if (!result.ok) throw new Error(`refused: ${result.message} ${result.problems.join(" | ")}`);
  return result.changes;
}

function expectRefused(result: WorksheetImport, pattern: RegExp) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect([result.message, ...result.problems].join("\n")).toMatch(pattern);
}

describe("a returned workbook", () => {
  it("unchanged, proposes nothing; every key of the plan is in the Accounts sheet, in a hidden column", async () => {
    const plan = example();
    const bytes = await planToWorkbook(plan);
    expect(expectOk(await importWorksheet(plan, "plan.xlsx", bytes))).toEqual([]);
    const workbook = XLSX.read(bytes, { type: "array", cellStyles: true });
    const rows = XLSX.utils.sheet_to_json<Cells>(workbook.Sheets.Accounts!);
    expect(rows.map((row) => row.Key)).toEqual(deriveAccounts(plan).map((account) => account.key));
    const keyColumn = Object.keys(rows[0]!).indexOf("Key");
    expect(workbook.Sheets.Accounts!["!cols"]?.[keyColumn]?.hidden).toBe(true);
  });

  it("proposes exactly the cells the customer changed, matched by key after sorting, and applies them", async () => {
    const plan = example();
    const gmsa = deriveAccounts(plan).find((account) => account.key !== HIA && plan.accounts[account.key])!.key;
    const bytes = await editedWorkbook(plan, (rows) => {
      rowOf(rows, HIA).Owner = "Dana (IAM team)";
      rowOf(rows, HIA).Status = "Verified";
      rowOf(rows, gmsa).Notes = "Created on 3 March";
      // Sorted by the customer: rows are matched by key, not position.
      return [...rows].sort((a, b) => b.Account!.localeCompare(a.Account!));
    });
    const changes = expectOk(await importWorksheet(plan, "plan.xlsx", bytes));
    expect(changes.map(({ key, field, to }) => ({ key, field, to }))).toEqual(
      expect.arrayContaining([
        { key: HIA, field: "owner", to: "Dana (IAM team)" },
        { key: HIA, field: "status", to: "Verified" },
        { key: gmsa, field: "notes", to: "Created on 3 March" },
      ]),
    );
    expect(changes).toHaveLength(3);
    const applied = applyChanges(plan, changes);
    expect(applied.accounts[HIA]).toMatchObject({ owner: "Dana (IAM team)", status: "verified" });
    expect(applied.accounts[gmsa]!.notes).toBe("Created on 3 March");
    expect(planSchema.safeParse(applied).success).toBe(true);
  });

  it("reads who creates the account after the export's description of how, and a name the plan left blank", async () => {
    const plan = example();
    const blank = deriveAccounts(plan).find((account) => plan.accounts[account.key]?.inUse && !account.definition.informational && !(account.definition.provisioningChoice && plan.accounts[account.key]?.provisioning === "wizard"))!;
    plan.accounts[blank.key] = { ...plan.accounts[blank.key]!, name: "" };
    const bytes = await editedWorkbook(plan, (rows) => {
      rowOf(rows, blank.key)["Name / UPN"] = "filled.in@contoso.com";
      rowOf(rows, HIA)["Created by"] = `${rowOf(rows, HIA)["Created by"]!.split(" · ")[0]} · Sam Admin`;
    });
    const changes = expectOk(await importWorksheet(plan, "plan.xlsx", bytes));
    expect(changes.map(({ key, field, value }) => ({ key, field, value }))).toEqual(
      expect.arrayContaining([
        { key: blank.key, field: "name", value: "filled.in@contoso.com" },
        { key: HIA, field: "createdBy", value: "Sam Admin" },
      ]),
    );
    expect(changes).toHaveLength(2);
  });

  it("gives back cells the export neutralised as they were, and reads a formula as its text", async () => {
    const plan = example();
    plan.accounts[HIA] = { ...plan.accounts[HIA]!, owner: "=HYPERLINK(\"x\")", notes: "-1 day" };
    const untouched = await planToWorkbook(plan);
    expect(expectOk(await importWorksheet(plan, "plan.xlsx", untouched))).toEqual([]);
    const workbook = XLSX.read(untouched, { type: "array" });
    const sheet = workbook.Sheets.Accounts!;
    const rows = XLSX.utils.sheet_to_json<Cells>(sheet);
    const header = Object.keys(rows[0]!);
    const rowIndex = rows.findIndex((row) => row.Key === HIA) + 1;
    const address = XLSX.utils.encode_cell({ r: rowIndex, c: header.indexOf("Notes") });
    sheet[address] = { t: "n", f: "SUM(1,2)", v: 3 };
    const bytes = new Uint8Array(XLSX.write(workbook, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const changes = expectOk(await importWorksheet(plan, "plan.xlsx", bytes));
    expect(changes).toEqual([expect.objectContaining({ key: HIA, field: "notes", value: "=SUM(1,2)" })]);
  });

  it("un-neutralises only what the export neutralised", () => {
    for (const value of ["=1+1", "+cmd", "@SUM(A1)", "-x", "'quoted", "plain", "'plain"]) expect(unneutralise(neutraliseCell(value))).toBe(value);
  });

  it.each([
    ["a row added", (rows: Cells[]) => [...rows, { ...rows[0]!, Key: "", Account: "My extra account" }], /Row \d+ \(My extra account\) has no key: rows may not be added/],
    ["a row removed", (rows: Cells[]) => rows.filter((row) => row.Key !== HIA), /The row of “Hybrid Identity Administrator” \(key cloudSyncHybridIdentityAdmin\) is missing/],
    ["a key edited", (rows: Cells[]) => void (rowOf(rows, HIA).Key = "cloudSyncHybridIdentityAdmin@forest-7"), /Row \d+ \(Hybrid Identity Administrator\): the key “cloudSyncHybridIdentityAdmin@forest-7” is not an account of this plan/],
    ["an account's kind changed", (rows: Cells[]) => void (rowOf(rows, HIA).Account = "Global Administrator"), /Row \d+ \(Global Administrator\): the Account column should say “Hybrid Identity Administrator”/],
    ["a name the plan sets changed", (rows: Cells[]) => void (rowOf(rows, HIA)["Name / UPN"] = "someone.else@contoso.com"), /Row \d+ \(Hybrid Identity Administrator\): the Name \/ UPN column was changed/],
    ["a status not in the list", (rows: Cells[]) => void (rowOf(rows, HIA).Status = "Done"), /Row \d+ \(Hybrid Identity Administrator\): the Status “Done” is not one of Planned, Created, Verified/],
  ])("refuses %s, naming the row", async (_name, edit, message) => {
    const plan = example();
    const result = await importWorksheet(plan, "plan.xlsx", await editedWorkbook(plan, edit));
    expectRefused(result, message);
  });

  it("refuses a renamed sheet, naming it", async () => {
    const plan = example();
    const bytes = await editedWorkbook(plan, (_rows, workbook) => {
      const index = workbook.SheetNames.indexOf("Facts");
      workbook.SheetNames[index] = "Fakten";
      workbook.Sheets.Fakten = workbook.Sheets.Facts!;
      delete workbook.Sheets.Facts;
    });
    expectRefused(await importWorksheet(plan, "plan.xlsx", bytes), /The sheet “Facts” is missing[\s\S]*The sheet “Fakten” is not one the planner wrote/);
  });

  it("refuses a file larger than the cap without reading it", async () => {
    const result = await importWorksheet(example(), "plan.xlsx", new Uint8Array(5_000_001));
    expectRefused(result, /5,000,001 bytes/);
  });
});

describe("a zip that is not what it says", () => {
  it("refuses a decompression bomb from its central directory, before inflating anything", async () => {
    const bomb = zipSync({ "xl/worksheets/sheet1.xml": [new Uint8Array(5_000_000), { level: 6 }] });
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => scanZip(bomb)).toThrow(/sheet1\.xml expands \d+ times/);
    expectRefused(await importWorksheet(example(), "plan.xlsx", bomb), /expands|would be/);
  });

  it("refuses an entry that holds more than its central directory declares, stopping at the declared size", () => {
    const zip = zipSync({ "a.xml": [new Uint8Array(200_000), { level: 9 }] });
    // Declares 1,000 bytes (central directory entry's uncompressed size at offset 24).
    const view = new DataView(zip.buffer, zip.byteOffset);
    const central = zip.length - 22 - (46 + "a.xml".length);
    expect(view.getUint32(central, true)).toBe(0x02014b50);
    view.setUint32(central + 24, 1_000, true);
    expect(() => readZipSafely(zip)).toThrow(/holds more than it declares/);
  });

  it("refuses more entries than any workbook has", () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: ZIP_LIMITS.entries + 1 }, (_, index) => [`part${index}.xml`, strToU8("<x/>")])));
    expect(() => scanZip(many)).toThrow(/holds 401 parts/);
  });

  it("refuses what is not a zip at all", () => {
    expect(() => scanZip(strToU8("PK\u0003\u0004 but nothing else"))).toThrow(/not a valid \.xlsx/);
  });
});

describe("a returned CSV", () => {
  const edited = (plan: Plan, edit: (rows: Cells[]) => Cells[] | void) => {
    const rows = Papa.parse<Cells>(planToCsv(plan).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    return strToU8(`\uFEFF${Papa.unparse(edit(rows) ?? rows, { newline: "\r\n" })}\r\n`);
  };

  it("round-trips: unchanged proposes nothing; changed cells come back, with commas, quotes and line breaks", async () => {
    const plan = example();
    expect(expectOk(await importWorksheet(plan, "plan.csv", strToU8(planToCsv(plan))))).toEqual([]);
    const note = 'Line one, "quoted"\nline two';
    const changes = expectOk(await importWorksheet(plan, "plan.csv", edited(plan, (rows) => void ((rowOf(rows, HIA).Notes = note), (rowOf(rows, HIA).Status = "Created")))));
    expect(changes.map(({ field, value }) => ({ field, value }))).toEqual([
      { field: "status", value: "created" },
      { field: "notes", value: note },
    ]);
  });

  it("reads a CSV exported while a step held an unsaved edit: the notice rows above the header are not accounts", async () => {
    const plan = example();
    const exported = planToCsv(plan, undefined, { unsavedSteps: [{ stepId: "environment", title: "Environment" }] }).replace(/^\uFEFF/, "");
    expect(expectOk(await importWorksheet(plan, "plan.csv", strToU8(exported)))).toEqual([]);
    const [notice, ...table] = exported.split("\r\n");
    const rows = Papa.parse<Cells>(table.join("\r\n"), { header: true, skipEmptyLines: true }).data;
    rowOf(rows, HIA).Notes = "Ticket 42";
    const returned = `${notice}\r\n${Papa.unparse(rows, { newline: "\r\n" })}\r\n`;
    const changes = expectOk(await importWorksheet(plan, "plan.csv", strToU8(returned)));
    expect(changes.map(({ field, value }) => ({ field, value }))).toEqual([{ field: "notes", value: "Ticket 42" }]);
  });

  it("refuses a removed row and an edited key", async () => {
    const plan = example();
    expectRefused(await importWorksheet(plan, "plan.csv", edited(plan, (rows) => rows.slice(1))), /is missing: rows may not be deleted/);
    expectRefused(await importWorksheet(plan, "plan.csv", edited(plan, (rows) => void (rowOf(rows, HIA).Key = "nope"))), /the key “nope” is not an account of this plan/);
  });

  it("refuses more rows than the cap", async () => {
    const plan = example();
    const header = planToCsv(plan).split("\r\n")[0]!;
    const text = `${header}\r\n${"x\r\n".repeat(IMPORT_MAX_ROWS + 5)}`;
    expectRefused(await importWorksheet(plan, "plan.csv", strToU8(text)), /more than 2,000 rows/);
  });
});
