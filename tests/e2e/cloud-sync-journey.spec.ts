import { expect, test } from "@playwright/test";
import { continueStep, currentStep, downloadText, errorSummary, expectAccessible, expectStep, freshStart } from "./helpers";

test("a full Cloud Sync plan, checked with axe on every step, ends in a JSON and a Markdown file", async ({ page }) => {
  test.setTimeout(360_000);
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
  // The server's domain is chosen among the forests' domains, so the forest comes first.
  await expect(page.getByLabel("Domain it is joined to").getByRole("option")).toHaveCount(1);
  await page.getByLabel("Forest root domain").fill("contoso.com");
  await page.getByLabel("Other domains in this forest (optional)").fill("emea.contoso.com");
  await page.getByLabel("UPN suffixes users sign in with").fill("contoso.com, contoso.co.uk");
  await page.getByLabel("Domain it is joined to").selectOption("emea.contoso.com");

  // Cloud Sync sets up password hash sync or leaves sign-in as it is; password hash sync is then offered as an extra.
  const signIn = page.getByRole("group", { name: "How will users sign in to Microsoft Entra ID?" });
  await expect(signIn.getByRole("radio")).toHaveCount(2);
  await expect(signIn.getByLabel("Password hash synchronization")).toBeChecked();
  const features = page.getByRole("group", { name: "Which features will you use?" });
  await expect(features.getByLabel(/Password hash synchronization/)).toHaveCount(0);
  await signIn.getByLabel("Do not configure").check();
  await expect(features.getByLabel(/Password hash synchronization/)).toBeVisible();
  await signIn.getByLabel("Password hash synchronization").check();
  await expect(page.getByLabel("Enable seamless single sign-on")).not.toBeChecked();
  await page.getByLabel("Password writeback").check();
  await expect(page.getByLabel("Device writeback")).toBeDisabled();
  // Connect's own questions are not asked for Cloud Sync.
  await expect(page.getByRole("group", { name: "How are users identified?" })).toHaveCount(0);
  await expectAccessible(page);
  await continueStep(page);

  // One step per account.
  await expectStep(page, "Domain/Enterprise administrator — contoso.com");
  await expect(page).toHaveTitle("Domain/Enterprise administrator — contoso.com – Entra sync account planner");
  await expect(page.getByRole("heading", { name: "Why there is no password field" })).toBeVisible();
  // Every fact names its page, section and the page's date; the step says when the facts were checked.
  await expect(page.getByTestId("facts-as-of")).toContainText(/Facts as of (\d{1,2} \w+ 20\d\d|\w+ \d{1,2}, 20\d\d)/);
  const purpose = page.getByRole("region", { name: "What it is for" });
  await expect(purpose.getByRole("link").first()).toHaveAttribute("href", /^https:\/\/learn\.microsoft\.com\//);
  await expect(purpose).toContainText(/section “[^”]+” \(page dated \d{4}-\d{2}-\d{2}\)/);
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

  // One gMSA per domain the agent hosts are joined to: that domain is fixed, not asked.
  await expectStep(page, "gMSA service account — emea.contoso.com");
  await expect(page.getByText("provAgentgMSA$", { exact: true })).toBeVisible();
  await expect(page.getByText("emea.contoso.com", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Domain", { exact: true })).toHaveCount(0);
  await expect(page.getByTestId("facts-as-of")).toBeVisible();
  const disagreement = page.getByRole("region", { name: /^Microsoft's pages disagree:/ }).first();
  await expect(disagreement.getByRole("listitem").first()).toContainText(/\(Source: .+\)/);
  await expect(page.getByRole("cell", { name: "-PermissionType PasswordWriteBack" }).first()).toBeVisible();
  await expectAccessible(page);
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
  await expect(page.getByRole("link", { name: "Change organisation" })).toHaveAttribute("href", "/plan/environment?return=review#field-organisation-name");
  await expect(page.getByRole("link", { name: "Change user sign-in method" })).toHaveAttribute("href", "/plan/environment?return=review#field-signIn-method");
  // One agent host where Microsoft recommends three: not an error, but named, with a link to fix it.
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention.getByRole("link", { name: /recommends 3 active agents/ })).toHaveAttribute("href", "/plan/environment");
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
    schemaVersion: 3,
    tool: "cloudSync",
    environment: {
      organisation: { name: "Contoso Ltd" },
      signIn: { method: "passwordHashSync", seamlessSso: false },
      servers: [{ name: "AGENT01", domain: "emea.contoso.com" }],
      forests: [{ rootDomain: "contoso.com", upnSuffixes: ["contoso.com", "contoso.co.uk"] }],
      features: ["passwordWriteback"],
    },
    accounts: {
      "cloudSyncDomainAdmin@forest-1": { name: "da-avery", domain: "contoso.com", owner: "Avery Howard" },
      cloudSyncHybridIdentityAdmin: { name: "hybrid.admin@contoso.onmicrosoft.com" },
      "cloudSyncGmsa@domain-emea_contoso_com": { domain: "emea.contoso.com" },
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
