import "server-only";
import { ENTRA_ROLES, type EntraRoleId } from "@/lib/catalog";
import { AD_SYNC_SERVICE } from "@/lib/catalog/graph-facts";
import type { GraphGet } from "./batch";
import type { PlanWithTool } from "@/lib/plan";
import { adminsToCheck } from "./subjects";

/**
 * The questions the checks ask Graph, and the requests that ask them. Every
 * question can be asked at once: none needs an id from another's answer, so
 * a plan's checks take one $batch round trip (more only for next pages and
 * throttled retries). User input is quoted and encoded: a UPN goes into a
 * path percent-encoded (#EXT# becomes %23EXT%23), a value goes into $filter
 * single-quoted with ' doubled, and a UPN starting with $ uses the users('…')
 * form.
 */

export type GraphQuestion =
  | { kind: "organization" }
  | { kind: "domains" }
  | { kind: "user"; upn: string }
  /** The role-assignable groups a user is in, directly or through other groups. */
  | { kind: "roleAssignableGroups"; upn: string }
  /** Who holds a directory role, active: users, groups and service principals. */
  | { kind: "roleAssignments"; role: EntraRoleId }
  /** Who is eligible for a directory role through Privileged Identity Management. */
  | { kind: "roleEligibilities"; role: EntraRoleId }
  | { kind: "legacySyncUsers" }
  /** The AD Synchronization Service's service principal, with its app roles. */
  | { kind: "syncService" }
  /** Who holds an app role of that service principal. */
  | { kind: "syncServiceHolders" };

export interface PlannedRequest extends GraphGet {
  question: GraphQuestion;
  /** The request in words for a message: its method and path, without the query. */
  label: string;
  /** The permission (and directory role) the request needs, to name when Graph says 403. */
  access: string;
}

export const USER_FIELDS = "id,userPrincipalName,displayName,userType,accountEnabled,onPremisesSyncEnabled,onPremisesDomainName,onPremisesLastSyncDateTime";
const ROLE_GRANT_FIELDS = "id,principalId,roleDefinitionId,directoryScopeId";

/** The delegated permission and directory role each kind of request needs. */
export const REQUIRED_ACCESS = {
  user: "the User.Read.All permission",
  userGroups: "the GroupMember.Read.All permission",
  domains: "the Domain.Read.All permission",
  organization: "the Organization.Read.All permission",
  roles: "the RoleManagement.Read.Directory permission and a directory role that may read role assignments (such as Global Reader)",
  eligibilities: "the RoleEligibilitySchedule.Read.Directory permission and a directory role that may read PIM schedules (such as Global Reader)",
  applications: "the Application.Read.All permission (optional: without it only this check is skipped)",
} as const;

/** A Graph advanced query: Graph answers it only with this header and $count=true. */
const ADVANCED_QUERY = { ConsistencyLevel: "eventual" } as const;

export function filterLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

function filterQuery(expression: string): string {
  return `$filter=${encodeURIComponent(expression)}`;
}

export function userPath(upn: string): string {
  return upn.startsWith("$") ? `/users(${encodeURIComponent(filterLiteral(upn))})` : `/users/${encodeURIComponent(upn)}`;
}

const SYNC_SERVICE_PATH = `/servicePrincipals(appId=${filterLiteral(AD_SYNC_SERVICE.appId)})`;

type RequestShape = Omit<PlannedRequest, "id" | "question">;

