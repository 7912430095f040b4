import { domainOwnerId } from "./keys";

/**
 * Plan files from earlier versions of the planner, brought up to the current
 * shape one version at a time. Each step is pure (JSON in, JSON out) and says
 * in plain words what it changed, so an import can tell the user. Nothing the
 * user entered is dropped: a value with no place in the new shape moves into
 * the notes of the account it belonged to.
 */

type Json = Record<string, unknown>;

export interface MigrationStep {
  from: number;
  to: number;
  migrate(plan: Json): { plan: Json; changes: string[] };
}

export interface MigrationResult {
  plan: Json;
  fromVersion: number;
  changes: string[];
}

const isRecord = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/** Version 1 → 2: sign-in method, source anchor, server domains, the wizard's own facts, one gMSA per agent domain. */
function migrateV1(plan: Json): { plan: Json; changes: string[] } {
  const changes: string[] = [];
  const tool = plan.tool;
  const environment = isRecord(plan.environment) ? plan.environment : null;
  let accounts: Json = isRecord(plan.accounts) ? { ...plan.accounts } : {};
  let nextEnvironment: Json | null = null;

  if (environment) {
    const features = strings(environment.features);
    const has = (feature: string) => features.includes(feature);
    const forests = Array.isArray(environment.forests) ? environment.forests.filter(isRecord) : [];
    const firstForest = forests[0];
    const firstRoot = typeof firstForest?.rootDomain === "string" ? firstForest.rootDomain : "";

    // Sign-in: the features that were sign-in methods become the method the Connect wizard asks for.
    let method = "doNotConfigure";
    if (tool === "connect" && has("federation")) method = "federationAdfs";
    else if (tool === "connect" && has("passThroughAuth")) method = "passThroughAuth";
    else if (has("passwordHashSync")) method = "passwordHashSync";
    if (tool === "connect" && has("federation") && has("passThroughAuth")) {
      changes.push("Both pass-through authentication and federation were ticked; a plan has one sign-in method, so it now uses federation with AD FS. Choose the method on the environment step.");
    }
    let seamlessSso = has("seamlessSso");
    if (seamlessSso && method === "federationAdfs") {
      seamlessSso = false;
      changes.push("Seamless single sign-on was ticked with AD FS federation, which the Connect wizard does not offer together; it is now off.");
    }
    changes.push("The sign-in method is now a question of its own (the Connect wizard's “User sign-in” page), taken from the features you had ticked.");

    const connect = isRecord(environment.connect) ? environment.connect : {};
    if (tool === "connect") {
      changes.push(
        has("msDsConsistencyGuid")
          ? "The source anchor is ms-DS-ConsistencyGuid, as you had chosen; it is now the question “how are users identified”."
          : "The source anchor is now ms-DS-ConsistencyGuid, the Connect default (express and custom): the AD DS Connector accounts get write access to it. Choose objectGUID on the environment step if your tenant already uses it.",
      );
    }
    let deviceWritebackForestId = "";
    if (has("deviceWriteback") && typeof firstForest?.id === "string") {
      deviceWritebackForestId = firstForest.id;
      if (forests.length > 1) {
        changes.push(`Device writeback supports one forest only: the plan now writes devices back to ${firstRoot} alone. Choose another forest on the environment step if needed.`);
      }
    }

    // Servers now say which domain they are joined to. A Cloud Sync plan's gMSA domain was the agents' domain.
    const oldGmsa = isRecord(accounts.cloudSyncGmsa) ? accounts.cloudSyncGmsa : undefined;
    const gmsaDomain = tool === "cloudSync" && typeof oldGmsa?.domain === "string" && oldGmsa.domain ? oldGmsa.domain : "";
    const serverDomain = gmsaDomain || firstRoot;
    const servers = (Array.isArray(environment.servers) ? environment.servers : []).map((server) => (isRecord(server) ? { ...server, domain: serverDomain } : server));
    if (servers.length > 0 && serverDomain) {
      changes.push(`Each server now records the domain it is joined to; all were set to ${serverDomain}. Check them on the environment step.`);
    }

    nextEnvironment = {
      ...environment,
      signIn: { method, seamlessSso },
      connect: {
        ...connect,
        sourceAnchor: "msDsConsistencyGuid",
        sourceAnchorAttribute: "",
        sqlServer: "",
        sqlInstance: "",
        sqlAdministrator: "",
        authenticatingProxy: false,
        deviceWritebackForestId,
        exchangeForestId: "",
      },
      federation: { adfsServers: [], wapServers: [] },
      passThroughAgents: [],
      servers,
      forests: (Array.isArray(environment.forests) ? environment.forests : []).map((forest) => (isRecord(forest) ? { ...forest, accountsOu: "" } : forest)),
      features: features.filter((feature) => !["passThroughAuth", "federation", "seamlessSso", "msDsConsistencyGuid"].includes(feature)),
    };

    // The Cloud Sync gMSA comes once per agent domain now.
    if (oldGmsa && serverDomain) {
      const rest = Object.fromEntries(Object.entries(accounts).filter(([key]) => key !== "cloudSyncGmsa"));
      accounts = { ...rest, [`cloudSyncGmsa@${domainOwnerId(serverDomain)}`]: oldGmsa };
    }
  }

  const migratedAccounts: Json = {};
  for (const [key, value] of Object.entries(accounts)) {
    // The agent's virtual service account is not an account to plan; it never held entries.
    if (key === "cloudSyncAgentService" || key.startsWith("cloudSyncAgentService@")) continue;
    if (!isRecord(value)) {
      migratedAccounts[key] = value;
      continue;
    }
    const entry: Json = { ...value, keyStorage: "" };
    if (key.startsWith("connectAdDsConnector@") && entry.provisioning === "wizard" && typeof entry.name === "string" && entry.name) {
      // The wizard's "Create new account" names the account itself (MSOL_…): the planned name has no use, so it is kept in the notes.
      const note = `Name planned before version 2: ${entry.name} (the Connect wizard names the account it creates MSOL_…, so this name is not used).`;
      entry.notes = typeof entry.notes === "string" && entry.notes ? `${note}\n${entry.notes}` : note;
      entry.name = "";
      changes.push(`The AD DS Connector account ${key.slice(key.indexOf("@") + 1)} is created by the wizard, which names it MSOL_…: the name you had planned is kept in its notes.`);
    }
    migratedAccounts[key] = entry;
  }

  return { plan: { ...plan, schemaVersion: 2, environment: nextEnvironment ?? plan.environment, accounts: migratedAccounts }, changes };
}

