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
  };
}

/** What the environment form starts from before the user has saved one. */
export function emptyEnvironment(): Environment {
  return {
    organisation: { name: "", preparer: "", contact: "" },
    tenant: { initialDomain: "", tenantId: "" },
    connect: { installType: "custom", database: "localDb", entraAuth: "applicationManaged" },
    cloudSync: { gmsaMode: "default" },
    servers: [{ id: "server-1", name: "", role: "memberServer", staging: false }],
    forests: [{ id: "forest-1", rootDomain: "", domains: [], upnSuffixes: [] }],
    features: ["passwordHashSync"],
  };
}

/** What an account step starts from: the catalog's defaults for this account. */
export function emptyAccountEntry(account: RequiredAccount, status: AccountStatus = "planned"): AccountEntry {
  return {
    inUse: account.requirement === "required",
    name: "",
    domain: account.forest && account.definition.directory === "activeDirectory" ? account.forest.rootDomain : "",
    accountType: account.serviceAccountOption?.default ?? "",
    provisioning: "",
    privilegedGroupMember: false,
    owner: "",
    createdBy: "",
    status,
    notes: "",
  };
}
