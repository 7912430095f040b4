import { ENTRA_ROLES } from "@/lib/catalog";
import { AD_SYNC_SERVICE } from "@/lib/catalog/graph-facts";
import type { FakeTenant } from "./tenant-data";

const HIA = ENTRA_ROLES.hybridIdentityAdministrator.templateId;
const GA = ENTRA_ROLES.globalAdministrator.templateId;
const DIRSYNC = ENTRA_ROLES.directorySynchronizationAccounts.templateId;

/** A user of the demo tenant, with Graph's defaults for what the demo does not vary. */
function user(id: string, userPrincipalName: string, displayName: string, extra: Partial<FakeTenant["users"][number]> = {}) {
  return {
    id,
    userPrincipalName,
    displayName,
    userType: "Member",
    accountEnabled: true,
    onPremisesSyncEnabled: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    ...extra,
  };
}

function assignment(id: string, principalId: string, roleDefinitionId: string) {
  return { id, principalId, roleDefinitionId, directoryScopeId: "/" };
}

const MANY_GROUPS_USER = "0b8a1c52-0013-4e51-9c2a-5f0d1b2e3a53";
const IDENTITY_OPERATIONS_GROUP = "5c9e7a10-bbbb-4bbb-8ccc-0d1e2f3a4b5d";
const SYNC_SERVICE_ID = "3a7c9e10-4b2d-4f6a-8e1c-2d3b4a5c6e7f";
const SYNC_APP_ROLE_ID = "c3a1e5f7-9b2d-4c6e-8a0f-1b3d5f7a9c2e";
const OLD_CONNECT_APP_ID = "7e6d5c4b-3a29-4817-8f6e-5d4c3b2a1908";

/** Max is in 149 project teams and one role-assignable group listed after 120 of them: a first page of 100 groups does not reach it. */
function projectGroups() {
  return Array.from({ length: 149 }, (_unused, index) => {
    const number = String(index + 1).padStart(3, "0");
    return { id: `6d0f8b21-0000-4c3d-9e4f-000000000${number}`, displayName: `Project team ${number}`, isAssignableToRole: false, memberIds: [MANY_GROUPS_USER] };
  });
}

/**
 * The built-in demo tenant: one named person for every outcome the validator
 * knows, so a plan can be checked with no tenant at all. Its initial domain
 * matches the Cloud Sync example plan.
 */
