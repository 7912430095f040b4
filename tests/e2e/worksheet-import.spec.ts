import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Papa from "papaparse";
import { expectStep, freshStart } from "./helpers";

/**
 * The customer's worksheet comes back: the workbook and the CSV are
 * exported in the browser, changed by an independent writer (Debian's
 * python3-openpyxl; Python's csv module), and imported again. Keyboard only
 * from the file field on.
 */

const PYTHON = "/usr/bin/python3";
const EDITOR = join(process.cwd(), "tests", "e2e", "edit-worksheet.py");
const HIA = "cloudSyncHybridIdentityAdmin";
const HIA_LABEL = "Hybrid Identity Administrator";

interface Edits {
  cells?: { key: string; column: string; value: string }[];
  sort?: boolean;
  filter?: boolean;
  addRow?: boolean;
  removeKey?: string;
  editKey?: [string, string];
  renameSheet?: [string, string];
}

let folder: string;
test.beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "worksheet-import-"));
});

async function openExportOfExample(page: Page) {
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Cloud Sync, one forest, three agents”" }).click();
  await expectStep(page, "Check your answers");
  await page.goto("/plan/export");
  await expectStep(page, "Export the plan");
}

async function download(page: Page, button: string, name: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: button }).click()]);
  const path = join(folder, name);
  await copyFile(await file.path(), path);
  return path;
}

/** The exported file as the customer returns it, edited by the independent writer. */
function edited(source: string, name: string, edits: Edits): string {
  const target = join(folder, name);
  execFileSync(PYTHON, [EDITOR, source, target, JSON.stringify(edits)], { stdio: "pipe" });
  return target;
}

async function csvRows(page: Page): Promise<Record<string, string>[]> {
  const path = await download(page, "Download the CSV", `check-${Date.now()}.csv`);
  return Papa.parse<Record<string, string>>((await readFile(path, "utf8")).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
}

/** The user tabs to the file field and chooses the file (the file chooser itself is the browser's). */
async function choose(page: Page, path: string) {
  await tabTo(page, fileField(page));
  await fileField(page).setInputFiles(path);
}

const fileField = (page: Page) => page.getByLabel("The returned workbook (.xlsx) or CSV (.csv)");

/** Presses Tab until `target` has focus: the user's way through the page without a mouse. */
async function tabTo(page: Page, target: Locator) {
  for (let step = 0; step < 100; step += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error("the control was not reached with Tab");
}

function preview(page: Page) {
  return page.getByRole("dialog", { name: /^Changes in / });
}

async function changesShown(dialog: Locator): Promise<string[]> {
  return dialog.locator("tbody tr").evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll("td")].slice(1).map((cell) => cell.textContent?.trim()).join(" | ")),
  );
}

test("a workbook changed with openpyxl comes back: exactly those changes in the preview, the accepted ones in the plan", async ({ page }) => {
  await openExportOfExample(page);
  const before = await csvRows(page);
  const gmsa = before.find((row) => row.Key !== HIA && row.Key?.startsWith("cloudSyncGmsa"))!;
  const exported = await download(page, "Download the workbook", "plan.xlsx");
  const returned = edited(exported, "returned.xlsx", {
    cells: [
      { key: HIA, column: "Owner", value: "Dana (IAM team)" },
      { key: HIA, column: "Status", value: "Verified" },
      { key: gmsa.Key!, column: "Notes", value: "Created on 3 March" },
    ],
  });
  await choose(page, returned);
  const dialog = preview(page);
  await expect(dialog).toBeVisible();
  expect((await changesShown(dialog)).sort()).toEqual(
    [
      `${HIA_LABEL} | Owner | ${before.find((row) => row.Key === HIA)!.Owner || "(empty)"} | Dana (IAM team)`,
      `${HIA_LABEL} | Status | ${before.find((row) => row.Key === HIA)!.Status} | Verified`,
      `${gmsa.Account} | Notes | ${gmsa.Notes || "(empty)"} | Created on 3 March`,
    ].sort(),
  );
  const axe = await new AxeBuilder({ page }).include("dialog[open]").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(axe.violations.map((violation) => violation.id)).toEqual([]);

  // Keyboard only: leave the note out, apply the rest.
  await tabTo(page, dialog.getByRole("checkbox", { name: `Apply: ${gmsa.Account}, Notes` }));
  await page.keyboard.press("Space");
  await tabTo(page, dialog.getByRole("button", { name: "Apply the 2 selected changes" }));
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText("2 changes from returned.xlsx applied to the plan.")).toBeFocused();

  const after = await csvRows(page);
  expect(after.find((row) => row.Key === HIA)).toMatchObject({ Owner: "Dana (IAM team)", Status: "Verified" });
  expect(after.find((row) => row.Key === gmsa.Key)!.Notes).toBe(gmsa.Notes);
  // Nothing else moved.
  const unchanged = (rows: Record<string, string>[]) => rows.filter((row) => row.Key !== HIA).map((row) => JSON.stringify(row));
  expect(unchanged(after)).toEqual(unchanged(before));
});

