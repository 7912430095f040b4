/**
 * The catalog read against hand-built plan facts: which accounts a plan needs,
 * which rights, names and service-account kinds apply. Built with
 * conditionHolds (through the catalog's select helpers), not the plan module.
 */
import { describe, expect, it } from "vitest";
import {
  ACCOUNTS,
  ACCOUNTS_BY_ID,
  CONNECTOR_PROVISIONING,
  DATABASES,
  ENTRA_AUTH_MODES,
  GMSA_MODES,
  INSTALL_TYPES,
  SERVER_ROLES,
  SIGN_IN_METHODS_BY_TOOL,
  SOURCE_ANCHORS,
  TOOLS,
  accountRequirement,
  firstRuleThatHolds,
  impliedFeatures,
  rightsInEffect,
  type AccountDefinition,
  type AccountId,
  type ConditionContext,
  type FeatureId,
  type PlanFeatureId,
  type SignInMethod,
  type SourceAnchor,
} from "@/lib/catalog";

interface PlanFacts extends Omit<ConditionContext, "features"> {
  planFeatures: readonly PlanFeatureId[];
  seamlessSso: boolean;
}

const BASE: PlanFacts = {
  tool: "connect",
  installType: "custom",
  database: "localDb",
  planFeatures: [],
  signIn: "passwordHashSync",
  seamlessSso: false,
  sourceAnchor: "msDsConsistencyGuid",
  entraAuth: "applicationManaged",
  gmsaMode: "default",
  authenticatingProxy: false,
};

/** A condition context as a plan would give it: its ticked features plus those its sign-in and source anchor imply. */
function context(overrides: Partial<PlanFacts> = {}): ConditionContext {
  const { planFeatures, seamlessSso, ...facts } = { ...BASE, ...overrides };
  const features = new Set<FeatureId>([...planFeatures, ...impliedFeatures({ signIn: facts.signIn, seamlessSso, sourceAnchor: facts.sourceAnchor })]);
  return { ...facts, features };
}

function required(of: ConditionContext): Set<AccountId> {
  return new Set(ACCOUNTS.filter((account) => accountRequirement(account, of) === "required").map((account) => account.id));
}

function grantsOn(account: AccountDefinition, of: ConditionContext, adRight: string): boolean {
  return rightsInEffect(account, of).some((right) => right.adRights?.some((id) => id === adRight));
}

const connector = ACCOUNTS_BY_ID.connectAdDsConnector;

describe("source anchor (C1)", () => {
  it("grants the connector write on ms-DS-ConsistencyGuid in a default custom install", () => {
    expect(grantsOn(connector, context(), "msDsConsistencyGuid")).toBe(true);
  });

  it("grants it with express settings too, which use the same anchor", () => {
    expect(grantsOn(connector, context({ installType: "express" }), "msDsConsistencyGuid")).toBe(true);
  });

  it("does not grant it when another attribute is the anchor", () => {
    for (const anchor of SOURCE_ANCHORS.filter((value: SourceAnchor) => value !== "msDsConsistencyGuid")) {
      expect(grantsOn(connector, context({ sourceAnchor: anchor }), "msDsConsistencyGuid"), anchor).toBe(false);
    }
  });
});

describe("federation with AD FS (M16)", () => {
  const federation = context({ signIn: "federationAdfs" });
  const adfsAccounts: AccountId[] = ["adfsDomainAdmin", "adfsServiceAccount", "adfsProxyTrust", "wapLocalAdmin"];

  it("requires the four AD FS accounts and a Global Administrator", () => {
    const needed = required(federation);
    for (const id of [...adfsAccounts, "globalAdministrator" as const]) expect(needed.has(id), id).toBe(true);
  });

  it("requires none of them with password hash synchronization", () => {
    const needed = required(context());
    for (const id of adfsAccounts) expect(needed.has(id), id).toBe(false);
  });

  it("recommends a gMSA for the AD FS service and allows a domain user", () => {
    const option = firstRuleThatHolds(ACCOUNTS_BY_ID.adfsServiceAccount.serviceAccountOptions, federation)!;
    expect(option.recommended).toBe("gmsa");
    expect([...option.allowed].sort()).toEqual(["domainUser", "gmsa"]);
  });

  it("needs a Global Administrator for PingFederate as well", () => {
    expect(required(context({ signIn: "federationPingFederate" })).has("globalAdministrator")).toBe(true);
  });
});

