import { describe, expect, it } from "vitest";
import { INSTALL_SCREENS, type InstallPath } from "@/lib/catalog/install-screens";
import { SOURCES } from "@/lib/catalog";
import { planToRunbook } from "@/lib/export/runbook";
import { installDay } from "@/lib/install-day/build";
import { runbook, type Runbook } from "@/lib/install-day/runbook";
import type { Plan } from "@/lib/plan";
import { completePlan, issuesOf, loadExample, plan } from "../fixtures/plans";

/** The catalog ids of the runbook's screens, in order, each once. */
function screenOrder(book: Runbook): string[] {
  return book.screens.map((screen) => screen.screen.id).filter((id, index, all) => all.indexOf(id) === index);
}

function expectCatalogOrder(book: Runbook, path: InstallPath) {
  const catalog: string[] = INSTALL_SCREENS[path].map((screen) => screen.id);
  const shown = screenOrder(book);
  // Every screen is the catalog's, in the catalog's order (screens a plan does not meet may be left out).
  expect(shown.every((id) => catalog.includes(id))).toBe(true);
  expect(shown).toEqual([...shown].sort((a, b) => catalog.indexOf(a) - catalog.indexOf(b)));
  // Each screen cites a Microsoft page and a section.
  for (const screen of book.screens) {
    expect(SOURCES[screen.screen.cite.source].kind).toBe("microsoftPage");
    expect(screen.screen.cite.section.length).toBeGreaterThan(0);
  }
}

/** The runbook's entries, as "label: value", for one screen. */
function entriesOf(book: Runbook, screenId: string): string[] {
  return book.screens.filter((screen) => screen.id === screenId || screen.id.startsWith(`${screenId}-`)).flatMap((screen) => screen.entries.map((entry) => `${entry.label}: ${entry.value}`));
}

function names(candidate: Plan, definitionPrefix: string): string[] {
  return Object.entries(candidate.accounts)
    .filter(([key, entry]) => key.startsWith(definitionPrefix) && entry.inUse !== false && entry.name)
    .map(([, entry]) => entry.name);
}

describe("install-day runbook", () => {
  it("walks the Connect custom wizard's screens in Microsoft's order, naming the Connect example's accounts", () => {
    const example = loadExample("connect-fabrikam-three-forests.json");
    const book = runbook(example);
    expect(book.path).toBe("connectCustom");
    expectCatalogOrder(book, "connectCustom");
    // The first screen asks for the SQL Server and the service account: the plan's are named there.
    expect(book.screens[0]!.screen.id).toBe("connectRequiredComponents");
    const first = entriesOf(book, "connectRequiredComponents").join("\n");
    expect(first).toContain(example.environment!.connect.sqlServer);
    for (const name of names(example, "connectAdSyncService")) expect(first).toContain(name);
    for (const name of names(example, "connectSqlSa")) expect(first).toContain(name);
    expect(entriesOf(book, "connectToEntra").join("\n")).toContain(example.accounts.connectHybridIdentityAdmin!.name);
    // One "Connect your directories" screen per forest, each naming that forest's connector as the plan has it.
    const directories = book.screens.filter((screen) => screen.screen.id === "connectDirectories");
    expect(directories.map((screen) => screen.scope)).toEqual(example.environment!.forests.map((forest) => forest.rootDomain));
    for (const forest of example.environment!.forests) {
      const connector = example.accounts[`connectAdDsConnector@${forest.id}`];
      const screen = directories.find((each) => each.scope === forest.rootDomain)!;
      if (connector?.name) expect(screen.entries.map((entry) => entry.value)).toContain(connector.name);
      expect(screen.entries.every((entry) => !entry.accountKey || entry.accountKey.endsWith(`@${forest.id}`))).toBe(true);
    }
    // Single sign-on asks each forest's Domain Administrator.
    for (const name of names(example, "seamlessSsoDomainAdmin")) expect(entriesOf(book, "connectSingleSignOn").join("\n")).toContain(name);
    // Device writeback's forest is named on Optional features; staging on the last screen.
    const writeback = example.environment!.forests.find((forest) => forest.id === example.environment!.connect.deviceWritebackForestId)!;
    expect(entriesOf(book, "connectOptionalFeatures").join("\n")).toContain(writeback.rootDomain);
    expect(book.screens.at(-1)!.screen.id).toBe("connectConfigure");
    const staging = example.environment!.servers.find((server) => server.staging)!;
    expect(entriesOf(book, "connectConfigure").find((line) => line.startsWith(staging.name))).toMatch(/staging/i);
    // No AD FS pages: the example uses password hash sync.
    expect(screenOrder(book)).not.toContain("connectAdfs");
    // The parts around the wizard are install day's own, in its order.
    const day = installDay(example);
    expect([...book.before, ...book.after].map((part) => part.id)).toEqual(day.parts.map((part) => part.id));
    expect(book.tasks.map((task) => SOURCES[task.cite.source].kind)).toEqual(["microsoftPage"]);
    // Each account entry links to an account the plan has.
    const keys = new Set(Object.keys(example.accounts));
    for (const screen of book.screens) for (const entry of screen.entries) if (entry.accountKey) expect(keys.has(entry.accountKey), entry.accountKey).toBe(true);
  });

  it("walks the provisioning agent's installer pages for the Cloud Sync example, naming its accounts", () => {
    const example = loadExample("cloud-sync-contoso.json");
    const book = runbook(example);
    expect(book.path).toBe("cloudSyncAgent");
    expectCatalogOrder(book, "cloudSyncAgent");
    expect(screenOrder(book)).toEqual(INSTALL_SCREENS.cloudSyncAgent.map((screen) => screen.id));
    expect(entriesOf(book, "cloudSyncConnectEntra").join("\n")).toContain(example.accounts.cloudSyncHybridIdentityAdmin!.name);
    for (const name of names(example, "cloudSyncDomainAdmin")) expect(entriesOf(book, "cloudSyncConnectAd").join("\n")).toContain(name);
    for (const server of example.environment!.servers) expect(book.screens[0]!.scope).toContain(server.name);
    // Connect's screens and advice never appear in a Cloud Sync runbook.
    expect(planToRunbook(example)).not.toMatch(/staging|SQL/i);
  });

  it("shows the AD FS pages only when federation with AD FS is chosen, and the express path for express settings", () => {
    const federated = completePlan(plan("connect", { signIn: { method: "federationAdfs", seamlessSso: false }, federation: { adfsServers: ["ADFS01"], wapServers: ["WAP01"] } }));
    expect(issuesOf(federated)).toEqual([]);
    const book = runbook(federated);
    expectCatalogOrder(book, "connectCustom");
    expect(entriesOf(book, "connectAdfs").join("\n")).toMatch(/ADFS01[\s\S]*WAP01/);
    expect(screenOrder(book)).not.toContain("connectSingleSignOn");

    const express = structuredClone(loadExample("connect-fabrikam-three-forests.json"));
    express.environment!.connect.installType = "express";
    const expressBook = runbook(express);
    expect(expressBook.path).toBe("connectExpress");
    expectCatalogOrder(expressBook, "connectExpress");
  });
});
