import { cite } from "./fact";
import type { AccountId, Citation } from "./types";

/**
 * The screens of Microsoft's installers in the order they appear, as
 * Microsoft's pages describe them: the Connect wizard's custom installation
 * (the "Customize an installation of Microsoft Entra Connect" page's section
 * headings), its express settings, and the provisioning agent's installer
 * (the numbered steps under "Install the agent"). The install-day runbook
 * walks these screens and says, on each, which of the plan's accounts and
 * values to use.
 */

export const INSTALL_SCREEN_IDS = [
  "connectRequiredComponents",
  "connectUserSignIn",
  "connectToEntra",
  "connectDirectories",
  "connectEntraSignInConfiguration",
  "connectDomainOuFiltering",
  "connectIdentifyingUsers",
  "connectFiltering",
  "connectOptionalFeatures",
  "connectSingleSignOn",
  "connectAdfs",
  "connectConfigure",
  "connectExpressToEntra",
  "connectExpressToAdDs",
  "connectExpressConfigure",
  "cloudSyncInstallAgent",
  "cloudSyncSelectExtension",
  "cloudSyncConnectEntra",
  "cloudSyncServiceAccount",
  "cloudSyncConnectAd",
  "cloudSyncConfigurationComplete",
] as const;
export type InstallScreenId = (typeof INSTALL_SCREEN_IDS)[number];

/** When a screen shows: always, or only for some plans. */
export type ScreenCondition = "always" | "seamlessSso" | "federationAdfs" | "optionalFeatures";

export interface InstallScreen {
  id: InstallScreenId;
  /** The screen's name as the page heads its section. */
  title: string;
  /** What the screen asks, in a sentence. */
  asks: string;
  /** The catalog's accounts the screen asks for (the runbook names the plan's). */
  accounts: readonly AccountId[];
  /** Shown once per forest, or per agent host. */
  repeat?: "forest" | "agentHost";
  when: ScreenCondition;
  cite: Citation;
}

/** Which installer a plan meets: the Connect wizard's custom or express path, or the provisioning agent's installer. */
export type InstallPath = "connectCustom" | "connectExpress" | "cloudSyncAgent";

const screen = (id: InstallScreenId, title: string, asks: string, accounts: readonly AccountId[], cited: Citation, more: Partial<Pick<InstallScreen, "repeat" | "when">> = {}): InstallScreen => ({
  id,
  title,
  asks,
  accounts,
  cite: cited,
  when: more.when ?? "always",
  ...(more.repeat ? { repeat: more.repeat } : {}),
});

const custom = (section: string) => cite("connectCustom", section);
const agent = cite("cloudSyncInstall", "Install the agent");
const express = cite("connectExpress", "Express installation of Microsoft Entra Connect Sync");

