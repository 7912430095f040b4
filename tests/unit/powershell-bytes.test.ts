import { unzipSync } from "fflate";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST } from "@/app/api/export/route";
import { downloadFile } from "@/lib/export/download";
import { renderExport } from "@/lib/export/formats";
import { collectorFiles } from "@/lib/preflight/collector";
import { planScriptFiles, planToPowerShell } from "@/lib/export/powershell";
import { planToZip } from "@/lib/export/zip";
import { planSchema, type Plan } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";

// The zip's other entries are other exports' business (and the worksheet is being rewritten for catalog v2 on another branch): here only its scripts count.
vi.mock("@/lib/export/markdown", () => ({ planToMarkdown: () => "" }));
vi.mock("@/lib/export/xlsx", () => ({ planToWorkbook: async () => new Uint8Array() }));
vi.mock("@/lib/export/csv", () => ({ planToCsv: () => "" }));

/**
 * Windows PowerShell 5.1 reads a script without a byte order mark in the ANSI
 * code page. Windows-1252 is decoded here by hand: 0x80-0x9F hold the
 * typographic quotes PowerShell ends a string on (Node's TextDecoder may
 * treat them as C1 controls and hide the problem).
 */
const CP1252_80_9F = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd, 0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_80_9F[byte - 0x80]! : byte);
  return text;
}

