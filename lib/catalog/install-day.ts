import { AD_SCHEMA, type AdSchemaId } from "./ad-rights";
import { cite, fact, INTRODUCTION } from "./fact";
import type { Citation, Fact } from "./types";

/**
 * Facts the install-day scripts act on that the account catalog states only
 * in words: which access control entries each grant writes (so a script can
 * check them afterwards), where Microsoft's modules live, how long a new KDS
 * root key takes, and the well-known groups a script checks its caller for.
 */

/** Rights of an access control entry, named as .NET's ActiveDirectoryRights names them. */
export type AceRight = "ReadProperty" | "WriteProperty" | "ExtendedRight" | "GenericRead" | "GenericWrite" | "CreateChild" | "DeleteChild" | "Delete" | "DeleteTree";

/** One access control entry a grant writes on a domain's root object. */
export interface AceSpec {
  rights: readonly AceRight[];
  /** The extended right or attribute the entry names; none when it covers all properties. */
  object?: AdSchemaId;
  /** On the domain object itself, or inherited by descendant objects of a class (its LDAP display name). */
  appliesTo: "domainRoot" | { descendantClass: string };
}

export interface GrantFact {
  aces: readonly AceSpec[];
  cite: Citation;
}

const descendants = (descendantClass: string) => ({ descendantClass }) as const;
const readOn = (...classes: string[]): AceSpec[] => classes.map((name) => ({ rights: ["ReadProperty"], appliesTo: descendants(name) }));
const readWriteOn = (...classes: string[]): AceSpec[] => classes.map((name) => ({ rights: ["ReadProperty", "WriteProperty"], appliesTo: descendants(name) }));

const ADSYNCCONFIG_REFERENCE = (cmdlet: string) => cite("connectAdSyncConfig", `${cmdlet} › DESCRIPTION`);

/**
 * What each ADSyncConfig cmdlet writes on the root of every domain of the
 * forest it runs in, as its reference describes it. A script compares these
 * with the domain roots' ACLs before granting (to skip what is there) and
 * after (to find what failed).
 */
export const ADSYNCCONFIG_GRANTS: Readonly<Record<string, GrantFact>> = {
  "Set-ADSyncBasicReadPermissions": {
    aces: readOn("computer", "device", "foreignSecurityPrincipal", "user", "inetOrgPerson", "group", "contact"),
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncBasicReadPermissions"),
  },
  "Set-ADSyncMsDsConsistencyGuidPermissions": {
    aces: [{ rights: ["ReadProperty", "WriteProperty"], object: "msDsConsistencyGuid", appliesTo: descendants("user") }],
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncMsDsConsistencyGuidPermissions"),
  },
  "Set-ADSyncPasswordHashSyncPermissions": {
    aces: [
      { rights: ["ExtendedRight"], object: "replicatingDirectoryChanges", appliesTo: "domainRoot" },
      { rights: ["ExtendedRight"], object: "replicatingDirectoryChangesAll", appliesTo: "domainRoot" },
    ],
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncPasswordHashSyncPermissions"),
  },
  "Set-ADSyncPasswordWritebackPermissions": {
    aces: [
      { rights: ["ExtendedRight"], object: "resetPassword", appliesTo: descendants("user") },
      { rights: ["WriteProperty"], object: "lockoutTime", appliesTo: descendants("user") },
      { rights: ["WriteProperty"], object: "pwdLastSet", appliesTo: descendants("user") },
    ],
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncPasswordWritebackPermissions"),
  },
  "Set-ADSyncUnifiedGroupWritebackPermissions": {
    aces: [{ rights: ["GenericRead", "GenericWrite", "CreateChild", "DeleteChild", "Delete", "DeleteTree"], appliesTo: descendants("group") }],
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncUnifiedGroupWritebackPermissions"),
  },
  "Set-ADSyncExchangeHybridPermissions": {
    aces: readWriteOn("user", "inetOrgPerson", "group", "contact"),
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncExchangeHybridPermissions"),
  },
  "Set-ADSyncExchangeMailPublicFolderPermissions": {
    aces: readOn("publicFolder"),
    cite: ADSYNCCONFIG_REFERENCE("Set-ADSyncExchangeMailPublicFolderPermissions"),
  },
};

