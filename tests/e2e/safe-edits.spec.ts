import { expect, test, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { expectAccessible, expectStep } from "./helpers";

/**
 * Edits that make other parts of the plan inconsistent (tool, install type,
 * a forest removed, a feature dropped) say what they affect before they
 * happen, keep every value entered, and Undo brings the plan back. Each test
 * starts from the three-forest Connect example in a fresh browser context.
 */

// Each test walks several edits with axe on every dialog: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });

async function openConnectExample(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: /Open “Connect Sync, three forests, remote SQL”/ }).click();
  const discard = page.getByRole("button", { name: "Discard my draft" });
  if (await discard.isVisible().catch(() => false)) await discard.click();
  await expectStep(page, "Check your answers");
}

/** Everything Check your answers shows of the plan: the summary lists of the tool, environment and accounts. */
async function answers(page: Page): Promise<string[]> {
  return page.locator("main dl").allInnerTexts();
}

/** Activates a control with the keyboard only. */
async function press(page: Page, name: string | RegExp, role: "button" | "link" = "button") {
  // Focus and key press in one action: an Undo can still move focus (its confirmation, the step's heading) just before.
  await page.getByRole(role, { name, exact: typeof name === "string" }).press("Enter");
}

/** Presses the Undo notice's button and waits for its confirmation. */
async function undo(page: Page) {
  await press(page, "Undo");
  await expect(page.getByRole("status").getByText(/^Undone:/)).toBeVisible();
}

function reviewRegion(page: Page, name: string | RegExp) {
  return page.getByRole("region", { name });
}

test("switching the tool warns first, keeps every value, Undo and switching back bring everything back", async ({ page }) => {
  await openConnectExample(page);
  const before = await answers(page);
  expect(before.join("\n")).toContain("tailspintoys.com");

  // "Change" lands on the field it names.
  await press(page, "Change sync tool", "link");
  await expectStepUrl(page, "/plan/tool");
  await expect(page.locator("#field-tool")).toBeFocused();
  await page.keyboard.press("Space"); // the focused first option: Cloud Sync
  await press(page, "Save and continue");

  const dialog = page.getByRole("dialog", { name: "Switch the plan to Microsoft Entra Cloud Sync?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expect(dialog).toContainText(/account entries stop applying/);
  await expect(dialog).toContainText("AD DS Connector account — wingtiptoys.com");
  await expect(dialog).toContainText(/steps? will need attention/);
  await expectAccessible(page);
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Switch to Microsoft Entra Cloud Sync" })).toBeFocused();
  await page.keyboard.press("Enter");

  // Back on Check your answers, not the next step: the entries are kept, set aside, and the environment needs attention.
  await expectStep(page, "Check your answers");
  const setAside = reviewRegion(page, /^Set aside:/);
  await expect(setAside).toContainText("AD DS Connector account — wingtiptoys.com");
  await expect(setAside).toContainText(/comes back if you choose Microsoft Entra Connect Sync again/);
  await expect(reviewRegion(page, "Still to do")).toContainText(/Describe the environment\s+needs attention/);
  await expect(page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Describe the environment.*needs attention/ })).toBeVisible();
  await expectAccessible(page);

  // Undo restores the plan as it was.
  await undo(page);
  await expect(reviewRegion(page, /^Set aside:/)).toHaveCount(0);
  expect(await answers(page)).toEqual(before);

  // Switching and switching back by hand brings every value back too.
  await press(page, "Change sync tool", "link");
  await expect(page.locator("#field-tool")).toBeFocused();
  await page.keyboard.press("Space");
  await press(page, "Save and continue");
  await press(page, "Switch to Microsoft Entra Cloud Sync");
  await expectStep(page, "Check your answers");

  // An edit on the environment step in between (Cloud Sync cannot write devices back, so that goes too): saving it would
  // drop the answers only Connect asks for, so it asks first and names them; Undo brings them back.
  await press(page, "Change organisation", "link");
  await expect(page.locator("#field-organisation-name")).toBeFocused();
  // Typed and typed back while the step breaks a rule (device writeback under Cloud Sync): no unsaved edit is left flagged.
  const unsavedEnvironment = page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Describe the environment.*unsaved edit/ });
  await page.keyboard.type("X");
  await expect(unsavedEnvironment).toBeVisible();
  await page.keyboard.press("Backspace");
  await expect(unsavedEnvironment).toHaveCount(0);
  await page.keyboard.type(" Ltd");
  await page.getByRole("checkbox", { name: /^Device writeback/ }).uncheck();
  await press(page, "Save and continue");
  const clears = page.getByRole("dialog", { name: "Untick Device writeback?" });
  await expect(clears).toContainText(/answers? no longer appl/);
  await expect(clears).toContainText("SQL Server host: SQL01");
  await expect(clears).toContainText("Device writeback forest: fabrikam.com");
  await expectAccessible(page);
  await clears.getByRole("button", { name: "Untick it" }).click();
  await expectStep(page, "Check your answers");
  await undo(page);

  await press(page, "Change sync tool", "link");
  await page.getByRole("radio", { name: "Microsoft Entra Connect Sync" }).focus();
  await page.keyboard.press("Space");
  await press(page, "Save and continue");
  await expectStep(page, "Check your answers");
  await expect(reviewRegion(page, /^Set aside:/)).toHaveCount(0);
  expect(await answers(page)).toEqual(before);
});