test("rows sorted and filtered by the customer still match by key; each structural change is refused naming its row or sheet; the CSV comes back too", async ({ page }) => {
  await openExportOfExample(page);
  const before = await csvRows(page);
  const exported = await download(page, "Download the workbook", "plan.xlsx");

  const sorted = edited(exported, "sorted.xlsx", { cells: [{ key: HIA, column: "Owner", value: "Priya" }], sort: true, filter: true });
  await choose(page, sorted);
  const dialog = preview(page);
  await expect(dialog).toBeVisible();
  expect(await changesShown(dialog)).toEqual([`${HIA_LABEL} | Owner | ${before.find((row) => row.Key === HIA)!.Owner || "(empty)"} | Priya`]);
  // Escape cancels: nothing is saved, and focus returns to the file field.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(fileField(page)).toBeFocused();
  expect(await csvRows(page)).toEqual(before);

  const refusals: [string, Edits, RegExp][] = [
    ["added.xlsx", { addRow: true }, /Row \d+ \(My extra account\) has no key: rows may not be added/],
    ["removed.xlsx", { removeKey: HIA }, new RegExp(`The row of “${HIA_LABEL}” \\(key ${HIA}\\) is missing`)],
    ["key.xlsx", { editKey: [HIA, `${HIA}@forest-7`] }, new RegExp(`Row \\d+ \\(${HIA_LABEL}\\): the key “${HIA}@forest-7” is not an account of this plan`)],
    ["renamed.xlsx", { renameSheet: ["Checks", "Tests"] }, /The sheet “Checks” is missing[\s\S]*The sheet “Tests” is not one the planner wrote/],
  ];
  for (const [name, edits, message] of refusals) {
    await choose(page, edited(exported, name, edits));
    const alert = page.getByRole("alert").filter({ hasText: "Nothing in the plan was changed." });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(message);
    await expect(preview(page)).toBeHidden();
  }
  await expect(page.getByRole("alert").filter({ hasText: "Nothing in the plan was changed." })).toBeFocused();
  expect(await csvRows(page)).toEqual(before);

  // The CSV, edited with Python's csv module: a note with a comma, quotes and a line break.
  const exportedCsv = await download(page, "Download the CSV", "plan.csv");
  const note = 'Called them, "twice"\nback on Monday';
  await choose(page, edited(exportedCsv, "returned.csv", { cells: [{ key: HIA, column: "Notes", value: note }, { key: HIA, column: "Status", value: "Created" }], sort: true }));
  await expect(dialog).toBeVisible();
  expect(await changesShown(dialog)).toHaveLength(2);
  await tabTo(page, dialog.getByRole("button", { name: "Apply the 2 selected changes" }));
  await page.keyboard.press("Enter");
  await expect(page.getByText("2 changes from returned.csv applied to the plan.")).toBeVisible();
  expect((await csvRows(page)).find((row) => row.Key === HIA)).toMatchObject({ Notes: note, Status: "Created" });
});
