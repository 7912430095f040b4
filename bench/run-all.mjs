// npm run bench — every benchmark, in one run, on this machine's loopback
// only. Writes bench-results/report.md and report.json. Benchmarks, not
// tests: they measure and report; the budgets below are stated, not asserted.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import autocannon from "autocannon";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { chromium } from "playwright-core";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const DEBUG_PORT = 9333;
const BUDGET = { jsKb: 200, performance: 95, accessibility: 100 };

function run(command, args, env = {}) {
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
}

function rssKb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

async function waitFor(url) {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error(`${url} did not come up`);
}

/** Bytes the browser fetches for a page with a cold cache: JavaScript and everything, as transferred (compressed). */
async function pageWeight(browser, url, seedPlan) {
  const context = await browser.newContext();
  if (seedPlan) await context.addInitScript((plan) => window.localStorage.setItem("entra-sync-planner:draft", JSON.stringify({ plan: JSON.parse(plan), stepValues: {}, started: true })), seedPlan);
  const page = await context.newPage();
  const sizes = [];
  page.on("requestfinished", async (request) => {
    const response = await request.response();
    const body = (await request.sizes().catch(() => ({ responseBodySize: 0 }))).responseBodySize;
    sizes.push({ url: request.url(), type: request.resourceType(), bytes: body, encoding: response?.headers()["content-encoding"] ?? "" });
  });
  await page.goto(url, { waitUntil: "networkidle" });
  await context.close();
  const js = sizes.filter((entry) => entry.type === "script");
  return {
    url,
    jsKb: Math.round(js.reduce((sum, entry) => sum + entry.bytes, 0) / 102.4) / 10,
    totalKb: Math.round(sizes.reduce((sum, entry) => sum + entry.bytes, 0) / 102.4) / 10,
    requests: sizes.length,
    compressed: js.every((entry) => entry.encoding !== ""),
  };
}

const LOAD = { connections: 8, durationSeconds: 15 };
const megabytes = (kb) => Math.round(kb / 102.4) / 10;

/** A load run against the server: requests, latency, errors (failures, time-outs and any non-2xx answer), and its memory (RSS). */
async function loadRun(pid, name, requests) {
  const memoryBeforeKb = rssKb(pid);
  let peakKb = memoryBeforeKb;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, rssKb(pid))), 250);
  const result = await autocannon({ url: BASE, requests, connections: LOAD.connections, duration: LOAD.durationSeconds });
  clearInterval(sampler);
  await sleep(1000);
  return {
    name,
    durationSeconds: LOAD.durationSeconds,
    connections: LOAD.connections,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    memoryBeforeMb: megabytes(memoryBeforeKb),
    memoryPeakMb: megabytes(peakKb),
    memoryAfterMb: megabytes(rssKb(pid)),
  };
}

const LIGHTHOUSE_RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 5);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Lighthouse varies from run to run on a shared machine: its guidance is to take the median of several runs. */
async function lighthouseScores(url) {
  const runs = [];
  for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
    const result = await lighthouse(url, { port: DEBUG_PORT, output: "json", logLevel: "error", disableStorageReset: true, onlyCategories: ["performance", "accessibility", "best-practices"] }, desktopConfig);
    const categories = result.lhr.categories;
    runs.push({
      performance: Math.round(categories.performance.score * 100),
      accessibility: Math.round(categories.accessibility.score * 100),
      bestPractices: Math.round(categories["best-practices"].score * 100),
    });
  }
  return {
    url,
    runs: runs.length,
    performance: median(runs.map((run) => run.performance)),
    performanceRange: [Math.min(...runs.map((run) => run.performance)), Math.max(...runs.map((run) => run.performance))],
    accessibility: median(runs.map((run) => run.accessibility)),
    bestPractices: median(runs.map((run) => run.bestPractices)),
  };
}

