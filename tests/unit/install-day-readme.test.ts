import { createHash } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { installDay } from "@/lib/install-day/build";
import { asciiComment } from "@/lib/export/powershell-literal";
import { planScriptFiles } from "@/lib/export/powershell";
import { sha256Hex } from "@/lib/export/sha256";
import { planToZip } from "@/lib/export/zip";
import { loadExample } from "../fixtures/plans";

// Only the zip's install-day entries are under test here.
vi.mock("@/lib/export/markdown", () => ({ planToMarkdown: () => "" }));
vi.mock("@/lib/export/xlsx", () => ({ planToWorkbook: async () => new Uint8Array() }));
vi.mock("@/lib/export/csv", () => ({ planToCsv: () => "" }));

const nodeSha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("the zip's install-day folder", () => {
  it("holds one script per part, in run order, and a README that lists each file's SHA-256 and how to check and unblock it", async () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const files = unzipSync(await planToZip(plan));
    const day = installDay(plan);
    const scripts = Object.keys(files).filter((name) => name.startsWith("install-day/") && name.endsWith(".ps1")).sort();
    expect(scripts).toEqual(day.parts.map((part, index) => `install-day/${String(index + 1).padStart(2, "0")}-${part.id}.ps1`));
    const readme = strFromU8(files["install-day/README.txt"]!.subarray(3));
    expect([...files["install-day/README.txt"]!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    for (const name of [...scripts, "fabrikam-group-account-plan-2026-11-25.ps1"]) expect(readme).toContain(`${nodeSha256(files[name]!)}  ${name}`);
    expect(readme).toContain("Get-FileHash -Algorithm SHA256");
    expect(readme).toContain("Unblock-File");
    expect(readme).toContain("RemoteSigned");
    // Run order: the parts in order, with the wizard between the parts before it and after it.
    const positions = day.parts.map((part) => readme.indexOf(`. ${part.title}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const wizard = readme.indexOf(`Then: ${day.wizard!.title}`);
    const firstAfter = day.parts.findIndex((part) => part.when === "afterWizard");
    expect(wizard).toBeGreaterThan(positions[firstAfter - 1]!);
    expect(wizard).toBeLessThan(positions[firstAfter]!);
    // Who runs each part, and where: a forest's own administrators; the active Connect server.
    const tailspin = readme.slice(readme.indexOf("Forest tailspintoys.com"));
    expect(tailspin.slice(0, tailspin.indexOf("Where:"))).toMatch(/Who: +a member of Enterprise Admins of the forest tailspintoys\.com/);
    const server = day.parts.find((part) => part.where.kind === "server")!;
    expect(server.where.kind === "server" && server.where.computers).toEqual(["SYNC01"]);
  });

  it("computes SHA-256 like Get-FileHash (compared with Node's) (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha256Hex(bytes)).toBe(nodeSha256(bytes));
      }),
    );
    for (const file of planScriptFiles(loadExample("cloud-sync-contoso.json"))) expect(file.sha256).toBe(nodeSha256(file.bytes));
  });

  it("keeps comment text on one line of printable ASCII", () => {
    expect(asciiComment("IBA\u00d1EZ\n#> Remove-Item \u201cx\u201d \u2026")).toBe('IBA<U+00D1>EZ<U+000A>#> Remove-Item "x" ...');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."a#>'\n\r\t\u0000\u007f\u0085\u00d1\u2018\u201c\u2026\u202e\u200d\ud800\u{1F600}".split(/(?:)/u)), maxLength: 40 }), (text) => {
        expect(asciiComment(text)).toMatch(/^[\x20-\x7e]*$/);
      }),
    );
  });
});

describe("the worksheet's install-day section", () => {
  it("lists the parts in run order with who and where, and each script's SHA-256 with the verify and unblock commands", async () => {
    const { installDayWorksheetSection } = await import("@/lib/export/install-day-readme");
    const plan = loadExample("cloud-sync-contoso.json");
    const files = planScriptFiles(plan);
    const lines = installDayWorksheetSection(installDay(plan), files, (text) => text.replace(/[\\`*_|]/g, (character) => `\\${character}`)).join("\n");
    for (const file of files) expect(lines).toContain(`\`${nodeSha256(file.bytes)}\``);
    expect(lines).toContain("Unblock-File");
    expect(lines).toContain("Get-FileHash -Algorithm SHA256");
    expect(lines.indexOf("cloudsync-contoso-com-before")).toBeLessThan(lines.indexOf("**Then:**"));
    expect(lines.indexOf("**Then:**")).toBeLessThan(lines.indexOf("cloudsync-contoso-com-after"));
  });
});
