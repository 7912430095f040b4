import fc from "fast-check";
import { FEATURES_BY_ID, PLAN_FEATURE_IDS, type PlanFeatureId } from "@/lib/catalog";
import { accountsWithSteps, emptyAccountEntry, emptyEnvironment, emptyPlan, planSchema, type AccountEntry, type Plan, type RequiredAccount } from "@/lib/plan";

/** Plans with one to three forests, child domains, servers spread over them and the choices install day depends on. */

const ROOTS = ["fabrikam.test", "contoso.test", "wingtip.test"];

interface Shape {
  tool: "connect" | "cloudSync";
  forests: { children: number; accountsOu: boolean }[];
  servers: { forest: number; domain: number }[];
  features: PlanFeatureId[];
  signIn: "passwordHashSync" | "doNotConfigure";
  sourceAnchor: "msDsConsistencyGuid" | "objectGUID";
  gmsaMode: "default" | "custom";
  provisioning: ("wizard" | "existing")[];
  serviceGmsa: boolean;
  connectorInChild: boolean;
  exchangeForest: number;
  express: boolean;
}

function entryFor(account: RequiredAccount, shape: Shape, plan: Plan): AccountEntry {
  const environment = plan.environment!;
  const base = { ...emptyAccountEntry(account), inUse: true };
  const forestRoot = account.forest?.rootDomain ?? environment.forests[0]!.rootDomain;
  const forestIndex = account.forest ? environment.forests.indexOf(account.forest) : 0;
  switch (account.definition.identity) {
    case "upn":
      return { ...base, name: `admin.${account.definition.id.toLowerCase()}@contoso.onmicrosoft.com` };
    case "adUser": {
      if (!account.definition.provisioningChoice) return { ...base, name: "admin1", domain: forestRoot };
      const child = account.forest!.domains[0];
      return { ...base, name: `svc-sync-${forestIndex + 1}`, domain: shape.connectorInChild && child ? child : forestRoot, provisioning: shape.provisioning[forestIndex] ?? "existing" };
    }
    case "localOrDomainUser":
      return { ...base, name: "installer", domain: "" };
    case "gmsa":
      return { ...base, name: account.defaultName ? "" : `gmsaAgent${forestIndex}$`, domain: account.domain ?? forestRoot };
    case "serviceAccount": {
      const option = account.serviceAccountOption;
      const domain = account.server?.domain ?? forestRoot;
      if (option?.allowed.includes("gmsa") && shape.serviceGmsa) return { ...base, accountType: "gmsa", name: "gmsaADSync$", domain };
      const type = option?.default ?? "vsa";
      if (type === "domainUser") return { ...base, accountType: type, name: "svc-adsync", domain };
      if (type === "localUser") return { ...base, accountType: type, name: "adsync", domain: "" };
      return { ...base, accountType: type, name: "", domain: "" };
    }
    case "sqlLogin":
      return { ...base, name: "CONTOSO\\sql-admin", domain: "" };
    case "application":
    case "generated":
      return { ...base, domain: "" };
  }
}

export function planOfShape(shape: Shape): Plan {
  const environment = emptyEnvironment();
  environment.organisation = { name: "Plan Test", preparer: "Tester", contact: "" };
  environment.tenant = { initialDomain: "contoso.onmicrosoft.com", tenantId: "" };
  environment.forests = shape.forests.map((forest, index) => {
    const root = ROOTS[index]!;
    return {
      id: `forest-${index + 1}`,
      rootDomain: root,
      domains: Array.from({ length: forest.children }, (_, child) => `child${child + 1}.${root}`),
      upnSuffixes: [root],
      accountsOu: forest.accountsOu ? `OU=Sync Accounts,${root.split(".").map((label) => `DC=${label}`).join(",")}` : "",
    };
  });
  environment.servers = shape.servers.map((server, index) => {
    const forest = environment.forests[server.forest % environment.forests.length]!;
    const domains = [forest.rootDomain, ...forest.domains];
    return { id: `server-${index + 1}`, name: `SYNC0${index + 1}`, role: "memberServer", staging: shape.tool === "connect" && index > 0, domain: domains[server.domain % domains.length]! };
  });
  environment.features = shape.features.filter((id) => FEATURES_BY_ID[id].support[shape.tool] !== "unavailable" && id !== "deviceWriteback");
  environment.signIn = { method: shape.signIn, seamlessSso: false };
  environment.connect.sourceAnchor = shape.sourceAnchor;
  environment.connect.exchangeForestId = environment.forests[shape.exchangeForest % environment.forests.length]!.id;
  environment.cloudSync.gmsaMode = shape.gmsaMode;
  // Express settings: one forest, password hash sync, the ms-DS-ConsistencyGuid anchor, the wizard creates the connector.
  if (shape.express && shape.tool === "connect" && environment.forests.length === 1) {
    environment.connect.installType = "express";
    environment.features = environment.features.filter((id) => FEATURES_BY_ID[id].inExpress);
    environment.signIn = { method: "passwordHashSync", seamlessSso: false };
  }
  const plan: Plan = { ...emptyPlan(new Date("2026-11-25T09:00:00.000Z")), tool: shape.tool, environment };
  const accounts: Plan["accounts"] = {};
  // Connector entries first: which of them the wizard creates changes which other accounts the plan needs.
  for (let round = 0; round < 2; round += 1) {
    for (const account of accountsWithSteps({ ...plan, accounts })) accounts[account.key] ??= entryFor(account, shape, { ...plan, accounts });
  }
  return { ...plan, accounts };
}

export const shapes: fc.Arbitrary<Shape> = fc.record({
  tool: fc.constantFrom("connect" as const, "cloudSync" as const),
  forests: fc.array(fc.record({ children: fc.integer({ min: 0, max: 2 }), accountsOu: fc.boolean() }), { minLength: 1, maxLength: 3 }),
  servers: fc.array(fc.record({ forest: fc.nat(5), domain: fc.nat(5) }), { minLength: 1, maxLength: 3 }),
  features: fc.subarray([...PLAN_FEATURE_IDS]),
  signIn: fc.constantFrom("passwordHashSync" as const, "doNotConfigure" as const),
  sourceAnchor: fc.constantFrom("msDsConsistencyGuid" as const, "objectGUID" as const),
  gmsaMode: fc.constantFrom("default" as const, "custom" as const),
  provisioning: fc.array(fc.constantFrom("wizard" as const, "existing" as const), { minLength: 3, maxLength: 3 }),
  serviceGmsa: fc.boolean(),
  connectorInChild: fc.boolean(),
  exchangeForest: fc.nat(5),
  express: fc.boolean(),
});

/** Generated plans the schema accepts (the generator aims for valid ones; any it misses are reported by the property). */
export const validPlans: fc.Arbitrary<Plan> = shapes.map(planOfShape).filter((plan) => planSchema.safeParse(plan).success);
