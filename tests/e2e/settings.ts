import { join } from "node:path";

/**
 * Ports and files the end-to-end run shares between playwright.config.ts,
 * the servers it starts and the specs. The app is on E2E_PORT, the fault
 * drill on +1, the live-mode build on +2 and its Graph fake on +3.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const FAULT_DRILL_PORT = E2E_PORT + 1;
export const LIVE_PORT = E2E_PORT + 2;
export const LIVE_GRAPH_PORT = E2E_PORT + 3;

/** The live-mode build's app registration: a test value, known to no identity platform but the test's. */
export const LIVE_CLIENT_ID = "0e2e7e57-1ab5-4c1d-9e2e-0000000000e2";
/** The demo tenant's id: the live test signs in to a tenant that the Graph fake serves. */
export const LIVE_TENANT_ID = "7d1f0e2a-3b4c-4d5e-8f60-718293a4b5c6";
export const LIVE_AUTHORITY = `https://login.microsoftonline.com/${LIVE_TENANT_ID}`;

// Playwright runs from the project folder.
const ROOT = process.cwd();
/** Every request the fake Graphs of the e2e run answer (demo servers and the live test's fake), for the conformance check. */
export const E2E_REQUEST_LOG = join(ROOT, "test-logs", "graph-requests", "e2e.jsonl");
/** Everything the live-mode server writes to stdout and stderr. */
export const LIVE_SERVER_LOG = join(ROOT, "test-logs", "live-server.log");
