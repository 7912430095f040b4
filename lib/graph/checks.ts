import "server-only";
import type { Domain, Organization, UnifiedRoleAssignment, UnifiedRoleEligibilityScheduleInstance, User } from "@microsoft/microsoft-graph-types";
import { ACCOUNTS_BY_ID, ENTRA_ROLES, FEATURES_BY_ID, LIMITS, SOURCES, type AccountId, type EntraRoleId } from "@/lib/catalog";
import { deriveAccounts, upnProblem, type Plan } from "@/lib/plan";
import type { CheckResult } from "@/lib/validation/schema";
import type { GraphGet, GraphOutcome } from "./batch";
import { graphRequests, REQUIRED_ACCESS } from "./requests";

/**
 * The checks of a plan against a tenant, as pure functions: which requests
 * to make (in two waves, the second needing ids from the first), and how to
 * read the answers. Nothing here talks to the network.
 */

export type PlanReady = Plan & { tool: NonNullable<Plan["tool"]>; environment: NonNullable<Plan["environment"]> };
type Collection<T> = { value: T[] };

export interface AdminToCheck {
  key: string;
  accountId: AccountId;
  label: string;
  upn: string;
  acceptedRoles: EntraRoleId[];
  /** Connect needs the role assigned to the user, not to a group. */
  needsDirectAssignment: boolean;
  mustBeCloudOnly: boolean;
}

/** The Entra users of the plan that Graph can check. */
export function adminsToCheck(plan: PlanReady): AdminToCheck[] {
  return deriveAccounts(plan).flatMap((account) => {
    const entry = plan.accounts[account.key];
    if (account.definition.identity !== "upn" || !entry?.inUse || upnProblem(entry.name)) return [];
    const roles = account.definition.roles ?? [];
    return [
      {
        key: account.key,
        accountId: account.definition.id,
        label: account.label,
        upn: entry.name,
        acceptedRoles: roles.includes("globalAdministrator") ? [...roles] : [...roles, "globalAdministrator"],
        needsDirectAssignment: account.definition.id === "connectHybridIdentityAdmin",
        mustBeCloudOnly: account.definition.id === "breakGlassAdmin",
      },
    ];
  });
}

export function firstWave(plan: PlanReady): GraphGet[] {
  const requests = [graphRequests.organization("organization"), graphRequests.domains("domains")];
  adminsToCheck(plan).forEach((admin, index) => {
    requests.push(graphRequests.user(`user-${index}`, admin.upn), graphRequests.userGroups(`groups-${index}`, admin.upn));
  });
  if (plan.tool === "connect") requests.push(graphRequests.syncRoleAssignments("sync-roles"), graphRequests.legacySyncUsers("sync-users"));
  return requests;
}

function value<T>(outcome: GraphOutcome | undefined): T[] | undefined {
  if (!outcome?.ok) return undefined;
  const items = (outcome.body as Partial<Collection<T>>).value;
  return Array.isArray(items) ? items : undefined;
}

function entity<T>(outcome: GraphOutcome | undefined): T | undefined {
  return outcome?.ok ? (outcome.body as T) : undefined;
}

function roleAssignableGroups(outcome: GraphOutcome | undefined): { id: string; displayName: string }[] {
  return (value<{ id?: string; displayName?: string; isAssignableToRole?: boolean }>(outcome) ?? [])
    .filter((group) => group.isAssignableToRole && typeof group.id === "string")
    .map((group) => ({ id: group.id!, displayName: group.displayName ?? group.id! }));
}

export function secondWave(plan: PlanReady, first: Map<string, GraphOutcome>): GraphGet[] {
  const requests: GraphGet[] = [];
  adminsToCheck(plan).forEach((_admin, index) => {
    const user = entity<User>(first.get(`user-${index}`));
    if (!user?.id) return;
    requests.push(graphRequests.assignmentsOf(`assign-${index}`, user.id), graphRequests.eligibilitiesOf(`elig-${index}`, user.id));
    roleAssignableGroups(first.get(`groups-${index}`)).forEach((group, groupIndex) => {
      requests.push(graphRequests.assignmentsOf(`group-assign-${index}-${groupIndex}`, group.id));
    });
  });
  return requests;
}