export const INSTALL_SCREENS: Readonly<Record<InstallPath, readonly InstallScreen[]>> = {
  connectCustom: [
    screen(
      "connectRequiredComponents",
      "Install required components",
      "Whether to use an existing SQL Server and an existing service account instead of the defaults (LocalDB and a virtual service account).",
      ["connectAdSyncService", "connectSqlSa"],
      custom("Install required components"),
    ),
    screen("connectUserSignIn", "User sign-in", "The sign-in method, and whether to enable single sign-on.", [], custom("User sign-in")),
    screen("connectToEntra", "Connect to Microsoft Entra ID", "A Hybrid Identity Administrator's sign-in; it is used only to set up the wizard's own account in the tenant.", ["connectHybridIdentityAdmin"], custom("Connect to Microsoft Entra ID")),
    screen(
      "connectDirectories",
      "Connect your directories",
      "For each forest: create a new AD DS Connector account (with an Enterprise Admin's sign-in) or use an existing one.",
      ["connectAdDsConnector", "connectEnterpriseAdmin"],
      custom("Connect your directories"),
      { repeat: "forest" },
    ),
    screen("connectEntraSignInConfiguration", "Microsoft Entra sign-in configuration", "Which UPN suffixes match verified domains of the tenant, and the attribute used as the user principal name.", [], custom("Microsoft Entra sign-in configuration")),
    screen("connectDomainOuFiltering", "Domain and OU filtering", "Which domains and organisational units to synchronise.", [], custom("Domain and OU filtering")),
    screen("connectIdentifyingUsers", "Uniquely identifying your users", "How users are matched across forests, and the source anchor.", [], custom("Uniquely identifying your users")),
    screen("connectFiltering", "Sync filtering based on groups", "Whether to synchronise only a group's members (meant for pilots).", [], custom("Sync filtering based on groups")),
    screen("connectOptionalFeatures", "Optional features", "The features to turn on; device writeback then asks for its forest.", [], custom("Optional features")),
    screen(
      "connectSingleSignOn",
      "Enabling single sign-on",
      "For each forest, on one page, a Domain Administrator's sign-in that creates the AZUREADSSOACC computer account (not stored).",
      ["seamlessSsoDomainAdmin", "seamlessSsoComputer"],
      custom("Enabling single sign-on"),
      { when: "seamlessSso" },
    ),
    screen(
      "connectAdfs",
      "Configuring federation with AD FS",
      "The AD FS farm, its servers and Web Application Proxy servers, the AD FS service account and the domain to federate.",
      ["adfsDomainAdmin", "wapLocalAdmin", "adfsProxyTrust", "adfsServiceAccount"],
      custom("Configuring federation with AD FS"),
      { when: "federationAdfs" },
    ),
    screen("connectConfigure", "Configure and verify pages", "Whether the server starts in staging mode, then the configuration runs.", [], custom("Configure and verify pages")),
  ],
  connectExpress: [
    screen("connectExpressToEntra", "Connect to Microsoft Entra ID", "A Hybrid Identity Administrator's sign-in.", ["connectHybridIdentityAdmin"], express),
    screen("connectExpressToAdDs", "Connect to AD DS", "An Enterprise Admin's sign-in; the wizard creates the AD DS Connector account with it.", ["connectEnterpriseAdmin", "connectAdDsConnector"], express),
    screen("connectExpressConfigure", "Ready to configure", "Whether synchronisation starts when configuration completes.", [], express),
  ],
  cloudSyncAgent: [
    screen("cloudSyncInstallAgent", "Install the agent", "Accept the licence terms and install the provisioning agent on the host.", [], agent, { repeat: "agentHost" }),
    screen("cloudSyncSelectExtension", "Select Extension", "Which extension the agent serves: choose Cloud Sync.", [], agent, { repeat: "agentHost" }),
    screen("cloudSyncConnectEntra", "Connect Microsoft Entra ID", "At least a Hybrid Identity Administrator's sign-in.", ["cloudSyncHybridIdentityAdmin"], agent, { repeat: "agentHost" }),
    screen("cloudSyncServiceAccount", "Configure Service Account", "Create the gMSA (provAgentgMSA$, in the host's domain) or use a custom gMSA.", ["cloudSyncGmsa", "cloudSyncDomainAdmin"], agent, { repeat: "agentHost" }),
    screen("cloudSyncConnectAd", "Connect Active Directory", "Each domain to sync, with a domain administrator's sign-in whose password has not expired.", ["cloudSyncDomainAdmin"], agent, { repeat: "agentHost" }),
    screen("cloudSyncConfigurationComplete", "Configuration complete", "Confirm: the agent registers and restarts.", [], agent, { repeat: "agentHost" }),
  ],
};

/** After the Connect wizard: hybrid join of devices is set up from its "Configure device options" task. */
export const HYBRID_JOIN_TASK = {
  title: "Configure device options",
  asks: "Run the Connect wizard again and choose the additional task Configure device options to set up Microsoft Entra hybrid join, if the organisation's devices are to join.",
  cite: cite("connectDeviceOptions", "Configure device options in Microsoft Entra Connect"),
} as const;
