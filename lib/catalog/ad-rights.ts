import { cite } from "./fact";
import type { Citation } from "./types";

/**
 * The Active Directory extended rights and attributes the sync accounts'
 * access control entries name. An ACE names them by GUID (rightsGuid for an
 * extended right, schemaIDGUID for an attribute), so the install-day scripts
 * verify a grant by these GUIDs rather than by display names, which are
 * localized.
 */
export interface AdSchemaEntry {
  kind: "extendedRight" | "attribute";
  /** The name the security dialogs and dsacls show. */
  displayName: string;
  /** The LDAP display name of an attribute, or the CN of an extended right. */
  ldapName: string;
  guid: string;
  /** What the entry applies to, where Microsoft's schema page limits it. */
  appliesTo?: string;
  /**
   * "confirmed" when a Microsoft schema page gives the GUID; "partlyConfirmed"
   * when a Microsoft page shows it only inside an ACE string.
   */
  confirmation: "confirmed" | "partlyConfirmed";
  cite: Citation;
}

/** The schema reference pages hold their table directly under the title. */
const SCHEMA_TABLE = "Introduction";

export const AD_SCHEMA = {
  replicatingDirectoryChanges: {
    kind: "extendedRight",
    displayName: "Replicating Directory Changes",
    ldapName: "DS-Replication-Get-Changes",
    guid: "1131f6aa-9c07-11d1-f79f-00c04fc2dcd2",
    appliesTo: "Domain, configuration and schema partitions (granted on the domain root)",
    confirmation: "confirmed",
    cite: cite("adRightReplicatingChanges", SCHEMA_TABLE),
  },
  replicatingDirectoryChangesAll: {
    kind: "extendedRight",
    displayName: "Replicating Directory Changes All",
    ldapName: "DS-Replication-Get-Changes-All",
    guid: "1131f6ad-9c07-11d1-f79f-00c04fc2dcd2",
    appliesTo: "Domain, configuration and schema partitions (granted on the domain root)",
    confirmation: "confirmed",
    cite: cite("adRightReplicatingChangesAll", SCHEMA_TABLE),
  },
  resetPassword: {
    kind: "extendedRight",
    displayName: "Reset Password",
    ldapName: "User-Force-Change-Password",
    guid: "00299570-246d-11d0-a768-00aa006e0529",
    appliesTo: "User, computer, inetOrgPerson and managed service account objects",
    confirmation: "confirmed",
    cite: cite("adRightResetPassword", SCHEMA_TABLE),
  },
  changePassword: {
    kind: "extendedRight",
    displayName: "Change Password",
    ldapName: "User-Change-Password",
    guid: "ab721a53-1e2f-11d0-9819-00aa0040529b",
    confirmation: "confirmed",
    cite: cite("adRightChangePassword", SCHEMA_TABLE),
  },
  unexpirePassword: {
    kind: "extendedRight",
    displayName: "Unexpire Password",
    ldapName: "Unexpire-Password",
    guid: "ccc2dc7d-a6ad-4a7a-8846-c04e3cc53501",
    appliesTo: "The domain object only: it is granted on the domain root",
    confirmation: "confirmed",
    cite: cite("adRightUnexpirePassword", SCHEMA_TABLE),
  },
  msDsConsistencyGuid: {
    kind: "attribute",
    displayName: "mS-DS-ConsistencyGuid",
    ldapName: "mS-DS-ConsistencyGuid",
    guid: "23773dc2-b63a-11d2-90e1-00c04fd91ab1",
    confirmation: "confirmed",
    cite: cite("adAttributeConsistencyGuid", SCHEMA_TABLE),
  },
  lockoutTime: {
    kind: "attribute",
    displayName: "lockoutTime",
    ldapName: "lockoutTime",
    guid: "28630ebf-41d5-11d1-a9c1-0000f80367c1",
    confirmation: "confirmed",
    cite: cite("adAttributeLockoutTime", SCHEMA_TABLE),
  },
  pwdLastSet: {
    kind: "attribute",
    displayName: "pwdLastSet",
    ldapName: "pwdLastSet",
    guid: "bf967a0a-0de6-11d0-a285-00aa003049e2",
    confirmation: "confirmed",
    cite: cite("adAttributePwdLastSet", SCHEMA_TABLE),
  },
  msDsKeyCredentialLink: {
    kind: "attribute",
    displayName: "msDS-KeyCredentialLink",
    ldapName: "msDS-KeyCredentialLink",
    guid: "5b47d60f-6090-40b2-9f37-2a4de88f3063",
    // No English schema page was found; adprep's Windows Server 2016 domain
    // update grants Key Admins read/write on this GUID "to modify the
    // msds-KeyCredentialLink attribute".
    confirmation: "partlyConfirmed",
    cite: cite("adDomainWideUpdates", "Windows Server 2016: Domain-wide updates"),
  },
} as const satisfies Record<string, AdSchemaEntry>;

export type AdSchemaId = keyof typeof AD_SCHEMA;

/**
 * The schemaIDGUID of each class an ACE is limited to (its inheritedObjectType), as
 * the schema pages give it. An entry for descendant users applies to users only
 * when it names the user class or no class (one naming a subclass, such as
 * inetOrgPerson, covers those objects only).
 */
export const AD_CLASSES = {
  user: { guid: "bf967aba-0de6-11d0-a285-00aa003049e2", cite: cite("adClassUser", SCHEMA_TABLE) },
} as const satisfies Record<string, { guid: string; cite: Citation }>;
