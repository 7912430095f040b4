import "server-only";
import { z } from "zod";
import type { EntraRoleId } from "@/lib/catalog";
import type { GraphFailureKind, GraphOutcome } from "./batch";
import type { PlannedRequest } from "./requests";
import { upnKey } from "./subjects";

/**
 * The tenant as the checks see it: Graph's answers decoded once, into typed
 * facts, each either known or failed with the request that failed. The rules
 * read this snapshot and never Graph's raw answers.
 */

export interface RequestFailure {
  /** The request in words, like "GET /domains". */
  request: string;
  /** The permission the request needs. */
  access: string;
  kind: GraphFailureKind;
  status?: number;
  code?: string;
  message: string;
  /** The page of a collection that failed (1 for the first request). */
  page: number;
  retryAfterSeconds?: number;
}

export type Answer<T> = { ok: true; value: T } | { ok: false; failure: RequestFailure };

export interface UserFacts {
  id: string;
  userPrincipalName: string | null;
  displayName: string | null;
  isGuest: boolean;
  /** False only when Graph says the account is disabled. */
  enabled: boolean;
  synced: boolean;
  onPremisesDomainName: string | null;
}

export interface GroupFacts {
  id: string;
  displayName: string;
}

export type PrincipalType = "user" | "group" | "servicePrincipal" | "unknown";

/** One active assignment or eligibility of a directory role. */
export interface RoleGrant {
  principalId: string;
  principalType: PrincipalType;
  principalName: string | null;
  /** Assigned for the whole directory, not an administrative unit or an object. */
  wholeDirectory: boolean;
}

export interface DomainFacts {
  name: string;
  verified: boolean;
  initial: boolean;
  federated: boolean;
}

export interface OrganizationFacts {
  id: string;
  displayName: string;
  synced: boolean;
  lastSyncDateTime: string | null;
}

export interface ServicePrincipalFacts {
  id: string;
  appRoles: { id: string; value: string | null }[];
}

export interface AppRoleHolder {
  appRoleId: string;
  principalId: string;
  principalDisplayName: string | null;
  principalType: string | null;
}

export interface TenantSnapshot {
  /** null: Graph listed no organization. */
  organization: Answer<OrganizationFacts | null>;
  domains: Answer<DomainFacts[]>;
  /** By UPN (lower case); null: no such user. */
  users: Map<string, Answer<UserFacts | null>>;
  /** By UPN (lower case). */
  roleAssignableGroups: Map<string, Answer<GroupFacts[]>>;
  roleAssignments: Map<EntraRoleId, Answer<RoleGrant[]>>;
  roleEligibilities: Map<EntraRoleId, Answer<RoleGrant[]>>;
  legacySyncUsers?: Answer<{ id: string; userPrincipalName: string | null }[]>;
  /** null: the service principal is not in the tenant. */
  syncService?: Answer<ServicePrincipalFacts | null>;
  /** null: the service principal is not in the tenant. */
  syncServiceHolders?: Answer<AppRoleHolder[] | null>;
}

const text = z.string().nullish();
const flag = z.boolean().nullish();

const userShape = z.object({
  id: z.string(),
  userPrincipalName: text,
  displayName: text,
  userType: text,
  accountEnabled: flag,
  onPremisesSyncEnabled: flag,
  onPremisesDomainName: text,
});
const organizationShape = z.object({ id: z.string(), displayName: text, onPremisesSyncEnabled: flag, onPremisesLastSyncDateTime: text });
const domainShape = z.object({ id: z.string(), isVerified: flag, isInitial: flag, authenticationType: text });
const groupShape = z.object({ id: z.string(), displayName: text, isAssignableToRole: flag });
const roleGrantShape = z.object({
  principalId: z.string(),
  directoryScopeId: text,
  principal: z.object({ "@odata.type": z.string().optional(), displayName: text, userPrincipalName: text }).nullish(),
});
const syncUserShape = z.object({ id: z.string(), userPrincipalName: text });
const servicePrincipalShape = z.object({ id: z.string(), appRoles: z.array(z.object({ id: z.string(), value: text })).nullish() });
const appRoleHolderShape = z.object({ appRoleId: z.string(), principalId: z.string(), principalDisplayName: text, principalType: text });

const PRINCIPAL_TYPES: Record<string, PrincipalType> = {
  "#microsoft.graph.user": "user",
  "#microsoft.graph.group": "group",
  "#microsoft.graph.servicePrincipal": "servicePrincipal",
};

function failureOf(request: PlannedRequest, outcome: GraphOutcome | undefined): RequestFailure {
  if (!outcome) return { request: request.label, access: request.access, kind: "malformed", message: "Graph's answer was missing.", page: 1 };
  if (outcome.ok) throw new Error("not a failure");
  return {
    request: request.label,
    access: request.access,
    kind: outcome.kind,
    message: outcome.message,
    page: outcome.page,
    ...(outcome.status !== undefined ? { status: outcome.status } : {}),
    ...(outcome.code !== undefined ? { code: outcome.code } : {}),
    ...(outcome.retryAfterSeconds !== undefined ? { retryAfterSeconds: outcome.retryAfterSeconds } : {}),
  };
}

function malformed(request: PlannedRequest, status: number, what: string, error: z.ZodError): RequestFailure {
  const issue = error.issues[0];
  const where = issue ? `${issue.path.join(".") || "the answer"}: ${issue.message}` : "unexpected shape";
  return { request: request.label, access: request.access, kind: "malformed", status, message: `Graph answered ${status}, but not with ${what} (${where}).`, page: 1 };
}

