import { ACCOUNTS_BY_ID } from "./index";
import { fact, INTRODUCTION } from "./fact";
import { FEATURES_BY_ID } from "./features";
import { HARDENING, KDS_ROOT_KEY } from "./install-day";
import { SERVER_REQUIREMENTS } from "./servers";
import type { AccountId, Fact } from "./types";

/**
 * The rules the Check step judges a pre-flight file by (lib/preflight/),
 * each with the statements of Microsoft's pages it applies. A statement the
 * catalog already holds is taken from where it is written, not restated.
 */

/** One of the catalog's statements, found by its page, section and a phrase of it; a missing one fails the catalog's tests. */
function stated(facts: readonly Fact[], source: string, phrase: string): Fact {
  const found = facts.find((candidate) => candidate.cite.source === source && candidate.text.includes(phrase));
  if (!found) throw new Error(`The catalog states nothing on ${source} with “${phrase}”.`);
  return found;
}

const constraintsOf = (id: AccountId) => [...ACCOUNTS_BY_ID[id].constraints, ...ACCOUNTS_BY_ID[id].securityNotes];

/** objectVersion of the schema naming context for each Windows Server schema (the archived TechNet table on Learn). */
export const SCHEMA_OBJECT_VERSIONS = { windowsServer2012: 56, windowsServer2012R2: 69, windowsServer2016: 87 } as const;

/** The lowest Release value of each .NET Framework version (HKLM\SOFTWARE\Microsoft\NET Framework Setup\NDP\v4\Full). */
export const DOTNET_RELEASES = { "4.7.1": 461308, "4.7.2": 461808 } as const;

/** msDS-SupportedEncryptionTypes bits. */
export const ENCRYPTION_TYPE_BITS = { rc4: 0x4, aes128: 0x8, aes256: 0x10 } as const;

/** Execution policies the provisioning agent's installer runs under. */
export const AGENT_EXECUTION_POLICIES = ["Undefined", "RemoteSigned"] as const;

const schemaTable = fact(
  "The schema's objectVersion is 56 for Windows Server 2012, 69 for Windows Server 2012 R2 and 87 for Windows Server 2016 (88 for 2019 and 2022).",
  "adSchemaVersions",
  INTRODUCTION,
);

export interface PreflightRuleFacts {
  /** What the rule checks, as a result's title starts. */
  title: string;
  /** The statements it applies; the first one's page is the result's Learn link. */
  facts: readonly Fact[];
  /**
   * The accounts whose install-day to-do this rule answers: the requirement the
   * to-do states (the account's first constraint) is what the rule judges. A
   * result of any other rule sits beside the to-do and never hides it.
   */
  answers?: readonly AccountId[];
}

