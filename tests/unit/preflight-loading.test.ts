import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { planToMarkdown } from "@/lib/export/markdown";
import { planSummary } from "@/lib/export/summary";
import { formatDateTime } from "@/lib/format/date";
import { changeImpact, needsConfirmation, planShape, withoutOrphanedRuns, type Plan, type PreflightRun } from "@/lib/plan";
import { PLAN_LIMITS } from "@/lib/plan/limits";
import { judgePreflight } from "@/lib/preflight/judge";
import { addPreflightFiles, type ChosenFile } from "@/lib/preflight/load-files";
import { readPreflightFile } from "@/lib/preflight/read-file";
import { withoutPreflightRun, withPreflightRun } from "@/lib/preflight/report";
import { exportableReport } from "@/lib/validation/fingerprint";
import { loadExample } from "@/tests/fixtures/plans";
import { freshStorage, openTab } from "@/tests/support/library-harness";

const FIXTURES = join(process.cwd(), "tests", "fixtures", "preflight", "connect-fabrikam");
const text = (name: string) => readFileSync(join(FIXTURES, `${name}.json`), "utf8");

/** A chosen file whose text arrives only when `release` is called, as a large file read by a slow disk would. */
function slowFile(name: string) {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  const file: ChosenFile = { name: `${name}.json`, size: text(name).length, text: async () => (await arrived, text(name)) };
  return { file, release };
}
const file = (name: string): ChosenFile => ({ name: `${name}.json`, size: text(name).length, text: async () => text(name) });

async function tabWithExample() {
  const tab = await openTab(freshStorage());
  await tab.createPlan(loadExample("connect-fabrikam-three-forests.json"));
  return tab;
}
const runsOf = (tab: Awaited<ReturnType<typeof tabWithExample>>) => tab.getDraft()!.draft.plan.preflight.map((run) => `${run.scope} ${run.name}`).sort();

describe("loading pre-flight files into the stored plan", () => {
  it("a second drop while the first is still read keeps both batches", async () => {
    const tab = await tabWithExample();
    const first = slowFile("preflight-forest-fabrikam-com");
    const firstDrop = addPreflightFiles(tab, [first.file]);
    await addPreflightFiles(tab, [file("preflight-server-sync01")]);
    first.release();
    await firstDrop;
    expect(runsOf(tab)).toEqual(["forest fabrikam.com", "server SYNC01"]);
  });

  it("a Remove made while a drop is read stays removed", async () => {
    const tab = await tabWithExample();
    await addPreflightFiles(tab, [file("preflight-server-sync01")]);
    const slow = slowFile("preflight-forest-fabrikam-com");
    const drop = addPreflightFiles(tab, [slow.file]);
    const run = tab.getDraft()!.draft.plan.preflight[0]!;
    tab.savePlan(withoutPreflightRun(tab.getDraft()!.draft.plan, run.scope, run.ownerId), [], { checkpoint: "Removed" });
    slow.release();
    await drop;
    expect(runsOf(tab)).toEqual(["forest fabrikam.com"]);
  });

  it("files read while another plan was opened are refused and change neither plan", async () => {
    const tab = await tabWithExample();
    const slow = slowFile("preflight-forest-fabrikam-com");
    const drop = addPreflightFiles(tab, [slow.file]);
    await tab.createPlan(loadExample("connect-fabrikam-three-forests.json"));
    slow.release();
    const outcome = await drop;
    expect(outcome.loaded).toEqual([]);
    expect(outcome.refused[0]!.message).toMatch(/Another plan was opened/);
    expect(runsOf(tab)).toEqual([]);
  });
});

/** The fabrikam.com forest file as if its collector had run at another time. */
const collectedAt = (iso: string): ChosenFile => {
  const body = text("preflight-forest-fabrikam-com").replace('"2026-11-26T10:00:00.0000000Z"', JSON.stringify(iso));
  return { name: `preflight-forest-fabrikam-com-${iso.slice(0, 10)}.json`, size: body.length, text: async () => body };
};

describe("a file for a forest or server the plan already has results for", () => {
  it("an older one is refused, naming both collection times, and the newer results stay", async () => {
    const tab = await tabWithExample();
    await addPreflightFiles(tab, [file("preflight-forest-fabrikam-com")]);
    const before = tab.getDraft()!.draft.plan;
    const outcome = await addPreflightFiles(tab, [collectedAt("2026-11-20T08:30:00Z")]);
    expect(outcome.loaded).toEqual([]);
    const message = outcome.refused[0]!.message;
    expect(message).toContain(formatDateTime("2026-11-20T08:30:00.000Z"));
    expect(message).toContain(formatDateTime("2026-11-26T10:00:00.000Z"));
    expect(message).toMatch(/forest fabrikam\.com.*remove the results of forest fabrikam\.com first/);
    expect(tab.getDraft()!.draft.plan).toBe(before);
  });

  it("a newer one takes the place of the older results", async () => {
    const tab = await tabWithExample();
    await addPreflightFiles(tab, [file("preflight-forest-fabrikam-com")]);
    const outcome = await addPreflightFiles(tab, [collectedAt("2026-12-01T09:00:00Z")]);
    expect(outcome.loaded.map((loaded) => loaded.replaced)).toEqual([true]);
    expect(tab.getDraft()!.draft.plan.preflight.map((run) => run.collectedAt)).toEqual(["2026-12-01T09:00:00.000Z"]);
  });
});