function shapeOf(question: GraphQuestion): RequestShape {
  switch (question.kind) {
    case "organization":
      return {
        url: "/organization?$select=id,displayName,onPremisesSyncEnabled,onPremisesLastSyncDateTime,verifiedDomains",
        collection: true,
        label: "GET /organization",
        access: REQUIRED_ACCESS.organization,
      };
    case "domains":
      return { url: "/domains?$select=id,isVerified,isDefault,isInitial,authenticationType,supportedServices", collection: true, label: "GET /domains", access: REQUIRED_ACCESS.domains };
    case "user":
      return { url: `${userPath(question.upn)}?$select=${USER_FIELDS}`, label: `GET /users/${question.upn}`, access: REQUIRED_ACCESS.user };
    case "roleAssignableGroups":
      // Filtered to role-assignable groups, the answer is a handful however many groups the admin is in.
      return {
        url: `${userPath(question.upn)}/transitiveMemberOf/microsoft.graph.group?$count=true&${filterQuery("isAssignableToRole eq true")}&$select=id,displayName,isAssignableToRole`,
        headers: ADVANCED_QUERY,
        collection: true,
        label: `GET /users/${question.upn}/transitiveMemberOf/microsoft.graph.group`,
        access: REQUIRED_ACCESS.userGroups,
      };
    case "roleAssignments":
      return {
        url: `/roleManagement/directory/roleAssignments?${filterQuery(`roleDefinitionId eq ${filterLiteral(ENTRA_ROLES[question.role].templateId)}`)}&$select=${ROLE_GRANT_FIELDS}&$expand=principal`,
        collection: true,
        label: `GET /roleManagement/directory/roleAssignments (${ENTRA_ROLES[question.role].name})`,
        access: REQUIRED_ACCESS.roles,
      };
    case "roleEligibilities":
      return {
        url: `/roleManagement/directory/roleEligibilityScheduleInstances?${filterQuery(`roleDefinitionId eq ${filterLiteral(ENTRA_ROLES[question.role].templateId)}`)}&$select=${ROLE_GRANT_FIELDS},memberType&$expand=principal`,
        collection: true,
        label: `GET /roleManagement/directory/roleEligibilityScheduleInstances (${ENTRA_ROLES[question.role].name})`,
        access: REQUIRED_ACCESS.eligibilities,
      };
    case "legacySyncUsers":
      return {
        url: `/users?${filterQuery(`startswith(userPrincipalName,${filterLiteral("Sync_")})`)}&$select=id,userPrincipalName&$top=999`,
        collection: true,
        label: "GET /users (user names starting with Sync_)",
        access: REQUIRED_ACCESS.user,
      };
    case "syncService":
      return { url: `${SYNC_SERVICE_PATH}?$select=id,appId,displayName,appRoles`, label: `GET ${SYNC_SERVICE_PATH}`, access: REQUIRED_ACCESS.applications };
    case "syncServiceHolders":
      return {
        url: `${SYNC_SERVICE_PATH}/appRoleAssignedTo?$select=id,appRoleId,principalId,principalDisplayName,principalType&$top=999`,
        collection: true,
        label: `GET ${SYNC_SERVICE_PATH}/appRoleAssignedTo`,
        access: REQUIRED_ACCESS.applications,
      };
  }
}

/** The request for one question; its id only has to be unique in the run. */
export function requestFor(question: GraphQuestion, id: string): PlannedRequest {
  return { id, question, ...shapeOf(question) };
}

/** Every question a plan's checks need answered. */
export function questionsFor(plan: PlanWithTool): GraphQuestion[] {
  const admins = adminsToCheck(plan);
  const roles = [...new Set(admins.flatMap((admin) => admin.acceptedRoles))];
  return [
    { kind: "organization" },
    { kind: "domains" },
    ...admins.flatMap((admin): GraphQuestion[] => [
      { kind: "user", upn: admin.upn },
      { kind: "roleAssignableGroups", upn: admin.upn },
    ]),
    ...roles.flatMap((role): GraphQuestion[] => [
      { kind: "roleAssignments", role },
      { kind: "roleEligibilities", role },
    ]),
    ...(plan.tool === "connect"
      ? ([
          { kind: "roleAssignments", role: "directorySynchronizationAccounts" },
          { kind: "legacySyncUsers" },
          { kind: "syncService" },
          { kind: "syncServiceHolders" },
        ] satisfies GraphQuestion[])
      : []),
  ];
}

/** The requests for a plan, each with an id the answers are matched by. */
export function planRequests(plan: PlanWithTool): PlannedRequest[] {
  const seen = new Set<string>();
  return questionsFor(plan)
    .filter((question) => {
      // Two admins with the same UPN ask once.
      const key = JSON.stringify(question.kind === "user" || question.kind === "roleAssignableGroups" ? { ...question, upn: question.upn.toLowerCase() } : question);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((question, index) => requestFor(question, String(index + 1)));
}
