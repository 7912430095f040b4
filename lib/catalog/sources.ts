/**
 * The Microsoft Learn pages the catalog's facts come from. Each fact cites one
 * of these ids together with the heading of the section that states it, so a
 * reader can check it at the source. `msDate` is the page's own date
 * (`ms.date`) in the copy that was read; `checked` is when it was read.
 *
 * Two entries are not Microsoft pages (`kind: "report"`): field reports and
 * the project's shared reference. They are cited only as one reading of a
 * disagreement, never as a fact on their own, so the user sees which reading
 * Microsoft states and which is reported.
 */

/** The day the catalog's facts were last checked against the pages below. */
export const CATALOG_FACTS_AS_OF = "2026-11-25";

const LEARN = "https://learn.microsoft.com/en-us/";

/** A page Microsoft publishes, or a report that is not one (and so is unverified). */
export type SourceKind = "microsoftPage" | "report";

export interface SourcePage {
  kind: SourceKind;
  /** The page's address; empty for a report with no public page. */
  url: string;
  title: string;
  /** The page's `ms.date` in the copy checked (YYYY-MM-DD); for a report, when it was written. */
  msDate: string;
  checked: string;
}

function page(path: string, title: string, msDate: string): SourcePage {
  return { kind: "microsoftPage", url: `${LEARN}${path}`, title, msDate, checked: CATALOG_FACTS_AS_OF };
}

function report(title: string, msDate: string): SourcePage {
  return { kind: "report", url: "", title, msDate, checked: CATALOG_FACTS_AS_OF };
}

const hybrid = (path: string, title: string, msDate: string) => page(`entra/identity/hybrid/${path}`, title, msDate);