/** An empty run for an owner, as the plan keeps one. */
const runFor = (scope: PreflightRun["scope"], ownerId: string): PreflightRun => ({ scope, ownerId, name: ownerId, collectedAt: "2026-11-20T08:00:00.000Z", results: [] });
/** The example with forests added (forest-4 onwards) up to `count` forests in all. */
function withForests(plan: Plan, count: number): Plan {
  const environment = plan.environment!;
  const extra = Array.from({ length: count - environment.forests.length }, (_, index) => ({ ...environment.forests[1]!, id: `forest-${index + 4}`, rootDomain: `extra${index + 4}.example` }));
  return { ...plan, environment: { ...environment, forests: [...environment.forests, ...extra] } };
}
const fabrikamRun = (plan: Plan) => {
  const read = readPreflightFile(text("preflight-forest-fabrikam-com"), plan);
  if (!read.ok) throw new Error(read.message);
  return judgePreflight(read.plan, read.facts, read.ownerId);
};

describe("how many pre-flight files a plan keeps, and those of removed forests and servers", () => {
  const example = loadExample("connect-fabrikam-three-forests.json");

  it(`a file beyond ${PLAN_LIMITS.preflightRuns} is refused with a message, and the plan is unchanged`, () => {
    // 58 forests besides fabrikam.com's and 2 servers, each with its file: 60 in all.
    const full = withForests(example, 59);
    const crowded = { ...full, preflight: [...full.environment!.forests.slice(1).map((forest) => runFor("forest", forest.id)), runFor("server", "server-1"), runFor("server", "server-2")] };
    expect(crowded.preflight).toHaveLength(PLAN_LIMITS.preflightRuns);
    const added = withPreflightRun(crowded, fabrikamRun(crowded));
    expect(added.ok).toBe(false);
    expect(added.ok ? "" : added.message).toMatch(/at most 60 pre-flight files.*remove the results of a forest or server first/);
    // Another file for a forest that has one replaces it: the count does not grow.
    expect(withPreflightRun(crowded, { ...runFor("forest", "forest-2"), collectedAt: "2026-11-21T08:00:00.000Z" }).ok).toBe(true);
  });

  it("files of forests and servers no longer in the plan do not block a new one, and make way for it", () => {
    const orphans = Array.from({ length: PLAN_LIMITS.preflightRuns }, (_, index) => runFor("forest", `forest-${index + 100}`));
    const plan = { ...example, preflight: orphans };
    const added = withPreflightRun(plan, fabrikamRun(plan));
    expect(added.ok).toBe(true);
    if (!added.ok) return;
    expect(added.plan.preflight.map((run) => run.ownerId)).toEqual(["forest-1"]);
    expect(planShape.safeParse(added.plan).success).toBe(true);
  });

  it("results of a removed forest are neither shown, judged current, nor exported as out of date", () => {
    const added = withPreflightRun(example, fabrikamRun(example));
    if (!added.ok) throw new Error(added.message);
    const environment = added.plan.environment!;
    const removed = { ...added.plan, environment: { ...environment, forests: environment.forests.filter((forest) => forest.id !== "forest-1") } };
    const exported = exportableReport(undefined, removed);
    expect((exported?.results ?? []).filter((result) => result.id.startsWith("preflight-") || result.id.startsWith("out-of-date-preflight"))).toEqual([]);
    expect(planSummary(removed).some((row) => row.label === "On-premises pre-flight")).toBe(false);
    expect(planToMarkdown(removed)).not.toContain("## On-premises pre-flight");
  });

  it("removing a forest through the change-impact flow takes its file's results with it, told first, and Undo's plan keeps them", () => {
    const added = withPreflightRun(example, fabrikamRun(example));
    if (!added.ok) throw new Error(added.message);
    const environment = added.plan.environment!;
    const after = withoutOrphanedRuns({ ...added.plan, environment: { ...environment, forests: environment.forests.filter((forest) => forest.id !== "forest-1") } });
    expect(after.preflight).toEqual([]);
    const impact = changeImpact(added.plan, after);
    expect(impact.preflightRemoved).toEqual([{ what: "Forest fabrikam.com", collectedAt: "2026-11-26T10:00:00.000Z" }]);
    expect(needsConfirmation(impact)).toBe(true);
    // Removing another forest leaves fabrikam.com's results where they are.
    const other = withoutOrphanedRuns({ ...added.plan, environment: { ...environment, forests: environment.forests.filter((forest) => forest.id !== "forest-3") } });
    expect(other.preflight).toEqual(added.plan.preflight);
    expect(changeImpact(added.plan, other).preflightRemoved).toEqual([]);
  });
});