/** Why a request could not be answered, in words that say what to do. */
function unknownReason(outcome: GraphOutcome | undefined, access: string): string {
  if (!outcome || outcome.ok) return "Graph's answer was missing.";
  switch (outcome.kind) {
    case "forbidden":
      return `Could not check: the signed-in account lacks ${access}.`;
    case "unauthenticated":
      return "Could not check: the sign-in has expired. Sign in again and re-run the checks.";
    case "throttled":
      return "Could not check: Microsoft Graph is throttling requests. Re-run the checks in a minute.";
    case "timeout":
      return "Could not check: Microsoft Graph did not answer in time. Re-run the checks.";
    case "malformed":
      return "Could not check: Microsoft Graph answered with malformed data. Re-run the checks.";
    case "unavailable":
      return "Could not check: Microsoft Graph is unavailable right now. Re-run the checks later.";
    case "unreachable":
      return "Could not check: Microsoft Graph could not be reached. Check the server's connection to Graph and re-run the checks.";
    default:
      return `Could not check: Microsoft Graph answered ${outcome.status ?? "with an error"}${outcome.code ? ` (${outcome.code})` : ""}.`;
  }
}

const roleNames = (roles: readonly EntraRoleId[]) => roles.map((role) => ENTRA_ROLES[role].name).join(" or ");
const templateIds = (roles: readonly EntraRoleId[]) => new Set<string>(roles.map((role) => ENTRA_ROLES[role].templateId));

function adminChecks(admin: AdminToCheck, index: number, outcomes: Map<string, GraphOutcome>): CheckResult[] {
  const base = { account: admin.accountId, accountKey: admin.key, docUrl: SOURCES[admin.accountId === "connectHybridIdentityAdmin" ? "connectAccounts" : "cloudSyncPrerequisites"].url };
  const id = (check: string) => `${check}:${admin.key}`;
  const userOutcome = outcomes.get(`user-${index}`);
  if (!userOutcome?.ok) {
    if (userOutcome?.kind === "not_found") {
      return [
        {
          ...base,
          id: id("admin-exists"),
          status: "fail",
          title: `${admin.label}: no such user`,
          detail: `The tenant has no user ${admin.upn}.`,
          remediation: "Correct the user principal name in the plan, or create the account in the tenant before install day.",
        },
      ];
    }
    return [{ ...base, id: id("admin-exists"), status: "unknown", title: `${admin.label}: existence not checked`, detail: unknownReason(userOutcome, REQUIRED_ACCESS.user) }];
  }
  const user = userOutcome.body as User;
  const results: CheckResult[] = [
    { ...base, id: id("admin-exists"), status: "pass", title: `${admin.label}: the user exists`, detail: `${user.displayName ?? admin.upn} (${user.userPrincipalName ?? admin.upn}) was found in the tenant.` },
    user.userType === "Guest"
      ? {
          ...base,
          id: id("admin-member"),
          status: "fail",
          title: `${admin.label}: a guest account`,
          detail: `${admin.upn} is a guest of the tenant. Microsoft does not allow a guest for this account.`,
          remediation: "Use a member (work) account of the tenant instead.",
        }
      : { ...base, id: id("admin-member"), status: "pass", title: `${admin.label}: a member account`, detail: "It is a member of the tenant, not a guest." },
    user.accountEnabled === false
      ? {
          ...base,
          id: id("admin-enabled"),
          status: "fail",
          title: `${admin.label}: sign-in is blocked`,
          detail: `${admin.upn} is disabled: it cannot sign in to the wizard.`,
          remediation: "Enable the account (Microsoft Entra admin center › Users › Account enabled) or plan another one.",
        }
      : { ...base, id: id("admin-enabled"), status: "pass", title: `${admin.label}: enabled`, detail: "The account can sign in." },
    user.onPremisesSyncEnabled
      ? {
          ...base,
          id: id("admin-cloud-only"),
          status: admin.mustBeCloudOnly ? "fail" : "warn",
          title: `${admin.label}: synchronized from Active Directory`,
          detail: `${admin.upn} is synchronized from ${user.onPremisesDomainName ?? "on-premises Active Directory"}: if on-premises services fail, it may not be able to sign in.`,
          remediation: "Microsoft recommends a cloud-only (…onmicrosoft.com) account for hybrid administration.",
        }
      : { ...base, id: id("admin-cloud-only"), status: "pass", title: `${admin.label}: cloud-only`, detail: "The account is not synchronized from Active Directory." },
    roleCheck(admin, index, user, outcomes, base),
  ];
  return results;
}

