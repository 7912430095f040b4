import { expect, test } from "@playwright/test";
import { continueStep, currentStep, downloadText, errorSummary, expectAccessible, expectStep, freshStart } from "./helpers";

test("a full Cloud Sync plan, checked with axe on every step, ends in a JSON and a Markdown file", async ({ page }) => {
  await freshStart(page);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Start a new plan" }).click();

  // Tool: the recommendation follows the ticked requirements and says why.
  await expectStep(page, "Choose the sync tool");
  await expect(page).toHaveTitle("Choose the sync tool – Entra sync account planner");
  await expect(currentStep(page)).toContainText("Choose the sync tool");
  await page.getByLabel("Device writeback").check();
  await expect(page.getByTestId("recommendation")).toContainText("Microsoft Entra Connect Sync");
  await page.getByLabel("Synchronize disconnected forests (for example after a merger or acquisition)").check();
  await expect(page.getByTestId("recommendation")).toContainText("Neither tool");
  await page.getByLabel("Device writeback").uncheck();
  await expect(page.getByTestId("recommendation")).toContainText("Microsoft Entra Cloud Sync: only it meets");
  await expect(page.getByRole("region", { name: "Recommendation" })).toContainText("Cloud Sync agents reach each forest on their own");
  await continueStep(page);
  await expect(page).toHaveTitle(/^Error: Choose the sync tool/);
  await expect(errorSummary(page)).toBeFocused();
  await expectAccessible(page);
  await errorSummary(page).getByRole("link", { name: "Choose the sync tool you are planning for." }).click();
  await expect(page.getByLabel("Microsoft Entra Cloud Sync")).toBeFocused();
  await page.getByLabel("Microsoft Entra Cloud Sync").check();
  await expectAccessible(page);
  await continueStep(page);

  // Environment.
  await expectStep(page, "Describe the environment");
  await continueStep(page);
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText("Enter the organisation's name");
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByLabel("Organisation", { exact: true }).fill("Contoso Ltd");
  await page.getByLabel("Prepared by").fill("Avery Howard");
  await page.getByLabel("Initial domain").fill("contoso.onmicrosoft.com");
  await page.getByLabel("Computer name").fill("AGENT01");
  await page.getByLabel("Forest root domain").fill("contoso.com");
  await page.getByLabel("UPN suffixes users sign in with").fill("contoso.com, contoso.co.uk");
  await page.getByLabel("Password writeback").check();
  await expect(page.getByLabel("Device writeback")).toBeDisabled();
  await expectAccessible(page);
  await continueStep(page);

  // One step per account.
  await expectStep(page, "Domain/Enterprise administrator — contoso.com");
  await expect(page).toHaveTitle("Domain/Enterprise administrator — contoso.com – Entra sync account planner");
  await expect(page.getByRole("heading", { name: "Why there is no password field" })).toBeVisible();
  await expect(page.locator('input[type="password"]')).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("Account name").fill("da-avery");
  await page.getByLabel("Domain", { exact: true }).selectOption("contoso.com");
  await page.getByLabel("Owner or contact (optional)").fill("Avery Howard");
  await continueStep(page);

  await expectStep(page, "Hybrid Identity Administrator");
  await page.getByLabel("User principal name").fill("someone_fabrikam.com#EXT#@contoso.onmicrosoft.com");
  await continueStep(page);
  await expect(errorSummary(page)).toContainText("is a guest account (#EXT#)");
  await expect(page).toHaveTitle(/^Error: Hybrid Identity Administrator/);
  await expectAccessible(page);
  await page.getByLabel("User principal name").fill("hybrid.admin@contoso.onmicrosoft.com");
  await continueStep(page);

  await expectStep(page, "gMSA service account");
  await expect(page.getByText("provAgentgMSA$", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: /Microsoft's pages disagree: Rights of a custom gMSA/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: "-PermissionType PasswordWriteBack" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Domain", { exact: true }).selectOption("contoso.com");
  await continueStep(page);

  await expectStep(page, "Global Administrator");
  await page.getByRole("group", { name: "Will you use this account?" }).getByLabel("No").check();
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Cloud-only Hybrid Identity Administrator (break glass)");
  await page.getByRole("group", { name: "Will you use this account?" }).getByLabel("Yes").check();
  await page.getByLabel("User principal name").fill("breakglass@contoso.onmicrosoft.com");
  await expectAccessible(page);
  await continueStep(page);

  // Review.
  await expectStep(page, "Check your answers");
  await expect(page.getByText("Every step is filled in")).toBeVisible();
  await expect(page.getByRole("link", { name: "Change organisation" })).toHaveAttribute("href", "/plan/environment#field-organisation-name");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continue to the tenant checks" }).click();
  await expectStep(page, "Check against your tenant");
  await page.getByRole("link", { name: "Continue to export" }).click();

  await expectStep(page, "Export the plan");
  await expectAccessible(page);
  const json = await downloadText(page, page.getByRole("button", { name: "Download the plan file" }));
  expect(json.name).toMatch(/^contoso-ltd-account-plan-\d{4}-\d{2}-\d{2}\.json$/);
  const plan = JSON.parse(json.text);
  expect(plan).toMatchObject({
    kind: "entra-sync-account-plan",
    schemaVersion: 1,
    tool: "cloudSync",
    environment: { organisation: { name: "Contoso Ltd" }, forests: [{ rootDomain: "contoso.com", upnSuffixes: ["contoso.com", "contoso.co.uk"] }] },
    accounts: {
      "cloudSyncDomainAdmin@forest-1": { name: "da-avery", domain: "contoso.com", owner: "Avery Howard" },
      cloudSyncHybridIdentityAdmin: { name: "hybrid.admin@contoso.onmicrosoft.com" },
      cloudSyncGmsa: { domain: "contoso.com" },
      breakGlassAdmin: { inUse: true, name: "breakglass@contoso.onmicrosoft.com" },
      globalAdministrator: { inUse: false },
    },
  });
  const markdown = await downloadText(page, page.getByRole("button", { name: "Download the worksheet" }));
  expect(markdown.name).toMatch(/\.md$/);
  expect(markdown.text).toContain("# Account plan: Contoso Ltd");
  expect(markdown.text).toContain("## gMSA service account");
  expect(markdown.text).toContain("-PermissionType PasswordWriteBack");
  expect(markdown.text).toContain("hybrid.admin@contoso.onmicrosoft.com");
});
