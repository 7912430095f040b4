import type { AccountStatus } from "@/lib/catalog";
import type { RequiredAccount } from "./derive";
import { PLAN_KIND, PLAN_SCHEMA_VERSION, type AccountEntry, type Environment, type Plan } from "./schema";

export function emptyPlan(now: Date = new Date()): Plan {
  return {
    kind: PLAN_KIND,
    schemaVersion: PLAN_SCHEMA_VERSION,
    updatedAt: now.toISOString(),
    decision: { requirements: [] },
    tool: null,
    environment: null,
    accounts: {},
    preflight: [],
  };
}

/** What the environment form starts from before the user has saved one. */
export function emptyEnvironment(): Environment {
  return {
    organisation: { name: "", preparer: "", contact: "" },
    tenant: { initialDomain: "", tenantId: "" },
    signIn: { method: "passwordHashSync", seamlessSso: false },
    connect: {
      installType: "custom",
      database: "localDb",
      // A new plan uses application-based authentication, which Connect sets up during installation.
      entraAuth: "applicationManaged",
      // The express and custom default: "Let Microsoft Entra ID manage the source anchor".
      sourceAnchor: "msDsConsistencyGuid",
      sourceAnchorAttribute: "",
      sqlServer: "",
      sqlInstance: "",
      sqlAdministrator: "",
      authenticatingProxy: false,
      deviceWritebackForestId: "",
      exchangeForestId: "",
    },
    cloudSync: { gmsaMode: "default" },
    federation: { adfsServers: [], wapServers: [] },
    passThroughAgents: [],
    servers: [{ id: "server-1", name: "", role: "memberServer", staging: false, domain: "" }],
    forests: [{ id: "forest-1", rootDomain: "", domains: [], upnSuffixes: [], accountsOu: "" }],
    features: [],
  };
}

/** What an account step starts from: the catalog's defaults for this account. */
export function emptyAccountEntry(account: RequiredAccount, status: AccountStatus = "planned"): AccountEntry {
  return {
    inUse: account.requirement === "required",
    name: "",
    domain: account.domain ?? (account.forest && account.definition.directory === "activeDirectory" ? account.forest.rootDomain : ""),
    accountType: account.serviceAccountOption?.default ?? "",
    provisioning: "",
    keyStorage: "",
    privilegedGroupMember: false,
    owner: "",
    createdBy: "",
    status,
    notes: "",
  };
}
