import "server-only";
import { ENTRA_ROLES, SOURCES, type EntraRoleId } from "@/lib/catalog";
import type { CheckResult } from "@/lib/validation/schema";
import type { Answer, GroupFacts, RequestFailure, RoleGrant, TenantSnapshot, UserFacts } from "../snapshot";
import { upnKey, type AdminToCheck } from "../subjects";
import { couldNotCheck } from "./could-not-check";

/** The checks of one Entra admin: exists, member, enabled, cloud-only, holds the role. */

type Base = Pick<CheckResult, "account" | "accountKey" | "docUrl">;

const roleNames = (roles: readonly EntraRoleId[]) => roles.map((role) => ENTRA_ROLES[role].name).join(" or ");

function unknown(base: Base, id: string, title: string, failure: RequestFailure): CheckResult {
  return { ...base, id, status: "unknown", title, ...couldNotCheck(failure) };
}

export function adminChecks(admin: AdminToCheck, snapshot: TenantSnapshot): CheckResult[] {
  const base: Base = { account: admin.accountId, accountKey: admin.key, docUrl: SOURCES[admin.accountId === "connectHybridIdentityAdmin" ? "connectAccounts" : "cloudSyncPrerequisites"].url };
  const id = (check: string) => `${check}:${admin.key}`;
  const answer = snapshot.users.get(upnKey(admin.upn));
  if (!answer?.ok) {
    const failure = answer?.failure ?? { request: `GET /users/${admin.upn}`, access: "", kind: "malformed" as const, message: "The user was not asked for.", page: 1 };
    return [unknown(base, id("admin-exists"), `${admin.label}: existence not checked`, failure)];
  }
  const user = answer.value;
  if (!user) {
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
  return [
    { ...base, id: id("admin-exists"), status: "pass", title: `${admin.label}: the user exists`, detail: `${user.displayName ?? admin.upn} (${user.userPrincipalName ?? admin.upn}) was found in the tenant.` },
    user.isGuest
      ? {
          ...base,
          id: id("admin-member"),
          status: "fail",
          title: `${admin.label}: a guest account`,
          detail: `${admin.upn} is a guest of the tenant. Microsoft does not allow a guest for this account.`,
          remediation: "Use a member (work) account of the tenant instead.",
        }
      : { ...base, id: id("admin-member"), status: "pass", title: `${admin.label}: a member account`, detail: "It is a member of the tenant, not a guest." },
    user.enabled
      ? { ...base, id: id("admin-enabled"), status: "pass", title: `${admin.label}: enabled`, detail: "The account can sign in." }
      : {
          ...base,
          id: id("admin-enabled"),
          status: "fail",
          title: `${admin.label}: sign-in is blocked`,
          detail: `${admin.upn} is disabled: it cannot sign in to the wizard.`,
          remediation: "Enable the account (Microsoft Entra admin center › Users › Account enabled) or plan another one.",
        },
    user.synced
      ? {
          ...base,
          id: id("admin-cloud-only"),
          status: admin.mustBeCloudOnly ? "fail" : "warn",
          title: `${admin.label}: synchronized from Active Directory`,
          detail: `${admin.upn} is synchronized from ${user.onPremisesDomainName ?? "on-premises Active Directory"}: if on-premises services fail, it may not be able to sign in.`,
          remediation: "Microsoft recommends a cloud-only (…onmicrosoft.com) account for hybrid administration.",
        }
      : { ...base, id: id("admin-cloud-only"), status: "pass", title: `${admin.label}: cloud-only`, detail: "The account is not synchronized from Active Directory." },
    roleCheck(admin, user, snapshot, base),
  ];
}

/** The grants of the accepted roles, each with its role; failures kept apart. */
function grantsOf(roles: readonly EntraRoleId[], answers: Map<EntraRoleId, Answer<RoleGrant[]>>) {
  const grants: { role: EntraRoleId; grant: RoleGrant }[] = [];
  const failures: RequestFailure[] = [];
  for (const role of roles) {
    const answer = answers.get(role);
    if (answer?.ok) grants.push(...answer.value.filter((grant) => grant.wholeDirectory).map((grant) => ({ role, grant })));
    else if (answer) failures.push(answer.failure);
  }
  return { grants, failures };
}

/**
 * Whether the admin holds an accepted role: directly, through a
 * role-assignable group, or only as eligible. A pass needs an answer that
 * shows the role; a fail needs every answer that could have shown it.
 */
function roleCheck(admin: AdminToCheck, user: UserFacts, snapshot: TenantSnapshot, base: Base): CheckResult {
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
  const active = grantsOf(admin.acceptedRoles, snapshot.roleAssignments);
  const eligible = grantsOf(admin.acceptedRoles, snapshot.roleEligibilities);
  const groupsAnswer = snapshot.roleAssignableGroups.get(upnKey(admin.upn));
  const groups: GroupFacts[] = groupsAnswer?.ok ? groupsAnswer.value : [];

  const direct = active.grants.find(({ grant }) => grant.principalId === user.id);
  if (direct) {
    const role = ENTRA_ROLES[direct.role].name;
    return result("pass", `holds ${role}`, `${user.userPrincipalName ?? admin.upn} holds ${role} directly and active, for the whole directory.`);
  }

  const throughGroup = groups.flatMap((group) => active.grants.filter(({ grant }) => grant.principalId === group.id).map(({ role }) => ({ group, role })))[0];
  if (throughGroup) {
    const role = ENTRA_ROLES[throughGroup.role].name;
    return admin.needsDirectAssignment
      ? result(
          "fail",
          `${role} only through a group`,
          `${admin.upn} holds ${role} only as a member of ${throughGroup.group.displayName}. Connect needs the role assigned directly to the user.`,
          `Assign ${ENTRA_ROLES.hybridIdentityAdministrator.name} to the user directly (activate it with PIM if eligible) before installing Connect.`,
        )
      : result("pass", `holds ${role} through a group`, `${admin.upn} holds ${role} as a member of ${throughGroup.group.displayName}.`);
  }

  const principals = new Set([user.id, ...groups.map((group) => group.id)]);
  const eligibility = eligible.grants.find(({ grant }) => principals.has(grant.principalId));
  if (eligibility) {
    const role = ENTRA_ROLES[eligibility.role].name;
    const via = eligibility.grant.principalId === user.id ? "" : ` as a member of ${groups.find((group) => group.id === eligibility.grant.principalId)?.displayName ?? "a group"}`;
    return result(
      "warn",
      `${role} is only eligible`,
      `${admin.upn} is eligible for ${role}${via} through Privileged Identity Management, but the role is not active.`,
      "Activate the role in Privileged Identity Management before starting the install.",
    );
  }

  // The groups only matter when some group (or a principal of unknown type) holds or is eligible for the role.
  const groupsMatter = [...active.grants, ...eligible.grants].some(({ grant }) => grant.principalType === "group" || grant.principalType === "unknown");
  const failure = active.failures[0] ?? eligible.failures[0] ?? (groupsMatter && groupsAnswer && !groupsAnswer.ok ? groupsAnswer.failure : undefined);
  if (failure) return { ...result("unknown", "role not checked", ""), ...couldNotCheck(failure) };
  return result(
    "fail",
    `does not hold ${wanted}`,
    `${admin.upn} holds neither ${wanted}, directly, through a group, nor as an eligible role.`,
    `Assign ${ENTRA_ROLES[admin.acceptedRoles[0]!].name} to the account (Microsoft Entra admin center › Roles and administrators).`,
  );
}