/**
 * Rights no cmdlet grants, granted on each domain root with dsacls: the
 * entry to check, dsacls's permission text (extended rights by display
 * name, as dsacls takes them) and its inheritance flag.
 */
export interface DsaclsGrantFact {
  ace: AceSpec;
  permission: string;
  /** dsacls /I: S = sub-objects only, T = this object and sub-objects. */
  inheritance: "S" | "T";
  cite: Citation;
}

const SSPR_PERMISSIONS = cite("ssprWriteback", "Configure account permissions for Microsoft Entra Connect");

export const DSACLS_GRANTS: Readonly<Partial<Record<AdSchemaId, DsaclsGrantFact>>> = {
  changePassword: {
    ace: { rights: ["ExtendedRight"], object: "changePassword", appliesTo: descendants("user") },
    permission: "CA;Change Password;user",
    inheritance: "S",
    cite: SSPR_PERMISSIONS,
  },
  unexpirePassword: {
    ace: { rights: ["ExtendedRight"], object: "unexpirePassword", appliesTo: "domainRoot" },
    permission: "CA;Unexpire Password",
    inheritance: "T",
    cite: SSPR_PERMISSIONS,
  },
};

/** What password writeback needs beyond rights: a policy no script should change on its own. */
export const MINIMUM_PASSWORD_AGE_REMINDER: Fact = fact(
  "Set \"Minimum password age\" to 0 in each domain's password policy (Default Domain Policy): password writeback needs it, and the change can take an hour to replicate.",
  "ssprWriteback",
  "Configure account permissions for Microsoft Entra Connect",
);

/** The KDS root key a gMSA needs. */
export const KDS_ROOT_KEY = {
  /** Domain controllers use a new root key only this long after its effective time. */
  waitHours: 10,
  wait: fact("Domain controllers wait up to 10 hours after a KDS root key is created before they allow gMSAs to be created with it.", "kdsRootKey", INTRODUCTION),
  whoCreates: fact("Creating the KDS root key takes membership in Domain Admins or Enterprise Admins.", "kdsRootKey", INTRODUCTION),
  onDomainController: fact(
    "The KDS root key is created with Add-KdsRootKey on a domain controller.",
    "kdsRootKey",
    "To create the KDS root key using the Add-KdsRootKey cmdlet",
  ),
  /** Why a script never sets -EffectiveTime in the past. */
  backdatingIsForTests: fact(
    "Setting a root key's effective time 10 hours in the past skips the wait, and Microsoft gives it for test environments with a single domain controller only.",
    "kdsRootKey",
    "To create the KDS root key in a test environment for immediate effectiveness",
  ),
} as const;

/** Well-known groups a script checks the caller's Windows token for. */
export const WELL_KNOWN_GROUPS = {
  /** Enterprise Admins: this RID under the forest root domain's SID. */
  enterpriseAdminsRid: 519,
  /** Domain Admins: this RID under each domain's SID. */
  domainAdminsRid: 512,
  /** The built-in Administrators group of a computer. */
  administratorsSid: "S-1-5-32-544",
  cite: cite("securityIdentifiers", "Well-known SIDs"),
} as const;

/** Where Microsoft's PowerShell modules for the grants live. */
export const MODULES = {
  adSyncConfig: {
    file: "AdSyncConfig.psm1",
    /** Folders under Program Files: the module's import line names the first, the page's note the second. */
    folders: ["Microsoft Azure Active Directory Connect\\AdSyncConfig", "Microsoft Entra Connect\\AdSyncConfig"],
    facts: [
      fact(
        "ADSyncConfig.psm1 is installed with Microsoft Entra Connect and needs the Active Directory PowerShell module (RSAT-AD-Tools); it may be copied to a domain controller and run there.",
        "connectConnectorAccount",
        "Using the ADSyncConfig PowerShell module",
      ),
      fact(
        "Its cmdlets grant on the root of every domain of the forest of the user who runs them, so they run in each forest that has an AD DS Connector, as an Enterprise Admin of that forest.",
        "connectConnectorAccount",
        "Using the ADSyncConfig PowerShell module",
      ),
    ],
  },
  cloudSync: {
    /** Under Program Files. */
    file: "Microsoft Azure AD Connect Provisioning Agent\\Microsoft.CloudSync.Powershell.dll",
    facts: [
      fact(
        "Set-AADCloudSyncPermissions and Set-AADCloudSyncRestrictedPermissions come with the provisioning agent; -TargetDomain takes a domain already configured in the agent's wizard, with an Enterprise Admin or that domain's Domain Admin as -TargetDomainCredential.",
        "cloudSyncGmsaCmdlets",
        "Grant permissions to a specific domain",
      ),
    ],
  },
} as const;

