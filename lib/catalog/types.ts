import type { AdSchemaId } from "./ad-rights";
import type { Condition } from "./condition";
import type { EntraRoleId } from "./roles";
import type { SourceId } from "./sources";
import type { AccountType, Creator, FeatureId, Tool } from "./vocabulary";

export const ACCOUNT_IDS = [
  "cloudSyncDomainAdmin",
  "cloudSyncHybridIdentityAdmin",
  "cloudSyncGmsa",
  "connectAdDsConnector",
  "connectAdSyncService",
  "connectEntraConnector",
  "connectLocalAdmin",
  "connectEnterpriseAdmin",
  "connectHybridIdentityAdmin",
  "connectSqlSa",
  "seamlessSsoDomainAdmin",
  "seamlessSsoComputer",
  "ptaAgentRegistrar",
  "adfsDomainAdmin",
  "adfsServiceAccount",
  "adfsProxyTrust",
  "wapLocalAdmin",
  "globalAdministrator",
  "breakGlassAdmin",
] as const;
export type AccountId = (typeof ACCOUNT_IDS)[number];

/**
 * How many of an account a plan has: one per plan, one per forest, one per
 * sync server, or one per Active Directory domain that sync servers are
 * joined to (the Cloud Sync gMSA lives in its agent hosts' domain).
 */
export type AccountScope = "tenant" | "forest" | "server" | "serverDomain";

/**
 * What identifies the account, and so which fields its step asks for:
 * - `upn`: a Microsoft Entra user, named by user principal name;
 * - `adUser`: an Active Directory user, sAMAccountName plus domain;
 * - `localOrDomainUser`: like adUser, but the domain may be left empty for a local account;
 * - `gmsa`: a group managed service account, name ending in `$`, plus domain;
 * - `serviceAccount`: the user picks the kind (VSA, sMSA, gMSA, domain or local user) and names it;
 * - `sqlLogin`: a SQL Server login, `DOMAIN\name` or a SQL login name;
 * - `application`: a Microsoft Entra application identity (or, in legacy mode, the wizard's `Sync_` user);
 * - `generated`: the name is made by Microsoft's installer or wizard; nothing to enter.
 */
export type IdentityKind = "upn" | "adUser" | "localOrDomainUser" | "gmsa" | "serviceAccount" | "sqlLogin" | "application" | "generated";

/** Where a fact is stated: the page, and the heading of the section that says it. */
export interface Citation {
  source: SourceId;
  /**
   * The section heading as the page writes it; "Introduction" for text before
   * the first heading. Where the heading repeats on the page (a version's
   * "Bug fixes"), its parent heading comes first: "2.1.15.0 › Bug fixes".
   * For a report, what was reported.
   */
  section: string;
}

/** A statement the planner shows, with where Microsoft says it. */
export interface Fact {
  text: string;
  cite: Citation;
  /** A statement about one tool's installer or servers (its SQL Server, staging servers): shown only in plans of these tools. */
  tools?: readonly Tool[];
}

/** A right granted on Active Directory objects, and the cmdlet that grants it. */
export interface RightDefinition {
  /** The feature that needs it; `basic` rights are always needed. */
  feature: FeatureId | "basic";
  right: string;
  appliesTo: string;
  cmdlet?: string;
  /** Cloud sync's `Set-AADCloudSyncPermissions -PermissionType` value, where one exists. */
  permissionType?: string;
  /** The extended rights and attributes the right's access control entries name, to verify them by GUID. */
  adRights?: readonly AdSchemaId[];
  note?: string;
  when?: Condition;
  cite: Citation;
}

/** Where two of Microsoft's pages say different things, both are kept and shown. */
export interface Disagreement {
  topic: string;
  /** Where it matters: shown only in plans (or for accounts) where this holds. */
  when?: Condition;
  readings: readonly { says: string; cite: Citation }[];
}

export interface CreationRule {
  when: Condition;
  by: Creator;
  how: string;
  cite: Citation;
}

export interface NameRule {
  when: Condition;
  /** May hold `{server}`, `{tenant}` and `{forest}` placeholders, filled in per plan. */
  name: string;
  cite: Citation;
}

export interface ServiceAccountOption {
  when: Condition;
  allowed: readonly AccountType[];
  default: AccountType;
  recommended?: AccountType;
  /** Further kinds Microsoft marks as recommended here, beside `recommended`. */
  alsoRecommended?: readonly AccountType[];
  /** Why the others are not allowed here. */
  why: string;
  cite: Citation;
}

/** A row of Microsoft's "Accounts for integrating with Active Directory" article. */
export interface ArticleRow {
  table: Tool;
  requirement: string;
  description: string;
}

/** What a Microsoft Entra user account must be, beyond holding its roles. */
export type UpnRule = "tenantMember" | "cloudOnly";

/**
 * How the tenant checks judge an Entra account's role: Connect's installer
 * needs the role assigned to the user directly; elsewhere a group works too.
 */
export type RoleAssignmentRule = "direct" | "directOrGroup";

export interface AccountDefinition {
  id: AccountId;
  /** Microsoft's name for the account, as the installers and docs say it. */
  name: string;
  tools: readonly Tool[];
  articleRow?: ArticleRow;
  purpose: Fact;
  directory: "entra" | "activeDirectory" | "server" | "sql";
  scope: AccountScope;
  identity: IdentityKind;
  /** Part of the plan, and a step of the wizard, when this holds. */
  requiredWhen?: Condition;
  /** Offered as an optional step when this holds and requiredWhen does not. */
  optionalWhen?: Condition;
  /** Shown in the worksheet but asks nothing: the installer creates it and there is no choice. */
  informational?: boolean;
  creation: readonly CreationRule[];
  defaultNames?: readonly NameRule[];
  serviceAccountOptions?: readonly ServiceAccountOption[];
  /** Entra roles the account must hold (any one of them, or a higher role the checks accept). */
  roles?: readonly EntraRoleId[];
  /** For `upn` accounts: a member of the tenant in one of its domains, or a cloud-only (…onmicrosoft.com) account. */
  upnRule?: UpnRule;
  roleAssignment?: RoleAssignmentRule;
  /**
   * An ordinary Active Directory user that must not be privileged: names of
   * managed service accounts and built-in admins are refused, and the step asks
   * whether it is in Domain Admins or Enterprise Admins.
   */
  ordinaryUserOnly?: boolean;
  /**
   * The step asks who creates the account: the wizard ("Create new account",
   * which names it itself and needs the forest's Enterprise Admin) or an
   * administrator beforehand ("Use existing account").
   */
  provisioningChoice?: boolean;
  constraints: readonly Fact[];
  /**
   * For an account Microsoft Graph cannot see (in Active Directory, on a
   * server or in SQL Server): what the admin does on install day to verify
   * it, in order: where, with which tool, and what to look for. Each step
   * cites the page that documents the tool or the check; the rule it checks
   * stays in `constraints`.
   */
  installDayCheck?: readonly Fact[];
  rights?: readonly RightDefinition[];
  securityNotes: readonly Fact[];
  disagreements?: readonly Disagreement[];
  /** Every page the account's facts come from. */
  sources: readonly SourceId[];
}
