import AxeBuilder from "@axe-core/playwright";
import { expect, type Download, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/** Fails with the list of violations when axe finds any WCAG 2.2 A/AA problem on the page as it is now. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  const summary = results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  // Checked on every page axe sees: the planner never asks for a secret.
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
}

/** Opens the start page with an empty browser store: no plan in the library, none open in this tab, no old draft. */
export async function freshStart(page: Page) {
  await page.goto("/");
  await page.evaluate(async () => {
    window.localStorage.clear();
    window.sessionStorage.clear();
    // The library's object store is emptied rather than the database deleted: the page holds the database open.
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open("entra-sync-planner");
      request.onerror = () => reject(request.error);
      request.onupgradeneeded = () => request.result.createObjectStore("plans");
      request.onsuccess = () => {
        const transaction = request.result.transaction("plans", "readwrite");
        transaction.objectStore("plans").clear();
        transaction.oncomplete = () => {
          request.result.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}

/**
 * The plan this tab is editing, as stored in the library (IndexedDB), once
 * every change is written (the wizard says "Saved in this browser").
 */
// The specs read the stored plan as they read plan JSON files: untyped, field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function storedPlan(page: Page): Promise<any> {
  const status = page.locator("[data-save-state]");
  if ((await status.count()) > 0) await expect(status).toHaveAttribute("data-save-state", /saved|idle/);
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const id = window.sessionStorage.getItem("entra-sync-planner:open-plan");
        const request = indexedDB.open("entra-sync-planner");
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const read = request.result.transaction("plans").objectStore("plans").get(`plan:${id}`);
          read.onsuccess = () => {
            request.result.close();
            resolve(read.result?.plan ?? null);
          };
          read.onerror = () => reject(read.error);
        };
      }),
  );
}

export async function continueStep(page: Page) {
  await page.getByRole("button", { name: "Save and continue" }).click();
}

/** Waits for a step to open: its heading is shown and has taken focus. */
export async function expectStep(page: Page, heading: string | RegExp) {
  const h1 = page.getByRole("heading", { level: 1 });
  await expect(h1).toHaveText(heading);
  await expect(h1).toBeFocused();
}

export async function downloadText(page: Page, trigger: Locator): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent("download"), trigger.click()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), "utf8") };
}

/** The step list's current entry. */
export function currentStep(page: Page): Locator {
  return page.getByRole("navigation", { name: "Plan steps" }).locator('[aria-current="step"]');
}

/** The error summary at the top of a form (Next's route announcer is an alert too). */
export function errorSummary(page: Page): Locator {
  return page.getByRole("alert", { name: "There is a problem" });
}
