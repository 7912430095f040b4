import { readFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import { POST } from "@/app/api/export/route";
import { ACCOUNTS_BY_ID, CATALOG_FACTS_AS_OF, FEATURES_BY_ID, SOURCES, type AccountId, type RightDefinition } from "@/lib/catalog";
import { ACCOUNT_COLUMNS } from "@/lib/export/account-rows";
import { neutraliseCell } from "@/lib/export/cell-safety";
import { CATALOG_URLS } from "@/lib/export/citations";
import { planToCsv } from "@/lib/export/csv";
import { exportFileName } from "@/lib/export/filename";
import { EXPORT_FORMAT_IDS, EXPORT_FORMATS } from "@/lib/export/formats";
import { escapeMarkdown, planToMarkdown } from "@/lib/export/markdown";
import { DATE_FORMAT, DATE_TIME_FORMAT, planToWorkbook } from "@/lib/export/xlsx";
import { planToZip } from "@/lib/export/zip";
import { accountKey, deriveAccounts, planAttention, readPlan, type Environment, type Plan } from "@/lib/plan";
import { formatDate, formatDateTime, spreadsheetDate } from "@/lib/format/date";
import { withFingerprints } from "@/lib/validation/fingerprint";
import type { ValidationReport } from "@/lib/validation/schema";
import { completePlan, connectSettings, examplePlan, forest, issuesOf, loadExample, plan, server } from "../fixtures/plans";

// Fingerprinted against the example these tests export, as the server answers it: every result is current.
const REPORT: ValidationReport = withFingerprints({
  checkedAt: "2026-11-24T10:00:00.000Z",
  tenant: { id: "t", displayName: "Contoso (demo tenant)" },
  results: [
    { id: "admin-member:cloudSyncHybridIdentityAdmin", account: "cloudSyncHybridIdentityAdmin", accountKey: "cloudSyncHybridIdentityAdmin", status: "fail", title: "a guest account", detail: "Guest." },
    { id: "tenant-synced", account: null, status: "warn", title: "The tenant is already synchronized", detail: "Already synced." },
  ],
}, loadExample("cloud-sync-contoso.json"));

/** A sheet's row by column header (SheetJS fills missing cells with ""). */
type Row = Record<"Field" | "Value" | "Account" | "Required" | "Name / UPN" | "Domain" | "Owner" | "Notes" | "Validation" | "Feature" | "Right" | "Granted by" | "Source" | "Link" | "Statement", string>;

async function workbookOf(candidate: Plan, report?: ValidationReport) {
  return XLSX.read(await planToWorkbook(candidate, report), { type: "array" });
}

function rowsOf(workbook: XLSX.WorkBook, sheet: string): Row[] {
  const found = workbook.Sheets[sheet];
  if (!found) throw new Error(`No sheet ${sheet}; the workbook has ${workbook.SheetNames.join(", ")}`);
  // As text, the way a reader sees each cell (dates in the file's number format).
  return XLSX.utils.sheet_to_json<Row>(found, { defval: "", raw: false });
}

/** A valid, complete plan: every account step filled in, and no rule broken. */
function validPlan(tool: "cloudSync" | "connect", environment: Partial<Environment> = {}, overrides: Parameters<typeof completePlan>[1] = {}): Plan {
  const complete = completePlan(plan(tool, environment), overrides);
  expect(issuesOf(complete)).toEqual([]);
  return complete;
}

const THREE_FORESTS = [forest(1, "contoso.com"), forest(2, "fabrikam.com"), forest(3, "tailspintoys.com")];

/** The connector's catalog rights of a feature: what the Rights sheets must show for it. */
function connectorRights(feature: RightDefinition["feature"]): readonly RightDefinition[] {
  return (ACCOUNTS_BY_ID.connectAdDsConnector.rights ?? []).filter((right) => right.feature === feature);
}

/** The Rights sheets (by forest root) holding a row of this feature. */
function forestsWithFeature(workbook: XLSX.WorkBook, environment: Environment, feature: keyof typeof FEATURES_BY_ID): string[] {
  return environment.forests
    .filter((candidate) => rowsOf(workbook, `Rights ${candidate.rootDomain}`).some((row) => row.Feature === FEATURES_BY_ID[feature].label))
    .map((candidate) => candidate.rootDomain);
}

describe("Excel workbook", () => {
  it("has the Summary, Accounts, a Rights sheet per forest, the Facts and the Checks, read back by SheetJS", async () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    const workbook = await workbookOf(example);
    expect(workbook.SheetNames).toEqual(["Summary", "Accounts", ...example.environment!.forests.map((item) => `Rights ${item.rootDomain}`), "Facts", "Checks"]);
    expect(workbook.Props).toMatchObject({ Title: `Account plan: ${example.environment!.organisation.name}`, Author: example.environment!.organisation.preparer });

    const accounts = rowsOf(workbook, "Accounts");
    expect(accounts.map((row) => row.Account)).toEqual(deriveAccounts(example).map((account) => account.label));
    expect(Object.keys(accounts[0]!)).toEqual(ACCOUNT_COLUMNS.map((column) => column.header));
    const tailspin = accounts.find((row) => row.Account === deriveAccounts(example).find((account) => account.key === "connectAdDsConnector@forest-2")!.label);
    expect(tailspin).toMatchObject({ "Name / UPN": example.accounts["connectAdDsConnector@forest-2"]!.name, Domain: "tailspintoys.com", Required: "Required" });
    expect(workbook.Sheets.Accounts!["!autofilter"]).toEqual({ ref: `A1:${XLSX.utils.encode_col(ACCOUNT_COLUMNS.length - 1)}1` });
  });

  it("puts what needs attention on the Summary sheet, one row per item", async () => {
    const needsNames = validPlan("connect", { connect: connectSettings({ database: "remoteSql", sqlServer: "", sqlAdministrator: "" }) });
    const messages = planAttention(needsNames).map((item) => item.message);
    expect(messages.length).toBeGreaterThan(1);
    const summary = rowsOf(await workbookOf(needsNames), "Summary");
    const attention = summary.filter((row) => messages.some((message) => row.Value.startsWith(message)));
    expect(attention).toHaveLength(messages.length);
    expect(new Set(attention.map((row) => row.Field)).size).toBe(1);

    const named = validPlan("connect", { connect: connectSettings({ database: "remoteSql", sqlServer: "SQL01", sqlAdministrator: "DBA team" }) });
    expect(planAttention(named)).toEqual([]);
    expect(rowsOf(await workbookOf(named), "Summary").map((row) => row.Field)).not.toContain(attention[0]!.Field);
  });

  it("lists the AD FS accounts and the AD FS and proxy servers for a federation plan, and neither for password hash sync", async () => {
    const adfs: Partial<Environment> = { federation: { adfsServers: ["ADFS01", "ADFS02"], wapServers: ["WAP01"] } };
    const federated = validPlan("connect", { ...adfs, signIn: { method: "federationAdfs", seamlessSso: false } });
    const hashSync = validPlan("connect", { ...adfs, signIn: { method: "passwordHashSync", seamlessSso: false } });
    const adfsAccounts = (["adfsDomainAdmin", "adfsServiceAccount", "adfsProxyTrust", "wapLocalAdmin"] satisfies AccountId[]).map((id) => ACCOUNTS_BY_ID[id].name);

    const workbook = await workbookOf(federated);
    const names = rowsOf(workbook, "Accounts").map((row) => row.Account);
    for (const name of adfsAccounts) expect(names, name).toContain(name);
    const values = rowsOf(workbook, "Summary").map((row) => row.Value);
    expect(values.some((value) => value.includes("ADFS01") && value.includes("ADFS02"))).toBe(true);
    expect(values.some((value) => value.includes("WAP01"))).toBe(true);

    const plain = await workbookOf(hashSync);
    const plainNames = rowsOf(plain, "Accounts").map((row) => row.Account);
    for (const name of adfsAccounts) expect(plainNames, name).not.toContain(name);
    expect(rowsOf(plain, "Summary").some((row) => row.Value.includes("ADFS01") || row.Value.includes("WAP01"))).toBe(false);
  });

  it("grants ms-DS-ConsistencyGuid in every forest of a default custom Connect plan, and in none when objectGUID anchors users", async () => {
    const [consistencyGuid] = connectorRights("msDsConsistencyGuid");
    expect(consistencyGuid?.cmdlet).toBeDefined();
    const byDefault = validPlan("connect", { forests: THREE_FORESTS });
    const workbook = await workbookOf(byDefault);
    for (const { rootDomain } of THREE_FORESTS) {
      const rows = rowsOf(workbook, `Rights ${rootDomain}`);
      expect(rows.some((row) => row.Right.startsWith(consistencyGuid!.right) && row["Granted by"] === consistencyGuid!.cmdlet), rootDomain).toBe(true);
    }
    const objectGuid = await workbookOf(validPlan("connect", { forests: THREE_FORESTS, connect: connectSettings({ sourceAnchor: "objectGUID" }) }));
    for (const { rootDomain } of THREE_FORESTS) {
      expect(rowsOf(objectGuid, `Rights ${rootDomain}`).some((row) => row["Granted by"] === consistencyGuid!.cmdlet), rootDomain).toBe(false);
    }
  });

  it("shows a wizard-created connector with the wizard's generated name, not a planned one, and that forest's Enterprise Admin as required", async () => {
    const forests = THREE_FORESTS.slice(0, 2);
    const wizardKey = accountKey("connectAdDsConnector", "forest-2");
    const twoForests = validPlan("connect", { forests }, { [wizardKey]: { provisioning: "wizard", name: "" } });
    // A name left over from an older plan is not what the wizard will create.
    twoForests.accounts[wizardKey]!.name = "svc-planned";
    const derived = deriveAccounts(twoForests);
    const rows = rowsOf(await workbookOf(twoForests), "Accounts");
    const rowOf = (key: string) => rows.find((row) => row.Account === derived.find((account) => account.key === key)?.label);

    const generated = derived.find((account) => account.key === wizardKey)!.defaultName;
    expect(generated).toMatch(/^MSOL_/);
    expect(rowOf(wizardKey)?.["Name / UPN"]).toBe(generated);
    expect(rowOf(accountKey("connectAdDsConnector", "forest-1"))?.["Name / UPN"]).toBe("svc-sync");
    expect(rowOf(accountKey("connectEnterpriseAdmin", "forest-2"))?.Required).toBe("Required");
    expect(rowOf(accountKey("connectEnterpriseAdmin", "forest-1"))?.Required ?? "absent").not.toBe("Required");
  });

  it("writes device writeback rights into the chosen forest's sheet only", async () => {
    for (const chosen of ["forest-2", "forest-3"]) {
      const candidate = validPlan("connect", { forests: THREE_FORESTS, features: ["deviceWriteback"], connect: connectSettings({ deviceWritebackForestId: chosen }) });
      const root = THREE_FORESTS.find((item) => item.id === chosen)!.rootDomain;
      expect(forestsWithFeature(await workbookOf(candidate), candidate.environment!, "deviceWriteback")).toEqual([root]);
    }
  });

  it("exports a version-1 plan, opened through the migration, with device writeback in one forest instead of all three", async () => {
    const opened = readPlan(JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "v1", "connect-fabrikam-three-forests.json"), "utf8")));
    if (!opened.ok) throw new Error(JSON.stringify(opened.issues));
    expect(opened.upgrade?.fromVersion).toBe(1);
    const environment = opened.plan.environment!;
    expect(environment.forests).toHaveLength(3);
    const chosen = environment.forests.find((item) => item.id === environment.connect.deviceWritebackForestId)!;
    const workbook = await workbookOf(opened.plan);
    expect(forestsWithFeature(workbook, environment, "deviceWriteback")).toEqual([chosen.rootDomain]);
    expect(rowsOf(workbook, "Accounts")).toHaveLength(deriveAccounts(opened.plan).length);
  });

  it("writes Exchange rights into the Exchange forest's sheet only, or every forest's when Exchange is everywhere", async () => {
    const inOne = validPlan("connect", { forests: THREE_FORESTS, features: ["exchangeHybrid"], connect: connectSettings({ exchangeForestId: "forest-3" }) });
    expect(forestsWithFeature(await workbookOf(inOne), inOne.environment!, "exchangeHybrid")).toEqual(["tailspintoys.com"]);
    const everywhere = validPlan("connect", { forests: THREE_FORESTS, features: ["exchangeHybrid"], connect: connectSettings({ exchangeForestId: "" }) });
    expect(forestsWithFeature(await workbookOf(everywhere), everywhere.environment!, "exchangeHybrid")).toEqual(THREE_FORESTS.map((item) => item.rootDomain));
  });

  it("lists the password writeback rights no cmdlet grants, with the page that asks for them", async () => {
    const withoutCmdlet = connectorRights("passwordWriteback").filter((right) => right.cmdlet === undefined);
    expect(withoutCmdlet.length).toBeGreaterThan(0);
    const rows = rowsOf(await workbookOf(validPlan("connect", { features: ["passwordWriteback"] })), "Rights contoso.com");
    const cmdlets = new Set((ACCOUNTS_BY_ID.connectAdDsConnector.rights ?? []).flatMap((right) => (right.cmdlet ? [right.cmdlet] : [])));
    for (const right of withoutCmdlet) {
      const row = rows.find((candidate) => candidate.Right.startsWith(right.right));
      expect(row, right.right).toBeDefined();
      expect(row!["Granted by"]).not.toBe("");
      expect(cmdlets.has(row!["Granted by"]!)).toBe(false);
      expect(row!.Source).toContain(SOURCES[right.cite.source].title);
      expect(row!.Source).toContain(right.cite.section);
      expect(row!.Link).toBe(SOURCES[right.cite.source].url);
    }
  });

  it("cites every right and fact, links only catalog pages, and keeps both readings of each disagreement", async () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    const workbook = await workbookOf(example);
    const rights = example.environment!.forests.flatMap((item) => rowsOf(workbook, `Rights ${item.rootDomain}`));
    const facts = rowsOf(workbook, "Facts");
    expect(rights.length).toBeGreaterThan(0);
    for (const row of [...rights, ...facts]) {
      expect(row.Source, JSON.stringify(row)).not.toBe("");
      if (row.Link) expect(CATALOG_URLS.has(row.Link), row.Link).toBe(true);
    }
    // Cells are neutralised against formulas, so a statement starting with "-" reads "'-…".
    const statements = new Set(facts.map((row) => row.Statement));
    // Every disagreement that matters for the account, with all its readings.
    const readings = deriveAccounts(example).flatMap((account) => account.disagreements.flatMap((disagreement) => disagreement.readings));
    expect(readings.length).toBeGreaterThan(1);
    for (const reading of readings) expect(statements, reading.says).toContain(neutraliseCell(reading.says));
    for (const account of deriveAccounts(example)) expect(statements, account.label).toContain(neutraliseCell(account.definition.purpose.text));
  });

  it("gives forests whose names share their first 25 characters a Rights sheet each", async () => {
    const similar = [forest(1, "corp-europe-division-one.example.com"), forest(2, "corp-europe-division-one.example.org")];
    const workbook = await workbookOf(validPlan("connect", { forests: similar, servers: [server(1, "SYNC01", { domain: similar[0]!.rootDomain })] }));
    const rightsSheets = workbook.SheetNames.filter((name) => name.startsWith("Rights "));
    expect(rightsSheets).toHaveLength(2);
    for (const [index, name] of rightsSheets.entries()) {
      const accounts = new Set(rowsOf(workbook, name).map((row) => row.Account));
      expect([...accounts].every((account) => account.endsWith(similar[index]!.rootDomain)), name).toBe(true);
    }
  });

  it("freezes the header row and offers Planned, Created or Verified on every Status cell, in the file's own XML", async () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    const files = unzipSync(await planToWorkbook(example));
    const accountsXml = strFromU8(files["xl/worksheets/sheet2.xml"]!);
    expect(accountsXml).toMatch(/<pane[^>]*ySplit="1"[^>]*state="frozen"/);
    const statusColumn = XLSX.utils.encode_col(ACCOUNT_COLUMNS.findIndex((column) => column.key === "status"));
    const validation = /<dataValidation [^>]*type="list"[^>]*sqref="([^"]+)"[^>]*>\s*<formula1>([^<]+)<\/formula1>/.exec(accountsXml);
    expect(validation?.[2]).toBe("&quot;Planned,Created,Verified&quot;");
    expect(validation?.[1]).toBe(`${statusColumn}2:${statusColumn}${deriveAccounts(example).length + 1}`);
    expect(accountsXml.match(/<dataValidation /g)).toHaveLength(1);
  });

  it("lists the checks and the validation time when the plan was validated", async () => {
    const workbook = await workbookOf(loadExample("cloud-sync-contoso.json"), REPORT);
    expect(rowsOf(workbook, "Checks")).toEqual([
      expect.objectContaining({ Status: "Fail", Account: "Hybrid Identity Administrator", Check: "a guest account" }),
      expect.objectContaining({ Status: "Warning", Account: "Tenant" }),
    ]);
    expect(rowsOf(workbook, "Accounts").find((row) => row.Account === "Hybrid Identity Administrator")?.Validation).toBe("Fail");
    const summary = rowsOf(workbook, "Summary");
    expect(summary.find((row) => row.Field === "Tenant checks")?.Value).toContain(REPORT.tenant!.displayName);
    expect(summary.some((row) => row.Field === "Tenant checks run")).toBe(true);
  });

  it("holds the Summary's dates as real dates, shown in the reader's regional format, while the Markdown keeps the words", async () => {
    const example = loadExample("cloud-sync-contoso.json");
    const bytes = await planToWorkbook(example, REPORT);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet("Summary")!;
    const cellOf = (label: string) => {
      const found = sheet.getColumn(1).values.findIndex((value) => value === label);
      expect(found, label).toBeGreaterThan(0);
      return sheet.getRow(found).getCell(2);
    };
    const checked = new Date(REPORT.checkedAt);
    // A spreadsheet has no time zone: it shows the wall clock of the machine that wrote it, as formatDateTime does.
    const checkedWallClock = Date.UTC(checked.getFullYear(), checked.getMonth(), checked.getDate(), checked.getHours(), checked.getMinutes());
    const expected = {
      "Last changed": { at: Date.parse(`${example.updatedAt.slice(0, 10)}T00:00:00Z`), format: DATE_FORMAT },
      "Facts as of": { at: Date.parse(`${CATALOG_FACTS_AS_OF}T00:00:00Z`), format: DATE_FORMAT },
      "Tenant checks run": { at: checkedWallClock, format: DATE_TIME_FORMAT },
    };
    for (const [label, { at, format }] of Object.entries(expected)) {
      const cell = cellOf(label);
      expect(cell.value, label).toBeInstanceOf(Date);
      expect((cell.value as Date).getTime(), label).toBe(at);
      expect(cell.numFmt, label).toBe(format);
    }
    // Read independently: SheetJS sees date cells, and the styles are Excel's built-in regional formats (14 and 22).
    const read = XLSX.read(bytes, { type: "array", cellDates: true, cellStyles: true });
    const sheetJs = read.Sheets.Summary!;
    const address = (label: string) => XLSX.utils.encode_cell({ r: Number(cellOf(label).row) - 1, c: 1 });
    for (const label of Object.keys(expected)) expect(sheetJs[address(label)]?.t, label).toBe("d");
    const styles = strFromU8(unzipSync(bytes)["xl/styles.xml"]!);
    expect(styles).toMatch(/<xf [^>]*numFmtId="14"/);
    expect(styles).toMatch(/<xf [^>]*numFmtId="22"/);
    // The Markdown writes the same dates in words, through the one formatter.
    const markdown = planToMarkdown(example, REPORT);
    expect(markdown).toContain(formatDate(example.updatedAt));
    expect(markdown).toContain(formatDateTime(REPORT.checkedAt));
  });

  it("neutralises cells that would run as formulas", async () => {
    const example = loadExample("cloud-sync-contoso.json");
    example.accounts.cloudSyncHybridIdentityAdmin!.owner = "=HYPERLINK(\"http://evil\",\"x\")";
    example.accounts.cloudSyncHybridIdentityAdmin!.notes = "@SUM(A1)";
    example.environment!.organisation.preparer = "+cmd";
    const workbook = XLSX.read(await planToWorkbook(example), { type: "array", cellFormula: true });
    for (const name of workbook.SheetNames) {
      const formulas = Object.entries(workbook.Sheets[name]!).filter(([key, value]) => !key.startsWith("!") && (value as XLSX.CellObject).f);
      expect(formulas, name).toEqual([]);
    }
    expect(rowsOf(workbook, "Accounts").find((row) => row.Account === "Hybrid Identity Administrator")).toMatchObject({ Owner: "'=HYPERLINK(\"http://evil\",\"x\")", Notes: "'@SUM(A1)" });
    expect(rowsOf(workbook, "Summary").map((row) => row.Value)).toContain("'+cmd");
  });
});