describe("pass-through authentication", () => {
  it("requires a registrar of the agents only when Connect sets up pass-through authentication", () => {
    expect(required(context({ signIn: "passThroughAuth" })).has("ptaAgentRegistrar")).toBe(true);
    expect(required(context()).has("ptaAgentRegistrar")).toBe(false);
    expect(required(context({ tool: "cloudSync", signIn: "passwordHashSync" })).has("ptaAgentRegistrar")).toBe(false);
  });
});

describe("the AD DS Connector account (M6)", () => {
  const wizardForest = context({ connectorProvisioning: "wizard" });
  const existingForest = context({ connectorProvisioning: "existing" });

  it("has a name made by the wizard, and needs that forest's Enterprise Admin, when the wizard creates it", () => {
    expect(firstRuleThatHolds(connector.defaultNames, wizardForest)).toBeDefined();
    expect(firstRuleThatHolds(connector.creation, wizardForest)?.by).toBe("wizard");
    expect(accountRequirement(ACCOUNTS_BY_ID.connectEnterpriseAdmin, wizardForest)).toBe("required");
  });

  it("is named by the plan, created by an administrator, and leaves the Enterprise Admin optional when it exists beforehand", () => {
    expect(firstRuleThatHolds(connector.defaultNames, existingForest)).toBeUndefined();
    expect(firstRuleThatHolds(connector.creation, existingForest)?.by).toBe("admin");
    expect(accountRequirement(ACCOUNTS_BY_ID.connectEnterpriseAdmin, existingForest)).toBe("optional");
  });

  it("is created by the wizard with a generated name in express settings, with the Enterprise Admin required", () => {
    const express = context({ installType: "express" });
    expect(firstRuleThatHolds(connector.defaultNames, express)).toBeDefined();
    expect(accountRequirement(ACCOUNTS_BY_ID.connectEnterpriseAdmin, express)).toBe("required");
  });
});

describe("rights limited to one forest", () => {
  it("grants the Exchange rights only in the Exchange forest (M5's sibling)", () => {
    const exchange = { planFeatures: ["exchangeHybrid", "exchangeMailPublicFolders"] as PlanFeatureId[] };
    const inExchangeForest = rightsInEffect(connector, context({ ...exchange, exchangeForest: true }));
    const elsewhere = rightsInEffect(connector, context({ ...exchange, exchangeForest: false }));
    const exchangeRights = (rights: typeof elsewhere) => rights.filter((right) => right.feature === "exchangeHybrid" || right.feature === "exchangeMailPublicFolders");
    expect(exchangeRights(inExchangeForest)).toHaveLength(2);
    expect(exchangeRights(elsewhere)).toHaveLength(0);
  });

  it("writes devices back only to the device writeback forest, whose Enterprise Admin is then required (M5)", () => {
    const devices = { planFeatures: ["deviceWriteback"] as PlanFeatureId[], connectorProvisioning: "existing" as const };
    const deviceForest = context({ ...devices, deviceWritebackForest: true });
    const otherForest = context({ ...devices, deviceWritebackForest: false });
    expect(rightsInEffect(connector, deviceForest).some((right) => right.feature === "deviceWriteback")).toBe(true);
    expect(rightsInEffect(connector, otherForest).some((right) => right.feature === "deviceWriteback")).toBe(false);
    expect(accountRequirement(ACCOUNTS_BY_ID.connectEnterpriseAdmin, deviceForest)).toBe("required");
    expect(accountRequirement(ACCOUNTS_BY_ID.connectEnterpriseAdmin, otherForest)).toBe("optional");
  });
});

describe("password writeback rights (M4)", () => {
  const writeback = context({ planFeatures: ["passwordWriteback"] });

  it("needs Change Password and Unexpire Password beside what the ADSyncConfig cmdlet grants, and no cmdlet grants them", () => {
    expect(grantsOn(connector, writeback, "changePassword")).toBe(true);
    expect(grantsOn(connector, writeback, "unexpirePassword")).toBe(true);
    const domainRootRights = rightsInEffect(connector, writeback).filter((right) => right.adRights?.some((id) => id === "changePassword" || id === "unexpirePassword"));
    for (const right of domainRootRights) expect(right.cmdlet).toBeUndefined();
  });

  it("has a cmdlet for the rest: Reset Password, lockoutTime and pwdLastSet", () => {
    const byCmdlet = rightsInEffect(connector, writeback).filter((right) => right.feature === "passwordWriteback" && right.cmdlet);
    expect(byCmdlet.flatMap((right) => right.adRights ?? []).sort()).toEqual(["lockoutTime", "pwdLastSet", "resetPassword"]);
  });

  it("needs none of them without password writeback", () => {
    expect(grantsOn(connector, context(), "resetPassword")).toBe(false);
    expect(grantsOn(connector, context(), "unexpirePassword")).toBe(false);
  });
});

