// Makes sure the end-to-end tests' system tools are installed from Debian:
// Chromium (Playwright's own browser download cannot work offline) and
// pdftotext (poppler-utils), which reads the printed plan back.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const needed = [
  { path: chromium, pkg: "chromium" },
  { path: "/usr/bin/pdftotext", pkg: "poppler-utils" },
].filter((tool) => !existsSync(tool.path));

if (needed.length === 0) process.exit(0);
const packages = needed.map((tool) => tool.pkg).join(" ");
if (typeof process.getuid === "function" && process.getuid() !== 0) {
  console.error(`Missing: ${needed.map((tool) => tool.path).join(", ")}. Install Debian's packages as root: apt-get update && apt-get install -y ${packages}`);
  process.exit(1);
}
console.log(`Installing Debian's ${packages} for the end-to-end tests…`);
execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${packages}`, { stdio: "inherit" });
