// Puts the static files a standalone build serves (.next/static and public)
// and the front that starts it (scripts/front.mjs, run as `node front.mjs`)
// into .next/standalone, once per build. Safe when several servers start at
// once: one process takes a lock directory and copies into a temporary folder
// that it renames into place; the others wait for the build's marker, and a
// folder already prepared for this build is success, not an error.
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const LOCK_STALE_MS = 120_000;
const WAIT_LIMIT_MS = 180_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function readText(path) {
  try {
    return readFileSync(path, "utf8").trim();
  } catch {
    return undefined;
  }
}

/**
 * @param {string} root the project folder
 * @param {string} distDir the build folder, ".next" or the live-mode test build's ".next-live"
 * @returns {Promise<"prepared" | "already prepared">}
 */
export async function prepareStandalone(root, distDir = ".next") {
  const standalone = join(root, distDir, "standalone");
  if (!existsSync(join(standalone, "server.js"))) {
    throw new Error("No standalone build: run `npm run build` first.");
  }
  const buildId = readText(join(root, distDir, "BUILD_ID"));
  if (!buildId) throw new Error("The build has no .next/BUILD_ID: run `npm run build` again.");
  const marker = join(standalone, ".prepared-build-id");
  const lock = join(standalone, ".prepare-lock");
  const started = Date.now();

  for (;;) {
    if (readText(marker) === buildId) return "already prepared";
    let owner = false;
    try {
      mkdirSync(lock);
      owner = true;
    } catch (error) {
      if (error.code !== "EEXIST") throw error;
    }
    if (owner) {
      try {
        // Another process may have finished between the marker check and the lock.
        if (readText(marker) === buildId) return "already prepared";
        const copies = [
          [join(root, distDir, "static"), join(standalone, distDir, "static")],
          [join(root, "public"), join(standalone, "public")],
          [join(root, "scripts", "front.mjs"), join(standalone, "front.mjs")],
        ];
        for (const [from, to] of copies) {
          const staging = `${to}.staging-${process.pid}`;
          rmSync(staging, { recursive: true, force: true });
          if (existsSync(from)) cpSync(from, staging, { recursive: true });
          else mkdirSync(staging, { recursive: true });
          rmSync(to, { recursive: true, force: true });
          renameSync(staging, to);
        }
        const markerStaging = `${marker}.${process.pid}`;
        writeFileSync(markerStaging, buildId);
        renameSync(markerStaging, marker);
        return "prepared";
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    // Someone else holds the lock: wait for their marker, or take over a lock left by a crash.
    try {
      if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
    } catch {
      // The lock went away between the checks: loop and look at the marker again.
    }
    if (Date.now() - started > WAIT_LIMIT_MS) throw new Error(`Timed out waiting for another process to prepare ${standalone}.`);
    await sleep(100);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const root = join(import.meta.dirname, "..");
  console.log(`Standalone build: ${await prepareStandalone(root, process.env.NEXT_DIST_DIR || ".next")}.`);
}
