import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { accountKey, deriveAccounts, planAttention, planSchema, readPlan, type Plan, type RequiredAccount } from "@/lib/plan";

function example(file: string): Plan {
  const result = readPlan(JSON.parse(readFileSync(join(process.cwd(), "public", "examples", file), "utf8")));
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.issues)}`);
  return result.plan;
}

const fabrikam = () => example("connect-fabrikam-three-forests.json");
const contoso = () => example("cloud-sync-contoso.json");

function withEnvironment(plan: Plan, change: (environment: NonNullable<Plan["environment"]>) => void): Plan {
  const copy = structuredClone(plan);
  change(copy.environment!);
  return copy;
}

const rightsOf = (accounts: RequiredAccount[], key: string) => accounts.find((account) => account.key === key)?.rights ?? [];
const required = (accounts: RequiredAccount[]) => accounts.filter((account) => account.requirement === "required");

describe("what a plan needs, after the catalog corrections", () => {
  it("grants write on ms-DS-ConsistencyGuid to every connector of a default custom Connect plan, and not with objectGUID", () => {
    const plan = fabrikam();
    expect(plan.environment!.connect.sourceAnchor).toBe("msDsConsistencyGuid");
    const accounts = deriveAccounts(plan);
    for (const forest of plan.environment!.forests) {
      const rights = rightsOf(accounts, accountKey("connectAdDsConnector", forest.id));
      expect(rights.some((right) => right.feature === "msDsConsistencyGuid"), forest.rootDomain).toBe(true);
    }
    const objectGuid = deriveAccounts(withEnvironment(plan, (environment) => (environment.connect.sourceAnchor = "objectGUID")));
    for (const forest of plan.environment!.forests) {
      expect(rightsOf(objectGuid, accountKey("connectAdDsConnector", forest.id)).some((right) => right.feature === "msDsConsistencyGuid")).toBe(false);
    }
  });

  it("lists the AD FS accounts for a federation plan, and the servers stay in the plan", () => {
    const plan = withEnvironment(fabrikam(), (environment) => {
      environment.signIn = { method: "federationAdfs", seamlessSso: false };
      environment.federation = { adfsServers: ["ADFS01", "ADFS02"], wapServers: ["WAP01"] };
    });
    expect(planSchema.safeParse(plan).success).toBe(true);
    const ids = required(deriveAccounts(plan)).map((account) => account.definition.id);
    for (const id of ["adfsDomainAdmin", "adfsServiceAccount", "adfsProxyTrust", "wapLocalAdmin", "globalAdministrator"] as const) expect(ids).toContain(id);
    // Naming no servers is not an error, but the plan says it needs them.
    const unnamed = withEnvironment(plan, (environment) => (environment.federation = { adfsServers: [], wapServers: [] }));
    expect(planSchema.safeParse(unnamed).success).toBe(true);
    expect(planAttention(unnamed).map((item) => item.message).join(" ")).toMatch(/AD FS servers/);
    // Pass-through instead: the agents' registrar, not the AD FS accounts.
    const pta = withEnvironment(plan, (environment) => (environment.signIn = { method: "passThroughAuth", seamlessSso: true }));
    const ptaIds = required(deriveAccounts(pta)).map((account) => account.definition.id);
    expect(ptaIds).toContain("ptaAgentRegistrar");
    expect(ptaIds).not.toContain("adfsDomainAdmin");
  });

  it("asks no name for a connector the wizard creates, and requires that forest's Enterprise Admin", () => {
    const plan = fabrikam();
    const key = accountKey("connectAdDsConnector", "forest-3");
    expect(plan.accounts[key]!.provisioning).toBe("wizard");
    const accounts = deriveAccounts(plan);
    const connector = accounts.find((account) => account.key === key)!;
    expect(plan.accounts[key]!.name).toBe("");
    expect(connector.defaultName).toMatch(/^MSOL_/);
    const enterpriseAdmin = accounts.find((account) => account.key === accountKey("connectEnterpriseAdmin", "forest-3"))!;
    expect(enterpriseAdmin.requirement).toBe("required");
    // forest-2's connector is created beforehand: its Enterprise Admin stays optional.
    expect(accounts.find((account) => account.key === accountKey("connectEnterpriseAdmin", "forest-2"))!.requirement).toBe("optional");
    // A name left on a wizard-created connector is not what Connect will use: the plan still validates, the name is simply not asked for.
    expect(planSchema.safeParse(plan).success).toBe(true);
  });

  it("writes devices back to one forest: only that forest's connector gets the device rights", () => {
    const plan = fabrikam();
    const accounts = deriveAccounts(plan);
    const withDeviceRights = plan.environment!.forests
      .filter((forest) => rightsOf(accounts, accountKey("connectAdDsConnector", forest.id)).some((right) => right.feature === "deviceWriteback"))
      .map((forest) => forest.id);
    expect(withDeviceRights).toEqual([plan.environment!.connect.deviceWritebackForestId]);
    const noForest = withEnvironment(plan, (environment) => (environment.connect.deviceWritebackForestId = ""));
    const result = planSchema.safeParse(noForest);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain("environment.connect.deviceWritebackForestId");
  });

  it("gives Cloud Sync one gMSA per domain its agents are joined to", () => {
    const plan = contoso();
    const gmsas = () => (candidate: Plan) => deriveAccounts(candidate).filter((account) => account.definition.identity === "gmsa");
    expect(gmsas()(plan).map((account) => account.domain)).toEqual(["contoso.com"]);
    const twoDomains = withEnvironment(plan, (environment) => {
      environment.forests[0]!.domains = [...environment.forests[0]!.domains, "emea.contoso.com"];
      environment.servers[1]!.domain = "emea.contoso.com";
    });
    expect(gmsas()(twoDomains).map((account) => account.domain)).toEqual(["contoso.com", "emea.contoso.com"]);
  });

  it("needs no Domain Admin to install Cloud Sync agents with a custom gMSA (agent 1.1.2505.0 and later)", () => {
    const plan = contoso();
    const domainAdmins = (candidate: Plan) => deriveAccounts(candidate).filter((account) => account.definition.id === "cloudSyncDomainAdmin");
    expect(domainAdmins(plan).every((account) => account.requirement === "required")).toBe(true);
    const custom = withEnvironment(plan, (environment) => (environment.cloudSync.gmsaMode = "custom"));
    expect(domainAdmins(custom).every((account) => account.requirement === "optional")).toBe(true);
  });

  it("refuses a sign-in method Cloud Sync cannot set up, and a Connect server in a domain outside the plan", () => {
    const federated = withEnvironment(contoso(), (environment) => (environment.signIn.method = "federationAdfs"));
    expect(planSchema.safeParse(federated).error?.issues.map((issue) => issue.path.join("."))).toContain("environment.signIn.method");
    const stray = withEnvironment(fabrikam(), (environment) => (environment.servers[0]!.domain = "elsewhere.example.com"));
    expect(planSchema.safeParse(stray).error?.issues.map((issue) => issue.path.join("."))).toContain("environment.servers.0.domain");
  });
});