async function expectStepUrl(page: Page, path: string) {
  await expect(page).toHaveURL(new RegExp(`${path.replaceAll("/", "\\/")}\\?return=review`));
}

test("removing forest 1 while accounts use its domain warns first; Undo brings the forest and its accounts back", async ({ page }) => {
  await openConnectExample(page);
  const before = await answers(page);

  await press(page, "Change forest 1", "link");
  await expectStepUrl(page, "/plan/environment");
  await expect(page.locator("#field-forests-0-rootDomain")).toBeFocused();
  await press(page, "Remove forest 1");
  const dialog = page.getByRole("dialog", { name: "Remove forest 1 (fabrikam.com)?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("AD DS Connector account — fabrikam.com");
  await expect(dialog).toContainText(/was removed from the environment/);
  await expect(dialog).toContainText("Describe the environment");
  await expectAccessible(page);
  // Cancel changes nothing.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("group", { name: "Forest 1: fabrikam.com" })).toBeVisible();

  await press(page, "Remove forest 1");
  await dialog.getByRole("button", { name: "Remove forest 1" }).click();
  await expect(page.getByRole("group", { name: "Forest 1: tailspintoys.com" })).toBeVisible();
  await undo(page);
  await expect(page.getByRole("group", { name: "Forest 1: fabrikam.com" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Forest 3: wingtiptoys.com" })).toBeVisible();

  // Removed again, the review lists its accounts as kept and the steps that need attention.
  await press(page, "Remove forest 1");
  await page.getByRole("dialog").getByRole("button", { name: "Remove forest 1" }).click();
  await page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Check your answers/ }).click();
  await expectStep(page, "Check your answers");
  const setAside = reviewRegion(page, /^Set aside:/);
  await expect(setAside).toContainText("AD DS Connector account — fabrikam.com");
  await expect(setAside).toContainText(/comes back if you undo the forest's removal/);
  await expect(reviewRegion(page, "Still to do").getByRole("link", { name: /is not a domain of the plan's forests/ }).first()).toBeVisible();
  await undo(page);
  await expect(reviewRegion(page, /^Set aside:/)).toHaveCount(0);
  expect(await answers(page)).toEqual(before);
});

async function untickSeamlessSso(page: Page) {
  await press(page, "Change seamless single sign-on", "link");
  await expect(page.locator("#field-signIn-seamlessSso")).toBeFocused();
  await page.keyboard.press("Space");
  await press(page, "Save and continue");
}

test("unticking seamless SSO warns first and Undo restores; set-aside entries are discarded only on request, and that is undone too", async ({ page }) => {
  await openConnectExample(page);
  const before = await answers(page);

  await untickSeamlessSso(page);
  const sso = page.getByRole("dialog", { name: "Untick Seamless single sign-on?" });
  await expect(sso).toContainText("Domain Administrator for seamless single sign-on — fabrikam.com");
  await expectAccessible(page);
  await press(page, "Untick it");
  await expectStep(page, "Check your answers");
  await expect(reviewRegion(page, /^Set aside:/)).toContainText(/comes back if you choose seamless single sign-on again/);
  await undo(page);
  await expect(reviewRegion(page, /^Set aside:/)).toHaveCount(0);
  expect(await answers(page)).toEqual(before);

  await untickSeamlessSso(page);
  await press(page, "Untick it");
  await expectStep(page, "Check your answers");
  await press(page, "Discard set-aside entries");
  const discard = page.getByRole("dialog", { name: /^Discard \d+ set-aside entr/ });
  await expect(discard.getByRole("button", { name: "Keep them" })).toBeFocused();
  await expectAccessible(page);
  await discard.getByRole("button", { name: "Discard them" }).click();
  await expect(reviewRegion(page, /^Set aside:/)).toHaveCount(0);
  await undo(page);
  await expect(reviewRegion(page, /^Set aside:/)).toContainText("Domain Administrator for seamless single sign-on — fabrikam.com");
});

test("unticking device writeback warns first, names the forest answer it clears, and Undo restores the feature and the forest", async ({ page }) => {
  await openConnectExample(page);
  const before = await answers(page);
  await press(page, "Change features", "link");
  await expectStepUrl(page, "/plan/environment");
  await page.getByRole("checkbox", { name: /^Device writeback/ }).uncheck();
  await press(page, "Save and continue");
  const dialog = page.getByRole("dialog", { name: "Untick Device writeback?" });
  await expect(dialog).toContainText("Device writeback forest: fabrikam.com");
  await expectAccessible(page);
  await press(page, "Untick it");
  await expectStep(page, "Check your answers");
  // The review asks for the device writeback forest only while the feature is ticked.
  expect(before.join("\n")).toContain("Device writeback forest");
  expect((await answers(page)).join("\n")).not.toContain("Device writeback forest");
  await undo(page);
  expect(await answers(page)).toEqual(before);
});

test("choosing express settings warns first, names what it clears, and Undo restores it", async ({ page }) => {
  await openConnectExample(page);
  // Express settings connect one forest: the other two go first (each asked and confirmed).
  await press(page, "Change forest 3", "link");
  for (const forest of ["Remove forest 3", "Remove forest 2"]) {
    await press(page, forest);
    await page.getByRole("dialog").getByRole("button", { name: forest }).click();
    await expect(page.getByRole("dialog")).toBeHidden();
  }
  await page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Check your answers/ }).click();
  await expectStep(page, "Check your answers");
  const oneForest = await answers(page);

  await press(page, "Change install type", "link");
  await expect(page.locator("#field-connect-installType")).toBeFocused();
  await page.keyboard.press("Space"); // the first option: express settings
  await press(page, "Save and continue");
  const express = page.getByRole("dialog", { name: "Change the install type to express settings?" });
  await expect(express).toContainText("SQL SA account");
  // The SQL Server host no longer applies: the dialog names it with its value, and Undo brings it back.
  await expect(express).toContainText(/answers? no longer appl/);
  await expect(express).toContainText("SQL Server host: SQL01");
  await expectAccessible(page);
  await press(page, "Use express settings");
  await expectStep(page, "Check your answers");
  await expect(reviewRegion(page, /^Set aside:/)).toContainText(/SQL SA account.*comes back if you choose the custom installation again/);
  await undo(page);
  await expect(reviewRegion(page, /^Set aside:/)).not.toContainText("SQL SA account");
  expect(await answers(page)).toEqual(oneForest);
});

test("an invalid edit not saved is flagged on review, in the step list and at the top of an export; Change returns with focus", async ({ page }) => {
  await openConnectExample(page);
  await press(page, "Change organisation", "link");
  await expect(page.locator("#field-organisation-name")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Backspace");
  await page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Check your answers/ }).click();
  await expectStep(page, "Check your answers");
  await expect(reviewRegion(page, "Unsaved edits").getByRole("link", { name: "Unsaved edit on step Describe the environment" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Describe the environment.*unsaved edit/ })).toBeVisible();
  // The plan keeps the last valid value.
  await expect(page.locator("main dl").first()).toBeVisible();
  await expect(page.getByText("Fabrikam Group", { exact: true }).first()).toBeVisible();

  await page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: /Export the plan/ }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the worksheet" }).click()]);
  const text = await readFile(await download.path(), "utf8");
  expect(text.split("\n").slice(0, 4).join("\n")).toMatch(/Unsaved edit on step Describe the environment; this export shows the last valid value/);

  // Fixing it: Change returns to Check your answers after saving, and the flag is gone.
  await page.goto("/plan/review");
  await press(page, "Change organisation", "link");
  await expect(page.locator("#field-organisation-name")).toBeFocused();
  await page.keyboard.type("Fabrikam Group");
  await press(page, "Save and continue");
  await expectStep(page, "Check your answers");
  await expect(reviewRegion(page, "Unsaved edits")).toHaveCount(0);
});
