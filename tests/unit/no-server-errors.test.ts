import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ACCOUNT_STATUSES,
  DATABASES,
  DECISION_REQUIREMENTS,
  ENTRA_AUTH_MODES,
  FEATURES_BY_ID,
  GMSA_MODES,
  SERVER_ROLES,
  SOURCES,
  KEY_STORAGES,
  PLAN_FEATURE_IDS,
  SIGN_IN_METHODS_BY_TOOL,
  SOURCE_ANCHORS,
  type PlanFeatureId,
} from "@/lib/catalog";
import { EXPORT_FORMAT_IDS } from "@/lib/export/formats";
import { accountsWithSteps, planSchema, type Plan } from "@/lib/plan";
import { PLAN_LIMITS } from "@/lib/plan/limits";
import { completePlan, connectSettings, forest, plan as basePlan, server } from "../fixtures/plans";

/**
 * No 5xx for any plan the schema accepts: plans generated at random (both
 * tools, 1 to 50 forests, every feature, unfinished steps, hostile text),
 * counted only when they pass safeParse, each sent through the route
 * handlers to every export format and to the validator (demo tenant).
 */
const PLANS_WANTED = Number(process.env.NO_5XX_PLANS ?? 2_000);

type ValidateRoute = typeof import("@/app/api/validate/route");
type ExportRoute = typeof import("@/app/api/export/route");
let validateRoute: ValidateRoute;
let exportRoute: ExportRoute;

beforeAll(async () => {
  vi.resetModules();
  // The limits are not under test here: every request must reach the renderers.
  vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "100000");
  vi.stubEnv("EXPORT_RATE_LIMIT_PER_MINUTE", "100000");
  validateRoute = await import("@/app/api/validate/route");
  exportRoute = await import("@/app/api/export/route");
});
afterAll(() => vi.unstubAllEnvs());

/**
 * Text that has broken renderers before: formula starts, quotes PowerShell ends strings on, full-width signs,
 * characters outside the BMP. Control characters, noncharacters and lone surrogates are refused by the plan
 * schema itself (its own tests prove it), so they appear here rarely: a plan holding one never reaches a renderer.
 */
const hostileText = (maxLength: number) =>
  fc.oneof(
    { arbitrary: fc.string({ maxLength }), weight: 3 },
    { arbitrary: fc.string({ unit: "binary", maxLength }), weight: 1 },
    {
      arbitrary: fc.string({
        unit: fc.constantFrom(..."=+-@\uFF1D\uFF0B\uFF0D\uFF20'\u2018\u2019\u201A\u201B\"`$(){}[]|<>#*_\\\u00e9\u00d1\u4e2d\u30a2".split(""), "\u{1F600}"),
        maxLength,
      }),
      weight: 4,
    },
  );

const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,14}[a-z0-9]$/);

