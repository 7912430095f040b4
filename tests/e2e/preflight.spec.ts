import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as XLSX from "xlsx";
import { continueStep, downloadText, expectAccessible, expectStep, freshStart, storedPlan } from "./helpers";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "preflight", "connect-fabrikam");
const FILES = ["preflight-forest-fabrikam-com", "preflight-forest-tailspintoys-com", "preflight-forest-wingtiptoys-com", "preflight-server-sync01", "preflight-server-sync02"];
const fixturePath = (name: string) => join(FIXTURES, `${name}.json`);
const fixtureText = (name: string) => readFileSync(fixturePath(name), "utf8");

async function openConnectChecks(page: Page) {
  await freshStart(page);
  await page.getByRole("button", { name: "Open “Connect Sync, three forests, remote SQL”" }).click();
  await expectStep(page, "Check your answers");
  await page.goto("/plan/validate");
  await expectStep(page, "Check against your tenant");
}

const group = (page: Page, heading: string) => page.getByRole("region", { name: heading, exact: true });
const fileField = (page: Page) => page.getByLabel("Pre-flight files (.json): drop them here, or choose them");

test("pre-flight files of every forest and server turn the Connect example's on-premises to-dos into results, on the Check step and in every export", async ({ page }) => {
  test.setTimeout(180_000);
  await openConnectChecks(page);

  // A wrong or foreign file is refused, and the plan is left exactly as it was.
  const before = await storedPlan(page);
  const plan = JSON.stringify(before);
  const foreign = JSON.parse(fixtureText("preflight-server-sync01"));
  foreign.plan.organisation = "Contoso Ltd";
  await fileField(page).setInputFiles([
    { name: "the-plan.json", mimeType: "application/json", buffer: Buffer.from(plan) },
    { name: "contoso-sync01.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(foreign)) },
    { name: "notes.json", mimeType: "application/json", buffer: Buffer.from("not json at all") },
  ]);
  const refusal = page.getByTestId("preflight-outcome").getByRole("alert");
  await expect(refusal).toContainText("3 files were refused; nothing in the plan was changed for them");
  await expect(refusal).toContainText("the-plan.json: This is a plan file, not a pre-flight file");
  await expect(refusal).toContainText("contoso-sync01.json: This pre-flight file is for another plan: it was collected for “Contoso Ltd”");
  await expect(refusal).toContainText("notes.json: The file is not valid JSON");
  await expect(page.getByTestId("preflight-outcome")).toBeFocused();
  expect(JSON.stringify(await storedPlan(page))).toBe(plan);
  await expectAccessible(page);

  // Before: the connector of fabrikam.com is a to-do for install day.
  await page.getByRole("button", { name: "Run the checks" }).click();
  await expect(group(page, "AD DS Connector account — fabrikam.com")).toContainText("To check on install day");

  await fileField(page).setInputFiles(FILES.slice(0, 4).map(fixturePath));
  const outcome = page.getByTestId("preflight-outcome");
  await expect(outcome.getByRole("listitem")).toHaveCount(4);
  await expect(outcome).toContainText("preflight-forest-fabrikam-com.json: 26 results for forest fabrikam.com");
  // The fifth file is dropped on the zone.
  const dropped = await page.evaluateHandle(
    ({ name, text }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], name, { type: "application/json" }));
      return transfer;
    },
    { name: "preflight-server-sync02.json", text: fixtureText("preflight-server-sync02") },
  );
  await page.getByTestId("preflight-drop").dispatchEvent("drop", { dataTransfer: dropped });
  await expect(outcome).toContainText("preflight-server-sync02.json: 4 results for server SYNC02");
  await expect(page.getByTestId("preflight-runs").getByRole("row")).toHaveCount(6);

  const connector = group(page, "AD DS Connector account — fabrikam.com");
  await expect(connector).not.toContainText("To check on install day");
  await expect(connector.locator('[data-status="pass"]').filter({ hasText: "Rights on the domain roots" })).toContainText("Every right of the chosen features is granted on 3 domain root(s)");
  await expect(connector.locator('[data-status="pass"]').filter({ hasText: "Not in Domain Admins or Enterprise Admins" })).toBeVisible();
  await expect(connector).toContainText("Pre-flight facts collected 2026-11-26T10:00:00.000Z on ADM-FABRIKAM");
  await expect(connector.getByRole("link", { name: /about Rights on the domain roots/ })).toHaveAttribute("href", /^https:\/\/learn\.microsoft\.com\//);
  await expect(group(page, "ADSync service account — SYNC01").locator('[data-status="pass"]').filter({ hasText: "TLS 1.2" })).toBeVisible();
  await expect(group(page, "ADSync service account — SYNC01").locator('[data-status="pass"]').filter({ hasText: "KDS root key" })).toBeVisible();
  // Results that do not judge what a to-do asks sit beside it: nothing read checks the service account's own requirement.
  await expect(group(page, "ADSync service account — SYNC01")).toContainText("To check on install day");
  const enterpriseAdmin = group(page, "AD DS Enterprise Administrator account — fabrikam.com");
  await expect(enterpriseAdmin.locator('[data-status="pass"]').filter({ hasText: "Member of Enterprise Admins" })).toBeVisible();
  await expect(enterpriseAdmin).not.toContainText("To check on install day");
  // The wizard creates this forest's connector: before install it is not created yet, never a failure, and its to-do stays beside.
  const wizardConnector = group(page, "AD DS Connector account — wingtiptoys.com");
  await expect(wizardConnector.locator('[data-status="unknown"]').filter({ hasText: "Exists as planned" })).toContainText("Not created yet");
  await expect(wizardConnector).toContainText("To check on install day");
  await expect(page.locator('[data-status="fail"]').filter({ hasText: "Pre-flight facts collected" })).toHaveCount(0);
  await expectAccessible(page);

  const stored = await storedPlan(page);
  expect(stored.schemaVersion).toBe(3);
  expect(stored.preflight.map((run: { scope: string; name: string }) => `${run.scope} ${run.name}`).sort()).toEqual([
    "forest fabrikam.com",
    "forest tailspintoys.com",
    "forest wingtiptoys.com",
    "server SYNC01",
    "server SYNC02",
  ]);

  await page.getByRole("link", { name: "Continue to export" }).click();
  await expectStep(page, "Export the plan");
  const worksheet = await downloadText(page, page.getByRole("button", { name: "Download the worksheet" }));
  expect(worksheet.text).toContain("## On-premises pre-flight");
  expect(worksheet.text).toContain("Forest fabrikam.com, facts collected 2026-11-26T10:00:00.000Z: 1 to check, 25 pass");
  expect(worksheet.text).toMatch(/\| Pass \| AD DS Connector account — fabrikam\.com: Rights on the domain roots \|[^\n]*collected 2026-11-26T10:00:00\.000Z/);
  expect(worksheet.text).not.toMatch(/AD DS Connector account — fabrikam\.com: to check on install day/);

  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download the workbook" }).click()]);
  const workbook = XLSX.read(await readFile(await file.path()), { type: "buffer" });
  const checks = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Checks!);
  const rights = checks.find((row) => row.Check === "AD DS Connector account — fabrikam.com: Rights on the domain roots")!;
  expect(rights.Status).toBe("Pass");
  expect(rights.Detail).toContain("collected 2026-11-26T10:00:00.000Z");
  const summary = XLSX.utils.sheet_to_json<Record<string, string>>(workbook.Sheets.Summary!);
  expect(summary.find((row) => row.Field === "On-premises pre-flight")?.Value).toContain("Server SYNC02, facts collected");

  await page.goto("/print");
  const printed = page.locator("main");
  await expect(printed).toContainText("On-premises pre-flight");
  await expect(printed).toContainText("Pass: AD DS Connector account — fabrikam.com: Rights on the domain roots");
});

