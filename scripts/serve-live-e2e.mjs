// Builds the app in live mode (a test client ID, from the environment) into
// .next-live and serves it on the given port for the live-mode end-to-end
// test. Microsoft's sign-in host is answered by the test itself
// (browserContext.route); Graph is the test's fake at GRAPH_BASE_URL. The
// server's output is copied to LIVE_SERVER_LOG, where the test checks that the
// access token never appears. The server stops with this process.
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const port = Number(process.argv[2] ?? 3102);
const root = join(import.meta.dirname, "..");
for (const name of ["NEXT_PUBLIC_MSAL_CLIENT_ID", "GRAPH_BASE_URL", "LIVE_SERVER_LOG"]) {
  if (!process.env[name]) {
    console.error(`[serve-live-e2e] ${name} is not set: playwright.config.ts sets it.`);
    process.exit(1);
  }
}
// Its own build folder, beside the demo build; the demo build has type-checked the same sources.
const env = { ...process.env, NEXT_DIST_DIR: ".next-live", PLANNER_SKIP_BUILD_TYPECHECK: "1", NEXT_TELEMETRY_DISABLED: "1" };

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const started = Date.now();
const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env });
if (build.status !== 0) process.exit(build.status ?? 1);
console.error(`[serve-live-e2e] live-mode build took ${Math.round((Date.now() - started) / 1000)} s.`);

mkdirSync(dirname(process.env.LIVE_SERVER_LOG), { recursive: true });
const log = createWriteStream(process.env.LIVE_SERVER_LOG, { flags: "w" });
const server = spawn(process.execPath, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(port)], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
for (const [stream, out] of [
  [server.stdout, process.stdout],
  [server.stderr, process.stderr],
]) {
  stream.on("data", (chunk) => {
    out.write(chunk);
    log.write(chunk);
  });
}
server.on("exit", (code) => {
  console.error(`[serve-live-e2e] the live-mode server exited (${code ?? "signal"}).`);
  process.exit(1);
});
const stop = () => {
  server.removeAllListeners("exit");
  server.kill();
  process.exit(0);
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