export const PREFLIGHT_RULES = {
  kdsRootKey: { title: "KDS root key", facts: [KDS_ROOT_KEY.wait, KDS_ROOT_KEY.whoCreates, KDS_ROOT_KEY.onDomainController] },
  gmsaSchema: {
    title: "Schema and domain controllers for a gMSA",
    facts: [stated(SERVER_REQUIREMENTS.cloudSync.requirements, "cloudSyncPrerequisites", "Windows Server 2012 or later"), schemaTable],
  },
  cloudSyncSchema: {
    title: "Schema holds msDS-ExternalDirectoryObjectId",
    facts: [
      fact(
        "Active Directory at Windows Server 2016 or later is required for the schema attribute msDS-ExternalDirectoryObjectId.",
        "cloudSyncGroupProvisioning",
        "General requirements",
      ),
      stated(constraintsOf("cloudSyncGmsa"), "cloudSyncPrerequisites", "msDS-ExternalDirectoryObjectId"),
      schemaTable,
    ],
  },
  deviceWritebackSchema: {
    title: "Schema for device writeback",
    facts: [stated(FEATURES_BY_ID.deviceWriteback.notes ?? [], "deviceWriteback", "2012 R2"), schemaTable],
  },
  gmsaRetrieval: {
    title: "Hosts can retrieve the gMSA's password",
    facts: [
      fact(
        "PrincipalsAllowedToRetrieveManagedPassword names the computers, or groups of computers, that may retrieve a group managed service account's password; a host not among them cannot run a service as the gMSA.",
        "setAdServiceAccount",
        "-PrincipalsAllowedToRetrieveManagedPassword",
      ),
    ],
  },
  gmsaEncryption: {
    title: "AES for the gMSA's Kerberos keys",
    facts: [
      fact(
        "msDS-SupportedEncryptionTypes holds one bit per encryption type: 0x4 RC4-HMAC, 0x8 AES128 and 0x10 AES256; AES is the recommended choice, so where RC4 is turned off an account without the AES bits gets no tickets.",
        "kerberosEncryptionTypes",
        INTRODUCTION,
      ),
    ],
  },
  connectorOrdinaryUser: {
    title: "An ordinary, enabled user",
    facts: [stated(constraintsOf("connectAdDsConnector"), "connectAccounts", "ordinary user")],
    answers: ["connectAdDsConnector"],
  },
  connectorNotPrivileged: {
    title: "Not in Domain Admins or Enterprise Admins",
    facts: [stated(constraintsOf("connectAdDsConnector"), "connectCustom", "Enterprise Admins or Domain Admins")],
  },
  /** adminCount 1: the account is, or was, in a group AdminSDHolder protects. */
  connectorNotProtected: {
    title: "Not protected by AdminSDHolder",
    facts: [stated(constraintsOf("connectAdDsConnector"), "connectCustom", "Enterprise Admins or Domain Admins"), HARDENING.connector],
  },
  /** An entry on AdminSDHolder: the documented, not recommended, -IncludeAdminSdHolders grant over protected objects. */
  connectorAdminSdHolderEntries: {
    title: "No rights over AdminSDHolder-protected objects",
    facts: [stated(constraintsOf("connectAdDsConnector"), "connectConnectorAccount", "-IncludeAdminSdHolders")],
  },
  /** Each finding cites the account's own catalog statement: its first constraint. */
  accountExists: { title: "Exists as planned", facts: [] },
  /** Each finding cites the catalog's statement of the right (the account's rights for the chosen features). */
  rights: { title: "Rights on the domain roots", facts: [] },
  enterpriseAdminMember: {
    title: "Member of Enterprise Admins",
    facts: [stated(constraintsOf("connectEnterpriseAdmin"), "connectExpress", "Enterprise Admin"), stated(constraintsOf("connectEnterpriseAdmin"), "connectAccounts", "rather than a Domain Admin")],
    answers: ["connectEnterpriseAdmin"],
  },
  ssoAdminDomainAdmin: {
    title: "Member of Domain Admins",
    facts: [stated(constraintsOf("seamlessSsoDomainAdmin"), "seamlessSso", "A Domain Admin of each")],
    answers: ["seamlessSsoDomainAdmin"],
  },
  localAdministratorMember: {
    title: "Member of the server's local Administrators",
    facts: [stated(constraintsOf("connectLocalAdmin"), "connectExpress", "local administrator")],
    answers: ["connectLocalAdmin"],
  },
  ssoAdminNotProtectedUser: {
    title: "Not in Protected Users",
    facts: [stated(constraintsOf("seamlessSsoDomainAdmin"), "cloudSyncSso", "Protected Users")],
  },
  leftovers: {
    title: "Objects from an earlier attempt",
    facts: [
      fact(
        "The accounts the Connect wizard creates are named MSOL_ followed by a generated suffix; the seamless single sign-on computer account is AZUREADSSOACC.",
        "connectConnectorAccount",
        "Overview",
      ),
    ],
  },
  connectServerOs: {
    title: "Windows Server version and edition",
    facts: [stated(SERVER_REQUIREMENTS.connect.requirements, "connectPrerequisites", "Server Core")],
  },
  agentHostOs: {
    title: "Windows Server version and edition",
    facts: [
      stated(SERVER_REQUIREMENTS.cloudSync.requirements, "cloudSyncPrerequisites", "Windows Server 2016, 2019 or 2022"),
      stated(SERVER_REQUIREMENTS.cloudSync.requirements, "cloudSyncPrerequisites", "Server Core"),
    ],
  },
  connectDotNet: {
    title: ".NET Framework 4.7.2 or later",
    facts: [
      stated(SERVER_REQUIREMENTS.connect.requirements, "connectSecurityUpdates", "4.7.2"),
      fact("A Release value of 461808 or more in HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full means .NET Framework 4.7.2 or later.", "dotNetVersions", ".NET Framework 4.5 and later versions › Minimum version"),
    ],
  },
  agentDotNet: {
    title: ".NET Framework 4.7.1 or later",
    facts: [
      stated(SERVER_REQUIREMENTS.cloudSync.requirements, "cloudSyncPrerequisites", "4.7.1"),
      fact("A Release value of 461308 or more in HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full means .NET Framework 4.7.1 or later.", "dotNetVersions", ".NET Framework 4.5 and later versions › Minimum version"),
    ],
  },
  connectTls12: {
    title: "TLS 1.2",
    facts: [
      fact("From Connect 2.0, TLS 1.0 and 1.1 are no longer supported and installation fails if TLS 1.2 isn't enabled.", "connectPrerequisites", "Connectivity"),
      fact(
        "To use TLS 1.2 only, set SystemDefaultTlsVersions and SchUseStrongCrypto to 1 under both .NETFramework\\v4.0.30319 keys (64- and 32-bit), and Enabled 1 and DisabledByDefault 0 for the SCHANNEL TLS 1.2 Server and Client keys, then restart; the page says versions from 2.4.131.0 no longer require this before install or upgrade.",
        "connectTlsEnforcement",
        "Enable TLS 1.2",
      ),
    ],
  },
  agentExecutionPolicy: {
    title: "PowerShell execution policy",
    facts: [stated(SERVER_REQUIREMENTS.cloudSync.requirements, "cloudSyncPrerequisites", "Undefined or RemoteSigned")],
  },
  agentCredentialManager: {
    title: "Credential Manager service",
    facts: [stated(SERVER_REQUIREMENTS.cloudSync.requirements, "cloudSyncPrerequisites", "VaultSvc")],
  },
} as const satisfies Record<string, PreflightRuleFacts>;

export type PreflightRuleId = keyof typeof PREFLIGHT_RULES;
