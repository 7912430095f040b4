import * as z from "zod/mini";

/**
 * The pre-flight facts file: what a read-only collector (lib/preflight/collector.ts)
 * read in one forest or on one server, before or after install day. Raw facts
 * only, judged later in the browser. Shared by the Check step's upload and the
 * server; published as /preflight.schema.json.
 *
 * Every property here is one the collector writes, and the collector writes no
 * other (tests/unit/preflight-collector.test.ts compares the two). A value the
 * collector could not read is null and named in `unreadable`. Objects are
 * strict: a property the schema does not list (a key, a password) is refused.
 */

/** Identifies a file as pre-flight facts of this app, so a plan or a foreign JSON file is named as such. */
export const PREFLIGHT_FACTS_KIND = "entra-sync-preflight-facts";
export const PREFLIGHT_FACTS_SCHEMA_VERSION = 1;

/** Caps that keep an uploaded file's size bounded; far above a real forest's counts. */
export const PREFLIGHT_LIMITS = { text: 2048, list: 5000 } as const;

const text = z.string().check(z.maxLength(PREFLIGHT_LIMITS.text));
const optionalText = z.nullable(text);
const integer = z.nullable(z.number().check(z.int()));
const list = <T extends z.core.SomeType>(item: T) => z.array(item).check(z.maxLength(PREFLIGHT_LIMITS.list));
/** ISO 8601 with an offset or Z, as PowerShell's ToString('o') writes a UTC time (seven fractional digits). */
const timestamp = z.iso.datetime({ offset: true });
const guid = z.string().check(z.regex(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/));

/** Where and as whom the collector ran: names only, never a credential. */
const ranBySchema = z.strictObject({
  /** $env:COMPUTERNAME. */
  computer: text,
  /** The computer's DNS domain (HKLM Tcpip\Parameters Domain); empty on a workgroup machine. */
  domain: text,
  /** DOMAIN\user of the account that ran it. */
  userName: text,
});

/** The plan the collector was generated from. */
const planRefSchema = z.strictObject({
  organisation: text,
  tool: z.enum(["connect", "cloudSync"]),
  /** The collector's id, like "preflight-forest-fabrikam-com": also the name of its .ps1 file. */
  collectorId: z.string().check(z.regex(/^[a-z0-9-]{1,120}$/)),
  /** 16 hex digits of SHA-256 over the plan values the collector was generated from (lib/preflight/collector.ts). */
  fingerprint: z.string().check(z.regex(/^[0-9a-f]{16}$/)),
});

/**
 * A fact the collector could not read, and why (the exception's message). `about` says which, for the
 * judge: forest, schemaObjectVersion, kdsRootKeys, forestRootSid, localAdministrators, credentialManager,
 * or a kind and whom it is of: domain:, domainControllers:, rootAces:, adminSdHolderAces:, leftovers:
 * (a domain's name), account:, groups:, allowedPrincipals: (a plan account key), computer: (a host).
 * A rule whose input is named here says it could not read it rather than pass.
 */
// Optional so a file from the first collector (without it) still reads: its unreadable facts then name nothing the judge knows.
const unreadableSchema = z.strictObject({ about: z.optional(text), fact: text, message: text });

/** The `about` keys of facts read once per file, and the kinds of those read per domain, account or host (kind:whom). */
export const UNREADABLE_FACTS = ["forest", "schemaObjectVersion", "kdsRootKeys", "forestRootSid", "localAdministrators", "credentialManager"] as const;
export const UNREADABLE_KINDS = ["domain", "domainControllers", "rootAces", "adminSdHolderAces", "leftovers", "account", "groups", "allowedPrincipals", "computer"] as const;
export type UnreadableAbout = (typeof UNREADABLE_FACTS)[number] | `${(typeof UNREADABLE_KINDS)[number]}:${string}`;

const domainControllerSchema = z.strictObject({
  hostName: text,
  operatingSystem: optionalText,
  operatingSystemVersion: optionalText,
  site: optionalText,
});

