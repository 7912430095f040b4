// Makes sure the end-to-end tests' system tools are installed from Debian:
// Chromium (Playwright's own browser download cannot work offline),
// pdftotext (poppler-utils), which reads the printed plan back, and the
// servers the rate-limit tests run on loopback: redis-server (two app
// instances sharing one limit) and nginx (the app behind a real proxy);
// python3-openpyxl, the independent writer that fills in the exported
// workbook for the worksheet round trip (run with /usr/bin/python3).
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const needed = [
  { path: chromium, pkg: "chromium" },
  { path: "/usr/bin/pdftotext", pkg: "poppler-utils" },
  { path: "/usr/bin/redis-server", pkg: "redis-server" },
  { path: "/usr/sbin/nginx", pkg: "nginx" },
  { path: "/usr/lib/python3/dist-packages/openpyxl/__init__.py", pkg: "python3-openpyxl" },
].filter((tool) => !existsSync(tool.path));

if (needed.length === 0) process.exit(0);
const packages = needed.map((tool) => tool.pkg).join(" ");
if (typeof process.getuid === "function" && process.getuid() !== 0) {
  console.error(`Missing: ${needed.map((tool) => tool.path).join(", ")}. Install Debian's packages as root: apt-get update && apt-get install -y ${packages}`);
  process.exit(1);
}
console.log(`Installing Debian's ${packages} for the end-to-end tests…`);
// The tests start their own redis-server and nginx on their own ports; the packages' services are not needed.
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: "inherit" });