/** Version 2 → 3: the plan keeps the results of the on-premises pre-flight; an older plan has none yet. */
function migrateV2(plan: Json): { plan: Json; changes: string[] } {
  return {
    plan: { ...plan, schemaVersion: 3, preflight: [] },
    changes: ["The plan now keeps the results of the on-premises pre-flight: run the pre-flight collectors from the Export step and load their files on the Check step."],
  };
}

export const MIGRATIONS: readonly MigrationStep[] = [
  { from: 1, to: 2, migrate: migrateV1 },
  { from: 2, to: 3, migrate: migrateV2 },
];

/**
 * Applies every step from the plan's version to `targetVersion`. Returns
 * undefined when there is no path (a version the planner never wrote).
 */
export function migratePlan(plan: Json, targetVersion: number): MigrationResult | undefined {
  const fromVersion = typeof plan.schemaVersion === "number" ? plan.schemaVersion : NaN;
  let current = plan;
  let version = fromVersion;
  const changes: string[] = [];
  while (version < targetVersion) {
    const step = MIGRATIONS.find((candidate) => candidate.from === version);
    if (!step) return undefined;
    const result = step.migrate(current);
    current = result.plan;
    changes.push(...result.changes);
    version = step.to;
  }
  return { plan: current, fromVersion, changes };
}

/**
 * A draft also keeps what the user typed into a step that was not valid yet.
 * Those values have the shape of that step's form in the old version: the
 * environment form's values go through the same migration as a plan's
 * environment, and an account form's values gain the new fields.
 */
export function migrateStepValues(stepValues: Record<string, unknown>, storedPlan: unknown, migratedAccountKeys: readonly string[]): Record<string, unknown> {
  const plan = isRecord(storedPlan) ? storedPlan : {};
  const latest = MIGRATIONS[MIGRATIONS.length - 1]!.to;
  const migrated: Record<string, unknown> = {};
  for (const [stepId, values] of Object.entries(stepValues)) {
    if (!isRecord(values)) {
      migrated[stepId] = values;
    } else if (stepId === "environment") {
      const result = migratePlan({ ...plan, environment: values, accounts: {} }, latest);
      migrated[stepId] = result && isRecord(result.plan.environment) ? result.plan.environment : values;
    } else if (stepId.startsWith("account:")) {
      // Version 2 keys the Cloud Sync gMSA by its agents' domain: the typed values follow the entry.
      const key = stepId.slice("account:".length);
      const movedTo = key === "cloudSyncGmsa" ? migratedAccountKeys.find((candidate) => candidate.startsWith("cloudSyncGmsa@")) : undefined;
      migrated[movedTo ? `account:${movedTo}` : stepId] = { keyStorage: "", ...values };
    } else {
      migrated[stepId] = values;
    }
  }
  return migrated;
}
