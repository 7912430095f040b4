import type { Domain, Group, Organization, UnifiedRoleAssignment, UnifiedRoleEligibilityScheduleInstance, User } from "@microsoft/microsoft-graph-types";

/** The directory a fake Graph serves: plain Graph objects, as the real service returns them. */
export interface FakeTenant {
  organization: Organization;
  domains: Domain[];
  users: User[];
  groups: (Group & { memberIds: string[] })[];
  roleAssignments: UnifiedRoleAssignment[];
  roleEligibilities: UnifiedRoleEligibilityScheduleInstance[];
}