describe("spreadsheet dates", () => {
  it("keep a calendar day as that day and show a timestamp at the reader's wall clock", () => {
    expect(spreadsheetDate("2026-11-25", false)?.toISOString()).toBe("2026-11-25T00:00:00.000Z");
    expect(spreadsheetDate("2026-11-24T23:30:00.000Z", false)?.toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(spreadsheetDate("2026-11-24T10:00:00.000Z", true, "Europe/Berlin")?.toISOString()).toBe("2026-11-24T11:00:00.000Z");
    expect(spreadsheetDate("2026-11-24T03:00:00.000Z", true, "America/New_York")?.toISOString()).toBe("2026-11-23T22:00:00.000Z");
    expect(spreadsheetDate("not a date", true)).toBeUndefined();
    expect(spreadsheetDate("", false)).toBeUndefined();
  });
});

describe("CSV", () => {
  it("parses back to the Accounts rows with a standard parser, with a byte order mark, the facts' date and their sources", () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    example.accounts.connectSqlSa!.notes = 'Instance "SQL01\\ADSYNC", line one\nline two, with é';
    const csv = planToCsv(example);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(ACCOUNT_COLUMNS.map((column) => column.header));
    expect(parsed.data).toHaveLength(deriveAccounts(example).length + 1);
    const column = (key: (typeof ACCOUNT_COLUMNS)[number]["key"]) => ACCOUNT_COLUMNS.findIndex((candidate) => candidate.key === key);
    const sql = parsed.data.find((row) => row[0] === deriveAccounts(example).find((account) => account.key === "connectSqlSa")!.label)!;
    expect(sql[column("notes")]).toBe('Instance "SQL01\\ADSYNC", line one\nline two, with é');
    for (const row of parsed.data.slice(1)) {
      expect(row[column("factsAsOf")]).toBe(CATALOG_FACTS_AS_OF);
      const urls = row[column("sources")]!.match(/https:\/\/\S+/g) ?? [];
      expect(urls.length, row[0]).toBeGreaterThan(0);
      for (const url of urls) expect(CATALOG_URLS.has(url), url).toBe(true);
    }
  });

  it("neutralises a cell beginning with =, +, -, @, tab or carriage return", () => {
    const example = loadExample("cloud-sync-contoso.json");
    example.accounts.cloudSyncHybridIdentityAdmin!.owner = "=1+2";
    const parsed = Papa.parse<string[]>(planToCsv(example).slice(1), { skipEmptyLines: true });
    const owner = ACCOUNT_COLUMNS.findIndex((column) => column.key === "owner");
    expect(parsed.data.find((row) => row[0] === "Hybrid Identity Administrator")?.[owner]).toBe("'=1+2");
    for (const start of ["=", "+", "-", "@", "\t", "\r", "\n", "\n=", " =", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20", "\u3000\uFF1D"]) {
      expect(neutraliseCell(`${start}x`), JSON.stringify(start)).toBe(`'${start}x`);
    }
    expect(neutraliseCell("plain")).toBe("plain");
    expect(neutraliseCell("a=b")).toBe("a=b");
  });
});

/** Parses every XML part of a workbook strictly, as Excel does: one character XML 1.0 forbids and the file does not open. */
function strictXmlParts(workbook: Uint8Array): string[] {
  const parts = unzipSync(workbook);
  const names = Object.keys(parts).filter((name) => name.endsWith(".xml") || name.endsWith(".rels"));
  for (const name of names) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on("error", (error) => {
      throw new Error(`${name}: ${error.message}`);
    });
    parser.write(strFromU8(parts[name]!)).close();
  }
  return names;
}

