import { expect, test } from "@playwright/test";
import { continueStep, expectAccessible, expectStep, freshStart, storedPlan } from "./helpers";

test("express settings ask only what express asks; an application of your own asks its client ID and key storage", async ({ page }) => {
  test.setTimeout(600_000);
  await freshStart(page);
  await page.getByRole("button", { name: "Start a new plan" }).click();
  await expectStep(page, "Choose the sync tool");
  // Where Microsoft's pages disagree on a requirement, both readings show once it is ticked.
  await page.getByLabel("Device sync for hybrid Microsoft Entra join or Windows Hello for Business").check();
  const recommendation = page.getByRole("region", { name: "Recommendation" });
  await expect(recommendation.getByRole("region", { name: /^Microsoft's pages disagree:/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Microsoft Entra Connect Sync").check();
  await continueStep(page);

  await expectStep(page, "Describe the environment");
  await page.getByLabel("Express settings").check();
  // The custom installation's own questions are gone.
  for (const question of ["Which database will Connect use?", "How are users identified?", "How will users sign in to Microsoft Entra ID?"]) {
    await expect(page.getByRole("group", { name: question })).toHaveCount(0);
  }
  await expect(page.getByLabel("The server reaches the internet through an authenticating proxy")).toHaveCount(0);
  await expect(page.getByText(/Express settings sign users in with password hash synchronization/)).toBeVisible();
  // Express offers Exchange hybrid among the features, and nothing it does not configure.
  const features = page.getByRole("group", { name: "Which features will you use?" });
  await expect(features.getByLabel("Exchange hybrid writeback")).toBeVisible();
  await expect(features.getByLabel("Password writeback")).toHaveCount(0);
  await page.getByLabel("Application-based authentication, bring your own application").check();
  await page.getByLabel("Organisation", { exact: true }).fill("Northwind Traders");
  await page.getByLabel("Prepared by").fill("Sam Lee");
  await page.getByLabel("Initial domain").fill("northwind.onmicrosoft.com");
  await page.getByLabel("Computer name").fill("SYNC01");
  await page.getByLabel("Forest root domain").fill("northwind.com");
  await page.getByLabel("UPN suffixes users sign in with").fill("northwind.com");
  await page.getByLabel("Domain it is joined to").selectOption("northwind.com");
  await expectAccessible(page);
  await continueStep(page);

  // Express creates the connector itself: nothing to enter.
  await expectStep(page, "AD DS Connector account — northwind.com");
  await expect(page.getByText(/^MSOL_/)).toBeVisible();
  await expect(page.getByLabel("Account name")).toHaveCount(0);
  await expect(page.getByRole("group", { name: "Who creates the account?" })).toHaveCount(0);
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "ADSync service account — SYNC01");
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Microsoft Entra Connector account — SYNC01");
  await page.getByLabel("Application (client) ID").fill("not-a-guid");
  await continueStep(page);
  await expect(page.getByRole("alert", { name: "There is a problem" })).toContainText("application (client) ID as a GUID");
  await expectAccessible(page);
  // Both may wait until the application is registered: the review names them.
  await page.getByLabel("Application (client) ID").fill("");
  const keyStorage = page.getByRole("group", { name: "Where will the certificate's private key live?" });
  await expect(keyStorage.getByRole("radio")).toHaveCount(3);
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Local Administrator account — SYNC01");
  await page.goto("/plan/review");
  await expectStep(page, "Check your answers");
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention.getByRole("link", { name: /private key of SYNC01/ })).toHaveAttribute("href", "/plan/accounts/connectEntraConnector%40server-1");
  await expect(attention.getByRole("link", { name: /application \(client\) ID registered for SYNC01/ })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change source anchor" })).toHaveCount(0);
  await expectAccessible(page);

  await attention.getByRole("link", { name: /private key of SYNC01/ }).click();
  await expectStep(page, "Microsoft Entra Connector account — SYNC01");
  await page.getByRole("group", { name: "Where will the certificate's private key live?" }).getByLabel(/Trusted Platform Module/).check();
  await page.getByLabel("Application (client) ID").fill("72f988bf-86f1-41af-91ab-2d7cd011db47");
  await continueStep(page);
  await expectStep(page, "Local Administrator account — SYNC01");
  const plan = await storedPlan(page);
  expect(plan.accounts["connectEntraConnector@server-1"]).toMatchObject({ name: "72f988bf-86f1-41af-91ab-2d7cd011db47", keyStorage: "tpm" });
  expect(plan.accounts["connectAdDsConnector@forest-1"]).toMatchObject({ name: "" });
  expect(plan.environment.signIn).toEqual({ method: "passwordHashSync", seamlessSso: false });
});
