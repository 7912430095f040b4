import { expect, test, type Page } from "@playwright/test";
import { continueStep, downloadText, errorSummary, expectAccessible, expectStep, freshStart } from "./helpers";

async function fillForest(page: Page, index: number, root: string, domains: string, suffixes: string) {
  const forest = page.getByRole("group", { name: new RegExp(`^Forest ${index}`) });
  await forest.getByLabel("Forest root domain").fill(root);
  if (domains) await forest.getByLabel("Other domains in this forest (optional)").fill(domains);
  await forest.getByLabel("UPN suffixes users sign in with").fill(suffixes);
}

async function connectorStep(page: Page, forest: string, name: string, provisioning: "wizard" | "existing") {
  await expectStep(page, `AD DS Connector account — ${forest}`);
  await page.getByLabel(provisioning === "wizard" ? /The wizard creates it/ : /An administrator creates it first/).check();
  await page.getByLabel("Account name").fill(name);
  await page.getByLabel("Domain", { exact: true }).selectOption(forest);
  await page.getByRole("group", { name: /member of Domain Admins or Enterprise Admins/ }).getByLabel("No").check();
  await expectAccessible(page);
  await continueStep(page);
}

test("a full Connect custom plan with three forests, checked with axe on every step, ends in a JSON and a Markdown file", async ({ page }) => {
  test.setTimeout(120_000);
  await freshStart(page);
  await page.getByRole("button", { name: "Start a new plan" }).click();
  await expectStep(page, "Choose the sync tool");
  await page.getByLabel("Cross-forest references or merging attributes from several domains into one object").check();
  await expect(page.getByTestId("recommendation")).toContainText("Microsoft Entra Connect Sync");
  await page.getByLabel("Microsoft Entra Connect Sync").check();
  await continueStep(page);

  await expectStep(page, "Describe the environment");
  await page.getByLabel("Organisation", { exact: true }).fill("Fabrikam Group");
  await page.getByLabel("Prepared by").fill("Jordan Mills");
  await page.getByLabel("Contact email (optional)").fill("jordan.mills@fabrikam.com");
  await page.getByLabel("Initial domain").fill("fabrikamgroup.onmicrosoft.com");
  await page.getByLabel("Full SQL Server on another server").check();
  await page.getByLabel("Computer name").fill("SYNC01");
  await fillForest(page, 1, "fabrikam.com", "na.fabrikam.com\neu.fabrikam.com", "fabrikam.com");
  await page.getByRole("button", { name: "Add another forest" }).click();
  await fillForest(page, 2, "tailspintoys.com", "", "tailspintoys.com");
  await page.getByRole("button", { name: "Add another forest" }).click();
  // A suffix already used by forest 1: the rule that UPN suffixes are unique must catch it.
  await fillForest(page, 3, "wingtiptoys.com", "", "wingtiptoys.com, fabrikam.com");
  await page.getByLabel("Seamless single sign-on").check();
  await page.getByLabel("Password writeback").check();
  await continueStep(page);
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText("The UPN suffix fabrikam.com is listed twice");
  await expect(page.getByRole("group", { name: /^Forest 3/ }).getByLabel("UPN suffixes users sign in with")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByRole("group", { name: /^Forest 3/ }).getByLabel("UPN suffixes users sign in with").fill("wingtiptoys.com");
  await continueStep(page);

  // Three connector accounts, one per forest; the wizard's rules are enforced on the first.
  await expectStep(page, "AD DS Connector account — fabrikam.com");
  await page.getByLabel(/An administrator creates it first/).check();
  await page.getByLabel("Account name").fill("Administrator");
  await page.getByLabel("Domain", { exact: true }).selectOption("fabrikam.com");
  await page.getByRole("group", { name: /member of Domain Admins or Enterprise Admins/ }).getByLabel("Yes").check();
  await continueStep(page);
  await expect(errorSummary(page)).toContainText("Administrator is a built-in administrator");
  await expect(errorSummary(page)).toContainText("must not be a member of Domain Admins or Enterprise Admins");
  await expectAccessible(page);
  await page.getByLabel("Account name").fill("svc-aadc$");
  await continueStep(page);
  await expect(errorSummary(page)).toContainText("managed service account");
  await page.getByLabel("Account name").fill("svc-aadc-fab");
  await page.getByRole("group", { name: /member of Domain Admins or Enterprise Admins/ }).getByLabel("No").check();
  await expectAccessible(page);
  await continueStep(page);
  await connectorStep(page, "tailspintoys.com", "svc-aadc-tst", "existing");
  await connectorStep(page, "wingtiptoys.com", "svc-aadc-wtt", "wizard");

  // Remote SQL: no VSA offered; a gMSA named here.
  await expectStep(page, "ADSync service account — SYNC01");
  const kinds = page.getByRole("group", { name: "Which kind of account runs the ADSync service?" });
  await expect(kinds.getByRole("radio")).toHaveCount(2);
  await expect(kinds).toContainText("remote SQL Server");
  await kinds.getByLabel(/Group managed service account/).check();
  await page.getByLabel("gMSA name").fill("gmsaADSyncTooLongName$");
  await continueStep(page);
  await expect(errorSummary(page)).toContainText("Shorten the gMSA name to 15 characters");
  await page.getByLabel("gMSA name").fill("gmsaADSync$");
  await page.getByLabel("Domain", { exact: true }).selectOption("fabrikam.com");
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Microsoft Entra Connector account — SYNC01");
  await expect(page.getByText("Application identity for SYNC01")).toBeVisible();
  await expect(page.getByRole("listitem").filter({ hasText: "7 April 2027" })).toBeVisible();
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Local Administrator account — SYNC01");
  await page.getByLabel("Account name").fill("adm-jmills");
  await page.getByLabel("Domain (optional)").fill("fabrikam.com");
  await expectAccessible(page);
  await continueStep(page);

  for (const [forest, used] of [["fabrikam.com", true], ["tailspintoys.com", false], ["wingtiptoys.com", true]] as const) {
    await expectStep(page, `AD DS Enterprise Administrator account — ${forest}`);
    await page.getByRole("group", { name: "Will you use this account?" }).getByLabel(used ? "Yes" : "No").check();
    if (used) {
      await page.getByLabel("Account name").fill(`ea-${forest.split(".")[0]}`);
      await page.getByLabel("Domain", { exact: true }).selectOption(forest);
    }
    await expectAccessible(page);
    await continueStep(page);
  }

  await expectStep(page, "Hybrid Identity Administrator");
  await expect(page.getByRole("region", { name: /Role needed to install Connect/ })).toBeVisible();
  await page.getByLabel("User principal name").fill("hia.install@fabrikamgroup.onmicrosoft.com");
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "SQL SA account");
  await page.getByLabel("SQL Server login").fill("FABRIKAM\\sql-dba");
  await expectAccessible(page);
  await continueStep(page);

  for (const forest of ["fabrikam.com", "tailspintoys.com", "wingtiptoys.com"]) {
    await expectStep(page, `Seamless SSO computer account (AZUREADSSOACC) — ${forest}`);
    await expect(page.getByText("AZUREADSSOACC", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await continueStep(page);
  }

  await expectStep(page, "Cloud-only Hybrid Identity Administrator (break glass)");
  await page.getByRole("group", { name: "Will you use this account?" }).getByLabel("No").check();
  await continueStep(page);

  await expectStep(page, "Check your answers");
  await expect(page.getByText("Every step is filled in")).toBeVisible();
  await expect(page.getByRole("heading", { name: "AD DS Connector account — wingtiptoys.com" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continue to the tenant checks" }).click();
  await expectStep(page, "Check against your tenant");
  await page.getByRole("link", { name: "Continue to export" }).click();

  await expectStep(page, "Export the plan");
  const json = await downloadText(page, page.getByRole("button", { name: "Download the plan file" }));
  expect(json.name).toMatch(/^fabrikam-group-account-plan-.*\.json$/);
  const plan = JSON.parse(json.text);
  expect(plan.tool).toBe("connect");
  expect(plan.environment.forests.map((forest: { rootDomain: string }) => forest.rootDomain)).toEqual(["fabrikam.com", "tailspintoys.com", "wingtiptoys.com"]);
  expect(plan.environment.forests[0].domains).toEqual(["na.fabrikam.com", "eu.fabrikam.com"]);
  expect(plan.environment.connect).toEqual({ installType: "custom", database: "remoteSql", entraAuth: "applicationManaged" });
  expect(plan.accounts["connectAdDsConnector@forest-1"]).toMatchObject({ name: "svc-aadc-fab", provisioning: "existing", privilegedGroupMember: false });
  expect(plan.accounts["connectAdDsConnector@forest-3"]).toMatchObject({ name: "svc-aadc-wtt", provisioning: "wizard" });
  expect(plan.accounts["connectAdSyncService@server-1"]).toMatchObject({ accountType: "gmsa", name: "gmsaADSync$", domain: "fabrikam.com" });
  expect(plan.accounts["connectEnterpriseAdmin@forest-2"]).toMatchObject({ inUse: false });
  expect(plan.accounts.connectSqlSa).toMatchObject({ name: "FABRIKAM\\sql-dba" });

  const markdown = await downloadText(page, page.getByRole("button", { name: "Download the worksheet" }));
  for (const heading of ["AD DS Connector account — fabrikam.com", "AD DS Connector account — tailspintoys.com", "AD DS Connector account — wingtiptoys.com", "SQL SA account"]) {
    expect(markdown.text).toContain(`## ${heading}`);
  }
  expect(markdown.text).toContain("Set-ADSyncPasswordWritebackPermissions");
  expect(markdown.text).toContain("svc-aadc-tst");
});