test("a plan file of version 2 imports with a notice of what changed, and a pre-flight result goes out of date when the plan value it judged changes", async ({ page }) => {
  test.setTimeout(120_000);
  await freshStart(page);
  const v2 = readFileSync(join(process.cwd(), "tests", "fixtures", "v2", "connect-fabrikam-three-forests.json"), "utf8");
  await page.getByLabel("A .json plan file exported by this planner").setInputFiles({ name: "fabrikam-v2.json", mimeType: "application/json", buffer: Buffer.from(v2) });
  const notice = page.getByRole("region", { name: "This plan was made with an earlier version of the planner" });
  await expect(notice).toContainText("fabrikam-v2.json was saved as plan version 2");
  await expect(notice).toContainText("The plan now keeps the results of the on-premises pre-flight");
  await page.goto("/plan/validate");
  await fileField(page).setInputFiles(fixturePath("preflight-forest-fabrikam-com"));
  await expect(page.getByTestId("preflight-outcome")).toContainText("26 results for forest fabrikam.com");

  // Renaming the connector makes its pre-flight results out of date, and only its.
  await page.goto("/plan/accounts/connectAdDsConnector@forest-1");
  await page.getByLabel("Account name", { exact: true }).fill("svc-aadc-new");
  await continueStep(page);
  await page.goto("/plan/validate");
  await expectStep(page, "Check against your tenant");
  await expect(group(page, "AD DS Connector account — fabrikam.com").locator('[data-stale="true"]').first()).toContainText("Out of date");
  await expect(group(page, "ADSync service account — SYNC01").locator('[data-stale="true"]')).toHaveCount(0);
  await expectAccessible(page);
});
