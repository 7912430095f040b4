import { AGENT_EXECUTION_POLICIES, DOTNET_RELEASES, PREFLIGHT_RULES } from "@/lib/catalog/preflight-rules";
import { SERVER_REQUIREMENTS } from "@/lib/catalog/servers";
import { domainOwnerId, type RequiredAccount } from "@/lib/plan";
import type { ServerPreflightFacts } from "@/lib/preflight/facts-schema";
import { someOf } from "@/lib/plan/limits";
import { couldNotRead, sameName, type Finding, type RuleContext } from "./context";

type ServerFacts = ServerPreflightFacts["server"];

/** The release year in the product name the registry reports ("Windows Server 2022 Datacenter" -> 2022). */
function releaseYear(product: string): number | undefined {
  const year = /^Windows Server (\d{4})\b/.exec(product)?.[1];
  return year === undefined ? undefined : Number(year);
}

/**
 * Connect's prerequisites page asks for Windows Server 2016 or later with no
 * exception; the Cloud Sync page lists 2016, 2019 and 2022 and says 2025 is
 * not supported for the agent. Where the pages disagree on 2025 for Connect,
 * the finding warns with both readings (the catalog's disagreement).
 */
function operatingSystem(rule: "connectServerOs" | "agentHostOs", facts: ServerFacts, account: RequiredAccount): Finding {
  const product = facts.os.productName ?? "";
  if (/server core/i.test(facts.os.installationType ?? "")) {
    return { rule, account, status: "fail", detail: `${facts.plannedName} runs ${product || "Windows"} as Server Core.`, remediation: "Install on a server with the full desktop experience." };
  }
  if (!product) return { rule, account, status: "unknown", detail: "The collector could not read the Windows version." };
  const year = releaseYear(product);
  const running = `${facts.plannedName} runs ${product} (build ${facts.os.currentBuild ?? "?"})`;
  if (year === undefined) return { rule, account, status: "unknown", detail: `${running}: not a Windows Server release this check knows.`, remediation: "Check the server's Windows version against the prerequisites page." };
  if (year < 2016) return { rule, account, status: "fail", detail: `${running}: older than Windows Server 2016.`, remediation: "Use Windows Server 2016 or later (2022 recommended)." };
  if (year <= 2022) return { rule, account, status: "pass", detail: `${running} with the desktop experience.` };
  if (rule === "agentHostOs") {
    return {
      rule,
      account,
      status: "fail",
      detail: `${running}: Microsoft's Cloud Sync prerequisites page lists Windows Server 2016, 2019 and 2022 and says Windows Server 2025 is not supported for the agent (a known issue; support is planned).`,
      remediation: "Use Windows Server 2016, 2019 or 2022; a host already on 2025 needs KB5070773 or later and a restart.",
    };
  }
  const disagreement = SERVER_REQUIREMENTS.connect.disagreements.find((each) => each.topic.includes(`Windows Server ${year}`));
  const readings = disagreement ? ` Microsoft's pages disagree: ${disagreement.readings.map((reading) => reading.says).join(" / ")}` : "";
  return {
    rule,
    account,
    status: "warn",
    detail: `${running}. Connect's prerequisites page asks for Windows Server 2016 or later and names no exception.${readings}`,
    remediation: "Confirm the release is supported for Connect on its prerequisites page before install day, or use Windows Server 2022.",
  };
}

function dotNet(rule: "connectDotNet" | "agentDotNet", minimum: keyof typeof DOTNET_RELEASES, facts: ServerFacts, account: RequiredAccount): Finding {
  const release = facts.dotNetRelease;
  if (release === null) return { rule, account, status: "fail", detail: ".NET Framework 4.5 or later is not installed (no Release value)." };
  return release >= DOTNET_RELEASES[minimum]
    ? { rule, account, status: "pass", detail: `.NET Framework Release ${release}: ${minimum} or later.` }
    : { rule, account, status: "fail", detail: `.NET Framework Release ${release} is older than ${minimum} (${DOTNET_RELEASES[minimum]}).` };
}

function tls12(facts: ServerFacts, account: RequiredAccount): Finding {
  const { netFramework64, netFramework32, schannelServer, schannelClient } = facts.tls12;
  const off = (
    [
      ["SCHANNEL TLS 1.2 Server", schannelServer],
      ["SCHANNEL TLS 1.2 Client", schannelClient],
    ] as const
  ).filter(([, keys]) => keys.enabled === 0 || keys.disabledByDefault === 1);
  if (off.length > 0) {
    return { rule: "connectTls12", account, status: "fail", detail: `TLS 1.2 is turned off: ${off.map(([name]) => name).join(" and ")} (Enabled 0 or DisabledByDefault 1).`, fact: PREFLIGHT_RULES.connectTls12.facts[1] };
  }
  const notSet = [
    ["64-bit .NET SystemDefaultTlsVersions", netFramework64.systemDefaultTlsVersions],
    ["64-bit .NET SchUseStrongCrypto", netFramework64.schUseStrongCrypto],
    ["32-bit .NET SystemDefaultTlsVersions", netFramework32.systemDefaultTlsVersions],
    ["32-bit .NET SchUseStrongCrypto", netFramework32.schUseStrongCrypto],
    ["SCHANNEL Server Enabled", schannelServer.enabled],
    ["SCHANNEL Client Enabled", schannelClient.enabled],
  ]
    .filter(([, value]) => value !== 1)
    .map(([name]) => name);
  const defaultsNotSet = [schannelServer.disabledByDefault, schannelClient.disabledByDefault].some((value) => value !== 0);
  if (notSet.length > 0 || defaultsNotSet) {
    return {
      rule: "connectTls12",
      account,
      status: "warn",
      detail: `TLS 1.2 is not enforced: ${[...notSet, ...(defaultsNotSet ? ["SCHANNEL DisabledByDefault 0"] : [])].join(", ")} not set.`,
      fact: PREFLIGHT_RULES.connectTls12.facts[1],
    };
  }
  return { rule: "connectTls12", account, status: "pass", detail: "TLS 1.2 is enabled and enforced for .NET (64- and 32-bit) and SCHANNEL." };
}

