import "server-only";
import { ENTRA_ROLES } from "@/lib/catalog";
import type { GraphGet } from "./batch";

/**
 * Graph request paths, with user input quoted and encoded: a UPN goes into a
 * path percent-encoded (#EXT# becomes %23EXT%23), a value goes into $filter
 * single-quoted with ' doubled, and a UPN starting with $ uses the
 * users('…') form.
 */

export const USER_FIELDS = "id,userPrincipalName,displayName,userType,accountEnabled,onPremisesSyncEnabled,onPremisesDomainName,onPremisesLastSyncDateTime";

export function filterLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function filterQuery(expression: string): string {
  return `$filter=${encodeURIComponent(expression)}`;
}

export function userPath(upn: string): string {
  return upn.startsWith("$") ? `/users(${encodeURIComponent(filterLiteral(upn))})` : `/users/${encodeURIComponent(upn)}`;
}

export const graphRequests = {
  user: (id: string, upn: string): GraphGet => ({ id, url: `${userPath(upn)}?$select=${USER_FIELDS}` }),
  userGroups: (id: string, upn: string): GraphGet => ({
    id,
    url: `${userPath(upn)}/transitiveMemberOf/microsoft.graph.group?$select=id,displayName,isAssignableToRole`,
  }),
  domains: (id: string): GraphGet => ({ id, url: "/domains?$select=id,isVerified,isDefault,isInitial,authenticationType,supportedServices" }),
  organization: (id: string): GraphGet => ({ id, url: "/organization?$select=id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains" }),
  assignmentsOf: (id: string, principalId: string): GraphGet => ({
    id,
    url: `/roleManagement/directory/roleAssignments?${filterQuery(`principalId eq ${filterLiteral(principalId)}`)}`,
  }),
  eligibilitiesOf: (id: string, principalId: string): GraphGet => ({
    id,
    url: `/roleManagement/directory/roleEligibilityScheduleInstances?${filterQuery(`principalId eq ${filterLiteral(principalId)}`)}`,
  }),
  syncRoleAssignments: (id: string): GraphGet => ({
    id,
    url: `/roleManagement/directory/roleAssignments?${filterQuery(`roleDefinitionId eq ${filterLiteral(ENTRA_ROLES.directorySynchronizationAccounts.templateId)}`)}`,
  }),
  legacySyncUsers: (id: string): GraphGet => ({ id, url: `/users?${filterQuery(`startswith(userPrincipalName,${filterLiteral("Sync_")})`)}&$select=id,userPrincipalName` }),
};

/** The delegated permission and directory role each request needs, to name them when Graph says 403. */
export const REQUIRED_ACCESS = {
  user: "the User.Read.All permission",
  userGroups: "the GroupMember.Read.All permission",
  domains: "the Domain.Read.All permission",
  organization: "the Organization.Read.All permission",
  roles: "the RoleManagement.Read.Directory permission and a directory role that may read role assignments (such as Global Reader)",
  eligibilities: "the RoleEligibilitySchedule.Read.Directory permission and a directory role that may read PIM schedules (such as Global Reader)",
} as const;
