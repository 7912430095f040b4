import { publicConfig } from "@/lib/config/env";

/**
 * Live sign-in is on when the build has an app registration's client ID;
 * without one the app runs on its built-in demo tenant. The values come from
 * the configuration module (lib/config/env.ts), checked at build time.
 */
export const MSAL_CLIENT_ID = publicConfig.msalClientId;
export const MSAL_AUTHORITY = publicConfig.msalAuthority;
export const IS_LIVE_MODE = publicConfig.liveMode;

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
