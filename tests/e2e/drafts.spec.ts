import { expect, test } from "@playwright/test";
import { continueStep, errorSummary, expectAccessible, expectStep, freshStart } from "./helpers";

async function openExample(page: import("@playwright/test").Page, title: string) {
  await page.getByRole("button", { name: `Open “${title}”` }).click();
}

test("a reload in the middle of a step loses nothing, and back and forward move between steps", async ({ page }) => {
  await freshStart(page);
  await page.getByRole("button", { name: "Start a new plan" }).click();
  await page.getByLabel("Microsoft Entra Connect Sync").check();
  await continueStep(page);
  await expectStep(page, "Describe the environment");
  await page.getByLabel("Organisation", { exact: true }).fill("Northwind Traders");
  // Not valid yet: kept as typed all the same.
  await page.getByLabel("Initial domain").fill("northwind.example");
  await page.getByLabel("Forest root domain").fill("northwind.com");
  await page.getByLabel("UPN suffixes users sign in with").fill("northwind.com\nnorthwind.co.uk");
  await page.getByRole("button", { name: "Add another forest" }).click();
  await page.getByRole("group", { name: /^Forest 2/ }).getByLabel("Forest root domain").fill("contoso.com");
  await page.getByLabel("Enable seamless single sign-on").check();
  await page.reload();

  await expectStep(page, "Describe the environment");
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveValue("Northwind Traders");
  await expect(page.getByLabel("Initial domain")).toHaveValue("northwind.example");
  await expect(page.getByRole("group", { name: /^Forest 1/ }).getByLabel("UPN suffixes users sign in with")).toHaveValue("northwind.com\nnorthwind.co.uk");
  await expect(page.getByRole("group", { name: /^Forest 2/ }).getByLabel("Forest root domain")).toHaveValue("contoso.com");
  await expect(page.getByLabel("Enable seamless single sign-on")).toBeChecked();

  await page.goBack();
  await expectStep(page, "Choose the sync tool");
  await expect(page.getByLabel("Microsoft Entra Connect Sync")).toBeChecked();
  await page.goForward();
  await expectStep(page, "Describe the environment");
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveValue("Northwind Traders");
});

test("importing a broken file lists what is wrong and keeps the draft", async ({ page }) => {
  await freshStart(page);
  await openExample(page, "Cloud Sync, one forest, three agents");
  await expectStep(page, "Check your answers");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Resume your plan" })).toBeVisible();
  await expect(page.getByText(/Contoso Ltd · Microsoft Entra Cloud Sync/)).toBeVisible();

  const fileInput = page.getByLabel("A .json plan file exported by this planner");
  await fileInput.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from("{ this is not json") });
  const problem = page.getByRole("alert", { name: "notes.json could not be imported" });
  await expect(problem).toBeFocused();
  await expect(problem).toContainText("not valid JSON");
  await expect(page).toHaveTitle(/^Error: Start/);
  await expectAccessible(page);

  const tampered = JSON.parse(await (await page.request.get("/examples/connect-fabrikam-three-forests.json")).text());
  tampered.accounts["connectAdDsConnector@forest-1"].privilegedGroupMember = true;
  tampered.environment.forests[1].rootDomain = "tailspin toys";
  await fileInput.setInputFiles({ name: "tampered.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(tampered)) });
  const tamperedProblem = page.getByRole("alert", { name: "tampered.json could not be imported" });
  await expect(tamperedProblem).toContainText("environment.forests.1.rootDomain: Remove the spaces");
  await expect(tamperedProblem).toContainText("accounts.connectAdDsConnector@forest-1.privilegedGroupMember: The AD DS Connector account must not be a member");

  const newer = { ...tampered, schemaVersion: 7 };
  await fileInput.setInputFiles({ name: "future.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(newer)) });
  await expect(page.getByRole("alert", { name: "future.json could not be imported" })).toContainText("newer version of the planner (schema version 7)");

  // The draft is untouched.
  await expect(page.getByText(/Contoso Ltd · Microsoft Entra Cloud Sync/)).toBeVisible();
  await page.getByRole("link", { name: "Resume the plan" }).click();
  await expectStep(page, "Check your answers");
  await expect(page.getByText("Contoso Ltd", { exact: true })).toBeVisible();
});

test("a good plan file and a new plan are added to the library, never in place of the plan already there", async ({ page }) => {
  await freshStart(page);
  await openExample(page, "Connect Sync, three forests, remote SQL");
  await expectStep(page, "Check your answers");
  await page.goto("/");

  // Nothing is discarded any more, so nothing asks.
  await page.getByRole("button", { name: "Start a new plan" }).click();
  await expectStep(page, "Choose the sync tool");
  await expect(page.getByLabel("Microsoft Entra Cloud Sync")).not.toBeChecked();
  await expect(page.getByRole("dialog")).toHaveCount(0);

  await page.goto("/");
  const file = await (await page.request.get("/examples/cloud-sync-contoso.json")).text();
  await page.getByLabel("A .json plan file exported by this planner").setInputFiles({ name: "contoso.json", mimeType: "application/json", buffer: Buffer.from(file) });
  await expectStep(page, "Check your answers");
  await expect(page.getByText("Contoso Ltd", { exact: true })).toBeVisible();

  await page.goto("/");
  const plans = page.getByRole("list", { name: "Your plans" }).getByRole("heading", { level: 3 });
  await expect(plans).toHaveText(["Contoso Ltd (open in this tab)", "Unnamed plan", "Fabrikam Group"]);
});

test("a step outside the plan says so instead of failing", async ({ page }) => {
  await freshStart(page);
  await page.goto("/plan/accounts/connectSqlSa");
  await expectStep(page, "Account");
  await expect(page.getByText("choose a sync tool and describe the environment first")).toBeVisible();
  await openExampleFromStart(page);
  await page.goto("/plan/accounts/connectSqlSa");
  await expectStep(page, "This account is not part of your plan");
  await expectAccessible(page);
});

async function openExampleFromStart(page: import("@playwright/test").Page) {
  await page.goto("/");
  await openExample(page, "Cloud Sync, one forest, three agents");
  await expectStep(page, "Check your answers");
}

test("the published JSON Schema is served", async ({ request }) => {
  const response = await request.get("/plan.schema.json");
  expect(response.ok()).toBe(true);
  const schema = await response.json();
  expect(schema.properties.kind.const).toBe("entra-sync-account-plan");
  expect(schema.properties.schemaVersion.const).toBe(3);
  const library = await (await request.get("/plan-library.schema.json")).json();
  expect(library.properties.kind.const).toBe("entra-sync-account-plan-library");
  expect(library.properties.plans.items.properties.plan.$ref).toBe("/plan.schema.json");
});

test("the error summary appears on an account step and its links move focus to the field", async ({ page }) => {
  await openExampleFromStart(page);
  await page.goto("/plan/accounts/cloudSyncHybridIdentityAdmin");
  await expectStep(page, "Hybrid Identity Administrator");
  await page.getByLabel("User principal name").fill("admin@fabrikam.com");
  await continueStep(page);
  await expect(errorSummary(page)).toBeFocused();
  await errorSummary(page).getByRole("link").first().click();
  await expect(page.getByLabel("User principal name")).toBeFocused();
  await expect(page.getByLabel("User principal name")).toHaveAccessibleDescription(/not one of the tenant's domains/);
});