/** One access control entry, as .NET names it (ActiveDirectoryAccessRule). */
const aceSchema = z.strictObject({
  /** The trustee as DOMAIN\name (or a SID when it does not resolve). */
  identity: text,
  /** The planned account this entry names: its sAMAccountName as the plan has it (or the MSOL_ prefix for the wizard's connector). */
  plannedAccount: text,
  accessControlType: z.enum(["Allow", "Deny"]),
  /** ActiveDirectoryRights flag names, comma-separated: "ReadProperty, WriteProperty", "ExtendedRight", "GenericAll". */
  rights: text,
  /** The right, property or property set the entry is limited to; all zeros for none. */
  objectType: guid,
  /** The class of objects it applies to; all zeros for all. */
  inheritedObjectType: guid,
  /** ActiveDirectorySecurityInheritance: None, All, Descendents, SelfAndChildren, Children. */
  inheritanceType: text,
  isInherited: z.boolean(),
});

/** A principal allowed to retrieve a gMSA's password (msDS-GroupMSAMembership, as PrincipalsAllowedToRetrieveManagedPassword). */
const allowedPrincipalSchema = z.strictObject({
  distinguishedName: text,
  name: optionalText,
  /** "computer", "group", "user", ...; null when the DN no longer resolves. */
  objectClass: optionalText,
});

/**
 * Well-known groups the collector looks for in an account's tokenGroups (nested membership included).
 * Domain-relative RIDs are matched against the account's own domain, Enterprise and Schema Admins
 * against the forest root domain.
 */
export const PRIVILEGED_GROUPS = [
  "Domain Admins",
  "Enterprise Admins",
  "Schema Admins",
  "Administrators",
  "Account Operators",
  "Server Operators",
  "Backup Operators",
  "Print Operators",
  "Protected Users",
  "Key Admins",
  "Enterprise Key Admins",
] as const;

/**
 * One account the plan names in this forest. `status`: found; notFound (the plan expects it to exist,
 * or an admin creates it on install day); notCreatedYet (the Connect wizard or the agent installer
 * creates it, so before install it is not a failure). Facts are null unless found.
 */
const accountSchema = z.strictObject({
  /** The plan's account entry, like "connectAdDsConnector@forest-1". */
  accountKey: text,
  /** sAMAccountName looked up (gMSAs and computers with their trailing $); empty when the wizard names it. */
  name: text,
  domain: text,
  objectKind: z.enum(["user", "gmsa", "computer"]),
  createdBy: z.enum(["plan", "wizard"]),
  status: z.enum(["found", "notFound", "notCreatedYet"]),
  distinguishedName: optionalText,
  enabled: z.nullable(z.boolean()),
  adminCount: integer,
  /** The raw userAccountControl value; flags are decoded by the judge. */
  userAccountControl: integer,
  /** msDS-SupportedEncryptionTypes; null when not set (the domain's default applies). */
  supportedEncryptionTypes: integer,
  privilegedGroups: list(z.enum(PRIVILEGED_GROUPS)),
  /** gMSAs only (empty otherwise). */
  allowedPrincipals: list(allowedPrincipalSchema),
});

/** A planned host the collector looked up (the computers a gMSA is meant for), with its direct groups. */
const computerSchema = z.strictObject({
  name: text,
  domain: text,
  status: z.enum(["found", "notFound"]),
  distinguishedName: optionalText,
  /** Direct memberOf DNs: a gMSA may allow a group the host is in. */
  memberOf: list(text),
});

/** An object left by an earlier attempt (or made by this install): sAMAccountName MSOL_*, Sync_* or AZUREADSSOACC*. */
const leftoverSchema = z.strictObject({
  name: text,
  objectClass: text,
  distinguishedName: text,
  whenCreated: z.nullable(timestamp),
  enabled: z.nullable(z.boolean()),
});

const domainSchema = z.strictObject({
  /** The domain's DNS name as the plan has it. */
  name: text,
  status: z.enum(["found", "notFound"]),
  netBiosName: optionalText,
  distinguishedName: optionalText,
  /** ADDomainMode, like "Windows2016Domain". */
  domainMode: optionalText,
  domainControllers: list(domainControllerSchema),
  /** Entries on the domain root naming a planned connector account. */
  rootAces: list(aceSchema),
  /** Entries on CN=AdminSDHolder,CN=System naming a planned connector account. */
  adminSdHolderAces: list(aceSchema),
  leftovers: list(leftoverSchema),
});

