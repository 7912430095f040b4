import "server-only";
import type { DemoFault } from "@/lib/config/env";

/**
 * The demo tenant: a Graph-compatible fake on a loopback port, started on
 * first use in demo mode only. The real client, batching and retry code talk
 * to it over HTTP like to Microsoft Graph.
 */
export const DEMO_ACCESS_TOKEN = "demo-tenant-token";

let started: Promise<{ baseUrl: string }> | undefined;

export function demoGraph(faults: readonly DemoFault[] = [], requestLog = ""): Promise<{ baseUrl: string }> {
  started ??= (async () => {
    // Imported here so that live mode never loads the fake at all.
    const [{ startFakeGraph }, { demoTenant }] = await Promise.all([import("./fake/graph-server"), import("./fake/demo-tenant")]);
    const fake = await startFakeGraph({
      tenant: demoTenant(),
      faults: faults.map((fault) => ({ ...fault, path: new RegExp(fault.path) })),
      requestLog: requestLog || undefined,
      // The demo server runs for long: keep only the latest requests in memory.
      maxRecorded: 200,
    });
    return { baseUrl: fake.baseUrl };
  })();
  return started;
}
