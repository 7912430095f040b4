// Serves the production build twice for the end-to-end tests: the app as
// users get it, and a second instance whose demo tenant misbehaves on cue
// (the fault drill). Both stop with this process.
//
// Nothing here depends on timing luck: the standalone folder is prepared once
// before either server starts, and the app (whose URL Playwright waits for)
// starts only after the fault-drill instance answers on its own URL, so both
// are up when the tests begin.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { prepareStandalone } from "./prepare-standalone.mjs";

const port = Number(process.argv[2] ?? 3100);
const faults = [
  // Each rule is used up in turn: the drill's runs meet them one after another.
  { path: "^/\\$batch$", where: "outer", kind: "drop", times: 1 },
  { path: "^/\\$batch$", where: "outer", kind: "malformed", times: 1 },
  { path: "^/\\$batch$", where: "outer", kind: "slow", delayMs: 6000, times: 1 },
  { path: "^/\\$batch$", where: "outer", kind: "503", times: 1 },
  { path: "^/organization$", where: "item", kind: "429", retryAfterSeconds: 120, times: 1 },
  { path: "^/domains$", where: "item", kind: "403", times: 1 },
];

const READY_PATH = "/plan.schema.json";
const READY_LIMIT_MS = 120_000;
const servers = [];

const stop = (code = 0) => {
  for (const server of servers) server.kill();
  process.exit(code);
};
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

function start(serverPort, env) {
  const server = spawn(process.execPath, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(serverPort)], {
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  server.on("exit", (code) => {
    console.error(`[serve-e2e] the server on port ${serverPort} exited (${code ?? "signal"}).`);
    stop(1);
  });
  servers.push(server);
}

async function waitUntilAnswering(serverPort) {
  const url = `http://127.0.0.1:${serverPort}${READY_PATH}`;
  const deadline = Date.now() + READY_LIMIT_MS;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  console.error(`[serve-e2e] ${url} did not answer within ${READY_LIMIT_MS / 1000} s.`);
  stop(1);
}

await prepareStandalone(join(import.meta.dirname, ".."));
// Both demo tenants log the requests they answer (PLANNER_DEMO_REQUEST_LOG) for the conformance check: a fresh log per run.
if (process.env.PLANNER_DEMO_REQUEST_LOG) {
  mkdirSync(dirname(process.env.PLANNER_DEMO_REQUEST_LOG), { recursive: true });
  writeFileSync(process.env.PLANNER_DEMO_REQUEST_LOG, "");
}
// The timeout covers a request's retries too: 3 s leaves room for the SDK's 1-2 s wait after a 503.
start(port + 1, { PLANNER_DEMO_FAULTS: JSON.stringify(faults), GRAPH_TIMEOUT_MS: "3000" });
await waitUntilAnswering(port + 1);
start(port, {});
await waitUntilAnswering(port);
console.log(`[serve-e2e] app on ${port} and fault drill on ${port + 1} are answering.`);