describe("Cloud Sync (M10, M11, M14)", () => {
  const defaultGmsa = context({ tool: "cloudSync" });
  const customGmsa = context({ tool: "cloudSync", gmsaMode: "custom" });
  const gmsa = ACCOUNTS_BY_ID.cloudSyncGmsa;

  it("plans one gMSA per domain that agent hosts are joined to", () => {
    expect(gmsa.scope).toBe("serverDomain");
  });

  it("names the default gMSA and leaves a custom one to the plan", () => {
    expect(firstRuleThatHolds(gmsa.defaultNames, defaultGmsa)).toBeDefined();
    expect(firstRuleThatHolds(gmsa.defaultNames, customGmsa)).toBeUndefined();
    expect(firstRuleThatHolds(gmsa.creation, defaultGmsa)?.by).toBe("installer");
    expect(firstRuleThatHolds(gmsa.creation, customGmsa)?.by).toBe("admin");
  });

  it("requires a Domain Admin with the default gMSA and makes it optional with a custom one", () => {
    expect(accountRequirement(ACCOUNTS_BY_ID.cloudSyncDomainAdmin, defaultGmsa)).toBe("required");
    expect(accountRequirement(ACCOUNTS_BY_ID.cloudSyncDomainAdmin, customGmsa)).toBe("optional");
  });

  it("includes, among a custom gMSA's rights, those only PermissionType All grants (ms-DS-ConsistencyGuid, msDS-KeyCredentialLink)", () => {
    const onlyUnderAll = rightsInEffect(gmsa, customGmsa).filter((right) => right.permissionType === "All");
    expect(onlyUnderAll.flatMap((right) => right.adRights ?? []).sort()).toEqual(["msDsConsistencyGuid", "msDsKeyCredentialLink"]);
  });

  it("reads groups and gets Replicating Directory Changes with BasicRead (m2)", () => {
    const basic = rightsInEffect(gmsa, defaultGmsa).filter((right) => right.permissionType === "BasicRead");
    expect(basic.flatMap((right) => right.adRights ?? [])).toContain("replicatingDirectoryChanges");
    expect(basic.some((right) => /\bgroup\b/.test(right.appliesTo))).toBe(true);
  });

  it("has no account for the temporary agent service identity (m3)", () => {
    const cloudSyncServerAccounts = ACCOUNTS.filter((account) => account.tools.includes("cloudSync") && account.scope === "server");
    expect(cloudSyncServerAccounts).toEqual([]);
  });
});

describe("the ADSync service account", () => {
  const service = ACCOUNTS_BY_ID.connectAdSyncService;

  it("never offers the virtual service account on a domain controller, behind an authenticating proxy or with a remote SQL Server (m6)", () => {
    const contexts = [
      context({ serverRole: "domainController" }),
      context({ serverRole: "memberServer", authenticatingProxy: true }),
      context({ serverRole: "memberServer", database: "remoteSql" }),
      context({ installType: "express", serverRole: "domainController" }),
    ];
    for (const of of contexts) expect(firstRuleThatHolds(service.serviceAccountOptions, of)?.allowed).not.toContain("vsa");
  });

  it("allows a managed service account behind an authenticating proxy", () => {
    const allowed = firstRuleThatHolds(service.serviceAccountOptions, context({ serverRole: "memberServer", authenticatingProxy: true }))!.allowed;
    expect(allowed).toContain("gmsa");
    expect(allowed).toContain("smsa");
    expect(allowed).toContain("domainUser");
  });

  it("recommends both kinds of managed service account with LocalDB on a member server (m5)", () => {
    const option = firstRuleThatHolds(service.serviceAccountOptions, context({ serverRole: "memberServer" }))!;
    expect(new Set([option.recommended, ...(option.alsoRecommended ?? [])])).toEqual(new Set(["gmsa", "smsa"]));
  });
});

