import type { Condition } from "./condition";
import type { EntraRoleId } from "./roles";
import type { SourceId } from "./sources";
import type { AccountType, Creator, FeatureId, Tool } from "./vocabulary";

export const ACCOUNT_IDS = [
  "cloudSyncDomainAdmin",
  "cloudSyncHybridIdentityAdmin",
  "cloudSyncGmsa",
  "cloudSyncAgentService",
  "connectAdDsConnector",
  "connectAdSyncService",
  "connectEntraConnector",
  "connectLocalAdmin",
  "connectEnterpriseAdmin",
  "connectHybridIdentityAdmin",
  "connectSqlSa",
  "seamlessSsoComputer",
  "globalAdministrator",
  "breakGlassAdmin",
] as const;
export type AccountId = (typeof ACCOUNT_IDS)[number];

/** One account per plan, one per forest, or one per sync server. */
export type AccountScope = "tenant" | "forest" | "server";

/**
 * What identifies the account, and so which fields its step asks for:
 * - `upn`: a Microsoft Entra user, named by user principal name;
 * - `adUser`: an Active Directory user, sAMAccountName plus domain;
 * - `localOrDomainUser`: like adUser, but the domain may be left empty for a local account;
 * - `gmsa`: a group managed service account, name ending in `$`, plus domain;
 * - `serviceAccount`: the user picks the kind (VSA, sMSA, gMSA, domain or local user) and names it;
 * - `sqlLogin`: a SQL Server login, `DOMAIN\name` or a SQL login name;
 * - `generated`: the name is made by Microsoft's installer or wizard; nothing to enter.
 */
export type IdentityKind = "upn" | "adUser" | "localOrDomainUser" | "gmsa" | "serviceAccount" | "sqlLogin" | "generated";

/** A right granted on Active Directory objects, and the cmdlet that grants it. */
export interface RightDefinition {
  /** The feature that needs it; `basic` rights are always needed. */
  feature: FeatureId | "basic";
  right: string;
  appliesTo: string;
  cmdlet?: string;
  /** Cloud sync's `Set-AADCloudSyncPermissions -PermissionType` value, where one exists. */
  permissionType?: string;
  note?: string;
  when?: Condition;
  source: SourceId;
}

/** Where two of Microsoft's pages say different things, both are kept and shown. */
export interface Disagreement {
  topic: string;
  readings: readonly { says: string; source: SourceId }[];
}

export interface CreationRule {
  when: Condition;
  by: Creator;
  how: string;
}

export interface NameRule {
  when: Condition;
  /** May hold `{server}`, `{tenant}` and `{forest}` placeholders, filled in per plan. */
  name: string;
}

export interface ServiceAccountOption {
  when: Condition;
  allowed: readonly AccountType[];
  default: AccountType;
  recommended?: AccountType;
  /** Why the others are not allowed here. */
  why: string;
}

/** A row of Microsoft's "Accounts for integrating with Active Directory" article. */
export interface ArticleRow {
  table: Tool;
  requirement: string;
  description: string;
}

export interface AccountDefinition {
  id: AccountId;
  /** Microsoft's name for the account, as the installers and docs say it. */
  name: string;
  tools: readonly Tool[];
  articleRow?: ArticleRow;
  purpose: string;
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
  /** Entra roles the account must hold. */
  roles?: readonly EntraRoleId[];
  constraints: readonly string[];
  rights?: readonly RightDefinition[];
  securityNotes: readonly string[];
  disagreements?: readonly Disagreement[];
  sources: readonly SourceId[];
}
