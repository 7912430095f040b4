import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PlanDocument } from "@/components/print/plan-document";
import { DECISION_REQUIREMENTS, FEATURES, type FeatureId } from "@/lib/catalog";
import { planToCsv } from "@/lib/export/csv";
import { planToMarkdown } from "@/lib/export/markdown";
import { planToRunbook } from "@/lib/export/runbook";
import { planToZip } from "@/lib/export/zip";
import type { FakeGraph } from "@/lib/graph/fake/graph-server";
import type { Plan } from "@/lib/plan";
import type { ValidationReport } from "@/lib/validation/schema";
import { runValidation, startDemoFake } from "../fixtures/graph";
import { completePlan, loadExample } from "../fixtures/plans";

/** SQL Server and staging servers belong to Connect: advice about them has no place in a Cloud Sync plan. */
const CONNECT_ONLY = /\bSQL\b|staging/i;

/**
 * The reasons for the tool the user picked in Help me choose compare the two
 * tools by design ("a Connect server is a single point of failure, with
 * staging servers on standby"): they explain the choice and advise nothing.
 */
const COMPARISONS = DECISION_REQUIREMENTS.map((requirement) => requirement.why);

/** The Cloud Sync example with every feature Cloud Sync offers, seamless SSO and a custom gMSA: every account and fact it can bring. */
function fullCloudSyncPlan(): Plan {
  const base = loadExample("cloud-sync-contoso.json");
  const environment = base.environment!;
  environment.features = FEATURES.filter((feature) => feature.support.cloudSync === "optional" && feature.chosenBy.includes("feature")).map((feature) => feature.id as FeatureId) as typeof environment.features;
  environment.signIn = { method: "passwordHashSync", seamlessSso: true };
  environment.cloudSync = { gmsaMode: "custom" };
  return completePlan(base);
}

/** Each sentence-ish line of a text that mentions SQL Server or staging, with where it was found. */
function connectAdvice(where: string, text: string): string[] {
  let rest = text;
  for (const comparison of COMPARISONS) rest = rest.split(comparison).join("");
  return rest
    .split(/\n|<\/?(?:p|li|td|th|h\d|div|section)[^>]*>/)
    .filter((line) => CONNECT_ONLY.test(line))
    .map((line) => `${where}: ${line.replace(/<[^>]+>/g, "").trim().slice(0, 200)}`);
}

let fake: FakeGraph;
let report: ValidationReport;
const plan = fullCloudSyncPlan();
beforeAll(async () => {
  fake = await startDemoFake();
  report = (await runValidation(fake, plan)).report;
});
afterAll(() => fake.close());

describe("a Cloud Sync plan says nothing of SQL Server or staging servers", () => {
  it("in the tenant checks and the install-day to-dos", () => {
    const found = report.results.flatMap((result) => connectAdvice(result.id, [result.title, result.detail, result.remediation ?? ""].join("\n")));
    expect(found).toEqual([]);
  });

  it("in the worksheet, the CSV, the runbook, the printed plan and every file of the zip", async () => {
    const texts: Record<string, string> = {
      worksheet: planToMarkdown(plan, report),
      csv: planToCsv(plan, report),
      runbook: planToRunbook(plan),
      print: renderToStaticMarkup(createElement(PlanDocument, { plan, report })),
    };
    for (const [name, bytes] of Object.entries(unzipSync(await planToZip(plan, report)))) {
      // The plan file is data (each server's "staging": false), not advice.
      if (name.endsWith(".json")) continue;
      texts[name] = name.endsWith(".xlsx") ? Object.values(unzipSync(bytes)).map((part) => strFromU8(part)).join("\n") : strFromU8(bytes);
    }
    expect(Object.keys(texts).some((name) => name.endsWith(".ps1"))).toBe(true);
    const found = Object.entries(texts).flatMap(([where, text]) => connectAdvice(where, text));
    expect(found).toEqual([]);
    // The same exports of a Connect plan do speak of them, so the search finds what it looks for.
    const connect = loadExample("connect-fabrikam-three-forests.json");
    expect(connectAdvice("worksheet", planToMarkdown(connect)).length).toBeGreaterThan(0);
  });
});