describe("the Microsoft Entra Connector account (M15)", () => {
  const entra = ACCOUNTS_BY_ID.connectEntraConnector;

  it("is a Sync_ user with a generated name only in legacy mode", () => {
    for (const mode of ENTRA_AUTH_MODES) {
      const name = firstRuleThatHolds(entra.defaultNames, context({ entraAuth: mode }));
      expect(name !== undefined, mode).toBe(mode === "syncAccount");
    }
  });

  it("is set up by Connect with a managed certificate, and by an administrator with their own certificate or application", () => {
    expect(firstRuleThatHolds(entra.creation, context({ entraAuth: "applicationManaged" }))?.by).toBe("wizard");
    expect(firstRuleThatHolds(entra.creation, context({ entraAuth: "applicationOwnCertificate" }))?.by).toBe("admin");
    expect(firstRuleThatHolds(entra.creation, context({ entraAuth: "applicationOwnApp" }))?.by).toBe("admin");
  });

  it("holds no directory role of its own", () => {
    expect(entra.roles ?? []).toEqual([]);
    expect(entra.identity).toBe("application");
  });
});

describe("Global Administrator (m9)", () => {
  const ga = ACCOUNTS_BY_ID.globalAdministrator;

  it("is required for Connect Health and federation, optional for Cloud Sync password writeback, absent otherwise", () => {
    expect(accountRequirement(ga, context({ planFeatures: ["connectHealth"] }))).toBe("required");
    expect(accountRequirement(ga, context({ signIn: "federationAdfs" }))).toBe("required");
    expect(accountRequirement(ga, context({ tool: "cloudSync", planFeatures: ["passwordWriteback"] }))).toBe("optional");
    expect(accountRequirement(ga, context())).toBeUndefined();
    expect(accountRequirement(ga, context({ tool: "cloudSync" }))).toBeUndefined();
  });
});

describe("seamless single sign-on", () => {
  it("needs a Domain Admin in each forest with either tool, and the computer account it creates", () => {
    for (const tool of TOOLS) {
      const needed = required(context({ tool, seamlessSso: true }));
      expect(needed.has("seamlessSsoDomainAdmin"), tool).toBe(true);
      expect(needed.has("seamlessSsoComputer"), tool).toBe(true);
      expect(required(context({ tool })).has("seamlessSsoDomainAdmin"), tool).toBe(false);
    }
  });
});

describe("every plan the vocabularies allow", () => {
  function* contexts(): Generator<ConditionContext> {
    for (const tool of TOOLS)
      for (const installType of INSTALL_TYPES)
        for (const database of DATABASES)
          for (const signIn of SIGN_IN_METHODS_BY_TOOL[tool] as readonly SignInMethod[])
            for (const sourceAnchor of SOURCE_ANCHORS)
              for (const entraAuth of ENTRA_AUTH_MODES)
                for (const gmsaMode of GMSA_MODES)
                  for (const serverRole of SERVER_ROLES)
                    for (const connectorProvisioning of CONNECTOR_PROVISIONING)
                      for (const authenticatingProxy of [false, true])
                        yield context({
                          tool,
                          installType,
                          database,
                          signIn,
                          sourceAnchor,
                          entraAuth,
                          gmsaMode,
                          serverRole,
                          connectorProvisioning,
                          authenticatingProxy,
                          seamlessSso: true,
                          planFeatures: ["passwordWriteback", "deviceWriteback", "exchangeHybrid"],
                          deviceWritebackForest: true,
                          exchangeForest: true,
                        });
  }

  it("gives each account it includes a creation rule, and a service-account kind where one is chosen", () => {
    let checked = 0;
    for (const of of contexts()) {
      for (const account of ACCOUNTS) {
        if (!accountRequirement(account, of)) continue;
        checked += 1;
        expect(firstRuleThatHolds(account.creation, of), account.id).toBeDefined();
        if (account.identity === "serviceAccount") expect(firstRuleThatHolds(account.serviceAccountOptions, of), account.id).toBeDefined();
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it("requires every account of Microsoft's seed article in some plan of its tool", () => {
    const all = [...contexts()];
    for (const account of ACCOUNTS.filter((candidate) => candidate.articleRow)) {
      const tool = account.articleRow!.table;
      expect(all.some((of) => of.tool === tool && accountRequirement(account, of) === "required"), account.id).toBe(true);
    }
  });
});
