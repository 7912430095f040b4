import type { SourceId } from "./sources";
import type { FeatureId, Tool } from "./vocabulary";

/** How a tool treats a feature: the user may choose it, it is always on, or the tool cannot do it. */
export type FeatureSupport = "optional" | "always" | "unavailable";

export interface FeatureDefinition {
  id: FeatureId;
  label: string;
  description: string;
  support: Record<Tool, FeatureSupport>;
  /** Why a tool cannot do it, shown next to the disabled choice. */
  unavailableReason?: Partial<Record<Tool, string>>;
  /** Features the Connect express settings configure; others need a custom install. */
  inExpress: boolean;
  source: SourceId;
}

export const FEATURES: readonly FeatureDefinition[] = [
  {
    id: "passwordHashSync",
    label: "Password hash synchronization",
    description: "Synchronizes a hash of each user's password hash so users sign in to cloud services with their on-premises password.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: true,
    source: "decisionGuide",
  },
  {
    id: "passThroughAuth",
    label: "Pass-through authentication",
    description: "Validates passwords against on-premises Active Directory through agents at sign-in.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync cannot configure pass-through authentication (an existing setup keeps working)." },
    inExpress: false,
    source: "decisionGuide",
  },
  {
    id: "federation",
    label: "Federation with AD FS",
    description: "Sign-in is redirected to an on-premises AD FS farm that Connect configures.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync cannot configure AD FS federation (an existing federation keeps working)." },
    inExpress: false,
    source: "decisionGuide",
  },
  {
    id: "passwordWriteback",
    label: "Password writeback",
    description: "Writes passwords changed or reset in the cloud back to on-premises Active Directory.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    source: "decisionGuide",
  },
  {
    id: "exchangeHybrid",
    label: "Exchange hybrid writeback",
    description: "Writes Exchange Online attributes back to on-premises objects for an Exchange hybrid deployment.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    source: "decisionGuide",
  },
  {
    id: "exchangeMailPublicFolders",
    label: "Exchange mail public folders",
    description: "Synchronizes mail-enabled public folder objects so Exchange Online can route mail to them.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    source: "connectConnectorAccount",
  },
  {
    id: "groupWriteback",
    label: "Group writeback",
    description: "Writes Microsoft 365 groups from the cloud back to on-premises Active Directory.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    source: "decisionGuide",
  },
  {
    id: "groupProvisioningToAd",
    label: "Group provisioning to Active Directory",
    description: "Provisions cloud security groups into on-premises Active Directory (needs Entra ID P1 and agent 1.1.2334.0 or later).",
    support: { cloudSync: "optional", connect: "unavailable" },
    unavailableReason: { connect: "Only Cloud Sync provisions cloud groups to Active Directory." },
    inExpress: false,
    source: "cloudSyncGmsa",
  },
  {
    id: "deviceWriteback",
    label: "Device writeback",
    description: "Writes devices registered in Entra ID back to Active Directory (needs a Windows Server 2012 R2 schema and Entra ID P1 or P2).",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "Cloud Sync does not write devices back." },
    inExpress: false,
    source: "deviceWriteback",
  },
  {
    id: "seamlessSso",
    label: "Seamless single sign-on",
    description: "Signs domain-joined users in automatically on the corporate network, through a computer account per forest.",
    support: { cloudSync: "optional", connect: "optional" },
    inExpress: false,
    source: "seamlessSso",
  },
  {
    id: "msDsConsistencyGuid",
    label: "ms-DS-ConsistencyGuid as source anchor",
    description: "Stores the immutable anchor in the user's mS-DS-ConsistencyGuid attribute, so objects can move between forests.",
    support: { cloudSync: "always", connect: "optional" },
    inExpress: false,
    source: "connectConnectorAccount",
  },
  {
    id: "connectHealth",
    label: "Microsoft Entra Connect Health",
    description: "Monitors the sync server with the Connect Health agent.",
    support: { cloudSync: "unavailable", connect: "optional" },
    unavailableReason: { cloudSync: "The Connect Health agent is installed with Connect Sync only." },
    inExpress: false,
    source: "connectAccounts",
  },
];

export const FEATURES_BY_ID: Readonly<Record<FeatureId, FeatureDefinition>> = Object.fromEntries(
  FEATURES.map((feature) => [feature.id, feature]),
) as Record<FeatureId, FeatureDefinition>;
