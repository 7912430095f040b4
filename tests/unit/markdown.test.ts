import { describe, expect, it } from "vitest";
import { ACCOUNTS_BY_ID, CATALOG_FACTS_AS_OF, SOURCES, type Citation } from "@/lib/catalog";
import { CATALOG_URLS } from "@/lib/export/citations";
import { accountStatements } from "@/lib/export/facts";
import { exportFileName } from "@/lib/export/filename";
import { escapeMarkdown, planToMarkdown } from "@/lib/export/markdown";
import { deriveAccounts, planAttention, type Plan } from "@/lib/plan";
import { withFingerprints } from "@/lib/validation/fingerprint";
import type { ValidationReport } from "@/lib/validation/schema";
import { completePlan, connectSettings, forest, issuesOf, loadExample, plan } from "../fixtures/plans";

/** The text under a "## " heading, up to the next one. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${escapeMarkdown(heading)}\n`);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const end = markdown.indexOf("\n## ", start + 3);
  return markdown.slice(start, end === -1 ? undefined : end);
}

function accountSection(markdown: string, candidate: Plan, key: string): string {
  const account = deriveAccounts(candidate).find((item) => item.key === key);
  if (!account) throw new Error(`${key} is not an account of the plan`);
  return section(markdown, account.label);
}

/** Every [text](target) link of the Markdown. */
function links(markdown: string): { text: string; target: string }[] {
  return [...markdown.matchAll(/\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)/g)].map((match) => ({ text: match[1]!, target: match[2]! }));
}

/** The line of the Markdown holding a statement (all of its parts), which must name its page, section and page date. */
function expectCitedLine(markdown: string, text: string | readonly string[], cite: Citation) {
  const parts = typeof text === "string" ? [text] : text;
  const line = markdown.split("\n").find((candidate) => parts.every((part) => candidate.includes(escapeMarkdown(part))));
  expect(line, parts.join(" · ")).toBeDefined();
  const page = SOURCES[cite.source];
  // A report has no page date; its citation says it is not a Microsoft page instead.
  const named = page.url ? [page.title, cite.section, page.msDate] : [page.title, cite.section];
  for (const part of named) expect(line, `${parts.join(" · ")} cites ${part}`).toContain(escapeMarkdown(part));
}

const THREE_FORESTS = [forest(1, "contoso.com"), forest(2, "fabrikam.com"), forest(3, "tailspintoys.com")];