const forestFactsSchema = z.strictObject({
  /** The forest root domain as the plan has it. */
  plannedName: text,
  /** Get-ADForest's Name where the collector ran; compare with plannedName. */
  name: optionalText,
  /** ADForestMode, like "Windows2016Forest". */
  forestMode: optionalText,
  /** objectVersion of the schema naming context: 56 is Windows Server 2012, 69 is 2012 R2, 87 is 2016. */
  schemaObjectVersion: integer,
  /** Each KDS root key's effective time only: never its key material. Empty when the forest has none. */
  kdsRootKeys: list(z.strictObject({ effectiveTime: timestamp })),
  domains: list(domainSchema),
  accounts: list(accountSchema),
  computers: list(computerSchema),
});

const netFrameworkTlsSchema = z.strictObject({ systemDefaultTlsVersions: integer, schUseStrongCrypto: integer });
const schannelTlsSchema = z.strictObject({ enabled: integer, disabledByDefault: integer });

const serverFactsSchema = z.strictObject({
  /** The computer name as the plan has it; compare with ranBy.computer. */
  plannedName: text,
  role: z.enum(["connectServer", "agentHost"]),
  /** From HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion. */
  os: z.strictObject({
    productName: optionalText,
    editionId: optionalText,
    /** "Server" or "Server Core". */
    installationType: optionalText,
    currentBuild: optionalText,
    ubr: integer,
  }),
  /** HKLM:\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full Release; null without .NET 4.5 or later. */
  dotNetRelease: integer,
  tls12: z.strictObject({
    /** HKLM:\SOFTWARE\Microsoft\.NETFramework\v4.0.30319. */
    netFramework64: netFrameworkTlsSchema,
    /** HKLM:\SOFTWARE\WOW6432Node\Microsoft\.NETFramework\v4.0.30319. */
    netFramework32: netFrameworkTlsSchema,
    /** HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\SCHANNEL\Protocols\TLS 1.2\Server. */
    schannelServer: schannelTlsSchema,
    /** ...\TLS 1.2\Client. */
    schannelClient: schannelTlsSchema,
  }),
  powerShell: z.strictObject({
    /** $PSVersionTable.PSVersion, like "5.1.17763.1". */
    version: text,
    /** Get-ExecutionPolicy's effective policy and each scope's ("Undefined", "RemoteSigned", ...). */
    executionPolicy: z.strictObject({
      effective: optionalText,
      machinePolicy: optionalText,
      userPolicy: optionalText,
      process: optionalText,
      currentUser: optionalText,
      localMachine: optionalText,
    }),
  }),
  /** Members of the built-in Administrators group (S-1-5-32-544). */
  localAdministrators: list(z.strictObject({ name: text, objectClass: optionalText, principalSource: optionalText })),
  /** The Credential Manager service (VaultSvc). */
  credentialManager: z.strictObject({ status: optionalText, startType: optionalText }),
  /** Cloud Sync agent hosts only (null on a Connect server): HKLM:\SYSTEM\CurrentControlSet\Control\Lsa and Lsa\MSV1_0. */
  ntlm: z.nullable(
    z.strictObject({
      lmCompatibilityLevel: integer,
      restrictSendingNtlmTraffic: integer,
      restrictReceivingNtlmTraffic: integer,
      ntlmMinClientSec: integer,
      ntlmMinServerSec: integer,
    }),
  ),
});

const common = {
  kind: z.literal(PREFLIGHT_FACTS_KIND),
  schemaVersion: z.literal(PREFLIGHT_FACTS_SCHEMA_VERSION),
  collectedAt: timestamp,
  ranBy: ranBySchema,
  plan: planRefSchema,
  unreadable: list(unreadableSchema),
};

export const forestPreflightFactsSchema = z.strictObject({ ...common, scope: z.literal("forest"), forest: forestFactsSchema });
export const serverPreflightFactsSchema = z.strictObject({ ...common, scope: z.literal("server"), server: serverFactsSchema });

/** One pre-flight facts file: a forest's or a server's. */
export const preflightFactsSchema = z.discriminatedUnion("scope", [forestPreflightFactsSchema, serverPreflightFactsSchema]);

export type PreflightFacts = z.output<typeof preflightFactsSchema>;
export type ForestPreflightFacts = z.output<typeof forestPreflightFactsSchema>;
export type ServerPreflightFacts = z.output<typeof serverPreflightFactsSchema>;
export type PreflightAccountFacts = ForestPreflightFacts["forest"]["accounts"][number];
export type PreflightAce = ForestPreflightFacts["forest"]["domains"][number]["rootAces"][number];
export type PrivilegedGroup = (typeof PRIVILEGED_GROUPS)[number];
