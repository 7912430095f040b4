import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { accountsWithSteps, readPlan } from "@/lib/plan";
import { expectAccessible, expectStep, freshStart } from "./helpers";

/**
 * The printed plan a customer signs off, and every page of both example
 * journeys at a phone's width (375 px) and in dark mode.
 */

const EXAMPLES = [
  { title: "Connect Sync, three forests, remote SQL", file: "connect-fabrikam-three-forests.json" },
  { title: "Cloud Sync, one forest, three agents", file: "cloud-sync-contoso.json" },
] as const;

async function openExample(page: Page, example: (typeof EXAMPLES)[number]) {
  await freshStart(page);
  await page.getByRole("button", { name: `Open “${example.title}”` }).click();
  await expectStep(page, "Check your answers");
}

async function examplePlan(page: Page, file: string) {
  const result = readPlan(await (await page.request.get(`/examples/${file}`)).json());
  if (!result.ok) throw new Error(`${file} is invalid`);
  return result.plan;
}

function pdfText(path: string, page?: number): string {
  const range = page ? ["-f", String(page), "-l", String(page)] : [];
  return execFileSync("pdftotext", ["-raw", ...range, path, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

test("the Connect example prints to at most 10 pages in A4 and Letter, page 1 naming the tool, tenant, forests and servers", async ({ page }) => {
  const example = EXAMPLES[0];
  await openExample(page, example);
  const plan = await examplePlan(page, example.file);
  await page.goto("/print");
  await expectStep(page, /^Account plan: /);
  await page.emulateMedia({ media: "print" });
  // Print styles never shrink the page to fit: no zoom, no scaled transform.
  const shrunk = await page.evaluate(() =>
    [...document.querySelectorAll("body, body *")].some((element) => {
      const style = getComputedStyle(element);
      return (style.zoom && style.zoom !== "1" && style.zoom !== "normal") || /matrix\((?!1, 0, 0, 1,)/.test(style.transform);
    }),
  );
  expect(shrunk).toBe(false);
  const bodySize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector(".print-document p") ?? document.body).fontSize));
  // 10 pt is 13.33 CSS px.
  expect(bodySize).toBeGreaterThanOrEqual(13.3);

  for (const format of ["A4", "Letter"] as const) {
    const path = join(tmpdir(), `plan-${format}-${Date.now()}.pdf`);
    await writeFile(path, await page.pdf({ format, printBackground: true }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [path], { encoding: "utf8" }))?.[1]);
    console.log(`printed pages (${format}): ${pages}`);
    expect.soft(pages, format).toBeLessThanOrEqual(10);
    const first = pdfText(path, 1);
    expect(first).toContain("Microsoft Entra Connect Sync");
    expect(first).toContain(plan.environment!.tenant.initialDomain);
    for (const forest of plan.environment!.forests) expect(first, forest.rootDomain).toContain(forest.rootDomain);
    for (const server of plan.environment!.servers) expect(first, server.name).toContain(server.name);
    // Page numbers from the @page margin boxes, on every page.
    for (let number = 1; number <= pages; number += 1) expect(pdfText(path, number), `page ${number}`).toContain(`Page ${number} of ${pages}`);
    // The whole plan: every account, and the runbook's screens in Microsoft's order.
    const text = pdfText(path);
    for (const account of accountsWithSteps(plan)) expect(text, account.label).toContain(account.label.replace(/\s+/g, " "));
    const runbookText = text.slice(text.indexOf("Install-day runbook"));
    const screens = ["Install required components", "Connect to Microsoft Entra ID", "Connect your directories", "Optional features", "Configure and verify pages"];
    const positions = screens.map((screen) => runbookText.search(new RegExp(`Screen \\d+: ${screen}`)));
    expect(positions.every((position) => position > 0), screens.join()).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  }
});

/**
 * One look at the page as it is: elements whose box passes the viewport's
 * right edge outside a focusable scroll container, the widest right edge,
 * overflow clipping on html/body/main, the visible primary buttons and text,
 * and the body's background brightness (0 black … 1 white).
 */
