/**
 * The Microsoft Learn pages the catalog's facts come from. Each fact in the
 * catalog cites one of these ids, so a reader can check it at the source.
 */

const LEARN_HYBRID = "https://learn.microsoft.com/en-us/entra/identity/hybrid/";

function hybridPage(path: string, title: string) {
  return { url: `${LEARN_HYBRID}${path}`, title } as const;
}

export const SOURCES = {
  accounts: hybridPage("accounts", "Accounts for integrating with Active Directory"),
  cloudSyncPrerequisites: hybridPage("cloud-sync/how-to-prerequisites", "Prerequisites for Microsoft Entra Cloud Sync"),
  cloudSyncGmsa: hybridPage("cloud-sync/gmsa-cloud-sync", "Group managed service accounts for cloud sync"),
  cloudSyncGmsaCmdlets: hybridPage("cloud-sync/how-to-gmsa-cmdlets", "Cloud sync gMSA PowerShell cmdlets"),
  cloudSyncInstall: hybridPage("cloud-sync/how-to-install", "Install the Microsoft Entra provisioning agent"),
  cloudSyncTroubleshoot: hybridPage("cloud-sync/how-to-troubleshoot", "Cloud sync troubleshooting"),
  cloudSyncSso: hybridPage("cloud-sync/how-to-sso", "Use single sign-on with cloud sync"),
  decisionGuide: hybridPage("cloud-sync/connect-to-cloud-sync-decision-guide", "Choosing between Microsoft Entra Connect Sync and Cloud Sync"),
  connectAccounts: hybridPage("connect/reference-connect-accounts-permissions", "Microsoft Entra Connect: Accounts and permissions"),
  connectConnectorAccount: hybridPage(
    "connect/how-to-connect-configure-ad-ds-connector-account",
    "Microsoft Entra Connect: Configure AD DS Connector account permissions",
  ),
  connectAdSyncConfig: hybridPage("connect/reference-connect-adsyncconfig", "Microsoft Entra Connect: ADSyncConfig PowerShell reference"),
  connectPrerequisites: hybridPage("connect/how-to-connect-install-prerequisites", "Prerequisites for Microsoft Entra Connect"),
  connectServiceAccount: hybridPage("connect/concept-adsync-service-account", "Microsoft Entra Connect: ADSync service account"),
  connectAppAuth: hybridPage("connect/authenticate-application-id", "Authenticate Microsoft Entra Connect with application identity"),
  connectExpress: hybridPage("connect/how-to-connect-install-express", "Microsoft Entra Connect: Express settings"),
  connectCustom: hybridPage("connect/how-to-connect-install-custom", "Microsoft Entra Connect: Custom installation"),
  connectSqlDelegation: hybridPage("connect/how-to-connect-install-sql-delegation", "Install Microsoft Entra Connect using SQL delegated administrator permissions"),
  seamlessSso: hybridPage("connect/how-to-connect-sso-quick-start", "Microsoft Entra seamless single sign-on: Quickstart"),
  deviceWriteback: hybridPage("connect/how-to-connect-device-writeback", "Microsoft Entra Connect: Enabling device writeback"),
  rolesReference: {
    url: "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/permissions-reference",
    title: "Microsoft Entra built-in roles",
  },
} as const;

export type SourceId = keyof typeof SOURCES;
