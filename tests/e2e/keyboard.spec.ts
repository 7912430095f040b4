import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectStep, freshStart } from "./helpers";

/** Presses Tab (only Tab) until the target has focus. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 150; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

async function typeInto(page: Page, target: Locator, text: string) {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

async function submit(page: Page) {
  await tabTo(page, page.getByRole("button", { name: "Save and continue" }));
  await page.keyboard.press("Enter");
}

/** Tabs into a Yes/No group (focus lands on the checked radio, or the first) and picks the answer with the arrow keys. */
async function answer(page: Page, group: string, value: "Yes" | "No") {
  const radios = page.getByRole("group", { name: group }).getByRole("radio");
  const checked = radios.and(page.locator(":checked"));
  const start = (await checked.count()) > 0 ? checked : radios.first();
  await tabTo(page, start);
  const wanted = page.getByRole("group", { name: group }).getByLabel(value);
  if (!(await wanted.isChecked())) await page.keyboard.press(value === "Yes" ? "ArrowLeft" : "ArrowRight");
  await expect(page.getByRole("group", { name: group }).getByLabel(value)).toBeChecked();
}

/** Tabs to a select and picks its first choice after the placeholder with the arrow key. */
async function chooseFirstOption(page: Page, select: Locator, expected: string) {
  await tabTo(page, select);
  await page.keyboard.press("ArrowDown");
  await expect(select).toHaveValue(expected);
}

test("a plan can be completed with the keyboard alone", async ({ page }) => {
  test.setTimeout(120_000);
  await freshStart(page);

  await tabTo(page, page.getByRole("button", { name: "Start a new plan" }));
  await page.keyboard.press("Enter");
  await expectStep(page, "Choose the sync tool");
  await tabTo(page, page.getByLabel("Microsoft Entra Cloud Sync"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Microsoft Entra Cloud Sync")).toBeChecked();
  await submit(page);

  await expectStep(page, "Describe the environment");
  await typeInto(page, page.getByLabel("Organisation", { exact: true }), "Contoso Ltd");
  await typeInto(page, page.getByLabel("Prepared by"), "Keyboard User");
  await typeInto(page, page.getByLabel("Initial domain"), "contoso.onmicrosoft.com");
  await typeInto(page, page.getByLabel("Computer name"), "AGENT01");
  await typeInto(page, page.getByLabel("Forest root domain"), "contoso.com");
  await typeInto(page, page.getByLabel("UPN suffixes users sign in with"), "contoso.com");
  // The server's domain lists the forests' domains, so it is chosen once the forest is typed (Tab wraps round to it).
  await chooseFirstOption(page, page.getByLabel("Domain it is joined to"), "contoso.com");
  await submit(page);

  await expectStep(page, "Domain/Enterprise administrator — contoso.com");
  await typeInto(page, page.getByLabel("Account name"), "da-keyboard");
  await chooseFirstOption(page, page.getByLabel("Domain", { exact: true }), "contoso.com");
  await submit(page);

  await expectStep(page, "Hybrid Identity Administrator");
  await typeInto(page, page.getByLabel("User principal name"), "hybrid.admin@contoso.onmicrosoft.com");
  await submit(page);

  await expectStep(page, "gMSA service account — contoso.com");
  await submit(page);

  await expectStep(page, "Cloud-only Hybrid Identity Administrator (break glass)");
  await answer(page, "Will you use this account?", "No");
  await submit(page);

  await expectStep(page, "Check your answers");
  await expect(page.getByText("Every step is filled in")).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Continue to the tenant checks" }));
  await page.keyboard.press("Enter");
  await expectStep(page, "Check against your tenant");
  await tabTo(page, page.getByRole("button", { name: "Run the checks" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("checked-at")).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Continue to export" }));
  await page.keyboard.press("Enter");

  await expectStep(page, "Export the plan");
  await tabTo(page, page.getByRole("button", { name: "Download the plan file" }));
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(download.suggestedFilename()).toMatch(/^contoso-ltd-account-plan-/);
});
