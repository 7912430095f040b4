import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import * as XLSX from "xlsx";
import { deriveAccounts, readPlan } from "@/lib/plan";
import { expectAccessible, expectStep, freshStart } from "./helpers";

async function openConnectExample(page: Page) {
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Connect Sync, three forests, remote SQL”" }).click();
  await expectStep(page, "Check your answers");
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

async function connectExampleAccounts(page: Page) {
  const result = readPlan(await (await page.request.get("/examples/connect-fabrikam-three-forests.json")).json());
  if (!result.ok) throw new Error("example invalid");
  return deriveAccounts(result.plan);
}

test("the Export step downloads every format for the Connect example", async ({ page }) => {
  await openConnectExample(page);
  const accounts = await connectExampleAccounts(page);
  await page.goto("/plan/export");
  await expectStep(page, "Export the plan");
  await expectAccessible(page);

  const workbook = await download(page, "Download the workbook");
  expect(workbook.name).toBe("fabrikam-group-account-plan-2026-11-25.xlsx");
  const sheets = XLSX.read(workbook.bytes, { type: "buffer" });
  expect(sheets.SheetNames).toContain("Accounts");
  expect(XLSX.utils.sheet_to_json(sheets.Sheets.Accounts!)).toHaveLength(accounts.length);

  const csv = await download(page, "Download the CSV");
  expect(csv.name.endsWith(".csv")).toBe(true);
  expect(csv.bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));

  const script = await download(page, "Download the script");
  expect(script.name.endsWith(".ps1")).toBe(true);
  // A byte order mark, then ASCII: Windows PowerShell 5.1 reads it as the planner wrote it.
  expect([...script.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect([...script.bytes.subarray(3)].every((byte) => byte < 0x80)).toBe(true);
  expect(script.bytes.toString("utf8")).toContain("Set-ADSyncRestrictedPermissions");

  const json = await download(page, "Download the plan file");
  expect(JSON.parse(json.bytes.toString("utf8")).tool).toBe("connect");
  const markdown = await download(page, "Download the worksheet");
  expect(markdown.bytes.toString("utf8")).toContain("## AD DS Connector account — wingtiptoys.com");

  // The pre-flight collectors: one read-only script per forest and per server, and their README.
  const preflight = await download(page, "Download the collectors");
  expect(preflight.name).toBe("fabrikam-group-account-plan-2026-11-25.preflight.zip");
  const collectors = unzipSync(new Uint8Array(preflight.bytes));
  expect(Object.keys(collectors).sort()).toEqual([
    "README.txt",
    "preflight-forest-fabrikam-com.ps1",
    "preflight-forest-tailspintoys-com.ps1",
    "preflight-forest-wingtiptoys-com.ps1",
    "preflight-server-sync01.ps1",
    "preflight-server-sync02.ps1",
  ]);
  expect([...collectors["preflight-server-sync01.ps1"]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(strFromU8(collectors["README.txt"]!)).toContain("changes nothing and collects no password, key or secret");
  const schema = await (await page.request.get("/preflight.schema.json")).json();
  expect(schema.$id).toBe("/preflight.schema.json");

  const zip = await download(page, "Download everything");
  const files = unzipSync(new Uint8Array(zip.bytes));
  const topLevel = Object.keys(files).filter((name) => !name.includes("/"));
  expect(topLevel.map((name) => name.split(".").pop()).sort()).toEqual(["csv", "json", "md", "ps1", "xlsx"]);
  // The install-day folder: one script per part and the run-order README.
  expect(Object.keys(files).filter((name) => name.startsWith("install-day/") && name.endsWith(".ps1")).length).toBeGreaterThan(1);
  expect(strFromU8(files["install-day/README.txt"]!)).toContain("Unblock-File");
  expect(Object.keys(files).filter((name) => name.startsWith("preflight/") && name.endsWith(".ps1"))).toHaveLength(5);
  expect(strFromU8(files["fabrikam-group-account-plan-2026-11-25.ps1"]!)).toContain("#Requires -RunAsAdministrator");
});

test("the printable plan renders to a PDF that names every account", async ({ page }) => {
  await openConnectExample(page);
  const accounts = await connectExampleAccounts(page);
  await page.goto("/plan/export");
  await page.getByRole("link", { name: "Open the printable plan" }).click();
  await expectStep(page, "Account plan: Fabrikam Group");
  await expectAccessible(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Plan steps" })).toHaveCount(0);
  const pdfPath = join(tmpdir(), `printable-plan-${Date.now()}.pdf`);
  await writeFile(pdfPath, await page.pdf({ format: "A4", printBackground: true }));
  const text = execFileSync("pdftotext", ["-raw", pdfPath, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
  for (const account of accounts) expect(text, account.label).toContain(account.label.replace(/\s+/g, " "));
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdfPath], { encoding: "utf8" }))?.[1]);
  // Sections flow across pages: no page per account (print-and-phone.spec.ts checks the page count and numbers).
  expect(pages).toBeLessThan(accounts.length);
});

test("the wizard's pages do not load the export libraries; exporting a workbook does", async ({ page }) => {
  const scripts: { url: string; body: string }[] = [];
  page.on("response", async (response) => {
    if (response.request().resourceType() === "script") scripts.push({ url: response.url(), body: await response.text().catch(() => "") });
  });
  const loaded = () => scripts.filter((script) => script.body.includes("xl/workbook.xml")).map((script) => script.url);

  await openConnectExample(page);
  await page.goto("/plan/accounts/connectAdDsConnector%40forest-1");
  await expectStep(page, "AD DS Connector account — fabrikam.com");
  await page.goto("/plan/export");
  await expectStep(page, "Export the plan");
  await page.waitForLoadState("networkidle");
  expect(scripts.length).toBeGreaterThan(3);
  expect(loaded()).toEqual([]);

  await download(page, "Download the workbook");
  await expect.poll(() => loaded().length).toBeGreaterThan(0);
});
