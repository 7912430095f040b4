import { cite, fact, forTool, onlyIn, reading } from "./fact";
import type { Citation, Disagreement, Fact } from "./types";
import type { FeatureId, Tool } from "./vocabulary";

/** How a tool treats a feature: the user may choose it, it is always on, or the tool cannot do it. */
export type FeatureSupport = "optional" | "always" | "unavailable";

/**
 * Where the plan switches a feature on: ticked among the features, the
 * sign-in method, the single sign-on checkbox, or the source anchor. Password
 * hash sync is both a sign-in method and an optional feature (a backup for
 * federation or pass-through authentication).
 */
export type FeatureChoice = "feature" | "signInMethod" | "singleSignOn" | "sourceAnchor";

export interface FeatureDefinition {
  id: FeatureId;
  label: string;
  description: string;
  support: Record<Tool, FeatureSupport>;
  /** Why a tool cannot do it, shown next to the disabled choice. */
  unavailableReason?: Partial<Record<Tool, string>>;
  /** Features the Connect express settings configure; others need a custom install. */
  inExpress: boolean;
  chosenBy: readonly FeatureChoice[];
  cite: Citation;
  /** What else Microsoft says of it that a planner must know; a note naming `tools` is shown only in those tools' plans. */
  notes?: readonly Fact[];
  disagreements?: readonly Disagreement[];
}

/** The notes of a feature that apply to a plan of this tool. */
export function featureNotes(feature: FeatureDefinition, tool: Tool): readonly Fact[] {
  return forTool(feature.notes, tool);
}

const COMPARISON = cite("decisionGuide", "Comparison between Microsoft Entra Connect and Cloud Sync");
const USER_SIGN_IN = cite("connectCustom", "User sign-in");

