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

/** Opens the start page with an empty browser store. */
export async function freshStart(page: Page) {
  await page.goto("/");
  await page.evaluate(() => window.localStorage.clear());
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
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
