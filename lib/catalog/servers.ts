import { fact, reading } from "./fact";
import type { Disagreement, Fact } from "./types";
import type { Tool } from "./vocabulary";

/** What the sync servers must be, as Microsoft states it, shown where the user describes them. */
export interface ServerRequirements {
  requirements: readonly Fact[];
  disagreements: readonly Disagreement[];
}

const CLOUD_SYNC_AGENT = "Cloud provisioning agent requirements";
const CONNECT_INSTALL = "Installation prerequisites";

export const SERVER_REQUIREMENTS: Record<Tool, ServerRequirements> = {
  cloudSync: {
    requirements: [
      fact(
        "A domain-joined Windows Server 2016, 2019 or 2022 (2022 recommended) for each agent; Windows Server 2025 is covered below.",
        "cloudSyncPrerequisites",
        CLOUD_SYNC_AGENT,
      ),
      fact("Server Core is not supported; the host needs 4 GB of RAM and .NET Framework 4.7.1 or later.", "cloudSyncPrerequisites", "In your on-premises environment"),
      fact("The PowerShell execution policy must be Undefined or RemoteSigned.", "cloudSyncPrerequisites", "More requirements"),
      fact(
        "The Credential Manager service (VaultSvc) must not be disabled. An agent may run on a domain controller. Treat the host as Tier 0.",
        "cloudSyncPrerequisites",
        CLOUD_SYNC_AGENT,
      ),
      fact("Disable NTLM on the agent host.", "cloudSyncPrerequisites", "NTLM requirement"),
      fact(
        "Harden the host as a Control Plane (formerly Tier 0) asset: restrict who administers it, deny NTLM, use LAPS and multifactor authentication for its administrators.",
        "cloudSyncPrerequisites",
        "Harden your Microsoft Entra provisioning agent server",
      ),
      fact(
        "The gMSA needs a forest schema of Windows Server 2012 or later and at least one Windows Server 2012 or later domain controller in the agent host's domain.",
        "cloudSyncPrerequisites",
        "Prerequisites for gMSA",
      ),
    ],
    disagreements: [
      {
        topic: "Windows Server 2025 for the provisioning agent",
        readings: [
          reading(
            "Microsoft's page: Windows Server 2025 is not supported (a known issue); support is planned for a future release. A server already upgraded needs the 20 October 2025 update KB5070773 or later and a restart.",
            "cloudSyncPrerequisites",
            CLOUD_SYNC_AGENT,
          ),
          reading("Reported: a 2026 change feed says support for Windows Server 2025 was added (not found on a Microsoft page).", "fieldReports", "Windows Server 2025 support for the provisioning agent"),
          reading("Reported: a third-party note of July 2026 still says Windows Server 2025 is not supported.", "fieldReports", "Windows Server 2025 support for the provisioning agent"),
        ],
      },
    ],
  },
  connect: {
    requirements: [
      fact(
        "A domain-joined Windows Server 2016 or later with the full desktop experience (not Server Core); Microsoft recommends Windows Server 2022, and 2016 is in extended support. Windows Server 2025 is covered below.",
        "connectPrerequisites",
        CONNECT_INSTALL,
      ),
      fact(
        "Every Connect server must run version 2.5.79.0 or later: below it, all synchronization services stop on 30 September 2026. Meet .NET Framework 4.7.2 and TLS 1.2 for it.",
        "connectSecurityUpdates",
        "Minimum versions",
      ),
      fact(
        "New Connect versions are downloadable only from the Microsoft Entra admin center, no longer from the Download Center.",
        "connectAppAuth",
        "Prerequisites",
      ),
      fact("The PowerShell execution policy should be RemoteSigned.", "connectPrerequisites", "PowerShell execution policy"),
      fact(
        "Schema and forest functional level 2003 or later, with writable domain controllers (read-only domain controllers are not supported).",
        "connectPrerequisites",
        "On-premises Active Directory",
      ),
      fact("Treat the Connect server as a Tier 0 component.", "connectPrerequisites", "Microsoft Entra Connect server"),
      fact(
        "Harden it as a Control Plane (formerly Tier 0) asset: restrict administrative access, deny NTLM, use LAPS, privileged access workstations and multifactor authentication.",
        "connectPrerequisites",
        "Harden your Microsoft Entra Connect server",
      ),
      fact(
        "SQL Server Express LocalDB, installed by default, holds 10 GB (about 100,000 objects); beyond that, a full SQL Server.",
        "connectPrerequisites",
        "SQL Server used by Microsoft Entra Connect",
      ),
    ],
    disagreements: [
      {
        topic: "Windows Server 2025 for the Connect server",
        readings: [
          reading(
            "Microsoft's Connect prerequisites page: Windows Server 2016 or later; it names no exception for Windows Server 2025.",
            "connectPrerequisites",
            CONNECT_INSTALL,
          ),
          reading(
            "The project's shared reference says Windows Server 2025 is not supported for Connect; the only Microsoft page found with that sentence is the Cloud Sync prerequisites page. Plan 2016, 2019 or 2022 until this is settled.",
            "sharedReference",
            "Connect server requirements",
          ),
          reading(
            "The Cloud Sync prerequisites page says Windows Server 2025 is not supported for the provisioning agent.",
            "cloudSyncPrerequisites",
            CLOUD_SYNC_AGENT,
          ),
        ],
      },
      {
        topic: "The .NET Framework version Connect needs",
        readings: [
          reading("Minimum .NET Framework 4.6.2 (4.8 or later is best for accessibility).", "connectPrerequisites", CONNECT_INSTALL),
          reading("PowerShell 5.0 and .NET Framework 4.5.1.", "connectPrerequisites", "PowerShell and .NET Framework"),
          reading("Version 2.2.8.0 raised the minimum .NET runtime to 4.7.1.", "connectVersionHistory", "2.2.8.0 › Functional Changes"),
          reading(".NET Framework 4.7.2 for the 2.5.79.0 minimum version.", "connectSecurityUpdates", "Minimum versions"),
        ],
      },
    ],
  },
};
