import { expect, test, type Browser } from "@playwright/test";
import type { ChildProcess } from "node:child_process";
import { startControl } from "../../bench/control/build";
import { exampleStorage, JS_BUDGET, kb, PAGE_KINDS, pageJs, type PageKind } from "../../bench/page-js";
import { E2E_PORT } from "./settings";

/**
 * The byte budget: compressed JavaScript a cold load of each kind of page
 * transfers, as a ratio to a bare Next page built with the same next, react
 * and build options (bench/control), counted the same way (bench/page-js.ts).
 * Bytes are not noisy, so this is a test; speed is measured by `npm run bench`.
 *
 * Where a page does not meet issue 14's ratio yet, its ceiling is its ratio
 * when this test was written (4 December 2026) plus about 2.5 KB: the page
 * may not grow, and the test names the gap that is left. Lower a ceiling
 * whenever a change makes its page smaller; remove it once the target is met.
 */
const CONTROL_PORT = E2E_PORT + 4;
const CEILING: Partial<Record<PageKind, number>> = {
  // Measured 1.724, 1.765, 1.740, 1.592, 1.612 and 1.597 before issues 13 and 15 merged; after them
  // (the catalog's install-day checks, the pre-flight rules and results, about 5 KB on every step)
  // 1.794, 1.834, 1.810, 1.661, 1.690 and 1.667 (the control: 131.9 KB).
  tool: 1.81,
  environment: 1.85,
  account: 1.83,
  review: 1.68,
  checks: 1.71,
  export: 1.69,
};

let control: ChildProcess | undefined;
let controlBytes = 0;
let storage: Awaited<ReturnType<typeof exampleStorage>>;

test.beforeAll(async ({ browser }: { browser: Browser }) => {
  // The control builds in seconds (one page, no app code); a build of the same sources is reused.
  test.setTimeout(180_000);
  control = await startControl(CONTROL_PORT);
  controlBytes = (await pageJs(browser, `http://127.0.0.1:${CONTROL_PORT}/`)).jsBytes;
  storage = await exampleStorage(browser, `http://127.0.0.1:${E2E_PORT}`);
});

test.afterAll(() => {
  control?.kill();
});

for (const { kind, path } of PAGE_KINDS) {
  test(`${kind} page (${path}): compressed JavaScript within its ratio to a bare Next page`, async ({ browser, baseURL }) => {
    const page = await pageJs(browser, `${baseURL}${path}`, kind === "start" ? undefined : storage);
    const ratio = page.jsBytes / controlBytes;
    const target = JS_BUDGET[kind];
    const limit = CEILING[kind] ?? target;
    const summary = `${kind}: ${kb(page.jsBytes)} KB, ${ratio.toFixed(3)}× the control's ${kb(controlBytes)} KB (target ≤ ${target}×${CEILING[kind] ? `, ceiling until it is met ${limit}×` : ""})`;
    console.log(summary);
    test.info().annotations.push({ type: "byte budget", description: summary });
    expect(page.compressed, "every script is sent compressed").toBe(true);
    expect(ratio, summary).toBeLessThanOrEqual(limit);
  });
}
