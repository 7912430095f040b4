import { describe, expect, it } from "vitest";
import { planSchema, type Plan } from "@/lib/plan";
import { connectSettings, completePlan, forest, issuesOf, plan, server } from "../fixtures/plans";

function messageAt(candidate: Plan, path: string): string | undefined {
  return issuesOf(candidate).find((issue) => issue.path === path)?.message;
}

const connect = () => completePlan(plan("connect"));
const cloud = () => completePlan(plan("cloudSync"));

function withAccount(base: Plan, key: string, values: Partial<Plan["accounts"][string]>): Plan {
  return { ...base, accounts: { ...base.accounts, [key]: { ...base.accounts[key]!, ...values } } };
}

function withEnvironment(base: Plan, values: Partial<NonNullable<Plan["environment"]>>): Plan {
  return { ...base, environment: { ...base.environment!, ...values } };
}

describe("the plan schema", () => {
  it("accepts complete plans of both tools", () => {
    expect(issuesOf(connect())).toEqual([]);
    expect(issuesOf(cloud())).toEqual([]);
  });

  it("accepts a draft with nothing chosen yet", () => {
    expect(issuesOf({ ...connect(), tool: null, environment: null, accounts: {} })).toEqual([]);
  });

  describe("formats", () => {
    it.each([
      ["hybrid.admin@contoso.onmicrosoft.com", undefined],
      ["o'brien@contoso.com", undefined],
      ["admin", "single @"],
      ["ad min@contoso.com", "spaces"],
      ["admin@contoso", "not a domain name"],
      [".admin@contoso.com", "do not start or end it with a dot"],
      ["ad..min@contoso.com", "double dot"],
    ])("UPN %s", (upn, problem) => {
      const candidate = withAccount(connect(), "connectHybridIdentityAdmin", { name: upn });
      const message = messageAt(candidate, "accounts.connectHybridIdentityAdmin.name");
      if (problem) expect(message).toContain(problem);
      else expect(message).toBeUndefined();
    });

    it.each([
      ["contoso.com", undefined],
      ["corp.contoso.co.uk", undefined],
      ["contoso", "full DNS name"],
      ["CONTOSO\\corp", "not a NetBIOS name"],
      ["-bad.contoso.com", "cannot start or end with a hyphen"],
      ["con toso.com", "spaces"],
    ])("forest root domain %s", (domain, problem) => {
      const candidate = withEnvironment(connect(), { forests: [forest(1, domain)] });
      const message = messageAt(candidate, "environment.forests.0.rootDomain");
      if (problem) expect(message).toContain(problem);
      else expect(message).toBeUndefined();
    });

    const samCases: [string, string | undefined][] = [
      ["svc-sync", undefined],
      ["a".repeat(20), undefined],
      ["a".repeat(21), "20 characters or fewer"],
      ...['"', "/", "\\", "[", "]", ":", ";", "|", "=", ",", "+", "*", "?", "<", ">", "@"].map((character): [string, string] => [`svc${character}sync`, "cannot contain"]),
    ];
    it.each(samCases)("sAMAccountName %s", (name, problem) => {
      const candidate = withAccount(connect(), "connectLocalAdmin@server-1", { name });
      const message = messageAt(candidate, "accounts.connectLocalAdmin@server-1.name");
      if (problem) expect(message).toContain(problem);
      else expect(message).toBeUndefined();
    });

    it.each([
      ["gmsaAgent$", undefined],
      [`${"g".repeat(15)}$`, undefined],
      [`${"g".repeat(16)}$`, "15 characters before the $"],
      ["gmsaAgent", "End the gMSA name with $"],
      ["gm$a$", "single $"],
      ["gm:sa$", "cannot contain"],
    ])("custom gMSA name %s", (name, problem) => {
      const base = completePlan(plan("cloudSync", { cloudSync: { gmsaMode: "custom" } }));
      const key = "cloudSyncGmsa@domain-contoso_com";
      const message = messageAt(withAccount(base, key, { name }), `accounts.${key}.name`);
      if (problem) expect(message).toContain(problem);
      else expect(message).toBeUndefined();
    });

    it("asks for the tenant's initial domain or ID, each in its format", () => {
      expect(messageAt(withEnvironment(connect(), { tenant: { initialDomain: "", tenantId: "" } }), "environment.tenant.initialDomain")).toContain("or its tenant ID");
      expect(messageAt(withEnvironment(connect(), { tenant: { initialDomain: "contoso.com", tenantId: "" } }), "environment.tenant.initialDomain")).toContain(".onmicrosoft.com");
      expect(messageAt(withEnvironment(connect(), { tenant: { initialDomain: "", tenantId: "not-a-guid" } }), "environment.tenant.tenantId")).toContain("GUID");
      expect(issuesOf(withEnvironment(connect(), { tenant: { initialDomain: "", tenantId: "72f988bf-86f1-41af-91ab-2d7cd011db47" } }))).toEqual([]);
    });
  });

  describe("AD DS Connector account", () => {
    const key = "connectAdDsConnector@forest-1";
    const path = `accounts.${key}`;

    it.each(["provAgentgMSA$", "svc-sync$"])("refuses the managed service account %s", (name) => {
      expect(messageAt(withAccount(connect(), key, { name }), `${path}.name`)).toContain("managed service account");
    });

    it.each(["vsa", "smsa", "gmsa"] as const)("refuses the account type %s", (accountType) => {
      expect(messageAt(withAccount(connect(), key, { accountType }), `${path}.accountType`)).toContain("ordinary domain user");
    });

    it.each(["Administrator", "admin", "krbtgt"])("refuses the built-in administrator %s", (name) => {
      expect(messageAt(withAccount(connect(), key, { name }), `${path}.name`)).toContain("must not be a Domain or Enterprise Admin");
    });

    it("refuses an account that is a member of Domain or Enterprise Admins", () => {
      expect(messageAt(withAccount(connect(), key, { privilegedGroupMember: true }), `${path}.privilegedGroupMember`)).toContain("must not be a member");
    });

    it("requires a domain of its own forest", () => {
      expect(messageAt(withAccount(connect(), key, { domain: "fabrikam.com" }), `${path}.domain`)).toContain("not a domain of the forest contoso.com");
    });

    it("asks nothing in an express install, where the wizard creates MSOL_", () => {
      const express = completePlan(plan("connect", { connect: connectSettings({ installType: "express", database: "localDb", entraAuth: "applicationManaged" }) }));
      expect(issuesOf(withAccount(express, key, { name: "", provisioning: "" }))).toEqual([]);
    });
  });

  describe("ADSync service account", () => {
    const key = "connectAdSyncService@server-1";
    const path = `accounts.${key}.accountType`;

    it("refuses a VSA on a domain controller", () => {
      const onDc = completePlan(plan("connect", { servers: [server(1, "DC01", { role: "domainController" })] }));
      expect(messageAt(withAccount(onDc, key, { accountType: "vsa" }), path)).toContain("cannot be used on a domain controller");
    });

    it("refuses a VSA with a remote SQL Server", () => {
      const remote = completePlan(plan("connect", { connect: connectSettings({ installType: "custom", database: "remoteSql", entraAuth: "applicationManaged" }) }));
      expect(messageAt(withAccount(remote, key, { accountType: "vsa" }), path)).toContain("remote SQL Server");
    });

    it("accepts a VSA on a member server with LocalDB, and a named gMSA anywhere", () => {
      expect(issuesOf(withAccount(connect(), key, { accountType: "vsa" }))).toEqual([]);
      const onDc = completePlan(plan("connect", { servers: [server(1, "DC01", { role: "domainController" })] }));
      expect(issuesOf(withAccount(onDc, key, { accountType: "gmsa", name: "gmsaADSync$", domain: "contoso.com" }))).toEqual([]);
    });

    it("requires a name and domain for a domain account, and no domain for a local one", () => {
      expect(messageAt(withAccount(connect(), key, { accountType: "domainUser", name: "", domain: "contoso.com" }), `accounts.${key}.name`)).toBeDefined();
      expect(messageAt(withAccount(connect(), key, { accountType: "localUser", name: "adsync", domain: "contoso.com" }), `accounts.${key}.domain`)).toContain("local account has no domain");
    });
  });

  describe("Hybrid Identity Administrator", () => {
    it.each([
      ["cloudSync", "cloudSyncHybridIdentityAdmin"],
      ["connect", "connectHybridIdentityAdmin"],
    ] as const)("%s: refuses a guest account", (tool, key) => {
      const base = completePlan(plan(tool));
      expect(messageAt(withAccount(base, key, { name: "admin_fabrikam.com#EXT#@contoso.onmicrosoft.com" }), `accounts.${key}.name`)).toContain("guest account");
    });

    it("refuses an account outside the tenant's domains, accepts one in a UPN suffix", () => {
      const key = "connectHybridIdentityAdmin";
      expect(messageAt(withAccount(connect(), key, { name: "admin@fabrikam.com" }), `accounts.${key}.name`)).toContain("not one of the tenant's domains");
      expect(issuesOf(withAccount(connect(), key, { name: "admin@contoso.com" }))).toEqual([]);
    });

    it("requires the break-glass account to be cloud-only", () => {
      expect(messageAt(withAccount(connect(), "breakGlassAdmin", { name: "breakglass@contoso.com" }), "accounts.breakGlassAdmin.name")).toContain(".onmicrosoft.com");
    });
  });

  describe("environment rules", () => {
    it("refuses a UPN suffix listed in two forests", () => {
      const candidate = withEnvironment(connect(), { forests: [forest(1, "contoso.com"), forest(2, "fabrikam.com", { upnSuffixes: ["fabrikam.com", "CONTOSO.com"] })] });
      expect(messageAt(candidate, "environment.forests.1.upnSuffixes.1")).toContain("must be unique");
    });

    it("refuses a domain in two forests and a server listed twice", () => {
      const candidate = withEnvironment(connect(), {
        forests: [forest(1, "contoso.com"), forest(2, "fabrikam.com", { domains: ["contoso.com"], upnSuffixes: [] })],
        servers: [server(1, "SYNC01"), server(2, "sync01", { staging: true })],
      });
      expect(messageAt(candidate, "environment.forests.1.domains.0")).toContain("already belongs to another forest");
      expect(messageAt(candidate, "environment.servers.1.name")).toContain("listed twice");
    });

    it("refuses features the tool cannot do", () => {
      expect(messageAt(withEnvironment(cloud(), { features: ["passwordHashSync", "deviceWriteback"] }), "environment.features.1")).toContain("Cloud Sync does not write devices back");
      expect(messageAt(withEnvironment(connect(), { features: ["groupProvisioningToAd"] }), "environment.features.0")).toContain("Only Cloud Sync");
    });

    it("keeps Connect to one active server", () => {
      const twoActive = withEnvironment(connect(), { servers: [server(1, "SYNC01"), server(2, "SYNC02")] });
      expect(messageAt(twoActive, "environment.servers")).toContain("exactly one active server");
    });

    it("limits express settings to one forest and password hash sync", () => {
      const express = plan("connect", { connect: connectSettings({ installType: "express", database: "localDb", entraAuth: "applicationManaged" }) });
      expect(messageAt(withEnvironment(express, { forests: [forest(1, "a.com"), forest(2, "b.com")] }), "environment.forests")).toContain("single forest");
      expect(messageAt(withEnvironment(express, { features: ["passwordWriteback"] }), "environment.features")).toContain("password writeback");
      expect(messageAt(withEnvironment(express, { signIn: { method: "passwordHashSync", seamlessSso: true } }), "environment.signIn.method")).toContain("no seamless SSO");
    });

    it("refuses leaving out a required account, but not an optional one", () => {
      expect(messageAt(withAccount(connect(), "connectHybridIdentityAdmin", { inUse: false }), "accounts.connectHybridIdentityAdmin.inUse")).toContain("cannot be left out");
      expect(issuesOf(withAccount(connect(), "breakGlassAdmin", { inUse: false, name: "" }))).toEqual([]);
    });
  });

  describe("what the plan holds", () => {
    it("has no password or secret field anywhere", () => {
      const text = JSON.stringify(planSchema.def).toLowerCase();
      for (const word of ["password\"", "secret", "token", "credential"]) expect(text).not.toContain(word);
    });

    it("refuses unknown account keys", () => {
      const candidate = { ...connect(), accounts: { ...connect().accounts, "notAnAccount@forest-1": connect().accounts.breakGlassAdmin! } };
      expect(issuesOf(candidate)).toEqual([
        { path: "accounts.notAnAccount@forest-1", message: expect.stringContaining("not an account of the catalog") },
      ]);
    });
  });
});
