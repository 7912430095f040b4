import "server-only";
import { APP_AUTH_DEADLINE, ENTRA_ROLES, FEATURES_BY_ID, LIMITS, SOURCES } from "@/lib/catalog";
import { AD_SYNC_SERVICE } from "@/lib/catalog/graph-facts";
import { effectiveFeatures } from "@/lib/plan";
import type { CheckResult } from "@/lib/validation/schema";
import type { TenantSnapshot } from "../snapshot";
import type { PlanWithTool } from "@/lib/plan";
import { couldNotCheck } from "./could-not-check";

/**
 * Connect's identity in the tenant: the Sync_ accounts against the limit of
 * 20, an application identity of an earlier Connect server, the legacy
 * sync account's deadline, and features that still need a Global
 * Administrator.
 */

const base = { account: "connectEntraConnector" as const, docUrl: SOURCES.connectAccounts.url };
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
/** Names for a result's detail, which has room for 2,000 characters: the first ten, then how many more. */
const names = (all: string[]) => (all.length > 10 ? `${all.slice(0, 10).join(", ")} and ${all.length - 10} more` : all.join(", "));

function syncAccountChecks(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult[] {
  const holders = snapshot.roleAssignments.get("directorySynchronizationAccounts");
  const legacy = snapshot.legacySyncUsers;
  if (!holders?.ok || !legacy?.ok) {
    const failure = (holders && !holders.ok ? holders.failure : legacy && !legacy.ok ? legacy.failure : undefined) ?? {
      request: "Graph",
      access: "",
      kind: "malformed" as const,
      message: "The sync accounts were not asked for.",
      page: 1,
    };
    return [{ ...base, id: "connect-sync-accounts", status: "unknown", title: "Existing sync accounts not counted", ...couldNotCheck(failure) }];
  }
  const existing = new Set([...holders.value.map((grant) => grant.principalId), ...legacy.value.map((user) => user.id)]).size;
  const servers = plan.environment.servers.length;
  // Application-based authentication gives each server an application identity: no Sync_ account, nothing counted against the limit.
  const usesSyncAccount = plan.environment.connect.entraAuth === "syncAccount";
  const planned = usesSyncAccount ? servers : 0;
  const total = existing + planned;
  const limit = LIMITS.syncAccountsPerTenant;
  const results: CheckResult[] = [
    {
      ...base,
      id: "connect-sync-accounts",
      status: total > limit ? "fail" : total > limit - 3 ? "warn" : "pass",
      title: `${plural(existing, "existing sync account")}, ${planned} planned`,
      detail: `The tenant already has ${plural(existing, "Directory Synchronization Account")} (including legacy Sync_ users). ${
        usesSyncAccount
          ? `The plan adds ${planned}, one Sync_ account per Connect server.`
          : `The plan adds none: its ${plural(servers, "server")} authenticate${servers === 1 ? "s" : ""} with application identities, which are not Sync_ accounts and do not count.`
      } The limit is ${limit}.`,
      ...(total > limit - 3 ? { remediation: "Remove the sync accounts of retired Connect servers (Remove-ADSyncAADServiceAccount) before installing." } : {}),
    },
  ];
  if (legacy.value.length > 0 && !usesSyncAccount) {
    results.push({
      ...base,
      id: "connect-legacy-sync-users",
      status: "warn",
      title: `${plural(legacy.value.length, "legacy Sync_ account")} in the tenant`,
      detail: `${names(legacy.value.map((user) => user.userPrincipalName ?? user.id))} authenticate${legacy.value.length === 1 ? "s" : ""} with a password.`,
      remediation: "After moving a server to application-based authentication, remove its Sync_ account with Remove-ADSyncAADServiceAccount.",
      docUrl: SOURCES.connectAppAuth.url,
    });
  }
  return results;
}

/**
 * An application that holds the AD Synchronization Service's sync app role is
 * a Connect server authenticating with application-based authentication:
 * one already syncs to this tenant. The role's id is read from the service
 * principal in the same batch, never assumed.
 */
function applicationIdentityCheck(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult {
  const check = { ...base, id: "connect-app-identity", docUrl: SOURCES[AD_SYNC_SERVICE.source].url };
  const title = "Existing Connect application identities";
  const servicePrincipal = snapshot.syncService;
  const holders = snapshot.syncServiceHolders;
  if (!servicePrincipal || !holders) {
    return { ...check, status: "unknown", title: `${title}: not checked`, detail: "Could not check: the application identities were not asked for.", remediation: "Run the checks again." };
  }
  if (!servicePrincipal.ok) return { ...check, status: "unknown", title: `${title}: not checked`, ...couldNotCheck(servicePrincipal.failure) };
  if (servicePrincipal.value === null) {
    return {
      ...check,
      status: "pass",
      title: "No Connect application identity in the tenant",
      detail: `${AD_SYNC_SERVICE.displayName} (${AD_SYNC_SERVICE.appId}) is not in the tenant, so no Connect server authenticates with an application identity yet.`,
    };
  }
  if (!holders.ok) return { ...check, status: "unknown", title: `${title}: not checked`, ...couldNotCheck(holders.failure) };
  const syncRole = servicePrincipal.value.appRoles.find((role) => role.value === AD_SYNC_SERVICE.syncAppRole);
  if (!syncRole) {
    return {
      ...check,
      status: "unknown",
      title: `${title}: not checked`,
      detail: `Could not check: ${AD_SYNC_SERVICE.displayName} answered without the app role ${AD_SYNC_SERVICE.syncAppRole}, so its holders cannot be told apart.`,
      remediation: `Look in the Microsoft Entra admin center › Enterprise applications › ${AD_SYNC_SERVICE.displayName} › Users and groups.`,
    };
  }
  const syncing = (holders.value ?? []).filter((holder) => holder.appRoleId === syncRole.id);
  if (syncing.length === 0) {
    return { ...check, status: "pass", title: "No Connect application identity in the tenant", detail: `No application holds ${AD_SYNC_SERVICE.syncAppRole} on ${AD_SYNC_SERVICE.displayName}.` };
  }
  const holderNames = names(syncing.map((holder) => holder.principalDisplayName ?? holder.principalId));
  const ownApp = plan.environment.connect.entraAuth === "applicationOwnApp" ? " If you registered one of them for this plan's server (bring your own application), that one is expected." : "";
  return {
    ...check,
    status: "warn",
    title: "A Connect server already syncs with an application identity",
    detail: `${holderNames} ${syncing.length === 1 ? "holds" : "hold"} ${AD_SYNC_SERVICE.syncAppRole} on ${AD_SYNC_SERVICE.displayName}: a Connect server with application-based authentication already writes to this tenant.${ownApp}`,
    remediation: "Find that Connect server before installing: add the new server in staging mode, or retire the old one first.",
  };
}

function deadlineCheck(plan: PlanWithTool): CheckResult[] {
  if (plan.environment.connect.entraAuth !== "syncAccount") return [];
  return [
    {
      ...base,
      id: "connect-app-auth-deadline",
      status: "warn",
      title: "The plan uses the legacy sync account",
      // The deadline is reported, not found on the Microsoft pages the catalog checked: say so rather than state it as Microsoft's.
      detail: `Microsoft recommends application-based authentication instead of a Sync_ account. Reports from 2026 say Connect ${APP_AUTH_DEADLINE.minimumConnectVersion} or later with application-based authentication will be required from ${APP_AUTH_DEADLINE.date}, after which a Sync_ account stops synchronizing; the Microsoft pages checked do not state that date yet.`,
      remediation: "Choose application-based authentication in the environment step.",
      docUrl: SOURCES.connectAppAuth.url,
    },
  ];
}

function globalAdminFeatureCheck(plan: PlanWithTool): CheckResult[] {
  const features = effectiveFeatures(plan);
  const needsGlobalAdmin = (["connectHealth", "federation", "pingFederate"] as const).filter((feature) => features.has(feature));
  if (needsGlobalAdmin.length === 0) return [];
  return [
    {
      account: "globalAdministrator",
      accountKey: "globalAdministrator",
      id: "connect-global-admin-features",
      status: "warn",
      title: `${needsGlobalAdmin.map((feature) => FEATURES_BY_ID[feature].label).join(" and ")} still need${needsGlobalAdmin.length === 1 ? "s" : ""} a ${ENTRA_ROLES.globalAdministrator.name}`,
      detail: "Hybrid Identity Administrator is not enough for these features: Connect Health's agent installs disabled without Global Administrator, and federation needs Global Administrator (or Hybrid Identity Administrator with Domain Name Administrator).",
      remediation: "Plan a Global Administrator for these steps, with the role activated only while it is needed.",
      docUrl: SOURCES.connectAccounts.url,
    },
  ];
}

export function connectChecks(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult[] {
  return [...syncAccountChecks(plan, snapshot), applicationIdentityCheck(plan, snapshot), ...deadlineCheck(plan), ...globalAdminFeatureCheck(plan)];
}
