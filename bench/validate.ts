/**
 * npm run bench:validate — a benchmark, not a test. Validates a Connect plan
 * with three forests against the Graph fake with 100 ms of latency on every
 * request, batched (the real validator) and as a sequential
 * one-request-per-check baseline, in the same process, and prints both.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { firstWave, secondWave, type PlanReady } from "@/lib/graph/checks";
import { createGraphClient } from "@/lib/graph/client";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { validatePlan } from "@/lib/graph/validate";
import type { GraphOutcome } from "@/lib/graph/batch";
import { connectPlan, startDemoFake } from "../tests/fixtures/graph";

const LATENCY_MS = 100;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const fake = await startDemoFake();
  fake.setLatency(LATENCY_MS);
  const plan = connectPlan(DEMO_PEOPLE.goodAdmin) as PlanReady;
  const options = { baseUrl: fake.baseUrl, accessToken: "bench", timeoutMs: 10_000 };

  const batched = { times: [] as number[], roundTrips: 0, httpRequests: 0, checks: 0 };
  const sequential = { times: [] as number[], roundTrips: 0, httpRequests: 0 };
  const client = createGraphClient({ ...options, maxRetryWaitSeconds: 5, retryDelaySeconds: 1 });

  for (let run = 0; run < RUNS; run += 1) {
    let before = fake.httpRequestCount();
    let started = performance.now();
    const result = await validatePlan(plan, options);
    batched.times.push(performance.now() - started);
    batched.roundTrips = result.roundTrips;
    batched.httpRequests = fake.httpRequestCount() - before;
    batched.checks = result.report.results.length;

    // Baseline: the same questions, one GET at a time.
    before = fake.httpRequestCount();
    started = performance.now();
    const outcomes = new Map<string, GraphOutcome>();
    for (const request of firstWave(plan)) {
      outcomes.set(request.id, { ok: true, status: 200, body: await client.api(request.url).get().catch(() => ({})) });
    }
    for (const request of secondWave(plan, outcomes)) await client.api(request.url).get().catch(() => undefined);
    sequential.times.push(performance.now() - started);
    sequential.httpRequests = fake.httpRequestCount() - before;
    sequential.roundTrips = sequential.httpRequests;
  }
  await fake.close();

  const report = {
    latencyMs: LATENCY_MS,
    runs: RUNS,
    checks: batched.checks,
    batched: { roundTrips: batched.roundTrips, httpRequests: batched.httpRequests, p50Ms: percentile(batched.times, 50), p95Ms: percentile(batched.times, 95) },
    sequential: { roundTrips: sequential.roundTrips, httpRequests: sequential.httpRequests, p50Ms: percentile(sequential.times, 50), p95Ms: percentile(sequential.times, 95) },
  };
  const ratio = report.sequential.p50Ms / report.batched.p50Ms;
  const rows = [
    ["", "round trips", "HTTP requests", "p50 (ms)", "p95 (ms)"],
    ["batched (validator)", report.batched.roundTrips, report.batched.httpRequests, report.batched.p50Ms.toFixed(0), report.batched.p95Ms.toFixed(0)],
    ["sequential baseline", report.sequential.roundTrips, report.sequential.httpRequests, report.sequential.p50Ms.toFixed(0), report.sequential.p95Ms.toFixed(0)],
  ];
  console.log(`Validating a Connect plan with 3 forests (${report.checks} checks), ${LATENCY_MS} ms injected latency per request, ${RUNS} runs each\n`);
  for (const row of rows) console.log(row.map((cell, index) => String(cell).padEnd(index === 0 ? 22 : 15)).join(""));
  console.log(`\nbaseline p50 / batched p50 = ${ratio.toFixed(1)}x`);
  const targets = [
    [`at most 2 round trips`, report.batched.roundTrips <= 2],
    [`p50 under 3x the latency (${3 * LATENCY_MS} ms)`, report.batched.p50Ms < 3 * LATENCY_MS],
  ] as const;
  for (const [target, met] of targets) console.log(`target ${met ? "met" : "MISSED"}: ${target}`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/validate.json", `${JSON.stringify({ ...report, ratio }, null, 2)}\n`);
}

void main();
