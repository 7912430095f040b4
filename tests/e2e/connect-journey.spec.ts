import { expect, test, type Page } from "@playwright/test";
import { continueStep, downloadText, errorSummary, expectAccessible, expectStep, freshStart } from "./helpers";

async function fillForest(page: Page, index: number, root: string, domains: string, suffixes: string) {
  const forest = page.getByRole("group", { name: new RegExp(`^Forest ${index}`) });
  await forest.getByLabel("Forest root domain").fill(root);
  if (domains) await forest.getByLabel("Other domains in this forest (optional)").fill(domains);
  await forest.getByLabel("UPN suffixes users sign in with").fill(suffixes);
}

async function existingConnector(page: Page, forest: string, name: string) {
  await expectStep(page, `AD DS Connector account — ${forest}`);
  await page.getByLabel(/An administrator creates it first/).check();
  await page.getByLabel("Account name").fill(name);
  await page.getByLabel("Domain", { exact: true }).selectOption(forest);
  await page.getByRole("group", { name: /member of Domain Admins or Enterprise Admins/ }).getByLabel("No").check();
  await expectAccessible(page);
  await continueStep(page);
}

test("a full Connect custom plan with three forests, checked with axe on every step, ends in a JSON and a Markdown file", async ({ page }) => {
  test.setTimeout(600_000);
  await freshStart(page);
  await page.getByRole("button", { name: "Start a new plan" }).click();
  await expectStep(page, "Choose the sync tool");
  await page.getByLabel("Cross-forest references or merging attributes from several domains into one object").check();
  await expect(page.getByTestId("recommendation")).toContainText("Microsoft Entra Connect Sync");
  // Each reason names the page and section that states it.
  await expect(page.getByRole("region", { name: "Recommendation" }).getByRole("listitem").first()).toContainText(/section “[^”]+” \(page dated/);
  await page.getByLabel("Microsoft Entra Connect Sync").check();
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Describe the environment");
  await page.getByLabel("Organisation", { exact: true }).fill("Fabrikam Group");
  await page.getByLabel("Prepared by").fill("Jordan Mills");
  await page.getByLabel("Contact email (optional)").fill("jordan.mills@fabrikam.com");
  await page.getByLabel("Initial domain").fill("fabrikamgroup.onmicrosoft.com");
  // The SQL Server's questions follow the database chosen.
  await expect(page.getByLabel("SQL Server host")).toHaveCount(0);
  await page.getByLabel("Full SQL Server on the Connect server").check();
  await expect(page.getByLabel("SQL Server administrator")).toBeVisible();
  await expect(page.getByLabel("SQL Server host")).toHaveCount(0);
  await page.getByLabel("Full SQL Server on another server").check();
  await page.getByLabel("SQL Server host").fill("SQL01");
  await page.getByLabel("Instance name (optional)").fill("ADSYNC");
  await page.getByLabel("Computer name").fill("SYNC01");
  await fillForest(page, 1, "fabrikam.com", "na.fabrikam.com\neu.fabrikam.com", "fabrikam.com");
  await page.getByRole("button", { name: "Add another forest" }).click();
  await fillForest(page, 2, "tailspintoys.com", "", "tailspintoys.com");
  await page.getByRole("button", { name: "Add another forest" }).click();
  // A suffix already used by forest 1: the rule that UPN suffixes are unique must catch it.
  await fillForest(page, 3, "wingtiptoys.com", "", "wingtiptoys.com, fabrikam.com");
  await page.getByRole("group", { name: /^Forest 3/ }).getByLabel("OU for the accounts the scripts create (optional)").fill("OU=Sync,OU=Tier 0,DC=wingtiptoys,DC=com");
  await page.getByLabel("Domain it is joined to").selectOption("na.fabrikam.com");

  // Sign-in: seamless SSO is offered with password hash sync and pass-through authentication only.
  const signIn = page.getByRole("group", { name: "How will users sign in to Microsoft Entra ID?" });
  await expect(signIn.getByRole("radio")).toHaveCount(5);
  await signIn.getByLabel("Federation with AD FS").check();
  await expect(page.getByLabel("Enable seamless single sign-on")).toHaveCount(0);
  await expect(page.getByLabel("AD FS servers")).toBeVisible();
  await signIn.getByLabel("Pass-through authentication").check();
  await expect(page.getByLabel("AD FS servers")).toHaveCount(0);
  await expect(page.getByLabel("Other servers that will run a pass-through authentication agent")).toHaveAccessibleDescription(/The Connect server runs the first agent/);
  await signIn.getByLabel("Password hash synchronization").check();
  await page.getByLabel("Enable seamless single sign-on").check();

  // One source anchor for every Connect server; ms-DS-ConsistencyGuid is the default.
  const anchor = page.getByRole("group", { name: "How are users identified?" });
  await expect(anchor).toHaveAccessibleDescription(/staging servers included/);
  await expect(anchor.getByLabel(/ms-DS-ConsistencyGuid/)).toBeChecked();
  await anchor.getByLabel("A specific attribute: another one").check();
  await expect(page.getByLabel("Attribute that identifies users")).toBeVisible();
  await anchor.getByLabel(/ms-DS-ConsistencyGuid/).check();

  await page.getByLabel("Password writeback").check();
  await page.getByLabel("Exchange hybrid writeback").check();
  await page.getByLabel("Forest Exchange is installed in").selectOption({ label: "fabrikam.com" });
  await page.getByLabel("Device writeback").check();
  await expect(page.getByLabel("Forest devices are written back to")).toHaveAccessibleDescription(/single forest/);
  await continueStep(page);
  await expect(errorSummary(page)).toBeFocused();
  await expect(errorSummary(page)).toContainText("The UPN suffix fabrikam.com is listed twice");
  await expect(errorSummary(page)).toContainText("Choose the forest devices are written back to");
  await expect(page.getByRole("group", { name: /^Forest 3/ }).getByLabel("UPN suffixes users sign in with")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await page.getByRole("group", { name: /^Forest 3/ }).getByLabel("UPN suffixes users sign in with").fill("wingtiptoys.com");
  await page.getByLabel("Device writeback").uncheck();
  await expect(page.getByLabel("Forest devices are written back to")).toHaveCount(0);
  await expectAccessible(page);
  await continueStep(page);

  // Three connector accounts, one per forest; the wizard's rules are enforced on the first.
  await expectStep(page, "AD DS Connector account — fabrikam.com");
  await expect(page.getByRole("cell", { name: /mS-DS-ConsistencyGuid/ }).first()).toBeVisible();
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
  await existingConnector(page, "tailspintoys.com", "svc-aadc-tst");

  // "Create new account": the wizard names the account, so no name is asked, and the forest's Enterprise Admin becomes required.
  await expectStep(page, "AD DS Connector account — wingtiptoys.com");
  await page.getByLabel(/An administrator creates it first/).check();
  await page.getByLabel("Account name").fill("svc-planned-name");
  await page.getByLabel(/The wizard creates it/).check();
  await expect(page.getByLabel("Account name")).toHaveCount(0);
  await expect(page.getByLabel("Domain", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /member of Domain Admins or Enterprise Admins/ })).toHaveCount(0);
  await expect(page.getByText(/^MSOL_/)).toBeVisible();
  await expect(page.getByTestId("enterprise-admin-needed")).toContainText("Enterprise Admin of wingtiptoys.com");
  await expectAccessible(page);
  await continueStep(page);

  // Remote SQL: no VSA offered; a gMSA named here.
  await expectStep(page, "ADSync service account — SYNC01");
  const kinds = page.getByRole("group", { name: "Which kind of account will the ADSync service account be?" });
  await expect(kinds.getByRole("radio")).toHaveCount(2);
  await expect(kinds).toHaveAccessibleDescription(/remote SQL Server/);
  await kinds.getByLabel(/Group managed service account/).check();
  await page.getByLabel("gMSA name").fill("gmsaADSyncTooLongName$");
  await continueStep(page);
  await expect(errorSummary(page)).toContainText("Shorten the gMSA name to 15 characters");
  await page.getByLabel("gMSA name").fill("gmsaADSync$");
  await page.getByLabel("Domain", { exact: true }).selectOption("fabrikam.com");
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Microsoft Entra Connector account — SYNC01");
  await expect(page.getByText("An application identity for SYNC01", { exact: false })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Microsoft's pages disagree: A deadline for application-based authentication/ }).first()).toBeVisible();
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Local Administrator account — SYNC01");
  await page.getByLabel("Account name").fill("adm-jmills");
  await page.getByLabel("Domain (optional)").fill("fabrikam.com");
  await expectAccessible(page);
  await continueStep(page);

  for (const [forest, used] of [["fabrikam.com", true], ["tailspintoys.com", false]] as const) {
    await expectStep(page, `AD DS Enterprise Administrator account — ${forest}`);
    await page.getByRole("group", { name: "Will you use this account?" }).getByLabel(used ? "Yes" : "No").check();
    if (used) {
      await page.getByLabel("Account name").fill(`ea-${forest.split(".")[0]}`);
      await page.getByLabel("Domain", { exact: true }).selectOption(forest);
    }
    await expectAccessible(page);
    await continueStep(page);
  }
  // Required for the forest whose connector the wizard creates: it cannot be left out.
  await expectStep(page, "AD DS Enterprise Administrator account — wingtiptoys.com");
  await expect(page.getByText(/· Required$/)).toBeVisible();
  await expect(page.getByRole("group", { name: "Will you use this account?" })).toHaveCount(0);
  await page.getByLabel("Account name").fill("ea-wingtip");
  await page.getByLabel("Domain", { exact: true }).selectOption("wingtiptoys.com");
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "Hybrid Identity Administrator");
  await page.getByLabel("User principal name").fill("hia.install@fabrikamgroup.onmicrosoft.com");
  await expectAccessible(page);
  await continueStep(page);

  await expectStep(page, "SQL SA account");
  await page.getByLabel("SQL Server login").fill("FABRIKAM\\sql-dba");
  await expectAccessible(page);
  await continueStep(page);

  for (const forest of ["fabrikam.com", "tailspintoys.com", "wingtiptoys.com"]) {
    await expectStep(page, `Domain Administrator for seamless single sign-on — ${forest}`);
    await page.getByLabel("Account name").fill(`da-sso-${forest.split(".")[0]}`);
    await page.getByLabel("Domain", { exact: true }).selectOption(forest);
    await expectAccessible(page);
    await continueStep(page);
  }

  await expectStep(page, "Cloud-only Hybrid Identity Administrator (break glass)");
  await page.getByRole("group", { name: "Will you use this account?" }).getByLabel("No").check();
  await continueStep(page);

  await expectStep(page, "Check your answers");
  await expect(page.getByText("Every step is filled in")).toBeVisible();
  await expect(page.getByRole("heading", { name: "AD DS Connector account — wingtiptoys.com" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Seamless SSO computer account (AZUREADSSOACC) — fabrikam.com" })).toBeVisible();
  // The new environment answers, each with a link back to its question.
  await expect(page.getByRole("link", { name: "Change sql server host" })).toHaveAttribute("href", "/plan/environment?return=review#field-connect-sqlServer");
  await expect(page.getByRole("link", { name: "Change source anchor" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Change exchange forest" })).toBeVisible();
  // The SQL administrator was left empty: the review says so, and where to fix it.
  await expect(page.getByRole("region", { name: "Needs attention" }).getByRole("link", { name: /SQL Server administrator/ })).toHaveAttribute("href", "/plan/environment");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Continue to the tenant checks" }).click();
  await expectStep(page, "Check against your tenant");
  await page.getByRole("link", { name: "Continue to export" }).click();

  await expectStep(page, "Export the plan");
  const json = await downloadText(page, page.getByRole("button", { name: "Download the plan file" }));
  expect(json.name).toMatch(/^fabrikam-group-account-plan-.*\.json$/);
  const plan = JSON.parse(json.text);
  expect(plan.schemaVersion).toBe(3);
  expect(plan.tool).toBe("connect");
  expect(plan.environment.forests.map((forest: { rootDomain: string }) => forest.rootDomain)).toEqual(["fabrikam.com", "tailspintoys.com", "wingtiptoys.com"]);
  expect(plan.environment.forests[0].domains).toEqual(["na.fabrikam.com", "eu.fabrikam.com"]);
  expect(plan.environment.forests[2].accountsOu).toBe("OU=Sync,OU=Tier 0,DC=wingtiptoys,DC=com");
  expect(plan.environment.servers[0]).toMatchObject({ name: "SYNC01", domain: "na.fabrikam.com" });
  expect(plan.environment.signIn).toEqual({ method: "passwordHashSync", seamlessSso: true });
  // What the user saw last is what the plan holds: no AD FS or agent servers, no other anchor attribute, no device writeback forest.
  expect(plan.environment.federation).toEqual({ adfsServers: [], wapServers: [] });
  expect(plan.environment.passThroughAgents).toEqual([]);
  expect(plan.environment.connect).toMatchObject({
    installType: "custom",
    database: "remoteSql",
    entraAuth: "applicationManaged",
    sourceAnchor: "msDsConsistencyGuid",
    sourceAnchorAttribute: "",
    sqlServer: "SQL01",
    sqlInstance: "ADSYNC",
    sqlAdministrator: "",
    deviceWritebackForestId: "",
    exchangeForestId: "forest-1",
  });
  expect(plan.environment.features).toEqual(["passwordWriteback", "exchangeHybrid"]);
  expect(plan.accounts["connectAdDsConnector@forest-1"]).toMatchObject({ name: "svc-aadc-fab", provisioning: "existing", privilegedGroupMember: false });
  // The name typed before choosing "Create new account" is not kept: the wizard names the account.
  expect(plan.accounts["connectAdDsConnector@forest-3"]).toMatchObject({ name: "", provisioning: "wizard" });
  expect(plan.accounts["connectAdSyncService@server-1"]).toMatchObject({ accountType: "gmsa", name: "gmsaADSync$", domain: "fabrikam.com" });
  expect(plan.accounts["connectEnterpriseAdmin@forest-2"]).toMatchObject({ inUse: false });
  expect(plan.accounts["connectEnterpriseAdmin@forest-3"]).toMatchObject({ inUse: true, name: "ea-wingtip" });
  expect(plan.accounts.connectSqlSa).toMatchObject({ name: "FABRIKAM\\sql-dba" });

  const markdown = await downloadText(page, page.getByRole("button", { name: "Download the worksheet" }));
  for (const heading of ["AD DS Connector account — fabrikam.com", "AD DS Connector account — tailspintoys.com", "AD DS Connector account — wingtiptoys.com", "SQL SA account"]) {
    expect(markdown.text).toContain(heading);
  }
  expect(markdown.text).toContain("Set-ADSyncPasswordWritebackPermissions");
  expect(markdown.text).toContain("svc-aadc-tst");
});

test("Help me choose's device writeback is offered in the features, ticked only on yes, and still needs its one forest", async ({ page }) => {
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Connect Sync, three forests, remote SQL”" }).click();
  await expectStep(page, "Check your answers");
  await page.goto("/plan/environment");
  const writeback = page.getByRole("checkbox", { name: /^Device writeback/ });
  const offer = page.getByRole("region", { name: "From your answers in “Help me choose”" });
  // The example asked for device writeback and ticked it: nothing to offer.
  await expect(writeback).toBeChecked();
  await expect(offer).toHaveCount(0);
  await writeback.uncheck();
  await expect(offer).toContainText("Device writeback");
  await expect(writeback).not.toBeChecked();
  await expectAccessible(page);
  await offer.getByRole("button", { name: "Yes, tick Device writeback" }).click();
  await expect(writeback).toBeChecked();
  await expect(page.getByRole("status").filter({ hasText: "Ticked from your answers" })).toBeFocused();
  // The single-forest rule still holds: without a forest the step does not save.
  await page.getByLabel("Forest devices are written back to").selectOption("");
  await continueStep(page);
  await expect(errorSummary(page)).toContainText("device writeback supports a single forest");
});
