import { describe, expect, it } from "vitest";
import {
  ACCOUNT_IDS,
  ACCOUNTS,
  ACCOUNTS_BY_ID,
  APP_AUTH_DEADLINE,
  DECISION_REQUIREMENTS,
  ENTRA_ROLES,
  FEATURE_IDS,
  FEATURES,
  SOURCES,
} from "@/lib/catalog";

describe("catalog", () => {
  it("holds the cloud sync table of Microsoft's accounts article row for row", () => {
    const rows = ACCOUNTS.filter((account) => account.articleRow?.table === "cloudSync").map((account) => account.articleRow!.requirement);
    expect(rows).toEqual(["Domain/Enterprise administrator", "Hybrid Identity administrator", "gMSA service account"]);
  });

  it("holds the Connect table of Microsoft's accounts article row for row", () => {
    const rows = ACCOUNTS.filter((account) => account.articleRow?.table === "connect").map((account) => account.articleRow!.requirement);
    expect(rows).toEqual([
      "AD DS Connector account",
      "ADSync service account",
      "Microsoft Entra Connector account",
      "Local Administrator account",
      "AD DS Enterprise Administrator account",
      "Microsoft Entra Global Administrator account",
      "SQL SA account (optional)",
    ]);
  });

  it("uses Microsoft's names for the accounts", () => {
    expect(ACCOUNTS_BY_ID.cloudSyncGmsa.name).toBe("gMSA service account");
    expect(ACCOUNTS_BY_ID.connectAdDsConnector.name).toBe("AD DS Connector account");
    expect(ACCOUNTS_BY_ID.connectEntraConnector.name).toBe("Microsoft Entra Connector account");
    expect(ACCOUNTS_BY_ID.connectHybridIdentityAdmin.name).toBe("Hybrid Identity Administrator");
  });

  it("records what the reference adds beyond the article", () => {
    expect(ACCOUNTS_BY_ID.breakGlassAdmin.optionalWhen).toEqual({});
    expect(ACCOUNTS_BY_ID.seamlessSsoComputer.defaultNames?.[0]?.name).toBe("AZUREADSSOACC");
    expect(ACCOUNTS_BY_ID.connectEntraConnector.constraints.join(" ")).toContain("7 April 2027");
    expect(APP_AUTH_DEADLINE).toEqual({ date: "2027-04-07", minimumConnectVersion: "2.6.84.0" });
    expect(ACCOUNTS_BY_ID.cloudSyncAgentService.defaultNames?.[0]?.name).toBe("NT SERVICE\\AADConnectProvisioningAgent");
  });

  it("gives every account a unique id, a purpose, a creator and sources that exist", () => {
    expect(ACCOUNTS.map((account) => account.id)).toEqual([...ACCOUNT_IDS]);
    for (const account of ACCOUNTS) {
      expect(account.purpose.length, account.id).toBeGreaterThan(20);
      expect(account.creation.length, account.id).toBeGreaterThan(0);
      expect(account.sources.length, account.id).toBeGreaterThan(0);
      for (const source of account.sources) expect(SOURCES[source], `${account.id} cites ${source}`).toBeDefined();
      for (const right of account.rights ?? []) expect(SOURCES[right.source]).toBeDefined();
    }
  });

  it("keeps both readings wherever Microsoft's pages disagree", () => {
    const disagreements = ACCOUNTS.flatMap((account) => account.disagreements ?? []);
    expect(disagreements.length).toBeGreaterThanOrEqual(5);
    for (const disagreement of disagreements) {
      expect(disagreement.readings.length).toBeGreaterThanOrEqual(2);
      expect(new Set(disagreement.readings.map((reading) => reading.source)).size).toBe(disagreement.readings.length);
    }
    const topics = disagreements.map((disagreement) => disagreement.topic);
    expect(topics).toContain("Rights of a custom gMSA");
    expect(topics).toContain("Default account on a domain controller");
    expect(topics).toContain("Role needed to install Connect");
  });

  it("grants each Connect feature's connector rights with the ADSyncConfig cmdlet", () => {
    const cmdlets = Object.fromEntries((ACCOUNTS_BY_ID.connectAdDsConnector.rights ?? []).map((right) => [right.feature, right.cmdlet]));
    expect(cmdlets).toMatchObject({
      basic: "Set-ADSyncBasicReadPermissions",
      msDsConsistencyGuid: "Set-ADSyncMsDsConsistencyGuidPermissions",
      passwordHashSync: "Set-ADSyncPasswordHashSyncPermissions",
      passwordWriteback: "Set-ADSyncPasswordWritebackPermissions",
      groupWriteback: "Set-ADSyncUnifiedGroupWritebackPermissions",
      exchangeHybrid: "Set-ADSyncExchangeHybridPermissions",
      exchangeMailPublicFolders: "Set-ADSyncExchangeMailPublicFolderPermissions",
    });
  });

  it("names only real Set-AADCloudSyncPermissions permission types for the gMSA", () => {
    const valid = ["BasicRead", "PasswordHashSync", "PasswordWriteBack", "HybridExchangePermissions", "ExchangeMailPublicFolderPermissions", "UserGroupCreateDelete", "All"];
    for (const right of ACCOUNTS_BY_ID.cloudSyncGmsa.rights ?? []) expect(valid).toContain(right.permissionType);
  });

  it("describes every feature for both tools, and the decision table's tools", () => {
    expect(FEATURES.map((feature) => feature.id).sort()).toEqual([...FEATURE_IDS].sort());
    expect(FEATURES.find((feature) => feature.id === "groupProvisioningToAd")?.support).toEqual({ cloudSync: "optional", connect: "unavailable" });
    expect(FEATURES.find((feature) => feature.id === "deviceWriteback")?.support).toEqual({ cloudSync: "unavailable", connect: "optional" });
    expect(new Set(DECISION_REQUIREMENTS.map((requirement) => requirement.id)).size).toBe(DECISION_REQUIREMENTS.length);
  });

  it("has the role template ids of Microsoft's permissions reference", () => {
    expect(ENTRA_ROLES.hybridIdentityAdministrator.templateId).toBe("8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2");
    expect(ENTRA_ROLES.globalAdministrator.templateId).toBe("62e90394-69f5-4237-9190-012177145e10");
    expect(ENTRA_ROLES.directorySynchronizationAccounts.templateId).toBe("d29b2b05-8046-44ba-8758-1e26182fcf32");
  });
});
