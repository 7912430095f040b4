import * as z from "zod/mini";
import {
  ACCOUNT_STATUSES,
  ACCOUNT_TYPES,
  CONNECTOR_PROVISIONING,
  DATABASES,
  DECISION_REQUIREMENTS,
  ENTRA_AUTH_MODES,
  GMSA_MODES,
  INSTALL_TYPES,
  KEY_STORAGES,
  PLAN_FEATURE_IDS,
  SERVER_ROLES,
  SIGN_IN_METHODS,
  SOURCE_ANCHORS,
  TOOLS,
} from "@/lib/catalog";
import { computerNameProblem, fqdnProblem, formatted, safeCharacters, TENANT_ID_PATTERN, TENANT_INITIAL_DOMAIN_PATTERN } from "./formats";
import { checkResultSchema } from "@/lib/validation/check-result";
import { ACCOUNT_KEY_PATTERN, OWNER_ID_PATTERN } from "./keys";
import { MAX_ACCOUNT_ENTRIES, PLAN_LIMITS } from "./limits";

/** Identifies a file as a plan of this app, so a foreign JSON file is named as such. */
export const PLAN_KIND = "entra-sync-account-plan";
export const PLAN_SCHEMA_VERSION = 3;

const DECISION_IDS = DECISION_REQUIREMENTS.map((requirement) => requirement.id) as [string, ...string[]];

// Every string field refuses control characters, noncharacters and bidirectional overrides; identifiers refuse invisible characters too.
const shortText = z.string().check(z.maxLength(PLAN_LIMITS.shortText, "Shorten this to 200 characters or fewer."), safeCharacters("text"));
const shortIdentifier = z.string().check(z.maxLength(PLAN_LIMITS.shortText, "Shorten this to 200 characters or fewer."), safeCharacters("identifier"));
const longText = z.string().check(z.maxLength(PLAN_LIMITS.freeText, "Shorten this to 2,000 characters or fewer."), safeCharacters("multiline"));
const fqdn = formatted(fqdnProblem);
const fqdnOrEmpty = z.union([z.literal(""), fqdn]);
const ownerIdOrEmpty = z.union([z.literal(""), z.string().check(z.regex(OWNER_ID_PATTERN, "Forest ids look like forest-1."))]);

/** Lists each repeat, for lists within their cap: a longer list gets its cap's message instead. */
function uniqueItems<T>(label: string, cap: number) {
  return z.superRefine((items: T[], context) => {
    if (items.length > cap) return;
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = String(item).toLowerCase();
      if (seen.has(value)) {
        context.addIssue({ code: "custom", path: [index], message: `${String(item)} is listed twice in ${label}: remove the repeat.` });
      }
      seen.add(value);
    });
  });
}

export const organisationSchema = z.object({
  name: z.string().check(
    z.minLength(1, "Enter the organisation's name, as it should appear on the worksheet."),
    z.maxLength(PLAN_LIMITS.shortText, "Shorten this to 200 characters or fewer."),
    safeCharacters("text"),
  ),
  preparer: z.string().check(
    z.minLength(1, "Enter the name of the person preparing this plan."),
    z.maxLength(PLAN_LIMITS.shortText, "Shorten this to 200 characters or fewer."),
    safeCharacters("text"),
  ),
  contact: z.union([
    z.literal(""),
    z.email("Enter an email address like name@contoso.com, or leave it empty.").check(z.maxLength(PLAN_LIMITS.email, "Shorten the email address to 254 characters or fewer.")),
  ]),
});

export const tenantSchema = z
  .object({
    initialDomain: z.union([
      z.literal(""),
      z.string().check(z.regex(TENANT_INITIAL_DOMAIN_PATTERN, "Enter the tenant's initial domain, which ends in .onmicrosoft.com (like contoso.onmicrosoft.com).")),
    ]),
    tenantId: z.union([
      z.literal(""),
      z.string().check(z.regex(TENANT_ID_PATTERN, "Enter the tenant ID as a GUID, like 72f988bf-86f1-41af-91ab-2d7cd011db47, or leave it empty.")),
    ]),
  })
  .check(
    z.superRefine((tenant, context) => {
      if (!tenant.initialDomain && !tenant.tenantId) {
        context.addIssue({
          code: "custom",
          path: ["initialDomain"],
          message: "Enter the tenant's initial domain (…onmicrosoft.com) or its tenant ID, so the plan names the right tenant.",
        });
      }
    }),
  );