export const SOURCES = {
  accounts: hybrid("accounts", "Accounts for integrating with Active Directory", "2025-04-09"),
  commonScenarios: hybrid("common-scenarios", "Common hybrid scenarios with Microsoft Entra ID", "2024-04-26"),
  cloudSyncPrerequisites: hybrid("cloud-sync/how-to-prerequisites", "Prerequisites for Microsoft Entra Cloud Sync in Microsoft Entra ID", "2025-09-29"),
  cloudSyncGmsa: hybrid("cloud-sync/gmsa-cloud-sync", "Use a group managed service account with Microsoft Entra Cloud Sync", "2024-05-28"),
  /** An earlier copy of the same page, whose text differs on BasicRead and on custom gMSAs. */
  cloudSyncGmsa2023: hybrid(
    "cloud-sync/gmsa-cloud-sync",
    "Use a group managed service account with Microsoft Entra Cloud Sync (copy of November 2023)",
    "2023-11-06",
  ),
  cloudSyncGmsaCmdlets: hybrid("cloud-sync/how-to-gmsa-cmdlets", "Microsoft Entra provisioning Agent gMSA PowerShell cmdlets", "2025-04-09"),
  cloudSyncInstall: hybrid("cloud-sync/how-to-install", "Install the Microsoft Entra provisioning agent", "2025-04-09"),
  cloudSyncVersionHistory: hybrid("cloud-sync/reference-version-history", "Microsoft Entra provisioning agent: Version release history", "2025-09-23"),
  cloudSyncDeviceSync: hybrid("cloud-sync/device-sync", "Configure device sync with Microsoft Entra Cloud Sync (preview)", "2026-07-21"),
  cloudSyncSso: hybrid("cloud-sync/how-to-sso", "How to use single sign-on with cloud sync", "2025-04-09"),
  cloudSyncGroupProvisioning: hybrid(
    "cloud-sync/how-to-prerequisites-provision-entra-to-active-directory",
    "Prerequisites for group provisioning to Active Directory",
    "2025-09-23",
  ),
  cloudSyncSsprWriteback: page(
    "entra/identity/authentication/tutorial-enable-cloud-sync-sspr-writeback",
    "Enable Microsoft Entra Connect cloud sync password writeback",
    "2023-09-13",
  ),
  decisionGuide: hybrid("cloud-sync/connect-to-cloud-sync-decision-guide", "Migrate from Microsoft Entra Connect to Cloud Sync: Decision Guide", "2025-02-17"),
  connectAccounts: hybrid("connect/reference-connect-accounts-permissions", "Microsoft Entra Connect: Accounts and permissions", "2023-11-06"),
  connectConnectorAccount: hybrid(
    "connect/how-to-connect-configure-ad-ds-connector-account",
    "Microsoft Entra Connect: Configure AD DS Connector Account Permissions",
    "2023-11-06",
  ),
  connectAdSyncConfig: hybrid("connect/reference-connect-adsyncconfig", "Microsoft Entra Connect: ADSyncConfig PowerShell Reference", "2025-04-09"),
  connectPrerequisites: hybrid("connect/how-to-connect-install-prerequisites", "Microsoft Entra Connect: Prerequisites and hardware", "2025-08-28"),
  connectSecurityUpdates: hybrid(
    "connect/security-updates-pks",
    "Security hardening to the autoupgrade process for Microsoft Entra Connect and Microsoft Entra Connect Health",
    "2025-09-17",
  ),
  connectServiceAccount: hybrid("connect/concept-adsync-service-account", "Microsoft Entra Connect: ADSync service account", "2025-04-09"),
  connectAppAuth: hybrid("connect/authenticate-application-id", "Authenticate to Microsoft Entra ID by Using Application Identity", "2025-07-24"),
  /** A second copy of the same page and date, with other headings and other version numbers. */
  connectAppAuthOtherCopy: hybrid(
    "connect/authenticate-application-id",
    "Authenticate to Microsoft Entra ID by Using Application Identity (another copy of the same date)",
    "2025-07-24",
  ),
  connectExpress: hybrid("connect/how-to-connect-install-express", "Microsoft Entra Connect Sync: Get started by using express settings", "2025-04-09"),
  connectCustom: hybrid("connect/how-to-connect-install-custom", "Customize an installation of Microsoft Entra Connect", "2025-04-09"),
  /** Where the wizard's "Configure device options" task (hybrid join, device writeback) is described. */
  connectDeviceOptions: hybrid("connect/how-to-connect-device-options", "Microsoft Entra Connect: Device options", "2023-01-26"),
  connectSqlDelegation: hybrid(
    "connect/how-to-connect-install-sql-delegation",
    "Install Microsoft Entra Connect using SQL delegated administrator permissions",
    "2025-04-09",
  ),
  connectDesignConcepts: hybrid("connect/plan-connect-design-concepts", "Microsoft Entra Connect: Design concepts", "2025-04-09"),
  connectVersionHistory: hybrid("connect/reference-connect-version-history", "Microsoft Entra Connect: Version release history", "2023-11-06"),
  /** The 2022 copy still lists the 2.0.3.0 release, which later copies dropped. */
  connectVersionHistory2022: hybrid("connect/reference-connect-version-history", "Microsoft Entra Connect: Version release history (copy of July 2022)", "2022-07-06"),
  seamlessSso: hybrid("connect/how-to-connect-sso-quick-start", "Quickstart: Microsoft Entra seamless single sign-on", "2025-04-09"),
  seamlessSsoFaq: hybrid("connect/how-to-connect-sso-faq", "Microsoft Entra seamless single sign-on: Frequently asked questions", "2023-02-08"),
  deviceWriteback: hybrid("connect/how-to-connect-device-writeback", "Microsoft Entra Connect: Enabling device writeback", "2025-04-09"),
  passThroughAuth: hybrid("connect/how-to-connect-pta-quick-start", "Microsoft Entra pass-through authentication - Quickstart", "2023-11-06"),
  ssprWriteback: page("entra/identity/authentication/tutorial-enable-sspr-writeback", "Enable Microsoft Entra password writeback", "2023-09-13"),
  conditionalAccessMfaAllUsers: page(
    "entra/identity/conditional-access/policy-all-users-mfa-strength",
    "Require MFA for all users with Conditional Access",
    "2024-09-27",
  ),
  rolesReference: page("entra/identity/role-based-access-control/permissions-reference", "Microsoft Entra built-in roles", "2025-06-25"),
  domainServicesPasswordHashSync: page(
    "entra/identity/domain-services/tutorial-configure-password-hash-sync",
    "Enable password hash sync for Microsoft Entra Domain Services",
    "2025-02-19",
  ),
  kdsRootKey: page(
    "windows-server/security/group-managed-service-accounts/create-the-key-distribution-services-kds-root-key",
    "Create the Key Distribution Services KDS Root Key",
    "2023-04-10",
  ),
  /** The well-known group SIDs the install-day scripts check the caller's token for. */
  securityIdentifiers: page("windows-server/identity/ad-ds/manage/understand-security-identifiers", "Security identifiers", "2023-05-09"),
  setAdServiceAccount: page(
    "powershell/module/activedirectory/set-adserviceaccount",
    "Set-ADServiceAccount (ActiveDirectory)",
    "2016-12-27",
  ),
  adRightReplicatingChanges: page("windows/win32/adschema/r-ds-replication-get-changes", "DS-Replication-Get-Changes extended right", "2018-05-31"),
  adRightReplicatingChangesAll: page(
    "windows/win32/adschema/r-ds-replication-get-changes-all",
    "DS-Replication-Get-Changes-All extended right",
    "2018-05-31",
  ),
  adRightResetPassword: page("windows/win32/adschema/r-user-force-change-password", "User-Force-Change-Password extended right", "2018-05-31"),
  adRightChangePassword: page("windows/win32/adschema/r-user-change-password", "User-Change-Password extended right", "2018-05-31"),
  adRightUnexpirePassword: page("windows/win32/adschema/r-unexpire-password", "Unexpire-Password extended right", "2018-05-31"),
  adAttributeConsistencyGuid: page("windows/win32/adschema/a-ms-ds-consistencyguid", "MS-DS-Consistency-Guid attribute", "2018-05-31"),
  adAttributeLockoutTime: page("windows/win32/adschema/a-lockouttime", "Lockout-Time attribute", "2018-05-31"),
  adAttributePwdLastSet: page("windows/win32/adschema/a-pwdlastset", "Pwd-Last-Set attribute", "2018-05-31"),
  adClassUser: page("windows/win32/adschema/c-user", "User class", "2018-05-31"),
  /** Names the msDS-KeyCredentialLink attribute in the ACEs adprep adds; there is no English schema page for it in the copies read. */
  adDomainWideUpdates: page("windows-server/identity/ad-ds/deploy/domain-wide-updates", "Domain-wide schema updates", "2025-05-12"),
  /** The tools the install-day checks of on-premises accounts name. */
  getAdPrincipalGroupMembership: page(
    "powershell/module/activedirectory/get-adprincipalgroupmembership",
    "Get-ADPrincipalGroupMembership (ActiveDirectory)",
    "2016-12-27",
  ),
  testAdServiceAccount: page("powershell/module/activedirectory/test-adserviceaccount", "Test-ADServiceAccount (ActiveDirectory)", "2016-12-27"),
  getLocalGroupMember: page(
    "powershell/module/microsoft.powershell.localaccounts/get-localgroupmember",
    "Get-LocalGroupMember (Microsoft.PowerShell.LocalAccounts)",
    "2023-06-28",
  ),
  manageGmsa: page(
    "windows-server/identity/ad-ds/manage/group-managed-service-accounts/group-managed-service-accounts/manage-group-managed-service-accounts",
    "Manage group Managed Service Accounts",
    "2025-07-01",
  ),
  connectServicesDontStart: page(
    "troubleshoot/entra/entra-id/user-prov-sync/services-sync-not-start",
    "One or more Microsoft Entra Connect services don't start",
    "2025-03-06",
  ),
  sqlIsSrvRoleMember: page("sql/t-sql/functions/is-srvrolemember-transact-sql", "IS_SRVROLEMEMBER (Transact-SQL)", "2017-03-14"),
  /** The pre-flight rules (lib/catalog/preflight-rules.ts) read these. */
  connectTlsEnforcement: hybrid("connect/reference-connect-tls-enforcement", "TLS 1.2 enforcement for Microsoft Entra Connect", "2021-09-14"),
  dotNetVersions: page("dotnet/framework/install/how-to-determine-which-versions-are-installed", "How to: Determine which .NET Framework versions are installed", "2025-10-20"),
  /** An archived TechNet wiki page Learn still serves; it carries no ms.date, so the day it was read stands in. */
  adSchemaVersions: page("archive/technet-wiki/37395.active-directory-schema-versions", "Active Directory Schema Versions", "2026-12-04"),
  /** A protocol specification page; it carries no ms.date, so the day it was read stands in. */
  kerberosEncryptionTypes: page("openspecs/windows_protocols/ms-kile/6cfc7b50-11ed-4b4d-846d-6f08f0812919", "[MS-KILE] 2.2.7 Supported Encryption Types Bit Flags", "2026-12-04"),
  fieldReports: report("Field reports and third-party notes, 2026 (not a Microsoft page; unverified)", "2026-11-25"),
  sharedReference: report("The project's shared domain reference and errata, 25 Nov 2026 (not a Microsoft page; unverified)", "2026-11-25"),
} as const satisfies Record<string, SourcePage>;

export type SourceId = keyof typeof SOURCES;

/**
 * A citation's readable form: "Page title, section “Heading” (page dated 2025-04-09)";
 * a report says it is one: "Title, “What” (reported, not a Microsoft page)".
 */
export function citationText(citation: { source: SourceId; section: string }): string {
  const source: SourcePage = SOURCES[citation.source];
  if (source.kind === "report") return `${source.title}, “${citation.section}” (reported, not a Microsoft page)`;
  return `${source.title}, section “${citation.section}” (page dated ${source.msDate})`;
}

/** Whether a citation points at a Microsoft page (rather than a report). */
export function citesMicrosoft(citation: { source: SourceId }): boolean {
  return (SOURCES[citation.source] as SourcePage).kind === "microsoftPage";
}
