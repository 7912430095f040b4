import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { addPreflightFiles, type ChosenFile } from "@/lib/preflight/load-files";
import { formatDateTime } from "@/lib/format/date";
import { withoutPreflightRun } from "@/lib/preflight/report";
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
