import { cite } from "./fact";
import type { Citation } from "./types";

const ALL_ROLES = cite("rolesReference", "All roles");

/** Entra built-in roles the plan refers to, with their template ids (the same in every tenant). */
export const ENTRA_ROLES = {
  globalAdministrator: { name: "Global Administrator", templateId: "62e90394-69f5-4237-9190-012177145e10", cite: ALL_ROLES },
  hybridIdentityAdministrator: { name: "Hybrid Identity Administrator", templateId: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2", cite: ALL_ROLES },
  directorySynchronizationAccounts: { name: "Directory Synchronization Accounts", templateId: "d29b2b05-8046-44ba-8758-1e26182fcf32", cite: ALL_ROLES },
  domainNameAdministrator: { name: "Domain Name Administrator", templateId: "8329153b-31d0-4727-b945-745eb3bc5f31", cite: ALL_ROLES },
  /** May consent to the application permissions a bring-your-own Connect application needs. */
  applicationAdministrator: { name: "Application Administrator", templateId: "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", cite: ALL_ROLES },
  globalReader: { name: "Global Reader", templateId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451", cite: ALL_ROLES },
  privilegedRoleAdministrator: { name: "Privileged Role Administrator", templateId: "e8611ab8-c189-46e8-94e1-60213ab1f814", cite: ALL_ROLES },
  directoryReaders: { name: "Directory Readers", templateId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b", cite: ALL_ROLES },
} as const satisfies Record<string, { name: string; templateId: string; cite: Citation }>;

export type EntraRoleId = keyof typeof ENTRA_ROLES;