function roleCheck(admin: AdminToCheck, index: number, user: User, outcomes: Map<string, GraphOutcome>, base: Omit<CheckResult, "id" | "status" | "title" | "detail">): CheckResult {
  const accepted = templateIds(admin.acceptedRoles);
  const wanted = roleNames(admin.acceptedRoles);
  const result = (status: CheckResult["status"], title: string, detail: string, remediation?: string): CheckResult => ({
    ...base,
    id: `admin-role:${admin.key}`,
    status,
    title: `${admin.label}: ${title}`,
    detail,
    ...(remediation ? { remediation } : {}),
    docUrl: SOURCES.rolesReference.url,
  });
  const holds = (assignment: { roleDefinitionId?: string | null; directoryScopeId?: string | null }) =>
    accepted.has(assignment.roleDefinitionId ?? "") && (assignment.directoryScopeId ?? "/") === "/";
  const roleName = (assignment: { roleDefinitionId?: string | null }) =>
    Object.values(ENTRA_ROLES).find((role) => role.templateId === assignment.roleDefinitionId)?.name ?? "the role";

  const directOutcome = outcomes.get(`assign-${index}`);
  const direct = value<UnifiedRoleAssignment>(directOutcome)?.find(holds);
  if (direct) return result("pass", `holds ${roleName(direct)}`, `${user.userPrincipalName ?? admin.upn} holds ${roleName(direct)} directly and active, for the whole directory.`);

  const groups = roleAssignableGroups(outcomes.get(`groups-${index}`));
  for (const [groupIndex, group] of groups.entries()) {
    const viaGroup = value<UnifiedRoleAssignment>(outcomes.get(`group-assign-${index}-${groupIndex}`))?.find(holds);
    if (viaGroup) {
      return admin.needsDirectAssignment
        ? result(
            "fail",
            `${roleName(viaGroup)} only through a group`,
            `${admin.upn} holds ${roleName(viaGroup)} only as a member of ${group.displayName}. Connect needs the role assigned directly to the user.`,
            `Assign ${ENTRA_ROLES.hybridIdentityAdministrator.name} to the user directly (activate it with PIM if eligible) before installing Connect.`,
          )
        : result("pass", `holds ${roleName(viaGroup)} through a group`, `${admin.upn} holds ${roleName(viaGroup)} as a member of ${group.displayName}.`);
    }
  }

  const eligible = value<UnifiedRoleEligibilityScheduleInstance>(outcomes.get(`elig-${index}`))?.find(holds);
  if (eligible) {
    return result(
      "warn",
      `${roleName(eligible)} is only eligible`,
      `${admin.upn} is eligible for ${roleName(eligible)} through Privileged Identity Management, but the role is not active.`,
      "Activate the role in Privileged Identity Management before starting the install.",
    );
  }

  const failures: [GraphOutcome | undefined, string][] = [
    [directOutcome, REQUIRED_ACCESS.roles],
    [outcomes.get(`groups-${index}`), REQUIRED_ACCESS.userGroups],
    [outcomes.get(`elig-${index}`), REQUIRED_ACCESS.eligibilities],
    ...groups.map((_group, groupIndex): [GraphOutcome | undefined, string] => [outcomes.get(`group-assign-${index}-${groupIndex}`), REQUIRED_ACCESS.roles]),
  ];
  const failed = failures.find(([outcome]) => !outcome?.ok);
  if (failed) return result("unknown", "role not checked", unknownReason(failed[0], failed[1]));
  return result(
    "fail",
    `does not hold ${wanted}`,
    `${admin.upn} holds neither ${wanted}, directly, through a group, nor as an eligible role.`,
    `Assign ${ENTRA_ROLES[admin.acceptedRoles[0]!].name} to the account (Microsoft Entra admin center › Roles and administrators).`,
  );
}