const BOM = [0xef, 0xbb, 0xbf];
const SINGLE_QUOTES_TO_POWERSHELL = /['\u2018\u2019\u201a\u201b]/g;

/** A script file as both PowerShell versions read it: the mark, then bytes that are ASCII, so the ANSI reading equals the UTF-8 one. */
function expectSafeScriptBytes(bytes: Uint8Array, label: string): void {
  expect([...bytes.slice(0, 3)], `${label}: byte order mark`).toEqual(BOM);
  const body = bytes.slice(3);
  const outside = [...body].findIndex((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d));
  expect(outside, `${label}: byte ${outside} is not ASCII`).toBe(-1);
  const asAnsi = decodeWindows1252(body);
  expect(asAnsi).toBe(new TextDecoder("utf-8").decode(body));
  // The quotes PowerShell 5.1 would see are only the script's own apostrophes.
  expect(asAnsi.match(SINGLE_QUOTES_TO_POWERSHELL)?.some((quote) => quote !== "'") ?? false).toBe(false);
}

const ORDINARY = ["IBA\u00d1EZ Consulting", "\u00d2scar \u00c2lvarez", "\u0102ntonescu SRL", "\u30ab\u30bf\u30ab\u30ca\u682a\u5f0f\u4f1a\u793e", "Zo\u00eb \u0141\u00f3d\u017a \u{1F600}"];
const HOSTILE = ["O'Brien \u2018x\u2019 \u201a\u201b", "$(Remove-Item C:\\ -Recurse) `n", "'; Remove-Item C:\\ #", "\u00d1'; exit; '", "x\u200dy\u200c \u00e9"];

/** A plan with the value in every field that reaches a script: organisation, preparer, connector, service gMSA and accounts OU. */
function planWith(value: string, cloud: boolean): Plan {
  const plan = loadExample(cloud ? "cloud-sync-contoso.json" : "connect-fabrikam-three-forests.json");
  plan.environment!.organisation.name = value;
  plan.environment!.organisation.preparer = value;
  // Identifiers hold no invisible characters (the schema refuses them there); free text keeps them.
  const identifier = value.replace(/[\u200b-\u200f\u2060\ufeff]/g, "");
  const name = identifier.replace(/["/\\[\]:;|=,+*?<>@]/g, "").slice(0, 15) || "svc";
  if (cloud) {
    plan.environment!.cloudSync.gmsaMode = "custom";
    plan.accounts["cloudSyncGmsa@domain-contoso_com"]!.name = `${name.replace(/\$/g, "") || "gmsa"}$`;
    plan.environment!.forests[0]!.accountsOu = `OU=${identifier},DC=contoso,DC=com`;
  } else {
    plan.accounts["connectAdDsConnector@forest-2"]!.name = name;
    plan.accounts["connectAdSyncService@server-1"]!.name = `${name.replace(/\$/g, "") || "gmsa"}$`;
    plan.accounts["connectAdSyncService@server-2"]!.name = `${name.replace(/\$/g, "") || "gmsa"}$`;
    plan.environment!.forests[0]!.accountsOu = `OU=${identifier},DC=fabrikam,DC=com`;
  }
  const checked = planSchema.safeParse(plan);
  if (!checked.success) throw new Error(`${value}: ${JSON.stringify(checked.error.issues)}`);
  return plan;
}

const CASES = [...ORDINARY, ...HOSTILE].flatMap((value) => [
  [value, false],
  [value, true],
]) as [string, boolean][];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("script bytes on every delivery path", () => {
  it("the hazard this prevents: UTF-8 letters read in the ANSI code page become quotes PowerShell ends a string on", () => {
    for (const letter of ["\u00d1", "\u00d2", "\u00c2", "\u0102", "\u30ab"]) {
      expect(decodeWindows1252(new TextEncoder().encode(letter)), letter).toMatch(/[\u2018\u2019\u201a]/);
    }
  });

  it.each(CASES)("/api/export?format=ps1 answers a byte order mark, then ASCII (%s, Cloud Sync: %s)", async (value, cloud) => {
    const plan = planWith(value, cloud);
    const response = await POST(new Request("http://localhost/api/export?format=ps1", { method: "POST", body: JSON.stringify({ plan }), headers: { "Content-Type": "application/json" } }));
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expectSafeScriptBytes(bytes, "api");
    // One self-contained script with every part, each chosen with -Part.
    expect(new TextDecoder().decode(bytes.slice(3))).toBe(planToPowerShell(plan));
  });

  it.each(CASES)("the browser's download saves a byte order mark, then ASCII (%s, Cloud Sync: %s)", async (value, cloud) => {
    const plan = planWith(value, cloud);
    const saved: Blob[] = [];
    vi.stubGlobal("URL", { createObjectURL: (blob: Blob) => (saved.push(blob), "blob:script"), revokeObjectURL: () => undefined });
    vi.stubGlobal("document", { createElement: () => ({ click: () => undefined, remove: () => undefined }), body: { append: () => undefined } });
    const file = await renderExport(plan, "ps1");
    downloadFile(file.fileName, file.body, file.contentType);
    // A script handed over as text is saved the same way.
    downloadFile(file.fileName, planToPowerShell(plan), file.contentType);
    expect(saved).toHaveLength(2);
    for (const blob of saved) expectSafeScriptBytes(new Uint8Array(await blob.arrayBuffer()), "download");
  });

  it.each(CASES)("every .ps1 in the zip is a byte order mark, then ASCII (%s, Cloud Sync: %s)", async (value, cloud) => {
    const plan = planWith(value, cloud);
    const files = unzipSync(await planToZip(plan));
    const scripts = Object.keys(files).filter((name) => name.endsWith(".ps1"));
    // The install-day scripts, and the pre-flight collectors in their own folder.
    expect(scripts.length).toBe(planScriptFiles(plan).length + collectorFiles(plan).length);
    for (const name of scripts) expectSafeScriptBytes(files[name]!, name);
  });

  it("any value the schema accepts gives safe bytes in every script file (property)", () => {
    const value = fc.string({ unit: "grapheme", minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(value, fc.boolean(), (text, cloud) => {
        const plan = loadExample(cloud ? "cloud-sync-contoso.json" : "connect-fabrikam-three-forests.json");
        plan.environment!.organisation.name = text;
        plan.environment!.organisation.preparer = text;
        plan.environment!.forests[0]!.accountsOu = `OU=${text},DC=${cloud ? "contoso" : "fabrikam"},DC=com`;
        fc.pre(planSchema.safeParse(plan).success);
        for (const file of planScriptFiles(plan)) expectSafeScriptBytes(file.bytes, file.fileName);
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
