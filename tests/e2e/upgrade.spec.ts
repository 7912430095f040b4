import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { readPlan } from "@/lib/plan";
import { expectAccessible, expectStep, freshStart, storedPlan } from "./helpers";

const V1_DIR = join(process.cwd(), "tests", "fixtures", "v1");

function v1Fixture(name: string): { text: string; plan: { environment: Record<string, unknown>; accounts: Record<string, Record<string, unknown>> } } {
  const text = readFileSync(join(V1_DIR, name), "utf8");
  return { text, plan: JSON.parse(text) };
}

/** The values a user typed into the accounts of a plan: names, domains, owners, notes. */
function typedAccountValues(accounts: Record<string, Record<string, unknown>>): string[] {
  return Object.values(accounts).flatMap((entry) =>
    ["name", "domain", "owner", "createdBy", "notes"].map((field) => entry[field]).filter((value): value is string => typeof value === "string" && value !== ""),
  );
}

for (const file of ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"]) {
  test(`importing the version-1 file ${file} says what changed and opens with nothing lost`, async ({ page }) => {
    test.setTimeout(180_000);
    const v1 = v1Fixture(file);
    const expected = readPlan(JSON.parse(v1.text));
    if (!expected.ok || !expected.upgrade) throw new Error(`${file} should open through the migration`);

    await freshStart(page);
    await page.getByLabel("A .json plan file exported by this planner").setInputFiles({ name: file, mimeType: "application/json", buffer: Buffer.from(v1.text) });
    const notice = page.getByRole("region", { name: "This plan was made with an earlier version of the planner" });
    await expect(notice).toBeFocused();
    await expect(notice).toContainText(`${file} was saved as plan version 1`);
    await expect(notice.getByRole("listitem")).toHaveCount(expected.upgrade.changes.length);
    for (const change of expected.upgrade.changes) await expect(notice.getByRole("listitem").filter({ hasText: change })).toHaveCount(1);
    await expectAccessible(page);

    // Nothing typed into the version-1 file is lost: every account value is in the plan now held by the browser.
    const plan = await storedPlan(page);
    expect(plan.schemaVersion).toBe(3);
    const kept = JSON.stringify(plan);
    for (const value of typedAccountValues(v1.plan.accounts)) expect(kept, `“${value}” is kept`).toContain(JSON.stringify(value).slice(1, -1));
    expect(plan.environment.organisation).toEqual(v1.plan.environment.organisation);

    await notice.getByRole("link", { name: "Check your answers" }).click();
    await expectStep(page, "Check your answers");
    // Only accounts version 1 did not know can be left to fill in: nothing answered before is asked again.
    const toFill = page.getByRole("region", { name: "Still to do" }).getByRole("link", { name: /^Fill in:/ });
    for (const href of await toFill.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))) {
      const key = decodeURIComponent(href.replace("/plan/accounts/", ""));
      expect(Object.keys(v1.plan.accounts), `${key} was not in the version-1 file`).not.toContain(key);
    }
    await expectAccessible(page);
  });
}

test("a draft saved by version 1 opens with a notice, and what was typed into an unfinished step is still there", async ({ page }) => {
  test.setTimeout(180_000);
  const v1 = v1Fixture("cloud-sync-contoso.json");
  await freshStart(page);
  // A version-1 draft, in the middle of the environment step with a value that is not valid yet.
  const typed = { ...v1.plan.environment, organisation: { ...(v1.plan.environment.organisation as object), name: "Contoso Ltd (renaming)" }, tenant: { initialDomain: "contoso.example", tenantId: "" } };
  await page.evaluate(
    ([plan, environment]) =>
      window.localStorage.setItem("entra-sync-planner:draft", JSON.stringify({ plan, stepValues: { environment }, started: true })),
    [JSON.parse(v1.text), typed] as const,
  );
  await page.reload();
  await expect(page.getByRole("heading", { name: "Resume your plan" })).toBeVisible();
  // The old draft has moved into the library: its key is gone only because the copy was read back.
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem("entra-sync-planner:draft"))).toBeNull();
  const notice = page.getByRole("region", { name: "This plan was made with an earlier version of the planner" });
  await expect(notice).toContainText("The plan in this browser was saved as plan version 1");
  await expectAccessible(page);

  await page.goto("/plan/environment");
  await expectStep(page, "Describe the environment");
  await expect(page.getByLabel("Organisation", { exact: true })).toHaveValue("Contoso Ltd (renaming)");
  await expect(page.getByLabel("Initial domain")).toHaveValue("contoso.example");
  // The questions version 1 did not have start from the migrated plan.
  await expect(page.getByRole("group", { name: "How will users sign in to Microsoft Entra ID?" }).getByLabel("Password hash synchronization")).toBeChecked();
  await expect(page.getByRole("group", { name: /^Agent host 1/ }).getByLabel("Domain it is joined to")).toHaveValue("contoso.com");
  await expectAccessible(page);
});
