/**
 * Live sign-in is on when the build has an app registration's client ID;
 * without one the app runs on its built-in demo tenant.
 */
export const MSAL_CLIENT_ID = process.env.NEXT_PUBLIC_MSAL_CLIENT_ID ?? "";
export const MSAL_AUTHORITY = process.env.NEXT_PUBLIC_MSAL_AUTHORITY || "https://login.microsoftonline.com/organizations";
export const IS_LIVE_MODE = MSAL_CLIENT_ID.length > 0;

/** Delegated Graph permissions the checks need (least privileged for each request). */
export const GRAPH_SCOPES = [
  "User.Read",
  "User.Read.All",
  "GroupMember.Read.All",
  "Domain.Read.All",
  "Organization.Read.All",
  "RoleManagement.Read.Directory",
  "RoleEligibilitySchedule.Read.Directory",
];

export const REDIRECT_PATH = "/auth/redirect";
