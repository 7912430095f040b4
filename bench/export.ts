/**
 * npm run bench:export — a benchmark, not a test. Times every export format
 * for a Connect plan with ten forests, in one process, and prints the median
 * and p95 of each, with its size.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { EXPORT_FORMAT_IDS, renderExport } from "@/lib/export/formats";
import { planSchema } from "@/lib/plan";
import { completePlan, connectSettings, forest, plan, server } from "../tests/fixtures/plans";

const RUNS = Number(process.env.BENCH_RUNS ?? 20);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const forests = Array.from({ length: 10 }, (_, index) => forest(index + 1, `forest${index + 1}.example.com`, { domains: [`emea.forest${index + 1}.example.com`] }));
  const base = plan("connect", {
    forests,
    servers: [server(1, "SYNC01", { domain: "forest1.example.com" }), server(2, "SYNC02", { staging: true, domain: "forest1.example.com" })],
    connect: connectSettings({ database: "remoteSql", sqlServer: "SQL01", sqlAdministrator: "Database team" }),
    signIn: { method: "passwordHashSync", seamlessSso: true },
    features: ["passwordWriteback", "exchangeHybrid", "groupWriteback"],
  });
  const tenForests = completePlan(base, {
    "connectAdSyncService@server-1": { accountType: "gmsa", name: "gmsaADSync$", domain: "forest1.example.com" },
    "connectAdSyncService@server-2": { accountType: "gmsa", name: "gmsaADSync$", domain: "forest1.example.com" },
  });
  const parsed = planSchema.safeParse(tenForests);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues.slice(0, 3)));

  const rows: { format: string; p50Ms: number; p95Ms: number; bytes: number }[] = [];
  for (const format of EXPORT_FORMAT_IDS) {
    await renderExport(parsed.data, format); // warm-up: loads the renderer
    const times: number[] = [];
    let bytes = 0;
    for (let run = 0; run < RUNS; run += 1) {
      const started = performance.now();
      const file = await renderExport(parsed.data, format);
      times.push(performance.now() - started);
      bytes = typeof file.body === "string" ? Buffer.byteLength(file.body) : file.body.byteLength;
    }
    rows.push({ format, p50Ms: percentile(times, 50), p95Ms: percentile(times, 95), bytes });
  }
  console.log(`Exporting a Connect plan with 10 forests (${Object.keys(parsed.data.accounts).length} account entries), ${RUNS} runs per format\n`);
  console.log(["format", "p50 (ms)", "p95 (ms)", "size (bytes)"].map((cell) => cell.padEnd(14)).join(""));
  for (const row of rows) console.log([row.format, row.p50Ms.toFixed(1), row.p95Ms.toFixed(1), row.bytes].map((cell) => String(cell).padEnd(14)).join(""));
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/export.json", `${JSON.stringify({ runs: RUNS, forests: 10, formats: rows }, null, 2)}\n`);
}

void main();