export const serverSchema = z.object({
  id: z.string().check(z.regex(OWNER_ID_PATTERN, "Server ids look like server-1.")),
  name: formatted(computerNameProblem),
  role: z.enum(SERVER_ROLES),
  staging: z.boolean(),
  /** The Active Directory domain the server is joined to (a Cloud Sync agent's gMSA is created there). */
  domain: fqdnOrEmpty,
});

export const forestSchema = z.object({
  id: z.string().check(z.regex(OWNER_ID_PATTERN, "Forest ids look like forest-1.")),
  rootDomain: fqdn,
  domains: z.array(fqdn).check(
    z.maxLength(PLAN_LIMITS.domainsPerForest, "List at most 100 other domains per forest: plan a larger forest in parts, or list the domains that hold the accounts."),
    uniqueItems("the forest's other domains", PLAN_LIMITS.domainsPerForest),
  ),
  upnSuffixes: z.array(fqdn).check(
    z.maxLength(PLAN_LIMITS.upnSuffixesPerForest, "List at most 200 UPN suffixes per forest: the ones users sign in with, each a domain to verify in the tenant."),
  ),
  /** Distinguished name of the OU where the install-day scripts create this forest's accounts; empty for the default containers. */
  accountsOu: z.string().check(z.maxLength(1000, "Shorten the OU's distinguished name to 1,000 characters or fewer."), safeCharacters("identifier")),
});

/** Server names listed by name only: AD FS servers, Web Application Proxy servers, pass-through agents. */
const serverNames = z.array(formatted(computerNameProblem)).check(
  z.maxLength(PLAN_LIMITS.listedServers, "List at most 40 servers: a tenant registers at most 40 pass-through agents."),
  uniqueItems("the servers", PLAN_LIMITS.listedServers),
);

export const environmentSchema = z.object({
  organisation: organisationSchema,
  tenant: tenantSchema,
  /** The Connect wizard's "User sign-in" page; Cloud Sync sets up password hash sync or leaves sign-in as it is. */
  signIn: z.object({
    method: z.enum(SIGN_IN_METHODS),
    seamlessSso: z.boolean(),
  }),
  connect: z.object({
    installType: z.enum(INSTALL_TYPES),
    database: z.enum(DATABASES),
    entraAuth: z.enum(ENTRA_AUTH_MODES),
    /** One anchor for every Connect server of the tenant, staging servers included. */
    sourceAnchor: z.enum(SOURCE_ANCHORS),
    sourceAnchorAttribute: shortIdentifier,
    /** The full SQL Server's host (remote SQL) and instance name, and who administers it. */
    sqlServer: z.union([z.literal(""), formatted(computerNameProblem)]),
    sqlInstance: shortIdentifier,
    sqlAdministrator: shortText,
    /** The server reaches the internet through a proxy that asks for credentials: rules out the virtual service account. */
    authenticatingProxy: z.boolean(),
    /** The one forest devices are written back to (device writeback supports a single user forest). */
    deviceWritebackForestId: ownerIdOrEmpty,
    /** The forest Exchange is installed in; empty when Exchange is in every forest of the plan. */
    exchangeForestId: ownerIdOrEmpty,
  }),
  cloudSync: z.object({ gmsaMode: z.enum(GMSA_MODES) }),
  federation: z.object({
    adfsServers: serverNames,
    wapServers: serverNames,
  }),
  /** Pass-through authentication agents besides the Connect server, which runs the first one. */
  passThroughAgents: serverNames,
  servers: z.array(serverSchema).check(z.minLength(1, "Add the server the sync software will run on."), z.maxLength(PLAN_LIMITS.servers, "Plan at most 10 servers.")),
  forests: z.array(forestSchema).check(z.minLength(1, "Add at least one Active Directory forest."), z.maxLength(PLAN_LIMITS.forests, "Plan at most 50 forests.")),
  features: z.array(z.enum(PLAN_FEATURE_IDS)).check(
    z.maxLength(PLAN_FEATURE_IDS.length, "Each feature can be chosen once: remove the repeats."),
    uniqueItems("the features", PLAN_FEATURE_IDS.length),
  ),
});