async function main() {
  mkdirSync("bench-results", { recursive: true });
  run("npm", ["run", "build"]);
  const server = spawn(process.execPath, ["scripts/serve.mjs", "--host", "127.0.0.1", "--port", String(PORT)], {
    stdio: ["ignore", "ignore", "inherit"],
    // The load run measures the server, not the per-client limits.
    env: { ...process.env, VALIDATE_RATE_LIMIT_PER_MINUTE: "100000", EXPORT_RATE_LIMIT_PER_MINUTE: "100000" },
  });
  try {
    await waitFor(`${BASE}/plan.schema.json`);
    const example = await (await fetch(`${BASE}/examples/cloud-sync-contoso.json`)).text();

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--disable-background-networking", "--disable-component-update", "--no-first-run", `--remote-debugging-port=${DEBUG_PORT}`],
    });
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const openExample = async (page) => {
      await page.goto(`${BASE}/`);
      await page.evaluate((plan) => window.localStorage.setItem("entra-sync-planner:draft", JSON.stringify({ plan: JSON.parse(plan), stepValues: {}, started: true })), example);
    };
    const accountStep = `${BASE}/plan/accounts/cloudSyncHybridIdentityAdmin`;
    const weights = [await pageWeight(browser, `${BASE}/`), await pageWeight(browser, accountStep, example)];
    await openExample(await context.newPage());
    const scores = [await lighthouseScores(`${BASE}/`), await lighthouseScores(accountStep)];
    await browser.close();

    run(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/validate.ts"], { BENCH_RUNS: "10" });
    run(process.execPath, ["--conditions=react-server", "--import", "tsx", "bench/export.ts"], { BENCH_RUNS: "10" });
    const validate = JSON.parse(readFileSync("bench-results/validate.json", "utf8"));
    const exportBench = JSON.parse(readFileSync("bench-results/export.json", "utf8"));

    const connect = await (await fetch(`${BASE}/examples/connect-fabrikam-three-forests.json`)).text();
    const loadValidate = await loadRun(server.pid, "POST /api/validate (Cloud Sync example, demo tenant)", [
      { method: "POST", path: "/api/validate", headers: { "content-type": "application/json" }, body: JSON.stringify({ plan: JSON.parse(example) }) },
    ]);
    // Every format in turn, on the three-forest Connect example: the workbook and the zip are the heavy ones.
    const loadExport = await loadRun(
      server.pid,
      "POST /api/export (Connect example, every format in turn)",
      ["json", "md", "csv", "ps1", "xlsx", "zip"].map((format) => ({
        method: "POST",
        path: `/api/export?format=${format}`,
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ plan: JSON.parse(connect) }),
      })),
    );
    const loadResults = [loadValidate, loadExport];

    const budgets = [
      ...weights.map((weight) => ({
        budget: `JavaScript ≤ ${BUDGET.jsKb} KB compressed, cold cache: ${weight.url.replace(BASE, "") || "/"}`,
        value: `${weight.jsKb} KB${weight.compressed ? "" : " (not compressed!)"}`,
        met: weight.jsKb <= BUDGET.jsKb,
      })),
      ...scores.map((score) => ({ budget: `Lighthouse performance ≥ ${BUDGET.performance} (median of ${LIGHTHOUSE_RUNS}): ${score.url.replace(BASE, "") || "/"}`, value: score.performance, met: score.performance >= BUDGET.performance })),
      ...scores.map((score) => ({ budget: `Lighthouse accessibility = ${BUDGET.accessibility}: ${score.url.replace(BASE, "") || "/"}`, value: score.accessibility, met: score.accessibility >= BUDGET.accessibility })),
      ...loadResults.map((load) => ({ budget: `Load run ends with zero errors: ${load.name}`, value: load.errors, met: load.errors === 0 })),
      { budget: "Validation: 1 Graph round trip", value: validate.batched.roundTrips, met: validate.batched.roundTrips === 1 },
    ];
    const report = { date: new Date().toISOString(), machine: "2 cores, loopback only", weights, lighthouse: scores, validate, export: exportBench, load: loadResults, budgets };
    writeFileSync("bench-results/report.json", `${JSON.stringify(report, null, 2)}\n`);
    const md = [
      "# Benchmark report",
      "",
      `Run on ${report.date}, production build, Debian Chromium, loopback only.`,
      "",
      "## Budgets",
      "",
      "| Budget | Measured | Met |",
      "| --- | --- | --- |",
      ...budgets.map((row) => `| ${row.budget} | ${row.value} | ${row.met ? "yes" : "**no**"} |`),
      "",
      "## Page weight (as transferred, cold cache)",
      "",
      "| Page | JavaScript (KB) | Total (KB) | Requests |",
      "| --- | --- | --- | --- |",
      ...weights.map((weight) => `| ${weight.url.replace(BASE, "") || "/"} | ${weight.jsKb} | ${weight.totalKb} | ${weight.requests} |`),
      "",
      `## Lighthouse (desktop preset, median of ${LIGHTHOUSE_RUNS} runs)`,
      "",
      "| Page | Performance (range) | Accessibility | Best practices |",
      "| --- | --- | --- | --- |",
      ...scores.map((score) => `| ${score.url.replace(BASE, "") || "/"} | ${score.performance} (${score.performanceRange.join("–")}) | ${score.accessibility} | ${score.bestPractices} |`),
      "",
      `## Validation (${validate.latencyMs} ms injected latency per Graph request)`,
      "",
      "| | Round trips | p50 (ms) | p95 (ms) |",
      "| --- | --- | --- | --- |",
      `| Batched | ${validate.batched.roundTrips} | ${validate.batched.p50Ms.toFixed(0)} | ${validate.batched.p95Ms.toFixed(0)} |`,
      `| One request at a time | ${validate.sequential.roundTrips} | ${validate.sequential.p50Ms.toFixed(0)} | ${validate.sequential.p95Ms.toFixed(0)} |`,
      "",
      `One request at a time takes ${validate.ratio.toFixed(1)} times as long (p50).`,
      "",
      "## Export (Connect plan, 10 forests)",
      "",
      "| Format | p50 (ms) | p95 (ms) | Size (bytes) |",
      "| --- | --- | --- | --- |",
      ...exportBench.formats.map((row) => `| ${row.format} | ${row.p50Ms.toFixed(1)} | ${row.p95Ms.toFixed(1)} | ${row.bytes} |`),
      "",
      `## Load runs: ${LOAD.connections} connections for ${LOAD.durationSeconds} s each, through the front`,
      "",
      "| Run | Requests (per s) | p50 (ms) | p99 (ms) | Errors | Server memory before / peak / after (MB) |",
      "| --- | --- | --- | --- | --- | --- |",
      ...loadResults.map(
        (load) =>
          `| ${load.name} | ${load.requests} (${load.requestsPerSecond.toFixed(1)}) | ${load.latencyP50Ms} | ${load.latencyP99Ms} | ${load.errors} | ${load.memoryBeforeMb} / ${load.memoryPeakMb} / ${load.memoryAfterMb} |`,
      ),
      "",
    ].join("\n");
    writeFileSync("bench-results/report.md", md);
    console.log(`\n${md}`);
  } finally {
    server.kill();
  }
}

await main();
