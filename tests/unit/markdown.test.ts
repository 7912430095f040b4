import { describe, expect, it } from "vitest";
import { exportFileName } from "@/lib/export/filename";
import { escapeMarkdown, planToMarkdown } from "@/lib/export/markdown";
import { SOURCES } from "@/lib/catalog";
import { deriveAccounts } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf("\n## ", start + 3);
  return markdown.slice(start, end === -1 ? undefined : end);
}

describe("Markdown worksheet", () => {
  it("has one section per account with purpose, values, creator, rights and notes (Connect, three forests)", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const markdown = planToMarkdown(plan);
    for (const account of deriveAccounts(plan)) expect(markdown).toContain(`## ${escapeMarkdown(account.label)}\n`);

    const connector = section(markdown, "AD DS Connector account — tailspintoys\\.com".replace("\\.", "."));
    expect(connector).toContain("Connect reads from and writes to this forest");
    expect(connector).toContain("svc-aadc-tst");
    expect(connector).toContain("Set-ADSyncPasswordHashSyncPermissions");
    expect(connector).toContain("Set-ADSyncPasswordWritebackPermissions");
    expect(connector).toContain("Set-ADSyncExchangeHybridPermissions");
    expect(connector).not.toContain("Set-ADSyncUnifiedGroupWritebackPermissions");
    expect(connector).toContain("**Who creates it:**");
    expect(connector).toContain("Microsoft's pages disagree");

    const sql = section(markdown, "SQL SA account");
    expect(sql).toContain("FABRIKAM\\\\sql-dba");
    expect(sql).toContain("SQL01\\\\ADSYNC instance; delegated DBO.");
    expect(markdown).toContain("| **Install type** | Custom installation |");
  });

  it("shows the gMSA's rights and the permission types for the chosen features (Cloud Sync)", () => {
    const markdown = planToMarkdown(loadExample("cloud-sync-contoso.json"));
    const gmsa = section(markdown, "gMSA service account");
    expect(gmsa).toContain("provAgentgMSA$");
    for (const type of ["BasicRead", "PasswordHashSync", "PasswordWriteBack", "HybridExchangePermissions", "UserGroupCreateDelete"]) {
      expect(gmsa).toContain(`-PermissionType ${type}`);
    }
    expect(gmsa).not.toContain("ExchangeMailPublicFolderPermissions");
    expect(section(markdown, "Global Administrator")).toContain("No: this optional account is not used");
  });

  it("shows values literally, so typed Markdown cannot forge structure", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.accounts.cloudSyncHybridIdentityAdmin!.owner = "Eve | **bold** [link](http://x)\n# heading";
    const markdown = planToMarkdown(plan);
    expect(markdown).toContain("Eve \\| \\*\\*bold\\*\\* \\[link\\]\\(http://x\\) \\# heading");
    expect(markdown).not.toContain("\n# heading");
  });

  it("never mentions a password value, and says why", () => {
    const markdown = planToMarkdown(loadExample("connect-fabrikam-three-forests.json"));
    expect(markdown).toContain("It never holds a password");
  });

  it("names files after the organisation and the date", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    expect(exportFileName(plan, "md")).toBe("fabrikam-group-account-plan-2026-11-21.md");
    plan.environment!.organisation.name = "Société Générale / R&D";
    expect(exportFileName(plan, "json")).toBe("societe-generale-r-d-account-plan-2026-11-21.json");
  });

  it("makes links only of the catalog's Microsoft Learn pages, whatever docUrl a report brings", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    const result = (id: string, docUrl: string) => ({ id, account: null, status: "warn" as const, title: id, detail: "d", docUrl });
    const markdown = planToMarkdown(plan, {
      checkedAt: "2026-11-24T10:00:00.000Z",
      tenant: null,
      results: [
        result("script", "javascript:alert(document.cookie)"),
        result("lookalike", "https://learn.microsoft.com.evil.example/x"),
        result("catalog", SOURCES.connectPrerequisites.url),
      ],
    });
    const rows = (id: string) => markdown.split("\n").filter((line) => line.includes(`| ${id} |`));
    expect(rows("script").join()).not.toMatch(/\]\(|javascript/);
    expect(rows("lookalike").join()).not.toMatch(/\]\(|evil/);
    expect(rows("catalog").join()).toContain(`([Microsoft Learn](${SOURCES.connectPrerequisites.url}))`);
  });
});
