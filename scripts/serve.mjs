// Serves the production build from Next's standalone output: the same small
// artefact a deployment runs, behind the same front (scripts/front.mjs) that
// sets the client address the rate limits count by. Prepares the static files
// it needs first (once per build, safe when several servers start together).
// Usage: node scripts/serve.mjs [--port 3000] [--host 0.0.0.0]
// (NEXT_DIST_DIR names another build folder, as for the live-mode test build.)
import { join } from "node:path";
import { startBehindFront } from "./front.mjs";
import { prepareStandalone } from "./prepare-standalone.mjs";

const root = join(import.meta.dirname, "..");
const distDir = process.env.NEXT_DIST_DIR || ".next";
try {
  await prepareStandalone(root, distDir);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
process.env.PORT = argument("port", process.env.PORT ?? "3000");
process.env.HOSTNAME = argument("host", process.env.HOSTNAME ?? "0.0.0.0");
process.env.NEXT_TELEMETRY_DISABLED = "1";
await startBehindFront(join(root, distDir, "standalone"));
