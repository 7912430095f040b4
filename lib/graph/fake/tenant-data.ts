import type { AppRoleAssignment, Domain, Group, Organization, ServicePrincipal, UnifiedRoleAssignment, UnifiedRoleEligibilityScheduleInstance, User } from "@microsoft/microsoft-graph-types";

/** The directory a fake Graph serves: plain Graph objects, as the real service returns them. */
export interface FakeTenant {
  organization: Organization;
  domains: Domain[];
  users: User[];
  /** memberIds holds users and groups; memberships are resolved transitively. */
  groups: (Group & { memberIds: string[] })[];
  servicePrincipals: (ServicePrincipal & { appRoleAssignedTo: AppRoleAssignment[] })[];
  roleAssignments: UnifiedRoleAssignment[];
  roleEligibilities: UnifiedRoleEligibilityScheduleInstance[];
}
