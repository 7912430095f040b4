import { defineConfig, devices } from "@playwright/test";
import { E2E_PORT, E2E_REQUEST_LOG, LIVE_AUTHORITY, LIVE_CLIENT_ID, LIVE_GRAPH_PORT, LIVE_PORT, LIVE_SERVER_LOG } from "./tests/e2e/settings";

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-gpu"],
  },
};
const LIVE_SPEC = /live-sign-in\.spec\.ts$/;
const CONFORMANCE_SPEC = /graph-conformance\.spec\.ts$/;

/**
 * End-to-end tests run the production build in Debian's Chromium
 * (downloaded browsers are not available offline): the demo build, and a
 * live-mode build with a test client ID whose sign-in the live test answers.
 * The Graph conformance check runs last, over the requests both sent.
 */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    acceptDownloads: true,
  },
  projects: [
    { name: "chromium", testIgnore: [LIVE_SPEC, CONFORMANCE_SPEC], use: chromium },
    { name: "live", testMatch: LIVE_SPEC, use: { ...chromium, baseURL: `http://127.0.0.1:${LIVE_PORT}` } },
    { name: "graph-conformance", testMatch: CONFORMANCE_SPEC, dependencies: ["chromium", "live"] },
  ],
  webServer: [
    {
      // Serves the app on E2E_PORT and the fault-drill instance on E2E_PORT + 1 (see scripts/serve-e2e.mjs).
      command: `npm run build && node scripts/serve-e2e.mjs ${E2E_PORT}`,
      url: `http://127.0.0.1:${E2E_PORT}/plan.schema.json`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env: { NEXT_TELEMETRY_DISABLED: "1", PLANNER_DEMO_REQUEST_LOG: E2E_REQUEST_LOG },
    },
    {
      // Builds the live mode into .next-live and serves it (see scripts/serve-live-e2e.mjs); started after the first.
      command: `node scripts/serve-live-e2e.mjs ${LIVE_PORT}`,
      url: `http://127.0.0.1:${LIVE_PORT}/plan.schema.json`,
      timeout: 300_000,
      reuseExistingServer: !process.env.CI,
      env: {
        NEXT_TELEMETRY_DISABLED: "1",
        NEXT_PUBLIC_MSAL_CLIENT_ID: LIVE_CLIENT_ID,
        NEXT_PUBLIC_MSAL_AUTHORITY: LIVE_AUTHORITY,
        GRAPH_BASE_URL: `http://127.0.0.1:${LIVE_GRAPH_PORT}`,
        LIVE_SERVER_LOG,
      },
    },
  ],
});