/** How a script finds the AD DS Connector account the Connect wizard created and named. */
export const CONNECTOR_DISCOVERY = {
  cmdlet: "Get-ADSyncADConnectorAccount",
  /** The prefix of the names the wizard generates. */
  generatedPrefix: "MSOL_",
  facts: [
    fact("Get-ADSyncADConnectorAccount lists the account name and domain configured in each AD Connector.", "connectAdSyncConfig", "Get-ADSyncADConnectorAccount › DESCRIPTION"),
    fact("The accounts the wizard creates are named MSOL_ followed by a generated suffix.", "connectConnectorAccount", "Overview"),
  ],
  credential: fact(
    "Set-ADSyncRestrictedPermissions -Credential takes an Enterprise Admin or Domain Admin in DOMAIN\\user form (Microsoft's example: CONTOSO\\admin).",
    "connectAdSyncConfig",
    "Set-ADSyncRestrictedPermissions › -Credential",
  ),
} as const;

/** The rights Microsoft grants on the domain object itself; the others are inherited by descendant user objects. */
const ON_DOMAIN_ROOT: readonly AdSchemaId[] = ["replicatingDirectoryChanges", "replicatingDirectoryChangesAll", "unexpirePassword"];

/**
 * The entry a right or attribute of the catalog's `adRights` is checked by:
 * an extended right as ExtendedRight, an attribute as WriteProperty, on the
 * domain root or inherited by descendant users.
 */
export function aceForAdRight(id: AdSchemaId): AceSpec {
  return {
    rights: [AD_SCHEMA[id].kind === "extendedRight" ? "ExtendedRight" : "WriteProperty"],
    object: id,
    appliesTo: ON_DOMAIN_ROOT.includes(id) ? "domainRoot" : descendants("user"),
  };
}

/** Rights that are written only in some forests: checked and reported, never required. */
export const CONDITIONAL_AD_RIGHTS: Readonly<Partial<Record<AdSchemaId, Fact>>> = {
  msDsKeyCredentialLink: fact(
    "Write msDS-KeyCredentialLink is set only in forests at the Windows Server 2016 functional level.",
    "cloudSyncGmsa",
    "MS-DS-Consistency-Guid",
  ),
};

/** What an operator must do by hand when a grant includes this right, with a short title. */
export const REMINDERS_BY_AD_RIGHT: Readonly<Partial<Record<AdSchemaId, { title: string; fact: Fact }>>> = {
  unexpirePassword: { title: "Minimum password age 0", fact: MINIMUM_PASSWORD_AGE_REMINDER },
};

/** Hardening the sync accounts after their rights are granted. */
export const HARDENING = {
  connector: fact(
    "Set-ADSyncRestrictedPermissions disables inheritance on the AD DS Connector account and keeps only SELF and administrator entries; run it with an Enterprise Admin or Domain Admin credential, not the connector's own.",
    "connectConnectorAccount",
    "Restrict Permissions on the AD DS Connector Account",
  ),
  gmsa: fact(
    "Set-AADCloudSyncRestrictedPermissions disables inheritance on the agent's gMSA, keeps SELF entries, gives SYSTEM, Administrators, Domain Admins and Enterprise Admins full control and Authenticated Users and Enterprise Domain Controllers read.",
    "cloudSyncGmsaCmdlets",
    "Using Set-AADCloudSyncRestrictedPermissions",
  ),
  customGmsaGrants: fact(
    "Since agent 1.1.2334.0 the installer no longer grants rights to a custom gMSA: the administrator grants them.",
    "cloudSyncVersionHistory",
    "1.1.2334.0 › New or changed functionality",
  ),
} as const;