/** One entity; a 404 is an answer too when `absent` says what it means. */
function decodeEntity<S extends z.ZodType, T>(request: PlannedRequest, outcome: GraphOutcome | undefined, shape: S, what: string, toFacts: (value: z.output<S>) => T): Answer<T | null> {
  if (!outcome?.ok) return outcome?.kind === "not_found" ? { ok: true, value: null } : { ok: false, failure: failureOf(request, outcome) };
  const parsed = shape.safeParse(outcome.body);
  return parsed.success ? { ok: true, value: toFacts(parsed.data) } : { ok: false, failure: malformed(request, outcome.status, what, parsed.error) };
}

function decodeList<S extends z.ZodType, T>(request: PlannedRequest, outcome: GraphOutcome | undefined, shape: S, what: string, toFacts: (value: z.output<S>) => T): Answer<T[]> {
  if (!outcome?.ok) return { ok: false, failure: failureOf(request, outcome) };
  const parsed = z.object({ value: z.array(shape) }).safeParse(outcome.body);
  return parsed.success ? { ok: true, value: parsed.data.value.map(toFacts) } : { ok: false, failure: malformed(request, outcome.status, what, parsed.error) };
}

/** A list whose parent may be missing: a 404 means there is no parent, not a failure. */
function decodeListOfOptional<S extends z.ZodType, T>(request: PlannedRequest, outcome: GraphOutcome | undefined, shape: S, what: string, toFacts: (value: z.output<S>) => T): Answer<T[] | null> {
  if (!outcome?.ok && outcome?.kind === "not_found") return { ok: true, value: null };
  return decodeList(request, outcome, shape, what, toFacts);
}

function roleGrant(grant: z.output<typeof roleGrantShape>): RoleGrant {
  const type = grant.principal?.["@odata.type"];
  return {
    principalId: grant.principalId,
    principalType: (type && PRINCIPAL_TYPES[type]) || "unknown",
    principalName: grant.principal?.userPrincipalName ?? grant.principal?.displayName ?? null,
    wholeDirectory: (grant.directoryScopeId ?? "/") === "/",
  };
}

/** Decodes every answer once, by the question each request asked. */
export function decodeSnapshot(requests: readonly PlannedRequest[], outcomes: ReadonlyMap<string, GraphOutcome>): TenantSnapshot {
  const missing: Answer<never> = { ok: false, failure: { request: "Graph", access: "", kind: "malformed", message: "This question was not asked.", page: 1 } };
  const snapshot: TenantSnapshot = {
    organization: missing,
    domains: missing,
    users: new Map(),
    roleAssignableGroups: new Map(),
    roleAssignments: new Map(),
    roleEligibilities: new Map(),
  };
  for (const request of requests) {
    const outcome = outcomes.get(request.id);
    const question = request.question;
    switch (question.kind) {
      case "organization": {
        const list = decodeList(request, outcome, organizationShape, "a list of organizations", (organization) => ({
          id: organization.id,
          displayName: organization.displayName ?? organization.id,
          synced: organization.onPremisesSyncEnabled === true,
          lastSyncDateTime: organization.onPremisesLastSyncDateTime ?? null,
        }));
        snapshot.organization = list.ok ? { ok: true, value: list.value[0] ?? null } : list;
        break;
      }
      case "domains":
        snapshot.domains = decodeList(request, outcome, domainShape, "a list of domains", (domain) => ({
          name: domain.id,
          verified: domain.isVerified === true,
          initial: domain.isInitial === true,
          federated: domain.authenticationType === "Federated",
        }));
        break;
      case "user":
        snapshot.users.set(
          upnKey(question.upn),
          decodeEntity(request, outcome, userShape, "a user", (user) => ({
            id: user.id,
            userPrincipalName: user.userPrincipalName ?? null,
            displayName: user.displayName ?? null,
            isGuest: user.userType === "Guest",
            enabled: user.accountEnabled !== false,
            synced: user.onPremisesSyncEnabled === true,
            onPremisesDomainName: user.onPremisesDomainName ?? null,
          })),
        );
        break;
      case "roleAssignableGroups": {
        const groups = decodeList(request, outcome, groupShape, "a list of groups", (group) => group);
        snapshot.roleAssignableGroups.set(
          upnKey(question.upn),
          groups.ok ? { ok: true, value: groups.value.filter((group) => group.isAssignableToRole !== false).map((group) => ({ id: group.id, displayName: group.displayName ?? group.id })) } : groups,
        );
        break;
      }
      case "roleAssignments":
        snapshot.roleAssignments.set(question.role, decodeList(request, outcome, roleGrantShape, "a list of role assignments", roleGrant));
        break;
      case "roleEligibilities":
        snapshot.roleEligibilities.set(question.role, decodeList(request, outcome, roleGrantShape, "a list of role eligibilities", roleGrant));
        break;
      case "legacySyncUsers":
        snapshot.legacySyncUsers = decodeList(request, outcome, syncUserShape, "a list of users", (user) => ({ id: user.id, userPrincipalName: user.userPrincipalName ?? null }));
        break;
      case "syncService":
        snapshot.syncService = decodeEntity(request, outcome, servicePrincipalShape, "a service principal", (servicePrincipal) => ({
          id: servicePrincipal.id,
          appRoles: (servicePrincipal.appRoles ?? []).map((role) => ({ id: role.id, value: role.value ?? null })),
        }));
        break;
      case "syncServiceHolders":
        snapshot.syncServiceHolders = decodeListOfOptional(request, outcome, appRoleHolderShape, "a list of app role assignments", (holder) => ({
          appRoleId: holder.appRoleId,
          principalId: holder.principalId,
          principalDisplayName: holder.principalDisplayName ?? null,
          principalType: holder.principalType ?? null,
        }));
        break;
    }
  }
  return snapshot;
}
