// Builds the bench's control page (bench/control) once per source and Next
// version, in a folder under the system's temp directory that links to the
// project's node_modules: the same next and react the app is built with. A
// build of this page takes seconds; an existing one is reused.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The bench and the tests both run from the project folder (npm scripts, Playwright).
const root = process.cwd();
const here = join(root, "bench", "control");
const SOURCES = ["next.config.mjs", "app/layout.jsx", "app/page.jsx"];

function sourceHash() {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(file).update(readFileSync(join(here, file)));
  hash.update(JSON.parse(readFileSync(join(root, "node_modules/next/package.json"), "utf8")).version);
  hash.update(JSON.parse(readFileSync(join(root, "node_modules/react/package.json"), "utf8")).version);
  return hash.digest("hex").slice(0, 12);
}

function findServer(folder: string): string | undefined {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const path = join(folder, entry.name);
    if (entry.isFile() && entry.name === "server.js") return folder;
    if (entry.isDirectory()) {
      const found = findServer(path);
      if (found) return found;
    }
  }
  return undefined;
}

/** Builds the control if needed; returns the folder of its standalone server.js, with its static files beside it. */
export function ensureControlBuild(): string {
  const folder = join(tmpdir(), `planner-control-${sourceHash()}`);
  const ready = join(folder, ".ready");
  if (!existsSync(ready)) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(join(folder, "app"), { recursive: true });
    for (const file of SOURCES) cpSync(join(here, file), join(folder, file));
    symlinkSync(join(root, "node_modules"), join(folder, "node_modules"));
    execFileSync(process.execPath, [join(root, "node_modules/next/dist/bin/next"), "build"], {
      cwd: folder,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    const server = findServer(join(folder, ".next", "standalone"));
    if (!server) throw new Error("The control build has no standalone server.js.");
    cpSync(join(folder, ".next", "static"), join(server, ".next", "static"), { recursive: true });
    cpSync(join(folder, "next.config.mjs"), ready);
  }
  const server = findServer(join(folder, ".next", "standalone"));
  if (!server) throw new Error(`The control build in ${folder} has no standalone server.js: delete the folder and run again.`);
  return server;
}

/** Starts the control's standalone server on 127.0.0.1:port; resolves with the process once it answers. */
export async function startControl(port: number): Promise<ChildProcess> {
  const server = spawn(process.execPath, [join(ensureControlBuild(), "server.js")], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", NEXT_TELEMETRY_DISABLED: "1" },
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`The control server exited (${server.exitCode}).`);
    try {
      if ((await fetch(url)).ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill();
  throw new Error(`The control server did not answer on ${url}.`);
}
