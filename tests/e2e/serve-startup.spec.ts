import { expect, test } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// Several servers started at the same moment on a build nobody has served yet
// must all come up: preparing the standalone folder is once per build and
// safe under concurrency (a race here used to fail CI at random).
const FIRST_PORT = Number(process.env.E2E_PORT ?? 3100) + 10;
// Eight at once is what made the old copy race show up on a two-core machine.
const SERVERS = 8;

function freshCopyOfTheBuild(): string {
  const root = mkdtempSync(join(tmpdir(), "planner-serve-"));
  const from = process.cwd();
  cpSync(join(from, ".next", "standalone"), join(root, ".next", "standalone"), { recursive: true });
  cpSync(join(from, ".next", "static"), join(root, ".next", "static"), { recursive: true });
  cpSync(join(from, ".next", "BUILD_ID"), join(root, ".next", "BUILD_ID"));
  cpSync(join(from, "public"), join(root, "public"), { recursive: true });
  for (const script of ["serve.mjs", "front.mjs", "prepare-standalone.mjs"]) cpSync(join(from, "scripts", script), join(root, "scripts", script));
  // As a fresh build leaves it: nothing prepared yet.
  for (const prepared of [".next/standalone/.next/static", ".next/standalone/public", ".next/standalone/front.mjs", ".next/standalone/.prepared-build-id", ".next/standalone/.prepare-lock"]) {
    rmSync(join(root, prepared), { recursive: true, force: true });
  }
  return root;
}

async function answers(url: string, deadline: number, stillRunning: () => void = () => {}): Promise<Response> {
  let lastError: unknown;
  while (Date.now() < deadline) {
    stillRunning();
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      if (response.ok) return response;
      lastError = new Error(`${url} answered ${response.status}`);
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw lastError;
}

test("several servers started at once on a fresh build all answer, static files included", async () => {
  test.setTimeout(180_000);
  const root = freshCopyOfTheBuild();
  const children: ChildProcess[] = [];
  const exits: string[] = [];
  try {
    for (let index = 0; index < SERVERS; index += 1) {
      const port = FIRST_PORT + index;
      const child = spawn(process.execPath, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(port)], {
        cwd: root,
        env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      child.on("exit", (code) => exits.push(`port ${port} exited with ${code}: ${stderr.slice(0, 500)}`));
      children.push(child);
    }
    const deadline = Date.now() + 120_000;
    // A server that exits early has failed: say why instead of waiting out the deadline.
    const failedEarly = () => expect(exits, "no server exits while starting").toEqual([]);
    for (let index = 0; index < SERVERS; index += 1) {
      const base = `http://127.0.0.1:${FIRST_PORT + index}`;
      const page = await (await answers(`${base}/`, deadline, failedEarly)).text();
      const script = page.match(/\/_next\/static\/[^"']+\.js/)?.[0];
      expect(script, "the start page links a script from .next/static").toBeDefined();
      expect((await answers(`${base}${script}`, deadline)).status).toBe(200);
      expect((await answers(`${base}/examples/cloud-sync-contoso.json`, deadline)).status).toBe(200);
    }
    expect(exits).toEqual([]);
  } finally {
    for (const child of children) child.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
