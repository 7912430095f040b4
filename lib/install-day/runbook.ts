import {
  DATABASE_LABELS,
  FEATURES_BY_ID,
  SIGN_IN_METHOD_LABELS,
  SOURCE_ANCHOR_LABELS,
  type Citation,
} from "@/lib/catalog";
import { HYBRID_JOIN_TASK, INSTALL_SCREENS, type InstallPath, type InstallScreen } from "@/lib/catalog/install-screens";
import { accountName } from "@/lib/export/account-rows";
import { conditionContext, deriveAccounts, effectiveFeatures, forestDomains, hasToolAndEnvironment, type Forest, type Plan, type PlanWithTool, type RequiredAccount } from "@/lib/plan";
import { installDay } from "./build";
import type { Part, WizardMilestone } from "./model";

/**
 * The install-day runbook: the parts the scripts run before the wizard, then
 * Microsoft's installer screens in their own order (each naming the plan's
 * accounts and values for it), then the parts after the wizard. The parts
 * are install day's own (lib/install-day/build.ts); the screens are the
 * catalog's (lib/catalog/install-screens.ts).
 */

/** One thing to enter or choose on a screen; an account links to its section of the plan. */
export interface RunbookEntry {
  label: string;
  value: string;
  accountKey?: string;
}

export interface RunbookScreen {
  /** Unique within the runbook: the screen's id, and the forest or host it is repeated for. */
  id: string;
  screen: InstallScreen;
  /** "fabrikam.com" or "SYNC01" for a screen shown once per forest or agent host. */
  scope?: string;
  entries: RunbookEntry[];
}

export interface RunbookTask {
  title: string;
  asks: string;
  cite: Citation;
}

export interface Runbook {
  path: InstallPath | null;
  before: readonly Part[];
  wizard?: WizardMilestone;
  screens: RunbookScreen[];
  after: readonly Part[];
  tasks: RunbookTask[];
}

export function installPath(plan: PlanWithTool): InstallPath {
  if (plan.tool === "cloudSync") return "cloudSyncAgent";
  return plan.environment.connect.installType === "express" ? "connectExpress" : "connectCustom";
}

const entry = (label: string, value: string): RunbookEntry => ({ label, value });
const list = (values: readonly string[], none: string) => (values.length > 0 ? values.join(", ") : none);

/** The plan's accounts a screen asks for, limited to its forest when the screen repeats per forest. */
function accountEntries(screen: InstallScreen, accounts: readonly RequiredAccount[], plan: Plan, forest?: Forest): RunbookEntry[] {
  return accounts
    .filter((account) => screen.accounts.includes(account.definition.id) && (!forest || !account.forest || account.forest.id === forest.id))
    .filter((account) => plan.accounts[account.key]?.inUse !== false)
    .map((account) => ({ label: account.label, value: accountName(account, plan.accounts[account.key]) || "Not named yet", accountKey: account.key }));
}

