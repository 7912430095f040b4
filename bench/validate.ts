/**
 * npm run bench:validate — a benchmark, not a test. Validates a Connect plan
 * with three forests against the Graph fake with 100 ms of latency on every
 * request, batched (the real validator) and as a sequential baseline (the
 * same requests, one GET at a time, next pages included), in the same
 * process, and prints both with their ratio.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createGraphClient } from "@/lib/graph/client";
import { planRequests } from "@/lib/graph/requests";
import type { PlanWithTool } from "@/lib/plan";
import { validatePlan } from "@/lib/graph/validate";
import { DEMO_PEOPLE } from "@/lib/demo/people";
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
  const plan = connectPlan(DEMO_PEOPLE.goodAdmin) as PlanWithTool;
  const options = { baseUrl: fake.baseUrl, accessToken: "bench", timeoutMs: 10_000 };

  const batched = { times: [] as number[], roundTrips: 0, httpRequests: 0, checks: 0, requests: 0 };
  const sequential = { times: [] as number[], roundTrips: 0, httpRequests: 0 };
  const client = createGraphClient({ ...options, maxRetryWaitSeconds: 5, retryDelaySeconds: 1 });
  const requests = planRequests(plan);

  for (let run = 0; run < RUNS; run += 1) {
    let before = fake.httpRequestCount();
    let started = performance.now();
    const result = await validatePlan(plan, options);
    batched.times.push(performance.now() - started);
    batched.roundTrips = result.roundTrips;
    batched.httpRequests = fake.httpRequestCount() - before;
    batched.checks = result.report.results.length;
    batched.requests = requests.length;

    // Baseline: the same questions, one GET at a time, each page after the one before.
    before = fake.httpRequestCount();
    started = performance.now();
    for (const request of requests) {
      let next: string | undefined = request.url;
      while (next) {
        const call = client.api(next);
        for (const [name, value] of Object.entries(request.headers ?? {})) call.header(name, value);
        const body: { "@odata.nextLink"?: string } | undefined = await call.get().catch(() => undefined);
        next = body?.["@odata.nextLink"]?.slice(`${fake.baseUrl}/v1.0`.length);
      }
    }
    sequential.times.push(performance.now() - started);
    sequential.httpRequests = fake.httpRequestCount() - before;
    sequential.roundTrips = sequential.httpRequests;
  }
  await fake.close();

  const report = {
    latencyMs: LATENCY_MS,
    runs: RUNS,
    checks: batched.checks,
    graphRequests: batched.requests,
    batched: { roundTrips: batched.roundTrips, httpRequests: batched.httpRequests, p50Ms: percentile(batched.times, 50), p95Ms: percentile(batched.times, 95) },
    sequential: { roundTrips: sequential.roundTrips, httpRequests: sequential.httpRequests, p50Ms: percentile(sequential.times, 50), p95Ms: percentile(sequential.times, 95) },
  };
  const ratio = report.sequential.p50Ms / report.batched.p50Ms;
  const rows = [
    ["", "round trips", "HTTP requests", "p50 (ms)", "p95 (ms)"],
    ["batched (validator)", report.batched.roundTrips, report.batched.httpRequests, report.batched.p50Ms.toFixed(0), report.batched.p95Ms.toFixed(0)],
    ["sequential baseline", report.sequential.roundTrips, report.sequential.httpRequests, report.sequential.p50Ms.toFixed(0), report.sequential.p95Ms.toFixed(0)],
  ];
  console.log(
    `Validating a Connect plan with 3 forests (${report.graphRequests} Graph requests, ${report.checks} checks), ${LATENCY_MS} ms injected latency per request, ${RUNS} runs each\n`,
  );
  for (const row of rows) console.log(row.map((cell, index) => String(cell).padEnd(index === 0 ? 22 : 15)).join(""));
  console.log(`\nbaseline p50 / batched p50 = ${ratio.toFixed(1)}x`);
  const targets = [
    ["1 round trip", report.batched.roundTrips === 1],
    [`p50 under 2x the latency (${2 * LATENCY_MS} ms)`, report.batched.p50Ms < 2 * LATENCY_MS],
  ] as const;
  for (const [target, met] of targets) console.log(`target ${met ? "met" : "MISSED"}: ${target}`);
  mkdirSync("bench-results", { recursive: true });
  writeFileSync("bench-results/validate.json", `${JSON.stringify({ ...report, ratio }, null, 2)}\n`);
}

void main();
