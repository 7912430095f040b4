import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FakeGraph } from "@/lib/graph/fake/graph-server";
import { EXPORT_FORMAT_IDS } from "@/lib/export/formats";
import { planSchema, type Plan } from "@/lib/plan";
import { PLAN_LIMITS } from "@/lib/plan/limits";
import { validationReportSchema } from "@/lib/validation/schema";
import { startDemoFake } from "../fixtures/graph";
import { completePlan, forest, plan, server } from "../fixtures/plans";

/**
 * The worst plans that fit in 1 MB, and what the API answers to them: every
 * /api/validate answer and every 4xx body at most twice the request plus
 * 16 KB, every export at most 5 MB.
 */
type ValidateRoute = typeof import("@/app/api/validate/route");
type ExportRoute = typeof import("@/app/api/export/route");

const KB = 1024;
const MB = 1024 * 1024;
const bound = (requestBytes: number) => 2 * requestBytes + 16 * KB;

/** Short, distinct DNS names: "a0.io", "a1.io", … */
const shortName = (index: number, tld = "io") => `a${index.toString(36)}.${tld}`;

let fake: FakeGraph;
let validateRoute: ValidateRoute;
let exportRoute: ExportRoute;

beforeAll(async () => {
  fake = await startDemoFake();
  vi.resetModules();
  vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "100000");
  vi.stubEnv("EXPORT_RATE_LIMIT_PER_MINUTE", "100000");
  validateRoute = await import("@/app/api/validate/route");
  exportRoute = await import("@/app/api/export/route");
});
afterAll(() => {
  vi.unstubAllEnvs();
  return fake.close();
});

