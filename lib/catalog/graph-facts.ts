import { SYNCHRONIZATION_SERVICE } from "./app-auth";

/**
 * The Microsoft Entra objects the tenant checks look for, as the checks name
 * them. Application-based authentication gives each Connect server an
 * application identity that holds an app role of this service principal,
 * instead of a Sync_ user in Directory Synchronization Accounts. The facts
 * themselves, with their citation, are written once in app-auth.ts.
 */
export const AD_SYNC_SERVICE = {
  displayName: SYNCHRONIZATION_SERVICE.displayName,
  appId: SYNCHRONIZATION_SERVICE.appId,
  /** The app role a Connect server's application holds. Its id differs between Microsoft's own pages, so the checks read it from the tenant. */
  syncAppRole: SYNCHRONIZATION_SERVICE.appRoles[0],
  source: SYNCHRONIZATION_SERVICE.cite.source,
} as const;