describe("Excel workbook for any plan the schema accepts", () => {
  it("gives two forests whose names share their first 24 characters two sheets", async () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    plan.environment!.forests[0]!.rootDomain = "abcdefghijklmnopqrstuvwx.contoso.com";
    plan.environment!.forests[1]!.rootDomain = "abcdefghijklmnopqrstuvwx.fabrikam.com";
    for (const entry of Object.values(plan.accounts)) if (entry.domain) entry.domain = "";
    const workbook = XLSX.read(await planToWorkbook(plan), { type: "array" });
    const rights = workbook.SheetNames.filter((name) => name.startsWith("Rights "));
    // One Rights sheet per forest, each name distinct and within Excel's 31 characters.
    expect(rights).toHaveLength(3);
    expect(new Set(rights.map((name) => name.toLowerCase())).size).toBe(3);
    expect(rights.every((name) => name.length <= 31)).toBe(true);
  });

  it("stays valid XML with characters XML 1.0 forbids in free text", async () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.environment!.organisation.name = "Contoso \uFFFE\uFFFF Ltd";
    plan.environment!.organisation.preparer = "Avery\u0001 \uD800Howard";
    plan.accounts.cloudSyncHybridIdentityAdmin!.notes = "a\u0000b\u000Bc\uDC00d \u{1F600} kept";
    const bytes = await planToWorkbook(plan);
    expect(strictXmlParts(bytes).length).toBeGreaterThan(5);
    const accounts = XLSX.utils.sheet_to_json<Record<string, string>>(XLSX.read(bytes, { type: "array" }).Sheets.Accounts!);
    expect(accounts.find((row) => row.Account === "Hybrid Identity Administrator")?.Notes).toBe("a\uFFFDb\uFFFDc\uFFFDd \u{1F600} kept");
  });
});

