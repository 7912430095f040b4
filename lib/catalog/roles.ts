import type { SourceId } from "./sources";

/** Entra built-in roles the plan refers to, with their template ids (the same in every tenant). */
export const ENTRA_ROLES = {
  globalAdministrator: { name: "Global Administrator", templateId: "62e90394-69f5-4237-9190-012177145e10" },
  hybridIdentityAdministrator: { name: "Hybrid Identity Administrator", templateId: "8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2" },
  directorySynchronizationAccounts: { name: "Directory Synchronization Accounts", templateId: "d29b2b05-8046-44ba-8758-1e26182fcf32" },
  domainNameAdministrator: { name: "Domain Name Administrator", templateId: "8329153b-31d0-4727-b945-745eb3bc5f31" },
  globalReader: { name: "Global Reader", templateId: "f2ef992c-3afb-46b9-b7cf-a126ee74c451" },
  privilegedRoleAdministrator: { name: "Privileged Role Administrator", templateId: "e8611ab8-c189-46e8-94e1-60213ab1f814" },
  directoryReaders: { name: "Directory Readers", templateId: "88d8e3e3-8f55-4a1e-953a-9b9898b8876b" },
} as const;

export type EntraRoleId = keyof typeof ENTRA_ROLES;

export const ROLES_SOURCE: SourceId = "rolesReference";