async function survey(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const inScroller = (element: Element) => {
      for (let parent = element.parentElement; parent; parent = parent.parentElement) {
        const style = getComputedStyle(parent);
        if ((style.overflowX === "auto" || style.overflowX === "scroll") && parent.tabIndex >= 0) return true;
      }
      return false;
    };
    let widest = 0;
    const cut: string[] = [];
    for (const element of document.querySelectorAll("body *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || inScroller(element)) continue;
      widest = Math.max(widest, box.right);
      if (box.right > width + 1 || box.left < -1) cut.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} ${Math.round(box.left)}–${Math.round(box.right)}: ${(element.textContent ?? "").trim().slice(0, 40)}`);
    }
    const hidden = ["html", "body", "main"].filter((selector) => ["hidden", "clip"].includes(getComputedStyle(document.querySelector(selector)!).overflowX));
    const primaries = [...document.querySelectorAll("main button, main a")].filter(
      (element) => element.classList.contains("bg-blue-800") && !element.closest("nav") && (element as HTMLElement).offsetParent !== null,
    ).length;
    // The browser turns any CSS colour (oklch included) into pixels; their relative luminance says light or dark.
    const canvas = document.createElement("canvas").getContext("2d")!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r = 0, g = 0, b = 0] = [...canvas.getImageData(0, 0, 1, 1).data].map((value) => {
      const channel = value / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return { widest: Math.round(widest), cut: cut.slice(0, 5), hidden, primaries, text: document.body.innerText, background: 0.2126 * r + 0.7152 * g + 0.0722 * b };
  });
}

/** Runs the demo tenant checks on the Check step and waits for their results. */
async function runChecks(page: Page) {
  await page.getByRole("button", { name: "Run the checks" }).click();
  await expect(page.getByTestId("checked-at")).toBeVisible({ timeout: 20_000 });
}

const STATUS_ORDER = ["fail", "warn", "unknown", "pass"];

for (const example of EXAMPLES) {
  test(`every page of the ${example.title} journey fits 375 px; each kind of page passes axe at 375 px and in dark mode`, async ({ page }) => {
    // About 40 s per journey on an idle machine; the limit leaves room for a loaded CI runner.
    test.setTimeout(300_000);
    const started = Date.now();
    await page.setViewportSize({ width: 375, height: 800 });
    await openExample(page, example);
    const plan = await examplePlan(page, example.file);
    const accounts = accountsWithSteps(plan).map((account) => `/plan/accounts/${encodeURIComponent(account.key)}`);
    const paths = ["/", "/plan/tool", "/plan/environment", ...accounts, "/plan/review", "/plan/validate", "/plan/export", "/print", "/no-such-page"];
    // axe on one page of each kind: the other account steps differ from the first only in names and values.
    const kinds = paths.filter((path) => !path.startsWith("/plan/accounts/") || path === accounts[0]);
    const widths: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path === "/plan/validate") {
        await runChecks(page);
        // Within each group of results, failures come first: fail, warning, to check, pass.
        const groups = await page.locator("section[aria-labelledby^='group-']").evaluateAll((sections) =>
          sections.map((section) => [...section.querySelectorAll("[data-status]")].map((item) => item.getAttribute("data-status") ?? "")),
        );
        expect(groups.length).toBeGreaterThan(1);
        for (const statuses of groups) expect(statuses).toEqual([...statuses].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b)));
      }
      const result = await survey(page);
      widths.push(`${path}: ${result.widest}`);
      expect.soft(result.hidden, path).toEqual([]);
      expect.soft(result.cut, path).toEqual([]);
      // The words: one primary action, no raw timestamps, no pointers to files users do not have.
      expect.soft(result.primaries, `primary buttons on ${path}`).toBeLessThanOrEqual(1);
      expect.soft(result.text, path).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      expect.soft(result.text, path).not.toContain("README");
      expect.soft(result.background, `light background on ${path}`).toBeGreaterThan(0.8);
      if (kinds.includes(path)) await expectAccessible(page);
    }
    // The step list folds into one line on a phone, and opens on request.
    await page.goto("/plan/review");
    await expect(page.getByRole("navigation", { name: "Plan steps" })).toBeHidden();
    await page.getByRole("button", { name: /^Step \d+ of \d+ — show all$/ }).click();
    await expect(page.getByRole("navigation", { name: "Plan steps" })).toBeVisible();
    console.log(`widest at 375 px (${example.file}):\n${widths.join("\n")}`);

    const lightDone = Date.now();
    // Dark mode, as the system setting asks: the page really is dark, and its colours pass axe's contrast rules
    // (the scheme changes colours only; the other rules ran above on the same pages).
    await page.emulateMedia({ colorScheme: "dark" });
    for (const path of kinds) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      if (path === "/plan/validate") await runChecks(page);
      const result = await survey(page);
      expect.soft(result.background, `dark background on ${path}`).toBeLessThan(0.05);
      expect.soft(result.cut, `${path} (dark)`).toEqual([]);
      const contrast = await new AxeBuilder({ page }).withRules(["color-contrast", "link-in-text-block"]).analyze();
      expect.soft(contrast.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`), `dark ${path}`).toEqual([]);
    }
    console.log(`seconds: ${paths.length} pages at 375 px ${Math.round((lightDone - started) / 1000)}, ${kinds.length} in dark ${Math.round((Date.now() - lightDone) / 1000)}`);
  });
}
