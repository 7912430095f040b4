// Serves the production build twice for the end-to-end tests: the app as
// users get it, and a second instance whose demo tenant misbehaves on cue
// (the fault drill). Both stop with this process.
import { spawn } from "node:child_process";

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

const servers = [
  { port, env: {} },
  // The timeout covers a request's retries too: 3 s leaves room for the SDK's 1-2 s wait after a 503.
  { port: port + 1, env: { PLANNER_DEMO_FAULTS: JSON.stringify(faults), GRAPH_TIMEOUT_MS: "3000" } },
].map(({ port: serverPort, env }) =>
  spawn(process.execPath, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(serverPort)], { stdio: "inherit", env: { ...process.env, ...env } }),
);

const stop = () => {
  for (const server of servers) server.kill();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
for (const server of servers) server.on("exit", (code) => code && stop());