const shape = fc.record({
  tool: fc.constantFrom("cloudSync" as const, "connect" as const),
  // Mostly small plans, some up to the cap: a large one costs far more to render.
  forestCount: fc.oneof(
    { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 40 },
    { arbitrary: fc.integer({ min: 4, max: PLAN_LIMITS.forests }), weight: 2 },
    { arbitrary: fc.constant(PLAN_LIMITS.forests), weight: 1 },
  ),
  // Roots that share their first 24 characters, or not.
  sharedPrefix: fc.boolean(),
  rootLabel: label,
  domainCount: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 2 }), weight: 8 }, { arbitrary: fc.integer({ min: 0, max: PLAN_LIMITS.domainsPerForest }), weight: 1 }),
  suffixCount: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 3 }), weight: 8 }, { arbitrary: fc.integer({ min: 0, max: PLAN_LIMITS.upnSuffixesPerForest }), weight: 1 }),
  serverCount: fc.integer({ min: 1, max: PLAN_LIMITS.servers }),
  serverRoles: fc.array(fc.constantFrom(...SERVER_ROLES), { minLength: PLAN_LIMITS.servers, maxLength: PLAN_LIMITS.servers }),
  features: fc.subarray([...PLAN_FEATURE_IDS]),
  signInChoice: fc.nat(),
  seamlessSso: fc.boolean(),
  sourceAnchor: fc.constantFrom(...SOURCE_ANCHORS),
  authenticatingProxy: fc.boolean(),
  sqlNamed: fc.boolean(),
  // Which forest devices are written back to and Exchange lives in, and which domain each server joins.
  forestPick: fc.nat(),
  exchangeInOne: fc.boolean(),
  serverDomainPicks: fc.array(fc.nat(), { minLength: PLAN_LIMITS.servers, maxLength: PLAN_LIMITS.servers }),
  adfsServers: fc.integer({ min: 0, max: 4 }),
  wapServers: fc.integer({ min: 0, max: 3 }),
  passThroughAgents: fc.integer({ min: 0, max: PLAN_LIMITS.listedServers }),
  keyStorage: fc.constantFrom("" as const, ...KEY_STORAGES),
  requirements: fc.subarray(DECISION_REQUIREMENTS.map((requirement) => requirement.id)),
  express: fc.boolean(),
  database: fc.constantFrom(...DATABASES),
  entraAuth: fc.constantFrom(...ENTRA_AUTH_MODES),
  gmsaMode: fc.constantFrom(...GMSA_MODES),
  tenantById: fc.boolean(),
  organisation: hostileText(PLAN_LIMITS.shortText).filter((name) => name.length > 0),
  preparer: hostileText(PLAN_LIMITS.shortText).filter((name) => name.length > 0),
  // Per account step: drop it (unfinished), leave an optional one out, or fill its free text.
  entries: fc.array(
    fc.record({ drop: fc.boolean(), unused: fc.boolean(), notes: hostileText(PLAN_LIMITS.freeText), owner: hostileText(PLAN_LIMITS.shortText), status: fc.constantFrom(...ACCOUNT_STATUSES) }),
    { minLength: 1, maxLength: 40 },
  ),
  report: fc.option(
    fc.record({
      count: fc.oneof({ arbitrary: fc.integer({ min: 0, max: 5 }), weight: 5 }, { arbitrary: fc.integer({ min: 0, max: 1_000 }), weight: 1 }),
      title: hostileText(500),
      docUrl: fc.constantFrom(SOURCES.connectPrerequisites.url, "javascript:alert(1)", "https://learn.microsoft.com.example/x", undefined),
      status: fc.constantFrom("pass" as const, "warn" as const, "fail" as const, "unknown" as const),
    }),
  ),
});

type Shape = typeof shape extends fc.Arbitrary<infer T> ? T : never;

