import { expect, test, type Page } from "@playwright/test";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { continueStep, downloadText, expectAccessible, expectStep, freshStart } from "./helpers";

async function openCloudExample(page: Page) {
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Cloud Sync, one forest, three agents”" }).click();
  await expectStep(page, "Check your answers");
}

function resultsFor(page: Page, group: string) {
  return page.getByRole("region", { name: group, exact: true });
}

test("the Validate step checks the good admin against the demo tenant and the results reach the worksheet", async ({ page }) => {
  await openCloudExample(page);
  await page.getByRole("link", { name: "Continue to the tenant checks" }).click();
  await expectStep(page, "Check against your tenant");
  await expect(page.getByRole("heading", { name: "Demo tenant: not your tenant" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Run the checks" }).click();
  await expect(page.getByTestId("checked-at")).toContainText("Contoso (demo tenant)");

  const admin = resultsFor(page, "Hybrid Identity Administrator");
  await expect(admin.locator('[data-status="pass"]')).toHaveCount(5);
  await expect(admin).toContainText("holds Hybrid Identity Administrator");
  const tenant = resultsFor(page, "Tenant");
  await expect(tenant.locator('[data-status="warn"]').filter({ hasText: "The tenant is already synchronized" })).toBeVisible();
  await expect(tenant.locator('[data-status="warn"]').filter({ hasText: "UPN suffix contoso.co.uk is not verified" })).toBeVisible();
  await expect(resultsFor(page, "gMSA service account — contoso.com").locator('[data-status="unknown"]')).toContainText("To check on install day");
  await expectAccessible(page);

  await page.getByRole("link", { name: "Continue to export" }).click();
  await expectStep(page, "Export the plan");
  const markdown = await downloadText(page, page.getByRole("button", { name: "Download the worksheet" }));
  expect(markdown.text).toContain("## Tenant checks");
  expect(markdown.text).toContain("Checked against Contoso \\(demo tenant\\)");
  expect(markdown.text).toContain("| Warning | The tenant is already synchronized |");
});

test("the Validate step fails a guest admin, and a re-run after the fix passes", async ({ page }) => {
  await openCloudExample(page);
  await page.goto("/plan/accounts/cloudSyncHybridIdentityAdmin");
  await expectStep(page, "Hybrid Identity Administrator");
  await page.getByLabel("User principal name").fill(DEMO_PEOPLE.guest);
  await continueStep(page);
  await page.goto("/plan/validate");
  await expectStep(page, "Check against your tenant");
  await page.getByRole("button", { name: "Run the checks" }).click();

  const admin = resultsFor(page, "Hybrid Identity Administrator");
  await expect(admin.locator('[data-status="fail"]')).toContainText("A guest account");
  await expect(admin.locator('[data-status="fail"]')).toContainText("Use a member (work) account of the tenant instead.");
  await expectAccessible(page);

  await page.goto("/plan/accounts/cloudSyncHybridIdentityAdmin");
  await page.getByLabel("User principal name").fill(DEMO_PEOPLE.goodAdmin);
  await continueStep(page);
  await page.goto("/plan/validate");
  // Only the checks that read the admin's UPN are out of date; the tenant's are not.
  await expect(page.getByTestId("stale-summary")).toContainText("results are out of date");
  const staleAdmin = resultsFor(page, "Hybrid Identity Administrator").locator('[data-stale="true"]');
  await expect(staleAdmin.first()).toContainText("Out of date — the plan changed since this check; run the checks again");
  await expect(staleAdmin.filter({ hasText: "a guest account" })).toHaveCount(1);
  await expect(resultsFor(page, "Tenant").locator('[data-stale="true"]')).toHaveCount(0);
  await expectAccessible(page);
  // The worksheet leaves the out-of-date results out and says so where they were.
  await page.goto("/plan/export");
  await expectStep(page, "Export the plan");
  const markdown = await downloadText(page, page.getByRole("button", { name: "Download the worksheet" }));
  expect(markdown.text).toContain("Out of date — the plan changed since this check; run the checks again");
  expect(markdown.text).not.toMatch(/\| Fail \| Hybrid Identity Administrator: a guest account/);
  await page.goto("/plan/validate");
  await page.getByRole("button", { name: "Run the checks again" }).click();
  await expect(page.getByTestId("stale-summary")).toBeHidden();
  await expect(resultsFor(page, "Hybrid Identity Administrator").locator('[data-status="fail"]')).toHaveCount(0);
  await expect(resultsFor(page, "Hybrid Identity Administrator").locator('[data-status="pass"]')).toHaveCount(5);
});
