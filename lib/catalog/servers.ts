import type { Disagreement } from "./types";
import type { Tool } from "./vocabulary";

/** What the sync servers must be, as Microsoft states it, shown where the user describes them. */
export interface ServerRequirements {
  requirements: readonly string[];
  disagreements: readonly Disagreement[];
}

export const SERVER_REQUIREMENTS: Record<Tool, ServerRequirements> = {
  cloudSync: {
    requirements: [
      "Domain-joined Windows Server 2016 or later (2022 or 2025 recommended), not Server Core, with 4 GB of RAM and .NET 4.7.1 or later.",
      "TLS 1.2, PowerShell execution policy Undefined or RemoteSigned, the Credential Manager service enabled, NTLM disabled on the host.",
      "May run on a domain controller. Treat the hosts as Tier 0.",
    ],
    disagreements: [],
  },
  connect: {
    requirements: [
      "Domain-joined Windows Server 2016 or later with the full GUI, .NET 4.7.2, PowerShell 5 and TLS 1.2.",
      "Schema and forest functional level 2003 or later, with writable domain controllers.",
      "Treat the Connect server as Tier 0.",
    ],
    disagreements: [
      {
        topic: "Windows Server 2025",
        readings: [
          { says: "Windows Server 2022 and 2025 are recommended for the Connect server.", source: "connectPrerequisites" },
          { says: "Another page lists Windows Server 2025 as not supported for Connect.", source: "connectAccounts" },
        ],
      },
    ],
  },
};
