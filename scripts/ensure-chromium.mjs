// Makes sure Debian's Chromium is installed for the end-to-end tests:
// Playwright's own browser download cannot work offline.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (existsSync(chromium)) {
  process.exit(0);
}
if (typeof process.getuid === "function" && process.getuid() !== 0) {
  console.error(`Chromium is missing at ${chromium}. Install Debian's package as root: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}
console.log(`Chromium is missing at ${chromium}: installing Debian's chromium package…`);
execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils", { stdio: "inherit" });
