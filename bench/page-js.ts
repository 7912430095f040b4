// Compressed JavaScript a page costs a browser with a cold HTTP cache: the
// body bytes of every script response as transferred (gzip as the server
// sent it; headers not counted), from navigation until the network is idle,
// so Next's prefetches of linked routes count too. The bench and the
// byte-budget test both count this way, for the app and for the control.
import type { Browser, BrowserContextOptions } from "playwright-core";

export type PageKind = "start" | "tool" | "environment" | "account" | "review" | "checks" | "export";
type StorageState = NonNullable<BrowserContextOptions["storageState"]>;

/** The pages measured: the start page and one page of each kind of wizard step. */
export const PAGE_KINDS: readonly { kind: PageKind; path: string }[] = [
  { kind: "start", path: "/" },
  { kind: "tool", path: "/plan/tool" },
  { kind: "environment", path: "/plan/environment" },
  { kind: "account", path: "/plan/accounts/cloudSyncHybridIdentityAdmin" },
  { kind: "review", path: "/plan/review" },
  { kind: "checks", path: "/plan/validate" },
  { kind: "export", path: "/plan/export" },
];

/** The example the step pages are measured with. */
export const EXAMPLE_TITLE = "Cloud Sync, one forest, three agents";

/** Opens the example in a throwaway context and returns its storage (the library in IndexedDB) for the measured contexts. */
export async function exampleStorage(browser: Browser, base: string): Promise<StorageState> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/`);
  await page.getByRole("button", { name: `Open “${EXAMPLE_TITLE}”` }).click();
  await page.waitForURL(/\/plan\//);
  await page.locator('[data-save-state="saved"], [data-save-state="idle"]').first().waitFor();
  const state = await context.storageState({ indexedDB: true });
  await context.close();
  return state;
}

/** Bytes of JavaScript (and of everything) a cold load of url transfers; storageState seeds the library. */
export async function pageJs(browser: Browser, url: string, storageState?: StorageState) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  const scripts: { url: string; bytes: number; encoding: string }[] = [];
  let totalBytes = 0;
  page.on("requestfinished", async (request) => {
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    totalBytes += sizes.responseBodySize;
    if (request.resourceType() !== "script") return;
    const response = await request.response();
    scripts.push({ url: request.url(), bytes: sizes.responseBodySize, encoding: response?.headers()["content-encoding"] ?? "" });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await context.close();
  const jsBytes = scripts.reduce((sum, entry) => sum + entry.bytes, 0);
  return { url, jsBytes, totalBytes, scripts, compressed: scripts.every((entry) => entry.encoding !== "") };
}

export const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Compressed JavaScript, as a ratio to the control's: issue 14's budget, shared by the bench and tests/e2e/byte-budget.spec.ts. */
export const JS_BUDGET: Record<PageKind, number> = { start: 1.15, tool: 1.3, environment: 1.3, account: 1.3, review: 1.3, checks: 1.3, export: 1.3 };

/** Lighthouse mobile: performance at least 95 and at most 3 points below the control's; LCP at most 1.2 times the control's. */
export const LIGHTHOUSE_BUDGET = { performance: 95, pointsBelowControl: 3, lcpRatio: 1.2 };