function buildPlan(input: Shape): { plan: Plan; results?: unknown } {
  const { tool } = input;
  const express = tool === "connect" && input.express;
  const forestCount = express ? 1 : input.forestCount;
  const prefix = input.sharedPrefix ? "abcdefghijklmnopqrstuvwx" : input.rootLabel;
  let suffixNumber = 0;
  const forests = Array.from({ length: forestCount }, (_, index) =>
    forest(index + 1, `${prefix}${index}.example.com`, {
      // Up to each cap in small plans; a few per forest in large ones (the largest plan of all has its own test: response-bounds).
      domains: Array.from({ length: Math.min(input.domainCount, Math.floor(200 / forestCount)) }, (_, domain) => `d${domain}.${prefix}${index}.example.com`),
      upnSuffixes: Array.from({ length: Math.min(input.suffixCount, Math.floor(400 / forestCount)) }, () => `s${(suffixNumber++).toString(36)}.example.org`),
    }),
  );
  const servers = Array.from({ length: input.serverCount }, (_, index) =>
    server(index + 1, `SYNC${index}`, {
      role: input.serverRoles[index]!,
      staging: tool === "connect" && index > 0,
      domain: forests[input.serverDomainPicks[index]! % forests.length]!.rootDomain,
    }),
  );
  const offered = (id: PlanFeatureId) => FEATURES_BY_ID[id].support[tool] !== "unavailable" && (!express || FEATURES_BY_ID[id].inExpress);
  const features = express ? [] : input.features.filter(offered);
  const methods = SIGN_IN_METHODS_BY_TOOL[tool];
  const method = express ? "passwordHashSync" : methods[input.signInChoice % methods.length]!;
  const seamlessSso = !express && input.seamlessSso && (tool === "cloudSync" || method === "passwordHashSync" || method === "passThroughAuth");
  const chosenForest = forests[input.forestPick % forests.length]!.id;
  const names = (count: number, stem: string) => Array.from({ length: count }, (_, index) => `${stem}${index}`);
  const base = basePlan(tool, {
    organisation: { name: input.organisation, preparer: input.preparer, contact: "" },
    tenant: input.tenantById ? { initialDomain: "", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" } : { initialDomain: "contoso.onmicrosoft.com", tenantId: "" },
    signIn: { method, seamlessSso },
    connect: connectSettings({
      installType: express ? "express" : "custom",
      database: input.database,
      entraAuth: input.entraAuth,
      sourceAnchor: input.sourceAnchor,
      sourceAnchorAttribute: input.sourceAnchor === "otherAttribute" ? "employeeID" : "",
      sqlServer: input.sqlNamed && input.database === "remoteSql" ? "SQL01" : "",
      sqlInstance: input.sqlNamed ? "ADSYNC" : "",
      sqlAdministrator: input.sqlNamed ? input.preparer : "",
      authenticatingProxy: input.authenticatingProxy,
      deviceWritebackForestId: features.includes("deviceWriteback") ? chosenForest : "",
      exchangeForestId: input.exchangeInOne ? chosenForest : "",
    }),
    cloudSync: { gmsaMode: input.gmsaMode },
    federation: { adfsServers: names(input.adfsServers, "ADFS"), wapServers: names(input.wapServers, "WAP") },
    passThroughAgents: names(input.passThroughAgents, "PTA"),
    forests,
    servers,
    features,
  });
  base.decision.requirements = input.requirements;
  const plan = completePlan(base);
  accountsWithSteps(plan).forEach((account, index) => {
    const change = input.entries[index % input.entries.length]!;
    const entry = plan.accounts[account.key]!;
    if (change.drop) delete plan.accounts[account.key];
    else if (change.unused && account.requirement === "optional") entry.inUse = false;
    else Object.assign(entry, { notes: change.notes, owner: change.owner, status: change.status, ...(account.definition.identity === "application" ? { keyStorage: input.keyStorage } : {}) });
  });
  if (!input.report) return { plan };
  const keys = Object.keys(plan.accounts);
  const results = Array.from({ length: input.report.count }, (_, index) => ({
    id: `check:${index}`,
    account: null,
    ...(keys.length > 0 && index % 2 === 0 ? { accountKey: keys[index % keys.length] } : {}),
    status: input.report!.status,
    title: input.report!.title,
    detail: input.report!.title,
    ...(input.report!.docUrl ? { docUrl: input.report!.docUrl } : {}),
  }));
  return { plan, results: { checkedAt: "2026-11-24T09:00:00.000Z", tenant: null, results } };
}

async function statusOf(route: "validate" | "export", body: string, format?: string): Promise<number> {
  const request = new Request(`http://localhost/api/${route}${format ? `?format=${format}` : ""}`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
  const response = route === "validate" ? await validateRoute.POST(request) : await exportRoute.POST(request);
  await response.arrayBuffer();
  return response.status;
}

describe("no 5xx on any plan the schema accepts", () => {
  it(`sends at least ${PLANS_WANTED} valid plans to every export format and to the validator: none answers 5xx (property)`, { timeout: 1_800_000 }, async () => {
    const seen = { valid: 0, tools: new Set<string>(), features: new Set<string>(), forestCounts: new Set<number>() };
    const errors: string[] = [];
    const originalError = console.error;
    console.error = (...parts: unknown[]) => errors.push(parts.map(String).join(" "));
    try {
      await fc.assert(
        fc.asyncProperty(shape, async (input) => {
          const { plan, results } = buildPlan(input);
          if (!planSchema.safeParse(plan).success) return;
          seen.valid += 1;
          seen.tools.add(plan.tool!);
          for (const feature of plan.environment!.features) seen.features.add(feature);
          seen.forestCounts.add(plan.environment!.forests.length);
          const body = JSON.stringify({ plan, ...(results ? { results } : {}) });
          // All at once: the validator waits on the demo tenant's HTTP answers while the renderers work.
          const [checks, ...files] = await Promise.all([statusOf("validate", JSON.stringify({ plan })), ...EXPORT_FORMAT_IDS.map((format) => statusOf("export", body, format))]);
          expect(checks).toBe(200);
          EXPORT_FORMAT_IDS.forEach((format, index) => {
            expect(files[index], format).toBeLessThan(500);
            // 400: a report that is not one (a docUrl that is no URL); 413: a report of 1,000 long results over the body limit.
            expect([200, 400, 413], format).toContain(files[index]);
          });
        }),
        { numRuns: Math.ceil(PLANS_WANTED * 1.15), endOnFailure: true },
      );
    } finally {
      console.error = originalError;
    }
    process.stdout.write(`no-server-errors: ${seen.valid} valid plans (${[...seen.tools].join(", ")}; up to ${Math.max(...seen.forestCounts)} forests; ${seen.features.size} features), each to ${EXPORT_FORMAT_IDS.length} formats and the validator\n`);
    expect(errors).toEqual([]);
    expect(seen.valid).toBeGreaterThanOrEqual(PLANS_WANTED);
    expect([...seen.tools].sort()).toEqual(["cloudSync", "connect"]);
    expect([...seen.features].sort()).toEqual([...PLAN_FEATURE_IDS].sort());
    expect(Math.max(...seen.forestCounts)).toBe(PLAN_LIMITS.forests);
  });
});