describe("zip and /api/export", () => {
  const example = loadExample("cloud-sync-contoso.json");

  it("the zip holds every format", async () => {
    const files = unzipSync(await planToZip(example, REPORT));
    // Every format at the top; the install-day folder holds one script per part and their run order.
    const topLevel = Object.keys(files).filter((name) => !name.includes("/"));
    expect(topLevel.sort()).toEqual(["json", "md", "csv", "ps1", "xlsx"].map((extension) => exportFileName(example, extension)).sort());
    expect(Object.keys(files).some((name) => name.startsWith("install-day/") && name.endsWith(".ps1"))).toBe(true);
    expect(strFromU8(files[exportFileName(example, "md")]!)).toContain(escapeMarkdown(REPORT.tenant!.displayName));
  });

  it.each(EXPORT_FORMAT_IDS)("POST /api/export?format=%s answers the file with its type and name", async (format) => {
    const response = await POST(
      new Request(`http://localhost/api/export?format=${format}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: examplePlan("cloud-sync-contoso.json"), results: REPORT }) }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${exportFileName(example, EXPORT_FORMATS[format].extension)}"`);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
  });

  it("refuses results that are not a validation report", async () => {
    const response = await POST(
      new Request("http://localhost/api/export?format=md", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ plan: examplePlan("cloud-sync-contoso.json"), results: { results: "nope" } }) }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_results" });
  });
});
