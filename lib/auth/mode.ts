import { publicConfig } from "@/lib/config/env";

/**
 * Live sign-in is on when the build has an app registration's client ID;
 * without one the app runs on its built-in demo tenant. The values come from
 * the configuration module (lib/config/env.ts), checked at build time.
 */
export const MSAL_CLIENT_ID = publicConfig.msalClientId;
export const MSAL_AUTHORITY = publicConfig.msalAuthority;
export const IS_LIVE_MODE = publicConfig.liveMode;

/**
 * The token carries every delegated Graph permission granted to the app
 * registration (`.default`): the required ones listed in the README and, when
 * granted, the optional Application.Read.All. Asking for that one by name
 * would stop the sign-in of a tenant that has not consented to it; this way
 * such a tenant gets every other check, and that one says what is missing.
 */
export const GRAPH_SCOPES = ["https://graph.microsoft.com/.default"];

export const REDIRECT_PATH = "/auth/redirect";