/**
 * The policy the agent's installer meets: the first scope set, in PowerShell's order of precedence, leaving
 * out Process, which is only the collector's own (started with -ExecutionPolicy Bypass, it says Bypass).
 */
function executionPolicy(facts: ServerFacts, account: RequiredAccount): Finding {
  const policy = facts.powerShell.executionPolicy;
  const scopes = [
    ["MachinePolicy", policy.machinePolicy],
    ["UserPolicy", policy.userPolicy],
    ["CurrentUser", policy.currentUser],
    ["LocalMachine", policy.localMachine],
  ] as const;
  const unread = scopes.filter(([, value]) => value === null).map(([scope]) => scope);
  const set = scopes.find(([, value]) => value !== null && value !== "Undefined");
  if (!set && unread.length > 0) return { rule: "agentExecutionPolicy", account, status: "unknown", detail: `The collector could not read the execution policy of ${unread.join(", ")}.` };
  const [scope, effective] = set ?? ["every scope", "Undefined"];
  const where = scope === "MachinePolicy" || scope === "UserPolicy" ? ` (set by Group Policy: ${scope})` : ` (${scope})`;
  return (AGENT_EXECUTION_POLICIES as readonly string[]).includes(effective!)
    ? { rule: "agentExecutionPolicy", account, status: "pass", detail: `The execution policy outside the collector's own process is ${effective}${where}.` }
    : { rule: "agentExecutionPolicy", account, status: "fail", detail: `The execution policy outside the collector's own process is ${effective}${where}.` };
}

function credentialManager(context: RuleContext, facts: ServerFacts, account: RequiredAccount): Finding {
  const { status, startType } = facts.credentialManager;
  const unread = couldNotRead(context, "credentialManager");
  if (unread && startType === null) return { rule: "agentCredentialManager", account, status: "unknown", detail: `${unread} The Credential Manager service's state is not known.` };
  if (startType === null && status === null) return { rule: "agentCredentialManager", account, status: "fail", detail: "The Credential Manager service (VaultSvc) was not found." };
  return startType === "Disabled"
    ? { rule: "agentCredentialManager", account, status: "fail", detail: "The Credential Manager service (VaultSvc) is disabled: the agent's installer stops." }
    : { rule: "agentCredentialManager", account, status: "pass", detail: `The Credential Manager service is ${status ?? "present"} (start type ${startType ?? "unknown"}).` };
}

/** The plan's installing administrator of this server, when the plan names one. */
function localAdministrator(context: RuleContext, facts: ServerFacts): Finding | undefined {
  const account = context.accounts.find((candidate) => candidate.definition.id === "connectLocalAdmin" && candidate.server?.id === context.ownerId);
  const entry = account ? context.plan.accounts[account.key] : undefined;
  const name = entry?.name.trim();
  if (!account || entry?.inUse === false || !name) return undefined;
  const members = facts.localAdministrators;
  const unread = couldNotRead(context, "localAdministrators");
  if (unread) return { rule: "localAdministratorMember", account, status: "unknown", detail: `${unread} Whether ${name} administers ${facts.plannedName} is not known.` };
  if (members.some((member) => sameName(member.name.split("\\").pop(), name))) {
    return { rule: "localAdministratorMember", account, status: "pass", detail: `${name} is a member of ${facts.plannedName}'s local Administrators group.` };
  }
  const groups = members.filter((member) => /group/i.test(member.objectClass ?? "")).map((member) => member.name);
  if (groups.length > 0) {
    return {
      rule: "localAdministratorMember",
      account,
      status: "unknown",
      detail: `${name} is not a direct member of ${facts.plannedName}'s local Administrators; it may be one through ${someOf(groups)}, which the server's collector does not expand.`,
      remediation: `Check that ${name} is in one of these groups, or add it to the local Administrators group.`,
    };
  }
  return { rule: "localAdministratorMember", account, status: "fail", detail: `${name} is not a member of ${facts.plannedName}'s local Administrators group.`, remediation: `Add ${name} to the local Administrators group of ${facts.plannedName} before install day.` };
}

/** The account a server's findings are listed under: the sync service that runs there. */
function serverAccount(context: RuleContext): RequiredAccount | undefined {
  const server = context.plan.environment.servers.find((candidate) => candidate.id === context.ownerId)!;
  if (context.plan.tool === "connect") {
    return (
      context.accounts.find((account) => account.definition.id === "connectAdSyncService" && account.server?.id === server.id) ??
      context.accounts.find((account) => account.server?.id === server.id)
    );
  }
  const owner = server.domain ? domainOwnerId(server.domain) : "";
  return context.accounts.find((account) => account.definition.id === "cloudSyncGmsa" && account.key.endsWith(`@${owner}`));
}

/** Every server rule for the tool the plan uses. */
export function judgeServer(context: RuleContext, facts: ServerPreflightFacts): Finding[] {
  const account = serverAccount(context);
  if (!account) return [];
  const server = facts.server;
  if (context.plan.tool === "connect") {
    const admin = localAdministrator(context, server);
    return [operatingSystem("connectServerOs", server, account), dotNet("connectDotNet", "4.7.2", server, account), tls12(server, account), ...(admin ? [admin] : [])];
  }
  return [operatingSystem("agentHostOs", server, account), dotNet("agentDotNet", "4.7.1", server, account), executionPolicy(server, account), credentialManager(context, server, account)];
}
