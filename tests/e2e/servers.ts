import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Servers the rate-limit tests start themselves, on loopback ports derived
 * from E2E_PORT so that test runs on one machine never collide: app
 * instances (through the real front, scripts/serve.mjs) from E2E_PORT + 20,
 * redis-server on E2E_PORT + 3090 and nginx on E2E_PORT + 90.
 */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const APP_PORTS = { hops0: E2E_PORT + 20, hops1: E2E_PORT + 21, redisA: E2E_PORT + 22, redisB: E2E_PORT + 23, redisDown: E2E_PORT + 24, crossSite: E2E_PORT + 25, aborted: E2E_PORT + 26, otherSite: E2E_PORT + 27 };
export const REDIS_PORT = Number(process.env.E2E_REDIS_PORT ?? E2E_PORT + 3090);
export const NGINX_PORT = Number(process.env.E2E_NGINX_PORT ?? E2E_PORT + 90);

export interface Started {
  process: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far. */
  output: () => string;
  stop: () => Promise<void>;
}

function started(child: ChildProcess): Started {
  let output = "";
  child.stdout?.on("data", (chunk) => (output += String(chunk)));
  child.stderr?.on("data", (chunk) => (output += String(chunk)));
  return {
    process: child,
    output: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

async function waitFor(check: () => Promise<boolean>, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what} did not start within ${limitMs / 1000} s.`);
}

/** The production build behind the real front, as `npm start` serves it. */
export async function startApp(port: number, environment: Record<string, string>): Promise<Started> {
  const app = started(
    spawn(process.execPath, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(port)], {
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...environment },
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/plan.schema.json`)).ok, `The app on port ${port}`);
  return app;
}

/** Debian's redis-server on loopback, keeping nothing on disk. */
export async function startRedis(port = REDIS_PORT): Promise<Started> {
  const redis = started(
    spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--daemonize", "no"], {
      stdio: ["ignore", "pipe", "pipe"],
    }),
  );
  await waitFor(async () => redis.output().includes("Ready to accept connections"), `redis-server on port ${port}`, 20_000);
  return redis;
}

/** Debian's nginx on loopback as the one proxy in front of the app, appending to X-Forwarded-For as its guide says. */
export async function startNginx(upstreamPort: number, port = NGINX_PORT): Promise<Started> {
  const prefix = mkdtempSync(join(tmpdir(), "planner-nginx-"));
  const config = join(prefix, "nginx.conf");
  writeFileSync(
    config,
    [
      "worker_processes 1;",
      `pid ${join(prefix, "nginx.pid")};`,
      "error_log stderr warn;",
      "events { worker_connections 64; }",
      "http {",
      "  access_log off;",
      `  client_body_temp_path ${join(prefix, "body")};`,
      `  proxy_temp_path ${join(prefix, "proxy")};`,
      `  fastcgi_temp_path ${join(prefix, "fastcgi")};`,
      `  uwsgi_temp_path ${join(prefix, "uwsgi")};`,
      `  scgi_temp_path ${join(prefix, "scgi")};`,
      "  client_max_body_size 1m;",
      "  server {",
      `    listen 127.0.0.1:${port};`,
      "    location / {",
      `      proxy_pass http://127.0.0.1:${upstreamPort};`,
      "      proxy_set_header Host $host;",
      "      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;",
      "      proxy_set_header X-Forwarded-Proto $scheme;",
      "    }",
      "  }",
      "}",
      "",
    ].join("\n"),
  );
  const nginx = started(spawn("nginx", ["-p", prefix, "-c", config, "-e", "stderr", "-g", "daemon off;"], { stdio: ["ignore", "pipe", "pipe"] }));
  await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/plan.schema.json`)).ok, `nginx on port ${port}`, 20_000);
  return nginx;
}