describe("Markdown worksheet", () => {
  const example = loadExample("connect-fabrikam-three-forests.json");
  const markdown = planToMarkdown(example);

  it("says when the facts were checked, and has one section per account", () => {
    expect(markdown).toContain(`Facts as of ${CATALOG_FACTS_AS_OF}`);
    for (const account of deriveAccounts(example)) expect(markdown).toContain(`## ${escapeMarkdown(account.label)}\n`);
  });

  it("cites every fact and right of every account with its page, section and page date", () => {
    const accounts = deriveAccounts(example);
    for (const account of accounts) {
      const text = section(markdown, account.label);
      for (const statement of accountStatements(account)) expectCitedLine(text, statement.text, statement.cite);
      for (const right of account.rights) expectCitedLine(text, [right.right, right.appliesTo, ...(right.cmdlet ? [right.cmdlet] : [])], right.cite);
      for (const disagreement of account.definition.disagreements ?? []) {
        expect(disagreement.readings.length).toBeGreaterThan(1);
        // Each one that matters for this account, with both readings; one that does not (a domain controller's default, say, on a member server) is left out.
        if (account.disagreements.includes(disagreement)) for (const reading of disagreement.readings) expectCitedLine(text, reading.says, reading.cite);
        else expect(text, disagreement.topic).not.toContain(escapeMarkdown(disagreement.topic));
      }
    }
  });

  it("links only the catalog's Microsoft pages, and names a report without linking it", () => {
    const found = links(markdown);
    expect(found.length).toBeGreaterThan(50);
    for (const link of found) expect(CATALOG_URLS.has(link.target), link.target).toBe(true);
    for (const link of found) expect(link.target).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    const reportReadings = deriveAccounts(example)
      .flatMap((account) => account.disagreements)
      .flatMap((disagreement) => disagreement.readings)
      .filter((reading) => SOURCES[reading.cite.source].url === "");
    expect(reportReadings.length).toBeGreaterThan(0);
    for (const reading of reportReadings) {
      const line = markdown.split("\n").find((candidate) => candidate.includes(escapeMarkdown(reading.says)))!;
      expect(line).toContain(escapeMarkdown(SOURCES[reading.cite.source].title));
      expect(links(line)).toEqual([]);
    }
  });

  it("does not link an address that came with the tenant checks", () => {
    const report: ValidationReport = {
      checkedAt: "2026-11-25T10:00:00.000Z",
      tenant: null,
      results: [
        { id: "a", account: null, status: "warn", title: "From the catalog", detail: "d", docUrl: SOURCES.connectAccounts.url },
        { id: "b", account: null, status: "warn", title: "From elsewhere", detail: "d", docUrl: "https://phish.example/login" },
      ],
    };
    const withChecks = planToMarkdown(example, withFingerprints(report, example));
    expect(links(withChecks).map((link) => link.target)).toContain(SOURCES.connectAccounts.url);
    expect(withChecks).not.toContain("phish.example");
  });

  it("grants the connector's rights by forest: ms-DS-ConsistencyGuid everywhere, Exchange and device writeback in their forest only", () => {
    const [consistencyGuid] = (ACCOUNTS_BY_ID.connectAdDsConnector.rights ?? []).filter((right) => right.feature === "msDsConsistencyGuid");
    const exchange = (ACCOUNTS_BY_ID.connectAdDsConnector.rights ?? []).find((right) => right.feature === "exchangeHybrid")!;
    const device = (ACCOUNTS_BY_ID.connectAdDsConnector.rights ?? []).find((right) => right.feature === "deviceWriteback")!;
    const connector = (forestId: string) => accountSection(markdown, example, `connectAdDsConnector@${forestId}`);
    const { exchangeForestId, deviceWritebackForestId } = example.environment!.connect;
    for (const { id } of example.environment!.forests) {
      expect(connector(id)).toContain(consistencyGuid!.cmdlet);
      expect(connector(id).includes(escapeMarkdown(exchange.appliesTo)), `Exchange rights in ${id}`).toBe(id === exchangeForestId);
      expect(connector(id).includes(escapeMarkdown(device.right)), `device writeback in ${id}`).toBe(id === deviceWritebackForestId);
    }
  });

  it("shows the SQL login and its notes literally", () => {
    const sql = accountSection(markdown, example, "connectSqlSa");
    expect(sql).toContain(escapeMarkdown(example.accounts.connectSqlSa!.name));
    expect(sql).toContain(escapeMarkdown(example.accounts.connectSqlSa!.notes));
  });

  it("gives each Cloud Sync gMSA the permission types of the chosen features, and no others", () => {
    const cloudSync = loadExample("cloud-sync-contoso.json");
    const text = planToMarkdown(cloudSync);
    const gmsas = deriveAccounts(cloudSync).filter((account) => account.definition.id === "cloudSyncGmsa");
    expect(gmsas.length).toBeGreaterThan(0);
    const allTypes = new Set((ACCOUNTS_BY_ID.cloudSyncGmsa.rights ?? []).flatMap((right) => (right.permissionType ? [right.permissionType] : [])));
    for (const gmsa of gmsas) {
      const gmsaSection = section(text, gmsa.label);
      const chosen = new Set(gmsa.rights.flatMap((right) => (right.permissionType ? [right.permissionType] : [])));
      expect(chosen.size).toBeGreaterThan(0);
      for (const type of allTypes) expect(gmsaSection.includes(`-PermissionType ${type}`), type).toBe(chosen.has(type));
    }
  });

  it("lists what needs attention, and leaves the section out when nothing does", () => {
    const complete = completePlan(plan("connect", { forests: THREE_FORESTS, connect: connectSettings({ database: "remoteSql", sqlServer: "" }), signIn: { method: "passThroughAuth", seamlessSso: false } }));
    expect(issuesOf(complete)).toEqual([]);
    const items = planAttention(complete);
    expect(items.length).toBeGreaterThan(1);
    const attention = section(planToMarkdown(complete), "Needs attention");
    for (const item of items) expect(attention).toContain(`- ${escapeMarkdown(item.message)}`);

    const settled = completePlan(plan("connect", { forests: THREE_FORESTS }));
    expect(planAttention(settled)).toEqual([]);
    expect(planToMarkdown(settled)).not.toContain("## Needs attention");
  });

  it("shows values literally, so typed Markdown cannot forge structure", () => {
    const cloudSync = loadExample("cloud-sync-contoso.json");
    cloudSync.accounts.cloudSyncHybridIdentityAdmin!.owner = "Eve | **bold** [link](http://x)\n# heading";
    const text = planToMarkdown(cloudSync);
    expect(text).toContain("Eve \\| \\*\\*bold\\*\\* \\[link\\]\\(http://x\\) \\# heading");
    expect(text).not.toContain("\n# heading");
    expect(links(text).map((link) => link.target)).not.toContain("http://x");
  });

  it("never mentions a password value, and says why", () => {
    expect(markdown).toContain("It never holds a password");
  });

  it("names files after the organisation and the date", () => {
    const renamed = structuredClone(example);
    const date = example.updatedAt.slice(0, 10);
    expect(exportFileName(renamed, "md")).toBe(`fabrikam-group-account-plan-${date}.md`);
    renamed.environment!.organisation.name = "Société Générale / R&D";
    expect(exportFileName(renamed, "json")).toBe(`societe-generale-r-d-account-plan-${date}.json`);
  });

  it("makes links only of the catalog's Microsoft Learn pages, whatever docUrl a report brings", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    const result = (id: string, docUrl: string) => ({ id, account: null, status: "warn" as const, title: id, detail: "d", docUrl });
    const markdown = planToMarkdown(
      plan,
      withFingerprints(
        {
          checkedAt: "2026-11-24T10:00:00.000Z",
          tenant: null,
          results: [
            result("script", "javascript:alert(document.cookie)"),
            result("lookalike", "https://learn.microsoft.com.evil.example/x"),
            result("catalog", SOURCES.connectPrerequisites.url),
          ],
        },
        plan,
      ),
    );
    const rows = (id: string) => markdown.split("\n").filter((line) => line.includes(`| ${id} |`));
    expect(rows("script").join()).not.toMatch(/\]\(|javascript/);
    expect(rows("lookalike").join()).not.toMatch(/\]\(|evil/);
    expect(rows("catalog").join()).toContain(`([Microsoft Learn](${SOURCES.connectPrerequisites.url}))`);
  });
});

describe("Markdown worksheet: install day", () => {
  it("lists every part of the install-day step model in run order, each with its -Part name", async () => {
    const { installDay } = await import("@/lib/install-day/build");
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const markdown = planToMarkdown(plan);
    const day = installDay(plan);
    expect(day.parts.length).toBeGreaterThan(1);
    const positions = day.parts.map((part) => markdown.indexOf(`-Part ${part.id}`));
    expect(positions.every((position) => position > markdown.indexOf("## Install day"))).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