function tenantChecks(plan: PlanReady, outcomes: Map<string, GraphOutcome>): CheckResult[] {
  const results: CheckResult[] = [];
  const base = { account: null, docUrl: SOURCES.connectPrerequisites.url };
  const domainsOutcome = outcomes.get("domains");
  const domains = value<Domain>(domainsOutcome);
  const initial = plan.environment.tenant.initialDomain;
  if (!domains) {
    results.push({ ...base, id: "tenant-domains", status: "unknown", title: "Tenant domains not checked", detail: unknownReason(domainsOutcome, REQUIRED_ACCESS.domains) });
  } else {
    const tenantInitial = domains.find((domain) => domain.isInitial)?.id ?? "";
    if (initial) {
      results.push(
        tenantInitial.toLowerCase() === initial.toLowerCase()
          ? { ...base, id: "tenant-initial-domain", status: "pass", title: "The plan names this tenant", detail: `The tenant's initial domain is ${tenantInitial}.` }
          : {
              ...base,
              id: "tenant-initial-domain",
              status: "fail",
              title: "The plan names another tenant",
              detail: `The plan names ${initial}, but the signed-in tenant's initial domain is ${tenantInitial || "unknown"}.`,
              remediation: "Sign in to the tenant the plan is for, or correct the initial domain in the plan.",
            },
      );
    }
    const byName = new Map(domains.map((domain) => [String(domain.id).toLowerCase(), domain]));
    const suffixes = [...new Set(plan.environment.forests.flatMap((forest) => forest.upnSuffixes.map((suffix) => suffix.toLowerCase())))];
    for (const suffix of suffixes) {
      const domain = byName.get(suffix);
      const id = `tenant-upn-suffix:${suffix}`;
      if (!domain) {
        results.push({
          ...base,
          id,
          status: "warn",
          title: `UPN suffix ${suffix} is not in the tenant`,
          detail: `Users with the suffix ${suffix} would get …onmicrosoft.com user names in Microsoft Entra ID.`,
          remediation: `Add ${suffix} as a custom domain and verify it before synchronizing.`,
        });
      } else if (!domain.isVerified) {
        results.push({
          ...base,
          id,
          status: "warn",
          title: `UPN suffix ${suffix} is not verified`,
          detail: `${suffix} is added to the tenant but not verified: users with this suffix would get …onmicrosoft.com user names.`,
          remediation: `Verify ${suffix} (add the DNS record the admin center shows) before synchronizing.`,
        });
      } else if (domain.authenticationType === "Federated") {
        results.push({
          ...base,
          id,
          status: "warn",
          title: `UPN suffix ${suffix} is federated`,
          detail: `${suffix} is verified and federated: sign-in for its users is redirected to a federation service, whatever the sync tool.`,
          remediation: "Keep the federation, or plan its conversion to managed authentication (password hash sync) separately.",
        });
      } else {
        results.push({ ...base, id, status: "pass", title: `UPN suffix ${suffix} is verified`, detail: `${suffix} is a verified, managed domain of the tenant.` });
      }
    }
  }

  const organizationOutcome = outcomes.get("organization");
  const organization = value<Organization>(organizationOutcome)?.[0];
  if (!organization) {
    results.push({ ...base, id: "tenant-synced", status: "unknown", title: "Existing synchronization not checked", detail: unknownReason(organizationOutcome, REQUIRED_ACCESS.organization) });
  } else if (organization.onPremisesSyncEnabled) {
    const last = organization.onPremisesLastSyncDateTime ? ` Its last sync was at ${organization.onPremisesLastSyncDateTime}.` : "";
    results.push({
      ...base,
      id: "tenant-synced",
      status: "warn",
      title: "The tenant is already synchronized",
      detail: `A sync engine already writes to this tenant.${last}`,
      remediation:
        "Find the running server before installing. Add the new server in staging mode, or scope Cloud Sync and Connect to different objects: both tools may run in one forest only when their scopes do not overlap.",
      docUrl: SOURCES.decisionGuide.url,
    });
  } else {
    results.push({ ...base, id: "tenant-synced", status: "pass", title: "No synchronization yet", detail: "The tenant is not synchronized from an on-premises directory." });
  }
  return results;
}

