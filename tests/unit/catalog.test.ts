import { describe, expect, it } from "vitest";
import * as catalog from "@/lib/catalog";
import {
  ACCOUNT_IDS,
  ACCOUNTS,
  AD_SCHEMA,
  CONNECT_APP_ROLE_SERVICES,
  DECISION_REQUIREMENTS,
  ENTRA_ROLES,
  FEATURE_IDS,
  FEATURES,
  FEATURES_BY_ID,
  PLAN_FEATURE_IDS,
  SIGN_IN_METHOD_FEATURE,
  SIGN_IN_METHODS_BY_TOOL,
  SOURCE_ANCHOR_FEATURE,
  SOURCES,
  TOOLS,
  citationProblems,
  citationText,
  citesMicrosoft,
  type Disagreement,
  type SourceId,
} from "@/lib/catalog";
import { SEED_ARTICLE_TABLES } from "../fixtures/seed-article";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every disagreement anywhere in the catalog, found by shape. */
function allDisagreements(value: unknown, found: Disagreement[] = [], seen = new Set<object>()): Disagreement[] {
  if (typeof value !== "object" || value === null || seen.has(value)) return found;
  seen.add(value);
  if (!Array.isArray(value) && "readings" in value && "topic" in value) found.push(value as Disagreement);
  for (const child of Object.values(value)) allDisagreements(child, found, seen);
  return found;
}

