import { describe, expect, it } from "vitest";
import type { PlanFeatureId } from "@/lib/catalog";
import { deriveAccounts, accountsWithSteps, planSteps, type Plan } from "@/lib/plan";
import { connectSettings, forest, plan, server } from "../fixtures/plans";

const GMSA = "cloudSyncGmsa@domain-contoso_com";

function keys(candidate: Plan) {
  return deriveAccounts(candidate).map((account) => `${account.key}:${account.requirement}`);
}

function account(candidate: Plan, key: string) {
  const found = deriveAccounts(candidate).find((item) => item.key === key);
  if (!found) throw new Error(`${key} not derived`);
  return found;
}

describe("deriving the accounts a plan needs", () => {
  it("gives nothing before the tool and environment are known", () => {
    expect(deriveAccounts({ ...plan("connect"), tool: null })).toEqual([]);
    expect(deriveAccounts({ ...plan("connect"), environment: null })).toEqual([]);
  });

  it("cloud sync with the default gMSA: the article's three accounts, one gMSA in the agents' domain, and the break-glass option", () => {
    const cloud = plan("cloudSync");
    expect(keys(cloud)).toEqual([
      "cloudSyncDomainAdmin@forest-1:required",
      "cloudSyncHybridIdentityAdmin:required",
      `${GMSA}:required`,
      "breakGlassAdmin:optional",
    ]);
    const gmsa = account(cloud, GMSA);
    expect(gmsa.domain).toBe("contoso.com");
    expect(gmsa.defaultName).toBeDefined();
    expect(gmsa.creation.by).toBe("installer");
    expect(accountsWithSteps(cloud).map((item) => item.key)).toContain(GMSA);
  });

  it("cloud sync with a custom gMSA: an administrator creates it and names it", () => {
    const gmsa = account(plan("cloudSync", { cloudSync: { gmsaMode: "custom" } }), GMSA);
    expect(gmsa.defaultName).toBeUndefined();
    expect(gmsa.creation.by).toBe("admin");
  });

  it("Connect express: MSOL_ connector created by the wizard, Enterprise Admin required, VSA service account", () => {
    const express = plan("connect", { connect: connectSettings({ installType: "express", database: "remoteSql", entraAuth: "applicationManaged" }) });
    expect(keys(express)).toEqual([
      "connectAdDsConnector@forest-1:required",
      "connectAdSyncService@server-1:required",
      "connectEntraConnector@server-1:required",
      "connectLocalAdmin@server-1:required",
      "connectEnterpriseAdmin@forest-1:required",
      "connectHybridIdentityAdmin:required",
      "breakGlassAdmin:optional",
    ]);
    expect(account(express, "connectAdDsConnector@forest-1").defaultName).toMatch(/^MSOL_/);
    // Express always uses LocalDB, whatever the database choice says: no SQL SA account.
    expect(account(express, "connectAdSyncService@server-1").serviceAccountOption?.allowed).toEqual(["vsa"]);
  });

  it("Connect custom with LocalDB: no SQL account, Enterprise Admin optional, every service account kind on a member server", () => {
    const custom = plan("connect");
    expect(keys(custom)).toContain("connectEnterpriseAdmin@forest-1:optional");
    expect(keys(custom).some((key) => key.startsWith("connectSqlSa"))).toBe(false);
    const option = account(custom, "connectAdSyncService@server-1").serviceAccountOption!;
    expect(option.allowed).toEqual(["vsa", "smsa", "gmsa", "localUser", "domainUser"]);
    expect(option.default).toBe("vsa");
    expect(option.recommended).toBe("gmsa");
  });

  it("Connect custom with a local or remote SQL Server adds the SQL SA account", () => {
    for (const database of ["localSql", "remoteSql"] as const) {
      const custom = plan("connect", { connect: connectSettings({ installType: "custom", database, entraAuth: "applicationManaged" }) });
      expect(keys(custom)).toContain("connectSqlSa:required");
    }
  });

  it("remote SQL allows only a gMSA or a domain account", () => {
    const remote = plan("connect", { connect: connectSettings({ installType: "custom", database: "remoteSql", entraAuth: "applicationManaged" }) });
    expect(account(remote, "connectAdSyncService@server-1").serviceAccountOption?.allowed).toEqual(["gmsa", "domainUser"]);
  });

  it("a domain controller gets an sMSA by default and never a VSA", () => {
    const onDc = plan("connect", { servers: [server(1, "DC01", { role: "domainController" })] });
    const option = account(onDc, "connectAdSyncService@server-1").serviceAccountOption!;
    expect(option.default).toBe("smsa");
    expect(option.allowed).not.toContain("vsa");
    // An sMSA's name ends in $; on a member server the default is the virtual account NT SERVICE\ADSync.
    expect(account(onDc, "connectAdSyncService@server-1").defaultName).toMatch(/\$$/);
    const onMember = plan("connect");
    expect(account(onMember, "connectAdSyncService@server-1").defaultName).toMatch(/^NT SERVICE\\/);
  });

  it("one forest gives one connector account; three forests give three", () => {
    const connectors = (candidate: Plan) => deriveAccounts(candidate).filter((item) => item.definition.id === "connectAdDsConnector");
    expect(connectors(plan("connect"))).toHaveLength(1);
    const three = plan("connect", { forests: [forest(1, "fabrikam.com"), forest(2, "tailspintoys.com"), forest(3, "wingtiptoys.com")] });
    expect(connectors(three).map((item) => item.label)).toEqual([
      "AD DS Connector account — fabrikam.com",
      "AD DS Connector account — tailspintoys.com",
      "AD DS Connector account — wingtiptoys.com",
    ]);
  });

  it("gives each Connect server, staging included, its own Entra Connector account named after it", () => {
    const two = plan("connect", {
      servers: [server(1, "SYNC01"), server(2, "SYNC02", { staging: true })],
      connect: connectSettings({ installType: "custom", database: "localDb", entraAuth: "syncAccount" }),
    });
    expect(account(two, "connectEntraConnector@server-2").defaultName).toBe("Sync_SYNC02_<id>@contoso.onmicrosoft.com");
    expect(account(two, "connectEntraConnector@server-1").creation.by).toBe("wizard");
  });

  it.each([
    ["passwordHashSync", "Set-ADSyncPasswordHashSyncPermissions", "PasswordHashSync"],
    ["passwordWriteback", "Set-ADSyncPasswordWritebackPermissions", "PasswordWriteBack"],
    ["exchangeHybrid", "Set-ADSyncExchangeHybridPermissions", "HybridExchangePermissions"],
    ["exchangeMailPublicFolders", "Set-ADSyncExchangeMailPublicFolderPermissions", "ExchangeMailPublicFolderPermissions"],
    ["groupWriteback", "Set-ADSyncUnifiedGroupWritebackPermissions", "All"],
  ] as const)("%s adds its rights and cmdlet to the connector account and the gMSA", (feature, connectCmdlet, permissionType) => {
    // Signing in with password hash sync would switch it on by itself: these plans choose "do not configure".
    const withFeature = (tool: "connect" | "cloudSync", features: PlanFeatureId[]) => plan(tool, { features, signIn: { method: "doNotConfigure", seamlessSso: false } });
    const connectWithout = account(withFeature("connect", []), "connectAdDsConnector@forest-1").rights.map((right) => right.cmdlet);
    const connectWith = account(withFeature("connect", [feature]), "connectAdDsConnector@forest-1").rights.map((right) => right.cmdlet);
    expect(connectWithout).not.toContain(connectCmdlet);
    expect(connectWith).toContain(connectCmdlet);
    const gmsaWith = account(withFeature("cloudSync", [feature]), GMSA).rights.filter((right) => right.feature === feature);
    expect(gmsaWith.map((right) => right.permissionType)).toContain(permissionType);
    expect(account(withFeature("cloudSync", []), GMSA).rights.some((right) => right.feature === feature)).toBe(false);
  });

  it("ms-DS-ConsistencyGuid and device writeback add connector rights; group provisioning adds UserGroupCreateDelete to the gMSA", () => {
    const connect = plan("connect", { features: ["deviceWriteback"], connect: connectSettings({ sourceAnchor: "msDsConsistencyGuid", deviceWritebackForestId: "forest-1" }) });
    const cmdlets = account(connect, "connectAdDsConnector@forest-1").rights.map((right) => right.cmdlet);
    expect(cmdlets).toContain("Set-ADSyncMsDsConsistencyGuidPermissions");
    expect(cmdlets.some((cmdlet) => cmdlet?.includes("CreateDeviceContainer.ps1"))).toBe(true);
    const cloud = plan("cloudSync", { features: ["groupProvisioningToAd"] });
    expect(account(cloud, GMSA).rights.map((right) => right.permissionType)).toContain("UserGroupCreateDelete");
  });

  it("ignores a feature the chosen tool cannot do", () => {
    const cloud = plan("cloudSync", { features: ["deviceWriteback"] });
    expect(account(cloud, GMSA).rights.some((right) => right.feature === "deviceWriteback")).toBe(false);
  });

  it("seamless SSO adds an AZUREADSSOACC computer account per forest; Connect Health and federation need a Global Administrator", () => {
    const connect = plan("connect", {
      forests: [forest(1, "a.com"), forest(2, "b.com")],
      servers: [server(1, "SYNC01", { domain: "a.com" })],
      signIn: { method: "passwordHashSync", seamlessSso: true },
      features: ["connectHealth"],
    });
    expect(keys(connect)).toEqual(expect.arrayContaining(["seamlessSsoComputer@forest-1:required", "seamlessSsoComputer@forest-2:required", "globalAdministrator:required"]));
    expect(keys(plan("cloudSync", { features: ["passwordWriteback"] }))).toContain("globalAdministrator:optional");
    expect(keys(plan("connect")).some((key) => key.startsWith("globalAdministrator"))).toBe(false);
  });

  it("lists one wizard step per account that asks something, between the environment and the review", () => {
    const steps = planSteps(plan("connect", { forests: [forest(1, "a.com"), forest(2, "b.com"), forest(3, "c.com")] })).map((step) => step.id);
    expect(steps[0]).toBe("tool");
    expect(steps[1]).toBe("environment");
    expect(steps.slice(-3)).toEqual(["review", "validate", "export"]);
    expect(steps.filter((step) => step.startsWith("account:connectAdDsConnector@"))).toHaveLength(3);
  });
});
