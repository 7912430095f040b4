import { expect, test, type Page } from "@playwright/test";
import { continueStep, expectAccessible, expectStep, freshStart, storedPlan } from "./helpers";

const ADFS_STEPS = [
  "Domain Administrator for the AD FS servers",
  "AD FS service account",
  "Proxy trust credentials",
  "Local administrator of the Web Application Proxy servers",
] as const;

function stepLink(page: Page, title: string) {
  return page.getByRole("navigation", { name: "Plan steps" }).getByRole("link", { name: new RegExp(`^\\d+\\. ${title}`) });
}

test("choosing federation with AD FS asks for its servers and adds the AD FS accounts' steps, each clean under axe", async ({ page }) => {
  test.setTimeout(600_000);
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Connect Sync, three forests, remote SQL”" }).click();
  await expectStep(page, "Check your answers");
  for (const title of ADFS_STEPS) await expect(stepLink(page, title)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Seamless SSO computer account (AZUREADSSOACC) — fabrikam.com" })).toBeVisible();

  await page.getByRole("link", { name: "Change user sign-in method" }).click();
  // "Change" lands focus on the question it names, not on the heading.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Describe the environment");
  const signIn = page.getByRole("group", { name: "How will users sign in to Microsoft Entra ID?" });
  await signIn.getByLabel("Federation with AD FS").check();
  // AD FS and seamless SSO do not go together in the Connect wizard.
  await expect(page.getByLabel("Enable seamless single sign-on")).toHaveCount(0);
  // Password hash sync stays on as a backup the example had ticked.
  await expect(page.getByLabel("Password hash synchronization, as well as the sign-in method")).toBeChecked();
  await page.getByLabel("AD FS servers").fill("ADFS01, ADFS02");
  await expectAccessible(page);
  await continueStep(page);
  // Federation sets the seamless SSO accounts aside: the planner says so first, then saves with an undo checkpoint.
  const change = page.getByRole("dialog", { name: /^Change user sign-in to federation with AD FS\?/i });
  await expect(change).toContainText("Domain Administrator for seamless single sign-on");
  await expectAccessible(page);
  await change.getByRole("button", { name: "Change user sign-in" }).click();
  // A change started from Check your answers returns there.
  await expectStep(page, "Check your answers");

  // The AD FS accounts now have steps; the seamless SSO ones are set aside.
  for (const title of ADFS_STEPS) await expect(stepLink(page, title)).toHaveCount(1);
  await expect(stepLink(page, "Domain Administrator for seamless single sign-on")).toHaveCount(0);

  // Without the proxies' names the plan is still valid, but the review says what install day needs.
  await page.goto("/plan/review");
  await expectStep(page, "Check your answers");
  const attention = page.getByRole("region", { name: "Needs attention" });
  await expect(attention).toContainText("Name the Web Application Proxy servers");
  await expect(page.getByText("AD FS servers", { exact: true })).toBeVisible();
  await expect(page.getByText("ADFS01, ADFS02")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Seamless SSO computer account/ })).toHaveCount(0);
  await expectAccessible(page);
  await attention.getByRole("link", { name: /Web Application Proxy servers/ }).click();
  await expectStep(page, "Describe the environment");
  await page.getByLabel("Web Application Proxy servers").fill("WAP01\nWAP02");
  await continueStep(page);
  await expectStep(page, "AD DS Connector account — fabrikam.com");

  await stepLink(page, ADFS_STEPS[0]).click();
  await expectStep(page, ADFS_STEPS[0]);
  await expect(page.getByTestId("facts-as-of")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Account name").fill("da-adfs");
  await page.getByLabel("Domain", { exact: true }).selectOption("fabrikam.com");
  await continueStep(page);

  await expectStep(page, ADFS_STEPS[1]);
  const kinds = page.getByRole("group", { name: "Which kind of account will the AD FS service account be?" });
  await expect(kinds.getByLabel(/Group managed service account/)).toBeChecked();
  await expectAccessible(page);
  await page.getByLabel("gMSA name").fill("gmsaADFS$");
  await page.getByLabel("Domain", { exact: true }).selectOption("fabrikam.com");
  await continueStep(page);

  await expectStep(page, ADFS_STEPS[2]);
  await expectAccessible(page);
  await page.getByLabel("Account name").fill("adfs-trust");
  await page.getByLabel("Domain", { exact: true }).selectOption("fabrikam.com");
  await continueStep(page);

  await expectStep(page, ADFS_STEPS[3]);
  await expectAccessible(page);
  await page.getByLabel("Account name").fill("wap-admin");
  await continueStep(page);

  // Federation needs a Global Administrator (or the roles the catalog names) for the wizard.
  await expectStep(page, "Global Administrator");
  await expect(page.getByRole("group", { name: "Will you use this account?" })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByLabel("User principal name").fill("ga.install@fabrikamgroup.onmicrosoft.com");
  await continueStep(page);

  await expectStep(page, "Cloud-only Hybrid Identity Administrator (break glass)");
  await continueStep(page);
  await expectStep(page, "Check your answers");
  await expect(page.getByText("Every step is filled in")).toBeVisible();
  await expect(page.getByRole("region", { name: "Needs attention" })).toHaveCount(0);
  await expect(page.getByText("WAP01, WAP02")).toBeVisible();
  await expectAccessible(page);

  const plan = await storedPlan(page);
  expect(plan.environment.signIn).toEqual({ method: "federationAdfs", seamlessSso: false });
  expect(plan.environment.federation).toEqual({ adfsServers: ["ADFS01", "ADFS02"], wapServers: ["WAP01", "WAP02"] });
  expect(plan.accounts.adfsServiceAccount).toMatchObject({ accountType: "gmsa", name: "gmsaADFS$", domain: "fabrikam.com" });
  expect(plan.accounts.wapLocalAdmin).toMatchObject({ name: "wap-admin", domain: "" });
});

test("pass-through authentication lists its agents, names a shortfall on the review, and adds the registrar's step", async ({ page }) => {
  test.setTimeout(300_000);
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Connect Sync, three forests, remote SQL”" }).click();
  await expectStep(page, "Check your answers");
  await page.goto("/plan/environment");
  await expectStep(page, "Describe the environment");
  await page.getByRole("group", { name: "How will users sign in to Microsoft Entra ID?" }).getByLabel("Pass-through authentication").check();
  // Seamless SSO stays on offer with pass-through authentication.
  await expect(page.getByLabel("Enable seamless single sign-on")).toBeChecked();
  await page.getByLabel("Other servers that will run a pass-through authentication agent").fill("PTA01");
  await expectAccessible(page);
  await continueStep(page);
  await expectStep(page, "AD DS Connector account — fabrikam.com");

  await stepLink(page, "Pass-through authentication agent registrar").click();
  await expectStep(page, "Pass-through authentication agent registrar");
  await expectAccessible(page);
  await page.getByLabel("User principal name").fill("pta.registrar@fabrikamgroup.onmicrosoft.com");
  await continueStep(page);

  await page.goto("/plan/review");
  await expectStep(page, "Check your answers");
  await expect(page.getByText("the Connect server, PTA01")).toBeVisible();
  const shortfall = page.getByRole("region", { name: "Needs attention" }).getByRole("link", { name: /pass-through authentication agents/ });
  await expect(shortfall).toContainText("the plan has 2");
  await shortfall.click();
  await expectStep(page, "Describe the environment");
  await page.getByLabel("Other servers that will run a pass-through authentication agent").fill("PTA01\nPTA02");
  await continueStep(page);
  await page.goto("/plan/review");
  await expectStep(page, "Check your answers");
  await expect(page.getByRole("region", { name: "Needs attention" })).toHaveCount(0);
  await expect(page.getByText("Every step is filled in")).toBeVisible();
});
