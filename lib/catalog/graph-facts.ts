import type { SourceId } from "./sources";

/**
 * Microsoft Entra objects the tenant checks look for, the same in every
 * tenant. Application-based authentication gives each Connect server an
 * application identity that holds an app role of this service principal,
 * instead of a Sync_ user in Directory Synchronization Accounts.
 */
export const AD_SYNC_SERVICE = {
  displayName: "Microsoft Entra AD Synchronization Service",
  appId: "6bf85cfa-ac8a-4be5-b5de-425a0d0dc016",
  /** The app role a Connect server's application holds. Its id differs between Microsoft's own pages, so the checks read it from the tenant. */
  syncAppRole: "ADSynchronization.ReadWrite.All",
  source: "connectAppAuth" satisfies SourceId,
} as const;