export const accountEntrySchema = z.object({
  /** False when an optional account is deliberately not used. */
  inUse: z.boolean(),
  /** UPN, sAMAccountName, gMSA name or login, depending on the account. */
  name: z.string().check(
    z.maxLength(PLAN_LIMITS.accountName, "Shorten the name to 128 characters or fewer: no account name of any kind here is longer."),
    safeCharacters("identifier"),
  ),
  /** DNS name of the Active Directory domain the account lives in. */
  domain: z.string().check(z.maxLength(PLAN_LIMITS.domainName, "Shorten the domain to 253 characters or fewer."), safeCharacters("identifier")),
  accountType: z.union([z.literal(""), z.enum(ACCOUNT_TYPES)]),
  provisioning: z.union([z.literal(""), z.enum(CONNECTOR_PROVISIONING)]),
  /** For a certificate-based application identity: where the certificate's private key lives. */
  keyStorage: z.union([z.literal(""), z.enum(KEY_STORAGES)]),
  /** The answer to "is it a member of Domain Admins or Enterprise Admins?" */
  privilegedGroupMember: z.boolean(),
  owner: shortText,
  createdBy: shortText,
  status: z.enum(ACCOUNT_STATUSES),
  notes: longText,
});

/**
 * The judged results of one pre-flight file, kept in the plan so every
 * export shows them: which forest or server it was collected for, when, and
 * the results (each fingerprinted with the plan values it judged, like a
 * tenant check). A new file for the same forest or server replaces it.
 */
export const preflightRunSchema = z.object({
  scope: z.enum(["forest", "server"]),
  /** The plan's forest or server id ("forest-1", "server-2"). */
  ownerId: z.string().check(z.regex(OWNER_ID_PATTERN, "Forest and server ids look like forest-1 or server-1.")),
  /** The forest root domain or server name the file says it was collected on. */
  name: shortIdentifier,
  collectedAt: z.iso.datetime({ message: "Dates are ISO 8601 timestamps, like 2026-11-24T09:00:00.000Z." }),
  results: z.array(checkResultSchema).check(
    z.maxLength(PLAN_LIMITS.preflightResultsPerRun, `A pre-flight file's results are at most ${PLAN_LIMITS.preflightResultsPerRun}: load the file again on the Check step.`),
  ),
});

export const planShape = z.object({
  kind: z.literal(PLAN_KIND),
  schemaVersion: z.literal(PLAN_SCHEMA_VERSION),
  updatedAt: z.iso.datetime({ message: "Dates are ISO 8601 timestamps, like 2026-11-24T09:00:00.000Z." }),
  decision: z.object({
    requirements: z.array(z.enum(DECISION_IDS)).check(
      z.maxLength(DECISION_IDS.length, "Each requirement can be chosen once: remove the repeats."),
      uniqueItems("the requirements", DECISION_IDS.length),
    ),
  }),
  tool: z.union([z.enum(TOOLS), z.null()]),
  // Nullable rather than a union with null: an environment over a cap gets that field's own message.
  environment: z.nullable(environmentSchema),
  accounts: z.record(z.string().check(z.regex(ACCOUNT_KEY_PATTERN)), accountEntrySchema, {
    // The issue's path names the key; the file import shows it next to this message.
    error: (issue) =>
      issue.code === "invalid_key" ? "This is not an account of the catalog: remove it, or export the plan again from the planner." : undefined,
  }).check(
    z.refine(
      (accounts) => Object.keys(accounts).length <= MAX_ACCOUNT_ENTRIES,
      `A plan holds at most ${MAX_ACCOUNT_ENTRIES} account entries, one per account of the largest plan: export the plan again from the planner.`,
    ),
  ),
  /** Pre-flight results, one entry per forest or server whose facts were loaded (version 3). */
  preflight: z.array(preflightRunSchema).check(
    z.maxLength(PLAN_LIMITS.preflightRuns, `A plan keeps at most ${PLAN_LIMITS.preflightRuns} pre-flight files, one per forest and per server.`),
    z.refine(
      (runs) => runs.reduce((sum, run) => sum + run.results.length, 0) <= PLAN_LIMITS.preflightResults,
      `A plan keeps at most ${PLAN_LIMITS.preflightResults} pre-flight results: remove the files of forests or servers you no longer plan.`,
    ),
  ),
});

/**
 * The plan's shape: every field and its format. The rules that span several
 * fields are composed onto it in `plan-schema.ts` (`planSchema`); a stored plan
 * that fits this shape is kept even while it breaks those rules.
 */
export type Plan = z.output<typeof planShape>;
export type Environment = z.output<typeof environmentSchema>;
export type AccountEntry = z.output<typeof accountEntrySchema>;
export type Forest = z.output<typeof forestSchema>;
export type Server = z.output<typeof serverSchema>;
export type PreflightRun = z.output<typeof preflightRunSchema>;
