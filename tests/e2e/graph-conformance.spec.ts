import { expect, test } from "@playwright/test";
import { nonConforming, readRequestLog } from "../support/graph-conformance";
import { E2E_REQUEST_LOG } from "./settings";

/**
 * Runs after the other end-to-end projects (a Playwright project dependency):
 * every request the fake Graphs answered during the run (the demo servers,
 * the fault drill, the live-mode test's fake) is checked against Graph's v1.0
 * metadata, next pages and optional requests included. (The unit run's
 * requests are checked by the unit suite's own conformance project.)
 */

test("every request the validator sent to a fake Graph during the end-to-end run is one Graph v1.0 accepts", () => {
  const logged = readRequestLog(E2E_REQUEST_LOG);
  expect(logged.length, `no requests in ${E2E_REQUEST_LOG}`).toBeGreaterThan(20);
  expect(logged.some((request) => request.url.includes("$skiptoken="))).toBe(true);
  expect(logged.some((request) => request.url.includes("/servicePrincipals(appId="))).toBe(true);
  expect(logged.some((request) => request.consistencyLevel === "eventual")).toBe(true);
  expect(nonConforming(logged)).toEqual([]);
});