function connectChecks(plan: PlanReady, outcomes: Map<string, GraphOutcome>): CheckResult[] {
  const results: CheckResult[] = [];
  const base = { account: "connectEntraConnector" as const, docUrl: SOURCES.connectAccounts.url };
  const rolesOutcome = outcomes.get("sync-roles");
  const usersOutcome = outcomes.get("sync-users");
  const holders = value<UnifiedRoleAssignment>(rolesOutcome);
  const legacyUsers = value<User>(usersOutcome);
  const planned = plan.environment.servers.length;
  if (!holders || !legacyUsers) {
    results.push({
      ...base,
      id: "connect-sync-accounts",
      status: "unknown",
      title: "Existing sync accounts not counted",
      detail: unknownReason(!holders ? rolesOutcome : usersOutcome, !holders ? REQUIRED_ACCESS.roles : REQUIRED_ACCESS.user),
    });
  } else {
    const principals = new Set(holders.map((assignment) => assignment.principalId ?? ""));
    for (const user of legacyUsers) if (user.id) principals.add(user.id);
    const existing = principals.size;
    const total = existing + planned;
    results.push({
      ...base,
      id: "connect-sync-accounts",
      status: total > LIMITS.syncAccountsPerTenant ? "fail" : total > LIMITS.syncAccountsPerTenant - 3 ? "warn" : "pass",
      title: `${existing} existing sync account${existing === 1 ? "" : "s"}, ${planned} planned`,
      detail: `The tenant already has ${existing} Directory Synchronization Account${existing === 1 ? "" : "s"} (including legacy Sync_ users); the plan adds ${planned}, one per Connect server. The limit is ${LIMITS.syncAccountsPerTenant}.`,
      ...(total > LIMITS.syncAccountsPerTenant - 3 ? { remediation: "Remove the sync accounts of retired Connect servers (Remove-ADSyncAADServiceAccount) before installing." } : {}),
    });
    if (legacyUsers.length > 0 && plan.environment.connect.entraAuth !== "syncAccount") {
      results.push({
        ...base,
        id: "connect-legacy-sync-users",
        status: "warn",
        title: `${legacyUsers.length} legacy Sync_ account${legacyUsers.length === 1 ? "" : "s"} in the tenant`,
        detail: `${legacyUsers.map((user) => user.userPrincipalName).join(", ")} authenticate${legacyUsers.length === 1 ? "s" : ""} with a password.`,
        remediation: "After moving a server to application-based authentication, remove its Sync_ account with Remove-ADSyncAADServiceAccount.",
        docUrl: SOURCES.connectAppAuth.url,
      });
    }
  }
  if (plan.environment.connect.entraAuth === "syncAccount") {
    results.push({
      ...base,
      id: "connect-app-auth-deadline",
      status: "warn",
      title: "The plan uses the legacy sync account",
      detail: "Microsoft requires Connect 2.6.84.0 or later with application-based authentication by 7 April 2027; after that, synchronization with a Sync_ account stops.",
      remediation: "Choose application-based authentication in the environment step.",
      docUrl: SOURCES.connectAppAuth.url,
    });
  }
  const needsGlobalAdmin = plan.environment.features.filter((feature) => feature === "connectHealth" || feature === "federation");
  if (needsGlobalAdmin.length > 0) {
    results.push({
      account: "globalAdministrator",
      accountKey: "globalAdministrator",
      id: "connect-global-admin-features",
      status: "warn",
      title: `${needsGlobalAdmin.map((feature) => FEATURES_BY_ID[feature].label).join(" and ")} still need${needsGlobalAdmin.length === 1 ? "s" : ""} a Global Administrator`,
      detail: "Hybrid Identity Administrator is not enough for these features: Connect Health's agent installs disabled without Global Administrator, and federation needs Global Administrator (or Hybrid Identity Administrator with Domain Name Administrator).",
      remediation: "Plan a Global Administrator for these steps, with the role activated only while it is needed.",
      docUrl: SOURCES.connectAccounts.url,
    });
  }
  return results;
}

/** The on-premises accounts Graph cannot see: to-dos for install day, never a pass. */
function installDayChecks(plan: PlanReady): CheckResult[] {
  return deriveAccounts(plan)
    .filter((account) => account.definition.directory !== "entra" && !account.definition.informational && plan.accounts[account.key]?.inUse !== false)
    .map((account) => ({
      id: `install-day:${account.key}`,
      account: account.definition.id,
      accountKey: account.key,
      status: "unknown" as const,
      title: `${account.label}: to check on install day`,
      detail: "Microsoft Graph cannot see on-premises accounts: check this one in Active Directory, on the server or in SQL Server.",
      remediation: ACCOUNTS_BY_ID[account.definition.id].constraints[0],
      docUrl: SOURCES[account.definition.sources[0]!].url,
    }));
}

export function interpret(plan: PlanReady, outcomes: Map<string, GraphOutcome>): CheckResult[] {
  return [
    ...adminsToCheck(plan).flatMap((admin, index) => adminChecks(admin, index, outcomes)),
    ...tenantChecks(plan, outcomes),
    ...(plan.tool === "connect" ? connectChecks(plan, outcomes) : []),
    ...installDayChecks(plan),
  ];
}

export function tenantOf(outcomes: Map<string, GraphOutcome>): { id: string; displayName: string } | null {
  const organization = value<Organization>(outcomes.get("organization"))?.[0];
  return organization?.id ? { id: organization.id, displayName: organization.displayName ?? organization.id } : null;
}

export function isPlanReady(plan: Plan): plan is PlanReady {
  return plan.tool !== null && plan.environment !== null;
}
