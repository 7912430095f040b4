import "server-only";
import { SOURCES } from "@/lib/catalog";
import { formatDateTime } from "@/lib/format/date";
import type { CheckResult } from "@/lib/validation/schema";
import type { TenantSnapshot } from "../snapshot";
import type { PlanWithTool } from "@/lib/plan";
import { couldNotCheck } from "./could-not-check";

/** The tenant as a whole: is it the plan's tenant, are the UPN suffixes verified domains, is it already synchronized. */

const base = { account: null, docUrl: SOURCES.connectPrerequisites.url } as const;

function domainChecks(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult[] {
  if (!snapshot.domains.ok) {
    return [{ ...base, id: "tenant-domains", status: "unknown", title: "Tenant domains not checked", ...couldNotCheck(snapshot.domains.failure) }];
  }
  const domains = snapshot.domains.value;
  const results: CheckResult[] = [];
  const initial = plan.environment.tenant.initialDomain;
  if (initial) {
    const tenantInitial = domains.find((domain) => domain.initial)?.name ?? "";
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
  const byName = new Map(domains.map((domain) => [domain.name.toLowerCase(), domain]));
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
    } else if (!domain.verified) {
      results.push({
        ...base,
        id,
        status: "warn",
        title: `UPN suffix ${suffix} is not verified`,
        detail: `${suffix} is added to the tenant but not verified: users with this suffix would get …onmicrosoft.com user names.`,
        remediation: `Verify ${suffix} (add the DNS record the admin center shows) before synchronizing.`,
      });
    } else if (domain.federated) {
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
  return results;
}

/** What to do about a tenant that is already synchronized: staging mode is Connect's, so a Cloud Sync plan hears only about scopes. */
const ALREADY_SYNCED_ADVICE: Record<PlanWithTool["tool"], string> = {
  connect:
    "Find the running server before installing. Add the new server in staging mode, or scope Cloud Sync and Connect to different objects: both tools may run in one forest only when their scopes do not overlap.",
  cloudSync:
    "Find what synchronizes the tenant today before installing. If it is Connect, scope Cloud Sync and Connect to different objects: both tools may run in one forest only when their scopes do not overlap.",
};

function synchronizationCheck(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult {
  const answer = snapshot.organization;
  if (!answer.ok) return { ...base, id: "tenant-synced", status: "unknown", title: "Existing synchronization not checked", ...couldNotCheck(answer.failure) };
  const organization = answer.value;
  if (!organization) {
    return {
      ...base,
      id: "tenant-synced",
      status: "unknown",
      title: "Existing synchronization not checked",
      detail: "Could not check: GET /organization answered 200 with no organization in its list.",
      remediation: "Run the checks again; check the tenant's synchronization status in the Microsoft Entra admin center.",
    };
  }
  if (!organization.synced) return { ...base, id: "tenant-synced", status: "pass", title: "No synchronization yet", detail: "The tenant is not synchronized from an on-premises directory." };
  const last = organization.lastSyncDateTime ? ` Its last sync was on ${formatDateTime(organization.lastSyncDateTime, "en-GB", "UTC")} UTC.` : "";
  return {
    ...base,
    id: "tenant-synced",
    status: "warn",
    title: "The tenant is already synchronized",
    detail: `A sync engine already writes to this tenant.${last}`,
    remediation: ALREADY_SYNCED_ADVICE[plan.tool],
    docUrl: SOURCES.decisionGuide.url,
  };
}

export function tenantChecks(plan: PlanWithTool, snapshot: TenantSnapshot): CheckResult[] {
  return [...domainChecks(plan, snapshot), synchronizationCheck(plan, snapshot)];
}

/** The tenant the checks ran against, named in the report. */
export function tenantOf(snapshot: TenantSnapshot): { id: string; displayName: string } | null {
  return snapshot.organization.ok && snapshot.organization.value ? { id: snapshot.organization.value.id, displayName: snapshot.organization.value.displayName } : null;
}