describe("catalog citations", () => {
  it("cites a known page and a section for every statement in every catalog module", () => {
    expect(citationProblems(catalog)).toEqual([]);
  });

  it("finds a statement without a source, an unknown source, an empty section and a fact resting on a report", () => {
    const broken = {
      accounts: [
        { purpose: { text: "Runs the agent." } },
        { constraints: [{ text: "Needs a KDS root key.", cite: { source: "noSuchPage", section: "Intro" } }] },
        { rights: [{ right: "Read all properties", cite: { source: "cloudSyncGmsa", section: "  " } }] },
        { securityNotes: [{ text: "Harden it.", cite: { source: "fieldReports", section: "Notes" } }] },
      ],
    };
    const problems = citationProblems(broken).map((problem) => problem.path);
    expect(problems).toEqual([
      "accounts[0].purpose",
      "accounts[1].constraints[0]",
      "accounts[2].rights[0]",
      "accounts[3].securityNotes[0]",
    ]);
  });

  it("lets a report stand only as one reading of a disagreement beside a Microsoft page", () => {
    const reportOnly = { topic: "t", readings: [{ says: "a", cite: { source: "fieldReports", section: "x" } }, { says: "b", cite: { source: "sharedReference", section: "y" } }] };
    const single = { topic: "t", readings: [{ says: "a", cite: { source: "accounts", section: "x" } }] };
    const fine = { topic: "t", readings: [{ says: "a", cite: { source: "fieldReports", section: "x" } }, { says: "b", cite: { source: "accounts", section: "y" } }] };
    expect(citationProblems(reportOnly)).toHaveLength(1);
    expect(citationProblems(single)).toHaveLength(1);
    expect(citationProblems(fine)).toEqual([]);
  });

  it("tells a report from a Microsoft page when a citation is written out", () => {
    const report = { source: "fieldReports", section: "What was reported" } as const;
    const page = { source: "accounts", section: "Accounts for installing and running cloud sync" } as const;
    expect(citesMicrosoft(report)).toBe(false);
    expect(citesMicrosoft(page)).toBe(true);
    expect(citationText(report)).toContain("not a Microsoft page");
    expect(citationText(page)).toContain(SOURCES.accounts.msDate);
    expect(citationText(page)).toContain(page.section);
  });

  it("dates every source and links every Microsoft page", () => {
    for (const [id, source] of Object.entries(SOURCES)) {
      expect(source.msDate, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(source.checked, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (source.kind === "microsoftPage") expect(source.url, id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it("names every account's pages among its sources, and cites nothing it does not list", () => {
    for (const account of ACCOUNTS) {
      const cited = new Set<SourceId>();
      const collect = (value: unknown): void => {
        if (typeof value !== "object" || value === null) return;
        if ("cite" in value && typeof (value as { cite: { source: SourceId } }).cite === "object") cited.add((value as { cite: { source: SourceId } }).cite.source);
        for (const child of Object.values(value)) collect(child);
      };
      collect(account);
      const microsoftCited = [...cited].filter((source) => SOURCES[source].kind === "microsoftPage");
      expect(new Set(account.sources), account.id).toEqual(new Set(microsoftCited));
    }
  });
});

describe("the seed article", () => {
  for (const table of SEED_ARTICLE_TABLES) {
    it(`holds the ${table.table} table row for row`, () => {
      const rows = ACCOUNTS.filter((account) => account.articleRow?.table === table.table);
      expect(rows.map((account) => account.articleRow!.requirement)).toEqual([...table.rows]);
      for (const account of rows) {
        expect(account.tools, account.id).toContain(table.table);
        expect(account.purpose.cite, account.id).toEqual(table.cite);
      }
    });
  }
});

describe("catalog shape", () => {
  it("defines every account id once, in the order of ACCOUNT_IDS", () => {
    expect(ACCOUNTS.map((account) => account.id)).toEqual([...ACCOUNT_IDS]);
  });

  it("gives Entra user accounts their roles and rules, and other kinds none", () => {
    for (const account of ACCOUNTS) {
      if (account.identity === "upn") {
        expect(account.roles?.length, account.id).toBeGreaterThan(0);
        expect(account.upnRule, account.id).toBeDefined();
        expect(account.roleAssignment, account.id).toBeDefined();
      } else {
        expect(account.upnRule, account.id).toBeUndefined();
        expect(account.roleAssignment, account.id).toBeUndefined();
      }
      if (account.ordinaryUserOnly || account.provisioningChoice) expect(account.identity, account.id).toBe("adUser");
      if (account.identity === "serviceAccount") expect(account.serviceAccountOptions?.length, account.id).toBeGreaterThan(0);
      if (account.identity === "gmsa") expect(account.directory, account.id).toBe("activeDirectory");
    }
  });

  it("offers only service-account kinds a rule allows, defaulting to an allowed one", () => {
    for (const account of ACCOUNTS) {
      for (const option of account.serviceAccountOptions ?? []) {
        expect(option.allowed, account.id).toContain(option.default);
        if (option.recommended) expect(option.allowed, account.id).toContain(option.recommended);
        for (const kind of option.alsoRecommended ?? []) expect(option.allowed, account.id).toContain(kind);
      }
    }
  });

  it("names only the Cloud Sync permission types Microsoft documents for Set-AADCloudSyncPermissions", () => {
    // The cmdlet's -PermissionType values on Microsoft's gMSA cmdlets page.
    const documented = ["BasicRead", "PasswordHashSync", "PasswordWriteBack", "HybridExchangePermissions", "ExchangeMailPublicFolderPermissions", "UserGroupCreateDelete", "All"];
    const gmsa = ACCOUNTS.find((account) => account.identity === "gmsa")!;
    expect(gmsa.rights?.length).toBeGreaterThan(0);
    for (const right of gmsa.rights ?? []) expect(documented).toContain(right.permissionType);
  });

  it("keeps both readings of every disagreement, one at least from Microsoft", () => {
    const disagreements = allDisagreements(catalog);
    expect(disagreements.length).toBeGreaterThan(10);
    for (const disagreement of disagreements) {
      expect(disagreement.readings.length, disagreement.topic).toBeGreaterThanOrEqual(2);
      expect(disagreement.readings.some((reading) => citesMicrosoft(reading.cite)), disagreement.topic).toBe(true);
      expect(new Set(disagreement.readings.map((reading) => reading.says)).size, disagreement.topic).toBe(disagreement.readings.length);
    }
  });
});

describe("features", () => {
  it("describes every feature once", () => {
    expect(FEATURES.map((feature) => feature.id).sort()).toEqual([...FEATURE_IDS].sort());
  });

  it("says why a tool cannot do a feature wherever it cannot", () => {
    for (const feature of FEATURES) {
      for (const tool of TOOLS) {
        if (feature.support[tool] === "unavailable") expect(feature.unavailableReason?.[tool], `${feature.id} ${tool}`).toBeTruthy();
      }
    }
  });

  it("marks where each feature is chosen consistently with the plan's vocabularies", () => {
    for (const id of PLAN_FEATURE_IDS) expect(FEATURES_BY_ID[id].chosenBy, id).toContain("feature");
    for (const id of Object.values(SIGN_IN_METHOD_FEATURE)) if (id) expect(FEATURES_BY_ID[id].chosenBy, id).toContain("signInMethod");
    for (const id of Object.values(SOURCE_ANCHOR_FEATURE)) if (id) expect(FEATURES_BY_ID[id].chosenBy, id).toContain("sourceAnchor");
    for (const feature of FEATURES) {
      if (feature.chosenBy.includes("feature")) expect(PLAN_FEATURE_IDS as readonly string[], feature.id).toContain(feature.id);
    }
  });

  it("offers each tool only sign-in methods whose feature it supports", () => {
    for (const tool of TOOLS) {
      for (const method of SIGN_IN_METHODS_BY_TOOL[tool]) {
        const feature = SIGN_IN_METHOD_FEATURE[method];
        if (feature) expect(FEATURES_BY_ID[feature].support[tool], `${tool} ${method}`).not.toBe("unavailable");
      }
    }
  });

  it("lets express settings configure the source anchor they use", () => {
    expect(FEATURES_BY_ID[SOURCE_ANCHOR_FEATURE.msDsConsistencyGuid!].inExpress).toBe(true);
  });
});

describe("identifiers", () => {
  it("holds well-formed, distinct GUIDs for Entra roles, AD rights and Microsoft's services", () => {
    const roleIds = Object.values(ENTRA_ROLES).map((role) => role.templateId);
    const adIds = Object.values(AD_SCHEMA).map((entry) => entry.guid);
    const appIds = CONNECT_APP_ROLE_SERVICES.map((service) => service.appId);
    for (const id of [...roleIds, ...adIds, ...appIds]) expect(id).toMatch(GUID);
    expect(new Set([...roleIds, ...adIds, ...appIds]).size).toBe(roleIds.length + adIds.length + appIds.length);
  });

  it("gives every decision requirement a distinct id", () => {
    expect(new Set(DECISION_REQUIREMENTS.map((requirement) => requirement.id)).size).toBe(DECISION_REQUIREMENTS.length);
  });
});
