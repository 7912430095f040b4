import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { downloadText, expectAccessible, expectStep, freshStart } from "./helpers";

async function openExample(page: Page, title: string) {
  await page.getByRole("button", { name: `Open “${title}”` }).click();
  await expectStep(page, "Check your answers");
}

function planHeadings(page: Page) {
  return page.getByRole("list", { name: "Your plans" }).getByRole("heading", { level: 3 });
}

/** Presses Enter on a control reached by the keyboard: focus it as Tab would, without a mouse click. */
async function pressEnterOn(page: Page, name: string) {
  await page.getByRole("button", { name }).focus();
  await page.keyboard.press("Enter");
}

test("two customers' plans side by side; the list survives a reload; rename, delete with undo, export all, remove all and import many, by keyboard", async ({ page, context }) => {
  test.setTimeout(180_000);
  await freshStart(page);
  await openExample(page, "Cloud Sync, one forest, three agents");
  await page.goto("/");
  await openExample(page, "Connect Sync, three forests, remote SQL");

  // A second tab opens the other customer's plan: each tab keeps its own.
  const second = await context.newPage();
  await second.goto("/");
  await pressEnterOn(second, "Open the plan “Contoso Ltd”");
  await expectStep(second, "Check your answers");
  await expect(second.getByText("Contoso Ltd", { exact: true })).toBeVisible();
  await page.reload();
  await expectStep(page, "Check your answers");
  await expect(page.getByText("Fabrikam Group", { exact: true })).toBeVisible();
  await second.reload();
  await expectStep(second, "Check your answers");
  await expect(second.getByText("Contoso Ltd", { exact: true })).toBeVisible();
  await second.close();

  await page.goto("/");
  await expect(planHeadings(page)).toHaveText(["Fabrikam Group (open in this tab)", "Contoso Ltd"]);
  await expect(page.getByText(/stored unencrypted in this browser profile/)).toBeVisible();
  await expectAccessible(page);

  await pressEnterOn(page, "Rename the plan “Contoso Ltd”");
  const rename = page.getByRole("dialog", { name: "Rename the plan" });
  await expect(page.getByLabel("Name in your list of plans")).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.type("Contoso pilot");
  await page.keyboard.press("Enter");
  await expect(rename).toBeHidden();
  await expect(planHeadings(page)).toHaveText(["Fabrikam Group (open in this tab)", "Contoso pilot"]);

  const exported = await downloadText(page, page.getByRole("button", { name: "Export all plans", exact: true }));
  const file = JSON.parse(exported.text);
  expect(file.kind).toBe("entra-sync-account-plan-library");
  expect(file.plans.map((entry: { name?: string; plan: { environment: { organisation: { name: string } } } }) => entry.name ?? entry.plan.environment.organisation.name).sort()).toEqual([
    "Contoso pilot",
    "Fabrikam Group",
  ]);

  // Delete asks first, naming the plan, with the safe choice focused; Escape keeps the plan.
  await pressEnterOn(page, "Delete the plan “Contoso pilot”");
  const confirmDelete = page.getByRole("dialog", { name: "Delete the plan “Contoso pilot”?" });
  await expect(confirmDelete.getByRole("button", { name: "Keep the plan" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(confirmDelete).toBeHidden();
  await expect(planHeadings(page)).toHaveCount(2);
  // Then delete it, and undo from the keyboard: the offer takes focus when the deleted plan's button goes.
  await pressEnterOn(page, "Delete the plan “Contoso pilot”");
  await confirmDelete.getByRole("button", { name: "Delete the plan", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(confirmDelete).toBeHidden();
  const offer = page.getByRole("status").filter({ hasText: "Deleted the plan “Contoso pilot”" });
  await expect(offer).toBeVisible();
  await expect(planHeadings(page)).toHaveText(["Fabrikam Group (open in this tab)"]);
  await expect(offer.getByRole("button", { name: "Undo" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Enter");
  await expect(page.getByText("Undone: Deleted the plan “Contoso pilot”")).toBeFocused();
  await expect(planHeadings(page)).toHaveText(["Fabrikam Group (open in this tab)", "Contoso pilot"]);

  await pressEnterOn(page, "Remove all plans from this browser");
  const confirm = page.getByRole("dialog", { name: "Remove all plans from this browser?" });
  await expect(confirm.getByRole("button", { name: "Keep my plans" })).toBeFocused();
  await expectAccessible(page);
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  await expect(planHeadings(page)).toHaveCount(2);
  await pressEnterOn(page, "Remove all plans from this browser");
  await confirm.getByRole("button", { name: "Remove all plans" }).click();
  await expect(page.getByText("No plans in this browser yet")).toBeVisible();

  // The exported file brings both back, names included, and they survive a reload.
  const input = page.getByLabel("A .json plan file exported by this planner");
  await input.setInputFiles({ name: exported.name, mimeType: "application/json", buffer: Buffer.from(exported.text) });
  await expect(page.getByText("Imported 2 plans into your list.")).toBeVisible();
  await page.reload();
  // Both came in one go, in the file's order; a tab with no plan of its own opens the latest one.
  await expect
    .poll(async () => (await planHeadings(page).allInnerTexts()).map((text) => text.replace(" (open in this tab)", "")).sort())
    .toEqual(["Contoso pilot", "Fabrikam Group"]);

  // A plan from a newer planner is refused by name; the rest of the file comes in.
  file.plans[0].plan.schemaVersion = 9;
  await input.setInputFiles({ name: "newer.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  const refused = page.getByRole("alert", { name: "1 plan was not imported" });
  await expect(refused).toContainText(/newer\.json, Plan 1 \(“.+”\): This plan was saved by a newer version of the planner \(schema version 9\)/);
  await expect(page.getByText("Imported 1 plan into your list.")).toBeVisible();
  await expect(planHeadings(page)).toHaveCount(3);
});

test("a second tab editing the same plan is told, and chooses: save as a copy, reload theirs, or keep mine", async ({ page, context }) => {
  test.setTimeout(180_000);
  await freshStart(page);
  await openExample(page, "Cloud Sync, one forest, three agents");
  await page.goto("/plan/environment");
  await expectStep(page, "Describe the environment");
  const second = await context.newPage();
  await second.goto("/plan/environment");
  await expectStep(second, "Describe the environment");
  const organisation = (tab: Page) => tab.getByLabel("Organisation", { exact: true });

  await organisation(page).fill("Contoso from tab one");
  const conflict = second.getByRole("dialog", { name: "This plan was changed in another tab" });
  await expect(conflict).toBeVisible();
  await expect(second.getByText("Not saved: another tab changed this plan")).toBeVisible();
  await expectAccessible(second);
  // Keyboard only: the first choice has focus, Tab moves along the choices.
  await expect(conflict.getByRole("button", { name: "Reload their version" })).toBeFocused();
  await second.keyboard.press("Tab");
  await second.keyboard.press("Tab");
  await expect(conflict.getByRole("button", { name: "Save mine as a copy" })).toBeFocused();
  await second.keyboard.press("Enter");
  await expect(conflict).toBeHidden();
  await organisation(second).fill("Contoso from tab two");
  await expect(second.getByText("Saved in this browser")).toBeVisible();
  await second.goto("/");
  await expect(planHeadings(second)).toHaveText(["Contoso from tab two (open in this tab)", "Contoso from tab one"]);

  // The second tab goes back to the first tab's plan; the first tab changes it again: reload takes theirs.
  await second.getByRole("button", { name: "Open the plan “Contoso from tab one”" }).click();
  await expectStep(second, "Check your answers");
  await second.goto("/plan/environment");
  await expectStep(second, "Describe the environment");
  await organisation(page).fill("Contoso, changed again in tab one");
  await expect(conflict).toBeVisible();
  await conflict.getByRole("button", { name: "Reload their version" }).click();
  await expect(organisation(second)).toHaveValue("Contoso, changed again in tab one");

  // Now the second tab writes, and the first tab keeps its own version over it.
  await organisation(second).fill("Contoso as tab two wants it");
  const firstConflict = page.getByRole("dialog", { name: "This plan was changed in another tab" });
  await expect(firstConflict).toBeVisible();
  await firstConflict.getByRole("button", { name: "Keep mine" }).click();
  await expect(page.getByText("Saved in this browser")).toBeVisible();
  await page.reload();
  await expectStep(page, "Describe the environment");
  await expect(organisation(page)).toHaveValue("Contoso, changed again in tab one");
  // The second tab is told in turn: nothing it wrote was overwritten without its say.
  await expect(conflict).toBeVisible();
});

test("an old localStorage draft and a set-aside unreadable one move into the library; a plan that breaks the rules opens in the repair view", async ({ page }) => {
  test.setTimeout(180_000);
  await freshStart(page);
  const v1 = readFileSync(join(process.cwd(), "tests", "fixtures", "v1", "cloud-sync-contoso.json"), "utf8");
  const broken = JSON.parse(await (await page.request.get("/examples/connect-fabrikam-three-forests.json")).text());
  broken.accounts["connectAdDsConnector@forest-1"].privilegedGroupMember = true;
  await page.evaluate(
    ([draft, unreadable]) => {
      window.localStorage.setItem("entra-sync-planner:draft", JSON.stringify({ plan: JSON.parse(draft), stepValues: {}, started: true }));
      window.localStorage.setItem("entra-sync-planner:unreadable-draft", JSON.stringify({ plan: unreadable, stepValues: {}, started: true }));
    },
    [v1, broken] as const,
  );
  await page.reload();
  await expect(planHeadings(page)).toHaveCount(2);
  await expect(page.getByRole("list", { name: "Your plans" })).toContainText("1 answer needs attention");
  await expect.poll(() => page.evaluate(() => [window.localStorage.getItem("entra-sync-planner:draft"), window.localStorage.getItem("entra-sync-planner:unreadable-draft")])).toEqual([null, null]);

  await page.getByRole("button", { name: "Open the plan “Fabrikam Group”" }).click();
  await expectStep(page, "Repair this plan");
  const step = page.getByRole("region", { name: /AD DS Connector account/ });
  await expectAccessible(page);
  await step.getByRole("link", { name: /must not be a member of Domain Admins or Enterprise Admins/ }).click();
  // The link names the field: the step opens with focus on it, not on the heading.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/AD DS Connector account/);
  const membership = page.getByRole("group", { name: "Is this account a member of Domain Admins or Enterprise Admins?" });
  await expect(membership.getByLabel("Yes")).toBeChecked();
  await expect.poll(() => membership.evaluate((group) => group.contains(document.activeElement))).toBe(true);

  // A stored record that is not even a plan's shape: shown with why, its content offered as it is.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open("entra-sync-planner");
        request.onsuccess = () => {
          const record = { id: "broken-one", revision: 1, changedAt: new Date().toISOString(), plan: null, raw: "{ half a plan", stepValues: {}, started: true, history: [], replaced: [] };
          const transaction = request.result.transaction("plans", "readwrite");
          transaction.objectStore("plans").put(record, "plan:broken-one");
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error);
        };
      }),
  );
  await page.goto("/");
  await page.getByRole("button", { name: "Open the plan “Unnamed plan”" }).click();
  await expectStep(page, "This plan cannot be opened as it is");
  await expect(page.getByText("This is not an account plan")).toBeVisible();
  const raw = await downloadText(page, page.getByRole("button", { name: "Download its content (JSON)" }));
  expect(raw.text).toBe("{ half a plan");
  await expectAccessible(page);
});
