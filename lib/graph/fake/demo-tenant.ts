import { ENTRA_ROLES } from "@/lib/catalog";
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
    ],
    groups: [
      {
        id: "5c9e7a10-aaaa-4bbb-8ccc-0d1e2f3a4b5c",
        displayName: "Hybrid Identity Admins (role-assignable)",
        isAssignableToRole: true,
        memberIds: ["0b8a1c52-0004-4e51-9c2a-5f0d1b2e3a44"],
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
      // An application-based Connect server of an earlier install: a service principal holds the role.
      assignment("ra-10", "0b8a1c52-0012-4e51-9c2a-5f0d1b2e3a52", HIA),
      assignment("ra-09", "9e8d7c6b-5a49-4382-9170-6f5e4d3c2b1a", DIRSYNC),
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