/** The plan's own answers for a screen, beyond its accounts. */
function valueEntries(screen: InstallScreen, plan: PlanWithTool): RunbookEntry[] {
  const { environment } = plan;
  const context = conditionContext(plan);
  const features = effectiveFeatures(plan);
  switch (screen.id) {
    case "connectRequiredComponents": {
      const { connect } = environment;
      const values = [entry("Database", DATABASE_LABELS[context.database])];
      if (context.database === "remoteSql") values.push(entry("SQL Server", `${connect.sqlServer || "Not named yet"}${connect.sqlInstance ? `\\${connect.sqlInstance}` : ""}`));
      return values;
    }
    case "connectUserSignIn":
      return [entry("Sign-in method", SIGN_IN_METHOD_LABELS[context.signIn]), entry("Enable single sign-on", environment.signIn.seamlessSso ? "Yes" : "No")];
    case "connectEntraSignInConfiguration":
      return environment.forests.map((each) => entry(`UPN suffixes of ${each.rootDomain}`, list(each.upnSuffixes, "None named")));
    case "connectDomainOuFiltering":
      return environment.forests.map((each) => entry(`Domains of ${each.rootDomain}`, forestDomains(each).join(", ")));
    case "connectIdentifyingUsers":
      return [
        entry(
          "Source anchor",
          context.sourceAnchor === "otherAttribute" ? `${SOURCE_ANCHOR_LABELS.otherAttribute}: ${environment.connect.sourceAnchorAttribute || "not named yet"}` : SOURCE_ANCHOR_LABELS[context.sourceAnchor],
        ),
      ];
    case "connectFiltering":
      return [entry("Group filtering", "None: the plan synchronises every user and device in the chosen domains and OUs")];
    case "connectOptionalFeatures": {
      const values = [entry("Features", list([...features].map((id) => FEATURES_BY_ID[id].label), "None"))];
      if (features.has("deviceWriteback")) {
        const target = environment.forests.find((each) => each.id === environment.connect.deviceWritebackForestId);
        values.push(entry("Device writeback forest", target?.rootDomain ?? "Not chosen yet"));
      }
      return values;
    }
    case "connectAdfs":
      return [entry("AD FS servers", list(environment.federation.adfsServers, "Not named yet")), entry("Web Application Proxy servers", list(environment.federation.wapServers, "Not named yet"))];
    case "connectConfigure":
    case "connectExpressConfigure":
      return environment.servers.map((server) => entry(server.name, server.staging ? "Tick “Enable staging mode”: this server stays in staging" : "Leave staging mode off: this server synchronises"));
    case "cloudSyncServiceAccount":
      return [entry("gMSA", environment.cloudSync.gmsaMode === "default" ? "Create gMSA (the installer creates provAgentgMSA$)" : "Use custom gMSA (created before, by an administrator)")];
    case "cloudSyncConnectAd":
      return [entry("Domains", list(environment.forests.flatMap(forestDomains), "None named"))];
    default:
      return [];
  }
}

function applies(screen: InstallScreen, plan: PlanWithTool): boolean {
  const context = conditionContext(plan);
  switch (screen.when) {
    case "always":
      return true;
    case "seamlessSso":
      return plan.environment.signIn.seamlessSso;
    case "federationAdfs":
      return context.signIn === "federationAdfs";
    case "optionalFeatures":
      return effectiveFeatures(plan).size > 0;
  }
}

/** The screens of the plan's installer, in Microsoft's order, with the plan's answers. */
export function runbookScreens(plan: PlanWithTool): RunbookScreen[] {
  const accounts = deriveAccounts(plan);
  const result: RunbookScreen[] = [];
  for (const screen of INSTALL_SCREENS[installPath(plan)]) {
    if (!applies(screen, plan)) continue;
    if (screen.repeat === "forest") {
      for (const forest of plan.environment.forests) {
        result.push({ id: `${screen.id}-${forest.id}`, screen, scope: forest.rootDomain, entries: [...valueEntries(screen, plan), ...accountEntries(screen, accounts, plan, forest)] });
      }
    } else {
      // The agent's screens repeat on each host: listed once, naming the hosts.
      const scope = screen.repeat === "agentHost" ? plan.environment.servers.map((server) => server.name).join(", ") || undefined : undefined;
      result.push({ id: screen.id, screen, scope, entries: [...valueEntries(screen, plan), ...accountEntries(screen, accounts, plan)] });
    }
  }
  return result;
}

export function runbook(plan: Plan): Runbook {
  if (!hasToolAndEnvironment(plan)) return { path: null, before: [], screens: [], after: [], tasks: [] };
  const day = installDay(plan);
  const path = installPath(plan);
  return {
    path,
    before: day.parts.filter((part) => part.when === "beforeWizard"),
    wizard: day.wizard,
    screens: runbookScreens(plan),
    after: day.parts.filter((part) => part.when === "afterWizard"),
    tasks: plan.tool === "connect" ? [{ ...HYBRID_JOIN_TASK }] : [],
  };
}