export function demoTenant(): FakeTenant {
  return {
    organization: {
      id: "7d1f0e2a-3b4c-4d5e-8f60-718293a4b5c6",
      displayName: "Contoso (demo tenant)",
      onPremisesSyncEnabled: true,
      onPremisesLastSyncDateTime: "2026-11-24T06:40:00Z",
      verifiedDomains: [
        { name: "contoso.onmicrosoft.com", isInitial: true, isDefault: false, type: "Managed", capabilities: "Email, OfficeCommunicationsOnline" },
        { name: "contoso.com", isInitial: false, isDefault: true, type: "Managed", capabilities: "Email" },
        { name: "fabrikam.com", isInitial: false, isDefault: false, type: "Federated", capabilities: "Email" },
      ],
    },
    domains: [
      { id: "contoso.onmicrosoft.com", isVerified: true, isDefault: false, isInitial: true, authenticationType: "Managed", supportedServices: ["Email", "OfficeCommunicationsOnline"] },
      { id: "contoso.com", isVerified: true, isDefault: true, isInitial: false, authenticationType: "Managed", supportedServices: ["Email"] },
      { id: "contoso.co.uk", isVerified: false, isDefault: false, isInitial: false, authenticationType: "Managed", supportedServices: [] },
      { id: "fabrikam.com", isVerified: true, isDefault: false, isInitial: false, authenticationType: "Federated", supportedServices: ["Email"] },
    ],
    users: [
      user("0b8a1c52-0001-4e51-9c2a-5f0d1b2e3a41", "hybrid.admin@contoso.onmicrosoft.com", "Hybrid Admin (good)"),
      user("0b8a1c52-0002-4e51-9c2a-5f0d1b2e3a42", "megan.bowen_fabrikam.com#EXT#@contoso.onmicrosoft.com", "Megan Bowen (guest)", { userType: "Guest" }),
      // A guest whose UPN an admin changed: nothing in the name says guest, only Graph can tell.
      user("0b8a1c52-0012-4e51-9c2a-5f0d1b2e3a52", "ext.partner@contoso.com", "Erin Partner (guest)", { userType: "Guest" }),
      user("0b8a1c52-0003-4e51-9c2a-5f0d1b2e3a43", "pim.eligible@contoso.onmicrosoft.com", "Pat Eligible (PIM only)"),
      user("0b8a1c52-0004-4e51-9c2a-5f0d1b2e3a44", "group.admin@contoso.onmicrosoft.com", "Gail Group (role through a group)"),
      user("0b8a1c52-0005-4e51-9c2a-5f0d1b2e3a45", "disabled.admin@contoso.onmicrosoft.com", "Dana Disabled", { accountEnabled: false }),
      user("0b8a1c52-0006-4e51-9c2a-5f0d1b2e3a46", "synced.admin@contoso.com", "Sam Synced (from AD)", {
        onPremisesSyncEnabled: true,
        onPremisesDomainName: "contoso.com",
        onPremisesLastSyncDateTime: "2026-11-24T06:40:00Z",
      }),
      user("0b8a1c52-0007-4e51-9c2a-5f0d1b2e3a47", "no.role@contoso.onmicrosoft.com", "Nora NoRole"),
      user("0b8a1c52-0008-4e51-9c2a-5f0d1b2e3a48", "o'brien@contoso.com", "Liam O'Brien"),
      user("0b8a1c52-0009-4e51-9c2a-5f0d1b2e3a49", "global.admin@contoso.onmicrosoft.com", "Gloria Global"),
      user("0b8a1c52-0010-4e51-9c2a-5f0d1b2e3a50", "breakglass@contoso.onmicrosoft.com", "Break Glass"),
      user("0b8a1c52-0011-4e51-9c2a-5f0d1b2e3a51", "Sync_OLDSYNC01_3f2a9c1d04be@contoso.onmicrosoft.com", "On-Premises Directory Synchronization Service Account"),
      user(MANY_GROUPS_USER, "many.groups@contoso.onmicrosoft.com", "Max Manygroups (in 150 groups)"),
    ],
    groups: [
      {
        id: "5c9e7a10-aaaa-4bbb-8ccc-0d1e2f3a4b5c",
        displayName: "Hybrid Identity Admins (role-assignable)",
        isAssignableToRole: true,
        memberIds: ["0b8a1c52-0004-4e51-9c2a-5f0d1b2e3a44"],
      },
      ...projectGroups().slice(0, 120),
      { id: IDENTITY_OPERATIONS_GROUP, displayName: "Identity Operations (role-assignable)", isAssignableToRole: true, memberIds: [MANY_GROUPS_USER] },
      ...projectGroups().slice(120),
    ],
    servicePrincipals: [
      {
        id: SYNC_SERVICE_ID,
        appId: AD_SYNC_SERVICE.appId,
        displayName: AD_SYNC_SERVICE.displayName,
        appRoles: [
          {
            id: SYNC_APP_ROLE_ID,
            value: AD_SYNC_SERVICE.syncAppRole,
            displayName: AD_SYNC_SERVICE.syncAppRole,
            description: "Synchronize a directory to Microsoft Entra ID.",
            allowedMemberTypes: ["Application"],
            isEnabled: true,
            origin: "Application",
          },
        ],
        // A Connect server installed earlier with application-based authentication: its application holds the role.
        appRoleAssignedTo: [
          {
            id: "Xb1mfkt6KUqPbl1MOyoZCAxyz",
            appRoleId: SYNC_APP_ROLE_ID,
            principalId: OLD_CONNECT_APP_ID,
            principalDisplayName: "Contoso Connect Sync (SYNC-OLD)",
            principalType: "ServicePrincipal",
            resourceId: SYNC_SERVICE_ID,
            resourceDisplayName: AD_SYNC_SERVICE.displayName,
          },
        ],
      },
    ],
    roleAssignments: [
      assignment("ra-01", "0b8a1c52-0001-4e51-9c2a-5f0d1b2e3a41", HIA),
      assignment("ra-02", "5c9e7a10-aaaa-4bbb-8ccc-0d1e2f3a4b5c", HIA),
      assignment("ra-03", "0b8a1c52-0005-4e51-9c2a-5f0d1b2e3a45", HIA),
      assignment("ra-04", "0b8a1c52-0006-4e51-9c2a-5f0d1b2e3a46", HIA),
      assignment("ra-05", "0b8a1c52-0008-4e51-9c2a-5f0d1b2e3a48", HIA),
      assignment("ra-06", "0b8a1c52-0009-4e51-9c2a-5f0d1b2e3a49", GA),
      assignment("ra-07", "0b8a1c52-0010-4e51-9c2a-5f0d1b2e3a50", HIA),
      assignment("ra-08", "0b8a1c52-0011-4e51-9c2a-5f0d1b2e3a51", DIRSYNC),
      assignment("ra-10", "0b8a1c52-0012-4e51-9c2a-5f0d1b2e3a52", HIA),
      assignment("ra-11", IDENTITY_OPERATIONS_GROUP, HIA),
    ],
    roleEligibilities: [
      {
        id: "re-01",
        principalId: "0b8a1c52-0003-4e51-9c2a-5f0d1b2e3a43",
        roleDefinitionId: HIA,
        directoryScopeId: "/",
        memberType: "Direct",
        startDateTime: "2026-01-01T00:00:00Z",
        endDateTime: null,
      },
    ],
  };
}