export const FEATURES: readonly FeatureDefinition[] = [
  {
    id: "passwordHashSync",
    label: "Password hash synchronization",
    description: "Synchronizes a hash of each user's password hash so users sign in to cloud services with their on-premises password.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: true,
    chosenBy: ["signInMethod", "feature"],
    cite: COMPARISON,
    notes: onlyIn("connect", [
      fact("Express settings set up a single forest with password hash synchronization.", "connectExpress", "Introduction"),
      fact("With federation or pass-through authentication it can be ticked as an optional feature, as a backup.", "connectCustom", "Optional features"),
    ]),
  },
  {
    id: "passThroughAuth",
    label: "Pass-through authentication",
    description: "Validates passwords against on-premises Active Directory through agents at sign-in.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync cannot configure pass-through authentication (an existing setup keeps working)." },
    inExpress: false,
    chosenBy: ["signInMethod"],
    cite: USER_SIGN_IN,
    notes: [
      fact("Pass-through authentication needs at least one verified domain.", "connectCustom", "Microsoft Entra sign-in configuration"),
      fact(
        "A staging server must choose pass-through authentication too; otherwise it turns the feature off for the whole tenant.",
        "passThroughAuth",
        "Step 2: Enable the feature",
      ),
    ],
  },
  {
    id: "federation",
    label: "Federation with AD FS",
    description: "Sign-in is redirected to an on-premises AD FS farm that Connect configures, published through Web Application Proxy servers.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync cannot configure AD FS federation (an existing federation keeps working)." },
    inExpress: false,
    chosenBy: ["signInMethod"],
    cite: USER_SIGN_IN,
    notes: [
      fact(
        "AD FS and Web Application Proxy servers run Windows Server 2012 R2 or later with remote management enabled, and need a TLS certificate for the federation service name.",
        "connectCustom",
        "Configuring federation with AD FS",
      ),
    ],
  },
  {
    id: "pingFederate",
    label: "Federation with PingFederate",
    description: "Sign-in is redirected to a PingFederate server; Connect verifies the domain and exports the settings for PingFederate.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync cannot configure federation (an existing federation keeps working)." },
    inExpress: false,
    chosenBy: ["signInMethod"],
    cite: cite("connectCustom", "Configuring federation with PingFederate"),
    notes: [fact("PingFederate 8.4 or later.", "connectCustom", "Configuring federation with PingFederate")],
  },
  {
    id: "passwordWriteback",
    label: "Password writeback",
    description: "Writes passwords changed or reset in the cloud back to on-premises Active Directory.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    chosenBy: ["feature"],
    cite: COMPARISON,
    notes: [
      fact(
        "The domain's Group Policy \"Minimum password age\" must be 0 for writeback to work.",
        "ssprWriteback",
        "Configure account permissions for Microsoft Entra Connect",
      ),
    ],
  },
  {
    id: "exchangeHybrid",
    label: "Exchange hybrid writeback",
    description: "Writes Exchange Online attributes back to on-premises objects for an Exchange hybrid deployment.",
    support: { cloudSync: "optional", connect: "optional" },
    // Express settings' "Ready to configure" page offers it.
    inExpress: true,
    chosenBy: ["feature"],
    cite: COMPARISON,
    notes: onlyIn("connect", [fact("Express settings offer Exchange hybrid deployment on their last page.", "connectExpress", "Express installation of Microsoft Entra Connect Sync")]),
  },
  {
    id: "exchangeMailPublicFolders",
    label: "Exchange mail public folders",
    description: "Synchronizes mail-enabled public folder objects so Exchange Online can route mail to them.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    chosenBy: ["feature"],
    cite: cite("connectCustom", "Optional features"),
    disagreements: [
      {
        topic: "Exchange mail public folders with Cloud Sync",
        when: { tool: "cloudSync" },
        readings: [
          reading(
            "Set-AADCloudSyncPermissions has an ExchangeMailPublicFolderPermissions permission type, which suggests Cloud Sync handles mail public folders.",
            "cloudSyncGmsaCmdlets",
            "Using Set-AADCloudSyncPermissions",
         ),
          reading("Microsoft's comparison of the two tools has no row for Exchange mail public folders.", "decisionGuide", "Comparison between Microsoft Entra Connect and Cloud Sync"),
          reading("Whether Cloud Sync supports mail public folders is unverified.", "sharedReference", "m12 Exchange mail public folders for Cloud Sync"),
        ],
      },
    ],
  },
  {
    id: "groupWriteback",
    label: "Group writeback",
    description: "Writes Microsoft 365 groups from the cloud back to on-premises Active Directory (group writeback version 1).",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    chosenBy: ["feature"],
    cite: COMPARISON,
    notes: onlyIn("connect", [
      fact("Group writeback version 2 is decommissioned: it can no longer be enabled since Connect 2.3.2.0.", "connectVersionHistory", "2.3.2.0 › Functional Changes"),
      fact("In Connect, group writeback needs Exchange on-premises.", "connectCustom", "Optional features"),
    ]),
  },
  {
    id: "groupProvisioningToAd",
    label: "Group provisioning to Active Directory",
    description: "Provisions cloud security groups into on-premises Active Directory.",
    support: { cloudSync: "optional", connect: "unavailable" },
    unavailableReason: { connect: "Only Cloud Sync provisions cloud groups to Active Directory." },
    inExpress: false,
    chosenBy: ["feature"],
    cite: cite("cloudSyncGroupProvisioning", "General requirements"),
    notes: [
      fact(
        "Needs Microsoft Entra ID P1, provisioning agent 1.1.2334.0 or later and TCP 389 and 3268 to the domain controllers; rights are set on a clean install only, and are not applied to AdminSDHolder-protected objects.",
        "cloudSyncGroupProvisioning",
        "General requirements",
      ),
    ],
  },
  {
    id: "deviceWriteback",
    label: "Device writeback",
    description: "Writes devices registered in Entra ID back to the one Active Directory forest where users and devices live.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync does not write devices back." },
    inExpress: false,
    chosenBy: ["feature"],
    cite: cite("deviceWriteback", "Introduction"),
    notes: [
      fact(
        "Devices must be in the same forest as the users, and a deployment with several user forests is not supported: device writeback goes to one forest.",
        "deviceWriteback",
        "Introduction",
      ),
      fact("Microsoft's comparison says device writeback is discontinued in favour of Cloud Kerberos Trust.", "decisionGuide", "Comparison between Microsoft Entra Connect and Cloud Sync"),
      fact("Needs Microsoft Entra ID P1 or P2.", "deviceWriteback", "Introduction"),
      fact("The forest schema must be at the Windows Server 2012 R2 level.", "deviceWriteback", "The writeback checkbox is still disabled"),
    ],
  },
  {
    id: "seamlessSso",
    label: "Seamless single sign-on",
    description: "Signs domain-joined users in automatically on the corporate network, through a computer account per forest.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    chosenBy: ["singleSignOn"],
    cite: cite("seamlessSso", "Enable the feature"),
    notes: [
      fact("Only with password hash synchronization or pass-through authentication, not with AD FS.", "connectCustom", "User sign-in"),
      ...onlyIn("cloudSync", [fact("Cloud Sync's agent has no option for it: it is enabled with PowerShell.", "cloudSyncSso", "Steps to enable Single Sign-on")]),
    ],
  },
  {
    id: "msDsConsistencyGuid",
    label: "ms-DS-ConsistencyGuid as source anchor",
    description: "Stores the immutable anchor in the user's mS-DS-ConsistencyGuid attribute, so objects can move between forests.",
    support: { cloudSync: "always", connect: "optional" },
    // Express settings pick it unless the tenant or the directory already dictates another anchor.
    inExpress: true,
    chosenBy: ["sourceAnchor"],
    cite: cite("connectDesignConcepts", "Using ms-DS-ConsistencyGuid as sourceAnchor"),
    notes: onlyIn("connect", [
      fact(
        "ms-DS-ConsistencyGuid is the recommended source anchor and the one express settings use.",
        "connectDesignConcepts",
        "Selecting a good sourceAnchor attribute",
      ),
      fact(
        "\"Let Microsoft Entra ID manage the source anchor\" in a custom install applies the same logic as express settings.",
        "connectDesignConcepts",
        "Custom installation",
      ),
      fact(
        "That logic re-uses the anchor a previous install recorded in the tenant, and falls back to objectGUID when any object already has a value in ms-DS-ConsistencyGuid.",
        "connectDesignConcepts",
        "Express Installation",
      ),
      fact("The AD DS Connector account then needs write permission on ms-DS-ConsistencyGuid.", "connectDesignConcepts", "Permission required"),
      fact(
        "The anchor is chosen at first install only; every other Connect server of the tenant, staging servers included, must select the same one.",
        "connectDesignConcepts",
        "Changing the sourceAnchor attribute",
      ),
    ]),
  },
  {
    id: "connectHealth",
    label: "Microsoft Entra Connect Health",
    description: "Monitors the sync server with the Connect Health agent.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "The Connect Health agent is installed with Connect Sync only." },
    inExpress: false,
    chosenBy: ["feature"],
    cite: cite("connectPrerequisites", "Installation prerequisites"),
    notes: [
      fact(
        "Installing Connect Health needs a Global Administrator: with a Hybrid Identity Administrator its agent is installed disabled.",
        "connectPrerequisites",
        "Installation prerequisites",
      ),
    ],
  },
];

export const FEATURES_BY_ID: Readonly<Record<FeatureId, FeatureDefinition>> = Object.fromEntries(
  FEATURES.map((feature) => [feature.id, feature]),
) as Record<FeatureId, FeatureDefinition>;
