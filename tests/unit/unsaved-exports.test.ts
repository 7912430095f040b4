import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/export/route";
import { renderExport } from "@/lib/export/formats";
import { unsavedSteps } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";

const example = JSON.parse(readFileSync("public/examples/connect-fabrikam-three-forests.json", "utf8"));
const plan = loadExample("connect-fabrikam-three-forests.json");
// What the browser sends: the draft's raw values of a step the plan does not hold.
const unsaved = unsavedSteps(plan, { environment: { organisation: { name: "" } } });
const notice = /^Unsaved edit on step Describe the environment; this export shows the last valid value\.$/;

function post(body: unknown, format: string) {
  return POST(new Request(`http://localhost/api/export?format=${format}`, { method: "POST", body: JSON.stringify(body), headers: { "Content-Type": "application/json" } }));
}

function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, "")
    .trimEnd()
    .split("\r\n")
    .map((line) => [...line.matchAll(/"((?:[^"]|"")*)"/g)].map((match) => match[1]!.replaceAll('""', '"')));
}

describe("an unsaved edit at the top of every export", () => {
  it("the worksheet says it first, before the summary", async () => {
    const text = (await renderExport(plan, "md", undefined, { unsavedSteps: unsaved })).body as string;
    const lines = text.split("\n").filter(Boolean);
    expect(lines[0]).toMatch(/^# Account plan/);
    expect(lines[1]!.replace(/^> \*\*|\*\*$/g, "").replaceAll("\\", "")).toMatch(notice);
  });

  it("the CSV has the notice in a row of its own above an unchanged header, and no such row without an unsaved edit", async () => {
    const withNotice = csvRows((await renderExport(plan, "csv", undefined, { unsavedSteps: unsaved })).body as string);
    const without = csvRows((await renderExport(plan, "csv")).body as string);
    expect(withNotice[0]).toHaveLength(1);
    expect(withNotice[0]![0]).toMatch(notice);
    expect(withNotice.slice(1)).toEqual(without);
  });

  it("the workbook's Summary lists it in its first row", async () => {
    const bytes = (await renderExport(plan, "xlsx", undefined, { unsavedSteps: unsaved })).body as Uint8Array;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const row = workbook.getWorksheet("Summary")!.getRow(2);
    expect(row.getCell(1).text).toBe("Unsaved edit");
    expect(row.getCell(2).text).toMatch(notice);
  });

  it("the API takes unsavedSteps, optional, and refuses a malformed list", async () => {
    const response = await post({ plan: example, unsavedSteps: unsaved }, "md");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Unsaved edit on step Describe the environment");
    const plain = await post({ plan: example }, "md");
    expect(await plain.text()).not.toContain("Unsaved edit");
    const refused = await post({ plan: example, unsavedSteps: [{ stepId: "environment" }] }, "md");
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe("invalid_unsaved_steps");
  });
});
