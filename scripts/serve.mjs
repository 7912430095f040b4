// Serves the production build from Next's standalone output: the same small
// artefact a deployment runs. Copies the static files it needs first.
// Usage: node scripts/serve.mjs [--port 3000] [--host 0.0.0.0]
import { cpSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const standalone = join(root, ".next", "standalone");
if (!existsSync(join(standalone, "server.js"))) {
  console.error("No standalone build: run `npm run build` first.");
  process.exit(1);
}
cpSync(join(root, ".next", "static"), join(standalone, ".next", "static"), { recursive: true });
cpSync(join(root, "public"), join(standalone, "public"), { recursive: true });

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : process.argv[index + 1];
};
process.env.PORT = argument("port", process.env.PORT ?? "3000");
process.env.HOSTNAME = argument("host", process.env.HOSTNAME ?? "0.0.0.0");
process.env.NEXT_TELEMETRY_DISABLED = "1";
await import(join(standalone, "server.js"));
