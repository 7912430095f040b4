import { cite, fact, reading } from "./fact";
import type { AccountDefinition } from "./types";

/** The accounts pass-through authentication and AD FS federation bring, both set up by Connect's custom install. */
const ADFS = { tool: "connect", signIn: ["federationAdfs"] } as const;
const CUSTOM_SETTINGS_WIZARD = "Custom settings wizard";
const ADFS_PREREQUISITES = "AD FS configuration prerequisites";
const ADFS_SERVICE_ACCOUNT = "Specify the service account for the AD FS service";
const PTA_ENVIRONMENT = "In your on-premises environment";
const PTA_HIGH_AVAILABILITY = "Step 4: Ensure high availability";

export const FEDERATION_ACCOUNTS: readonly AccountDefinition[] = [
  {
    id: "ptaAgentRegistrar",
    name: "Pass-through authentication agent registrar",
    tools: ["connect"],
    purpose: fact(
      "Downloads and registers the standalone Authentication Agents on the servers beside the Connect server, which runs the first one.",
      "passThroughAuth",
      PTA_HIGH_AVAILABILITY,
    ),
    directory: "entra",
    scope: "tenant",
    identity: "upn",
    requiredWhen: { tool: "connect", signIn: ["passThroughAuth"] },
    roles: ["hybridIdentityAdministrator"],
    upnRule: "tenantMember",
    roleAssignment: "directOrGroup",
    creation: [
      {
        when: {},
        by: "admin",
        how: "A member account of the tenant holding Hybrid Identity Administrator, which manages pass-through authentication.",
        cite: cite("rolesReference", "All roles"),
      },
    ],
    constraints: [
      fact(
        "Run at least three Authentication Agents in production for high availability; a tenant may register at most 40.",
        "passThroughAuth",
        PTA_ENVIRONMENT,
      ),
      fact(
        "Agent servers run Windows Server 2016 or later with TLS 1.2, not Server Core, in the forest of the users whose passwords they validate.",
        "passThroughAuth",
        PTA_ENVIRONMENT,
      ),
      fact("A staging server must choose pass-through authentication too, or it turns the feature off for the tenant.", "passThroughAuth", "Step 2: Enable the feature"),
      fact("Pass-through authentication needs at least one verified domain.", "connectCustom", "Microsoft Entra sign-in configuration"),
      fact("Don't clone a virtual machine that has an Authentication Agent installed.", "passThroughAuth", PTA_HIGH_AVAILABILITY),
    ],
    securityNotes: [
      fact("Treat the agent servers as Tier 0, hardened like domain controllers.", "passThroughAuth", "Step 1: Check the prerequisites"),
      fact(
        "Keep a cloud-only Hybrid Identity Administrator so that you can still sign in if the agents fail.",
        "passThroughAuth",
        "In the Microsoft Entra admin center",
      ),
    ],
    disagreements: [
      {
        topic: "The role that registers an Authentication Agent",
        readings: [
          reading(
            "Hybrid Identity Administrator manages pass-through authentication, and the agent is downloaded as one.",
            "rolesReference",
            "All roles",
          ),
          reading(
            "The quick start registers a standalone agent with the tenant's Global Administrator credentials, interactively or with RegisterConnector.ps1 (page dated November 2023).",
            "passThroughAuth",
            PTA_HIGH_AVAILABILITY,
          ),
          reading(
            "With Hybrid Identity Administrator, configuring pass-through authentication still required a Global Administrator (a known issue of 2.0.3.0).",
            "connectVersionHistory2022",
            "2.0.3.0 › Known issues",
          ),
        ],
      },
    ],
    sources: ["passThroughAuth", "rolesReference", "connectCustom", "connectVersionHistory2022"],
  },
  {
    id: "adfsDomainAdmin",
    name: "Domain Administrator for the AD FS servers",
    tools: ["connect"],
    purpose: fact(
      "The wizard configures the AD FS servers with a Domain Administrator, when the credentials of the user running it are not enough.",
      "connectAccounts",
      CUSTOM_SETTINGS_WIZARD,
    ),
    directory: "activeDirectory",
    scope: "tenant",
    identity: "adUser",
    requiredWhen: ADFS,
    creation: [{ when: {}, by: "admin", how: "An existing member of Domain Admins of the AD FS servers' domain.", cite: cite("connectAccounts", CUSTOM_SETTINGS_WIZARD) }],
    constraints: [
      fact("The AD FS servers are joined to Active Directory (the Web Application Proxy servers are not).", "connectCustom", "Specify the AD FS servers"),
      fact("Windows Remote Management must be enabled on the remote servers.", "connectCustom", ADFS_PREREQUISITES),
      fact(
        "AD FS and Web Application Proxy servers run Windows Server 2012 R2 or later, with a TLS certificate for the federation service name.",
        "connectCustom",
        "Configuring federation with AD FS",
      ),
      fact(
        "No Group Policy may turn on PowerShell transcription on the Connect server when it manages AD FS.",
        "connectPrerequisites",
        "Installation prerequisites",
      ),
    ],
    installDayCheck: [
      fact(
        "In PowerShell with the Active Directory module, run Get-ADPrincipalGroupMembership <account> -Server <AD FS servers' domain>: Domain Admins must be in the list.",
        "getAdPrincipalGroupMembership",
        "Description",
      ),
      fact(
        "On each AD FS server, check that Windows Remote Management is enabled; where it is not, run Enable-PSRemoting -Force there in an elevated PowerShell window.",
        "connectPrerequisites",
        "Windows Remote Management",
      ),
    ],
    securityNotes: [],
    sources: ["connectAccounts", "connectCustom", "connectPrerequisites", "getAdPrincipalGroupMembership"],
  },
  {
    id: "adfsServiceAccount",
    name: "AD FS service account",
    tools: ["connect"],
    purpose: fact("The account the AD FS service runs as, chosen on the wizard's AD FS service account page.", "connectCustom", ADFS_SERVICE_ACCOUNT),
    directory: "activeDirectory",
    scope: "tenant",
    identity: "serviceAccount",
    requiredWhen: ADFS,
    creation: [
      {
        when: {},
        by: "wizard",
        how: "The wizard creates a group managed service account (\"Create a group Managed Service Account\"), or uses a domain user account an administrator created.",
        cite: cite("connectCustom", ADFS_SERVICE_ACCOUNT),
      },
    ],
    serviceAccountOptions: [
      {
        when: {},
        allowed: ["gmsa", "domainUser"],
        default: "gmsa",
        recommended: "gmsa",
        why: "A group managed service account when the AD FS domain has Windows Server 2012 or later domain controllers; a domain user account only when it has none.",
        cite: cite("connectCustom", ADFS_SERVICE_ACCOUNT),
      },
    ],
    constraints: [
      fact(
        "Creating the first gMSA of the forest takes Enterprise Admin credentials, to start the key store (KDS root key).",
        "connectCustom",
        ADFS_SERVICE_ACCOUNT,
      ),
      fact("The wizard checks that the service name's SPN is not already in use.", "connectCustom", ADFS_SERVICE_ACCOUNT),
      fact(
        "With the \"Use a domain user account\" option, the wizard asks for that domain user's credentials.",
        "connectAccounts",
        CUSTOM_SETTINGS_WIZARD,
      ),
      fact("Domain controllers use a new KDS root key only after up to 10 hours.", "kdsRootKey", "Introduction"),
    ],
    installDayCheck: [
      fact(
        "For a gMSA, check on a domain controller that the forest has a KDS root key: the KdsSvc Operational log records its creation as event 4004.",
        "manageGmsa",
        "Prerequisites",
      ),
    ],
    securityNotes: [],
    sources: ["connectCustom", "connectAccounts", "kdsRootKey", "manageGmsa"],
  },
  {
    id: "adfsProxyTrust",
    name: "Proxy trust credentials",
    tools: ["connect"],
    purpose: fact(
      "Establishes the trust between the Web Application Proxy servers and the AD FS farm (the first trust certificate).",
      "connectAccounts",
      CUSTOM_SETTINGS_WIZARD,
    ),
    directory: "activeDirectory",
    scope: "tenant",
    identity: "adUser",
    requiredWhen: ADFS,
    creation: [
      {
        when: {},
        by: "admin",
        how: "An existing domain account that is a local administrator of the AD FS servers.",
        cite: cite("connectAccounts", CUSTOM_SETTINGS_WIZARD),
      },
    ],
    constraints: [
      fact("A domain account that is a local administrator on the AD FS server.", "connectCustom", ADFS_PREREQUISITES),
    ],
    installDayCheck: [
      fact(
        "On each AD FS server, run Get-LocalGroupMember -Group \"Administrators\" in PowerShell: the account, or a group it belongs to, must be in the list.",
        "getLocalGroupMember",
        "Examples",
      ),
    ],
    securityNotes: [fact("Used by the wizard during setup to issue the proxy trust certificate.", "connectAccounts", CUSTOM_SETTINGS_WIZARD)],
    sources: ["connectAccounts", "connectCustom", "getLocalGroupMember"],
  },
  {
    id: "wapLocalAdmin",
    name: "Local administrator of the Web Application Proxy servers",
    tools: ["connect"],
    purpose: fact("The wizard configures the Web Application Proxy servers with a local administrator of them.", "connectAccounts", CUSTOM_SETTINGS_WIZARD),
    directory: "server",
    scope: "tenant",
    identity: "localOrDomainUser",
    requiredWhen: ADFS,
    creation: [
      {
        when: {},
        by: "admin",
        how: "An existing local administrator of the proxy servers; leave the domain empty for a local account.",
        cite: cite("connectAccounts", CUSTOM_SETTINGS_WIZARD),
      },
    ],
    constraints: [
      fact(
        "If the account running the wizard isn't a local administrator on the proxy servers, the wizard asks for one.",
        "connectCustom",
        "Specify the Web Application Proxy servers",
      ),
      fact(
        "Proxy servers outside the domain must be in the Connect server's WinRM TrustedHosts list.",
        "connectPrerequisites",
        "Windows Remote Management",
      ),
    ],
    installDayCheck: [
      fact(
        "On the Connect server, in Server Manager, add each Web Application Proxy server (Manage › Add Servers, DNS tab), choose Manage As with this account, then right-click the server and choose Windows PowerShell: a remote session must open.",
        "connectPrerequisites",
        "Windows Remote Management",
      ),
      fact(
        "For a proxy server outside the domain, its Services snap-in must show Windows Remote Management (WS-Management) running, and the Connect server's WSMan:\\localhost\\Client\\TrustedHosts must hold its name.",
        "connectPrerequisites",
        "Windows Remote Management",
      ),
    ],
    securityNotes: [],
    sources: ["connectAccounts", "connectCustom", "connectPrerequisites"],
  },
];