async function send(route: "validate" | "export", body: string, format = "json") {
  const request = new Request(`http://localhost/api/${route}?format=${format}`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
  const response = route === "validate" ? await validateRoute.POST(request) : await exportRoute.POST(request);
  return { status: response.status, bytes: (await response.arrayBuffer()).byteLength, requestBytes: Buffer.byteLength(body) };
}

function valid(candidate: Plan): Plan {
  const result = planSchema.safeParse(candidate);
  if (!result.success) throw new Error(JSON.stringify(result.error.issues.slice(0, 3)));
  return result.data;
}

/** Every forest at its caps: 50 forests, 100 other domains and 200 UPN suffixes each, all short. */
function widestPlan(tool: "cloudSync" | "connect"): Plan {
  let counter = 0;
  const forests = Array.from({ length: PLAN_LIMITS.forests }, (_, index) =>
    forest(index + 1, `f${index}.contoso.com`, {
      domains: Array.from({ length: PLAN_LIMITS.domainsPerForest }, (_, domain) => `d${domain}.f${index}.contoso.com`),
      upnSuffixes: Array.from({ length: PLAN_LIMITS.upnSuffixesPerForest }, () => shortName(counter++)),
    }),
  );
  const servers = Array.from({ length: PLAN_LIMITS.servers }, (_, index) => server(index + 1, `SYNC${index}`, { staging: tool === "connect" && index > 0, domain: forests[0]!.rootDomain }));
  return valid(completePlan(plan(tool, { forests, servers, features: ["passwordHashSync", "passwordWriteback", "groupWriteback", "exchangeHybrid"].filter((id) => tool === "connect" || id !== "groupWriteback") as never })));
}

/** Every account entry at its longest: notes of 2,000 characters that the exports repeat. */
function longestTextPlan(): Plan {
  const forests = Array.from({ length: PLAN_LIMITS.forests }, (_, index) => forest(index + 1, `f${index}.contoso.com`));
  const servers = Array.from({ length: PLAN_LIMITS.servers }, (_, index) => server(index + 1, `SYNC${index}`, { staging: index > 0, domain: forests[0]!.rootDomain }));
  const base = completePlan(plan("connect", { forests, servers }));
  for (const entry of Object.values(base.accounts)) {
    entry.notes = "=".repeat(PLAN_LIMITS.freeText);
    entry.owner = "<".repeat(PLAN_LIMITS.shortText);
    entry.createdBy = "|".repeat(PLAN_LIMITS.shortText);
  }
  base.environment!.organisation.name = "&".repeat(PLAN_LIMITS.shortText);
  return valid(base);
}

describe("answers are bounded by the request", () => {
  for (const [name, make] of [
    ["Cloud Sync at every cap", () => widestPlan("cloudSync")],
    ["Connect at every cap", () => widestPlan("connect")],
    ["Connect with the longest text everywhere", longestTextPlan],
  ] as const) {
    it(`${name}: the checks answer at most 2× the request + 16 KB, every export at most 5 MB`, { timeout: 120_000 }, async () => {
      const body = JSON.stringify({ plan: make() });
      expect(Buffer.byteLength(body)).toBeLessThan(1_000_000);
      const checks = await send("validate", body);
      expect(checks.status).toBe(200);
      expect(checks.bytes).toBeLessThanOrEqual(bound(checks.requestBytes));
      for (const format of EXPORT_FORMAT_IDS) {
        const file = await send("export", body, format);
        expect(file.status, format).toBe(200);
        expect(file.bytes, format).toBeLessThanOrEqual(5 * MB);
      }
    });
  }

  it("60,000 repeated UPN suffixes: a 400 with 100 issues at most, the count of the rest, within the bound", async () => {
    const base = plan("cloudSync");
    base.environment!.forests[0]!.upnSuffixes = Array(60_000).fill("a.io");
    base.environment!.forests[0]!.domains = Array(60_000).fill("b.io");
    for (const route of ["validate", "export"] as const) {
      const body = JSON.stringify({ plan: base });
      const request = new Request(`http://localhost/api/${route}?format=csv`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
      const response = route === "validate" ? await validateRoute.POST(request) : await exportRoute.POST(request);
      const text = await response.text();
      expect(response.status).toBe(400);
      expect(Buffer.byteLength(text)).toBeLessThanOrEqual(bound(Buffer.byteLength(body)));
      const answer = JSON.parse(text);
      expect(answer.issues.length).toBeLessThanOrEqual(100);
      // The caps are named at their fields, each once.
      expect(answer.issues).toEqual([
        { path: "environment.forests.0.domains", message: expect.stringContaining("at most 100 other domains") },
        { path: "environment.forests.0.upnSuffixes", message: expect.stringContaining("at most 200 UPN suffixes") },
      ]);
    }
  });

  it("51 forests: the message names the cap at its field, not 'Invalid input'", async () => {
    const forests = Array.from({ length: 51 }, (_, index) => forest(index + 1, `f${index}.contoso.com`));
    const response = await send("validate", JSON.stringify({ plan: plan("connect", { forests }) }));
    expect(response.status).toBe(400);
    const request = new Request("http://localhost/api/validate", { method: "POST", body: JSON.stringify({ plan: plan("connect", { forests }) }), headers: { "Content-Type": "application/json" } });
    const answer = await (await validateRoute.POST(request)).json();
    expect(answer.issues).toContainEqual({ path: "environment.forests", message: "Plan at most 50 forests." });
    expect(JSON.stringify(answer)).not.toContain("Invalid input");
  });

  it("many small mistakes: at most 100 issues, the count of the rest, within the bound", async () => {
    // Every account entry wrong in every field that has a rule: the longest messages for the fewest bytes.
    const forests = Array.from({ length: PLAN_LIMITS.forests }, (_, index) => forest(index + 1, `f${index}.io`, { upnSuffixes: [] }));
    const servers = Array.from({ length: PLAN_LIMITS.servers }, (_, index) => server(index + 1, `S${index}`, { domain: forests[0]!.rootDomain }));
    const base = completePlan(plan("connect", { forests, servers }));
    for (const entry of Object.values(base.accounts)) Object.assign(entry, { name: "Administrator", domain: "x.io", privilegedGroupMember: true, accountType: "localUser" });
    const body = JSON.stringify({ plan: base });
    const request = new Request("http://localhost/api/validate", { method: "POST", body, headers: { "Content-Type": "application/json" } });
    const response = await validateRoute.POST(request);
    const text = await response.text();
    expect(response.status).toBe(400);
    const answer = JSON.parse(text);
    expect(answer.issues.length).toBeGreaterThan(0);
    expect(answer.issues.length).toBeLessThanOrEqual(100);
    expect(answer.unlistedIssues).toBeGreaterThan(0);
    expect(answer.message).toContain(`${answer.unlistedIssues} more issues are not listed`);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(bound(Buffer.byteLength(body)));
  });

  it("a plan with the largest report that fits in 1 MB: every export at most 5 MB", { timeout: 120_000 }, async () => {
    const base = longestTextPlan();
    const keys = Object.keys(base.accounts);
    const planBytes = Buffer.byteLength(JSON.stringify(base));
    // Results as long as fit beside the plan, each tied to an account so the worksheet repeats them in its sections.
    const each = Math.floor((1_000_000 - planBytes - 2_000) / 1_000);
    const text = (length: number) => "<&>=|".repeat(Math.ceil(length / 5)).slice(0, Math.max(length, 0));
    const results = Array.from({ length: 1_000 }, (_, index) => ({
      id: `check:${index}`,
      account: null,
      accountKey: keys[index % keys.length],
      status: "warn",
      title: text(Math.min(500, each / 3)),
      detail: text(each / 3),
      remediation: text(each / 3 - 150),
    }));
    const body = JSON.stringify({ plan: base, results: { checkedAt: "2026-11-24T09:00:00.000Z", tenant: null, results } });
    expect(Buffer.byteLength(body)).toBeLessThan(1_000_000);
    expect(Buffer.byteLength(body)).toBeGreaterThan(950_000);
    for (const format of EXPORT_FORMAT_IDS) {
      const file = await send("export", body, format);
      expect(file.status, format).toBe(200);
      expect(file.bytes, format).toBeLessThanOrEqual(5 * MB);
    }
  });

  it("a report of more than 500 results is accepted by the exports", async () => {
    const results = Array.from({ length: 800 }, (_, index) => ({ id: `check:${index}`, account: null, status: "pass", title: `Check ${index}`, detail: "Fine." }));
    const report = validationReportSchema.parse({ checkedAt: "2026-11-24T09:00:00.000Z", tenant: null, results });
    const body = JSON.stringify({ plan: widestPlan("cloudSync"), results: report });
    for (const format of ["md", "xlsx", "csv"]) expect((await send("export", body, format)).status, format).toBe(200);
  });

  it("no message lists every allowed value: a domain outside a forest of 100 domains names a few", () => {
    const forests = [forest(1, "contoso.com", { domains: Array.from({ length: 100 }, (_, index) => `d${index}.contoso.com`) })];
    const base = completePlan(plan("connect", { forests }));
    base.accounts["connectAdDsConnector@forest-1"]!.domain = "other.com";
    base.accounts.connectHybridIdentityAdmin!.name = "admin@elsewhere.com";
    const result = planSchema.safeParse(base);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((issue) => issue.message);
    expect(messages).toContainEqual(expect.stringMatching(/^other\.com is not a domain of the forest contoso\.com: choose one of contoso\.com, d0\.contoso\.com, .* and 96 more\.$/));
    expect(messages).toContainEqual(expect.stringMatching(/^elsewhere\.com is not one of the tenant's domains \(.* and \d+ more\)/));
  });
});
