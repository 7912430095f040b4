/**
 * Application-based authentication of Microsoft Entra Connect: the Microsoft
 * services whose app roles the Connect application holds, who may grant
 * them, and the versions that support it. The tenant checks and the
 * install-day scripts read these rather than repeating the ids.
 */
import { cite, reading } from "./fact";
import type { EntraRoleId } from "./roles";
import type { Citation, Disagreement } from "./types";
import type { FeatureId } from "./vocabulary";

const BYOA = cite("connectAppAuth", "Bring Your Own Application");

export interface ResourceServiceAppRoles {
  /** The service principal's display name as Microsoft's page gives it. */
  displayName: string;
  /** The application (client) id of Microsoft's service, the same in every tenant of the cloud. */
  appId: string;
  /** The app roles (by value) the Connect application must be assigned on it. */
  appRoles: readonly string[];
  /** Only needed when this feature is on; always needed when absent. */
  feature?: FeatureId;
  cite: Citation;
}

/** Every Connect application identity needs this app role. */
export const SYNCHRONIZATION_SERVICE = {
  displayName: "Microsoft Entra AD Synchronization Service",
  appId: "6bf85cfa-ac8a-4be5-b5de-425a0d0dc016",
  appRoles: ["ADSynchronization.ReadWrite.All"],
  cite: BYOA,
} as const satisfies ResourceServiceAppRoles;

/** With password writeback the application also needs these three app roles. */
export const PASSWORD_RESET_SERVICE = {
  displayName: "Microsoft password reset service",
  appId: "93625bc8-bfe2-437a-97e0-3d0060024faa",
  appRoles: ["PasswordWriteback.OffboardClient.All", "PasswordWriteback.RegisterClientVersion.All", "PasswordWriteback.RefreshClient.All"],
  feature: "passwordWriteback",
  cite: BYOA,
} as const satisfies ResourceServiceAppRoles;

export const CONNECT_APP_ROLE_SERVICES: readonly ResourceServiceAppRoles[] = [SYNCHRONIZATION_SERVICE, PASSWORD_RESET_SERVICE];

/** The password reset service has another application id in one sovereign cloud. */
export const PASSWORD_RESET_SERVICE_ARLINGTON_APP_ID = { appId: "2e5ecfc8-ea79-48bd-8140-c19324acb278", cite: BYOA } as const;

/**
 * App role ids differ between copies of the page; the newer copy looks them
 * up by value on the service principal at run time, and so should the checks.
 */
export const APP_ROLE_ID_DISAGREEMENT: Disagreement = {
  topic: "The id of the ADSynchronization.ReadWrite.All app role",
  readings: [
    reading(
      "Look the app role up by its value, ADSynchronization.ReadWrite.All, in the service principal's appRoles; the page gives no fixed id.",
      "connectAppAuth",
      "Bring Your Own Application",
    ),
    reading(
      "The assignment example uses app role id ab43b826-2c7a-4aff-9ecd-d0629d0ca6a9, while the same copy's permission table lists 0b41ed4d-5f52-442b-8952-ea7d90719860.",
      "connectAppAuthOtherCopy",
      "Resource permission",
    ),
  ],
};

/** Who may grant a bring-your-own application its app roles (admin consent). */
export const APP_ROLE_GRANTERS: { roles: readonly EntraRoleId[]; cite: Citation } = {
  roles: ["applicationAdministrator", "globalAdministrator"],
  cite: BYOA,
};

/** The role that configures application-based authentication on the Connect server. */
export const APP_AUTH_CONFIGURER: { roles: readonly EntraRoleId[]; cite: Citation } = {
  roles: ["hybridIdentityAdministrator"],
  cite: cite("connectAppAuth", "Prerequisites"),
};

/** The legacy Sync_ user holds this directory role; an application identity holds app roles instead. */
export const LEGACY_SYNC_ACCOUNT_ROLE: { role: EntraRoleId; cite: Citation } = {
  role: "directorySynchronizationAccounts",
  cite: cite("connectAccounts", "Microsoft Entra Connector account"),
};

export interface VersionFloor {
  version: string;
  what: string;
  cite: Citation;
}

/** The Connect versions application-based authentication needs. */
export const APP_AUTH_VERSION_FLOORS = {
  manual: {
    version: "2.5.3.0",
    what: "Switching to application-based authentication yourself (the wizard's task, or PowerShell for your own certificate or application)",
    cite: cite("connectAppAuth", "Prerequisites"),
  },
  automatic: {
    version: "2.5.76.0",
    what: "The service switches a server that still uses a Sync_ user to an application by itself, within six hours",
    cite: cite("connectAppAuth", "Onboard to application-based authentication › Automatic"),
  },
} as const satisfies Record<string, VersionFloor>;

export const APP_AUTH_AUTOMATIC_FLOOR_DISAGREEMENT: Disagreement = {
  topic: "The first Connect version that switches to application-based authentication by itself",
  readings: [
    reading("2.5.76.0 or later.", "connectAppAuth", "Onboard to application-based authentication › Automatic"),
    reading("2.5.74.0 or later.", "connectAppAuthOtherCopy", "Automatic configuration"),
  ],
};
