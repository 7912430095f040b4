import type { SourceId } from "./sources";
import type { Tool } from "./vocabulary";

/**
 * Microsoft's comparison of the two tools, as requirements a user can tick.
 * `only` names the tool that meets the requirement; the other cannot.
 */
export interface DecisionRequirement {
  id: string;
  question: string;
  only: Tool;
  why: string;
  source: SourceId;
}

export const DECISION_REQUIREMENTS: readonly DecisionRequirement[] = [
  {
    id: "disconnectedForests",
    question: "Synchronize disconnected forests (for example after a merger or acquisition)",
    only: "cloudSync",
    why: "Cloud Sync agents reach each forest on their own; Connect needs line of sight to every forest from one server.",
    source: "decisionGuide",
  },
  {
    id: "multipleActiveAgents",
    question: "Several active servers for high availability",
    only: "cloudSync",
    why: "Cloud Sync runs several active agents at once; Connect has one active server and staging servers.",
    source: "decisionGuide",
  },
  {
    id: "groupProvisioningToAd",
    question: "Provision cloud groups to Active Directory",
    only: "cloudSync",
    why: "Group provisioning to Active Directory is a Cloud Sync feature.",
    source: "decisionGuide",
  },
  {
    id: "cloudManagedConfiguration",
    question: "On-demand provisioning and a configuration managed in the cloud",
    only: "cloudSync",
    why: "Cloud Sync is configured in the Microsoft Entra admin center and can provision a single object on demand.",
    source: "decisionGuide",
  },
  {
    id: "hybridJoin",
    question: "Device sync for hybrid Microsoft Entra join or Windows Hello for Business",
    only: "connect",
    why: "Cloud Sync does not synchronize devices.",
    source: "decisionGuide",
  },
  {
    id: "deviceWriteback",
    question: "Device writeback",
    only: "connect",
    why: "Cloud Sync does not write devices back to Active Directory.",
    source: "decisionGuide",
  },
  {
    id: "largeDomains",
    question: "More than 150,000 objects in a single domain",
    only: "connect",
    why: "Cloud Sync supports up to 150,000 objects per domain.",
    source: "decisionGuide",
  },
  {
    id: "largeGroups",
    question: "Groups with more than 50,000 members",
    only: "connect",
    why: "Cloud Sync supports groups of up to 50,000 members; Connect up to 250,000.",
    source: "decisionGuide",
  },
  {
    id: "ptaOrFederation",
    question: "Set up pass-through authentication or AD FS federation",
    only: "connect",
    why: "Only Connect configures them (an existing setup keeps working with Cloud Sync).",
    source: "decisionGuide",
  },
  {
    id: "advancedRules",
    question: "Advanced sync rules or filtering on attribute values",
    only: "connect",
    why: "Cloud Sync offers limited scoping and transformations; Connect has the full sync rules editor.",
    source: "decisionGuide",
  },
  {
    id: "crossForestReferences",
    question: "Cross-forest references or merging attributes from several domains into one object",
    only: "connect",
    why: "Cloud Sync does not join objects across forests.",
    source: "decisionGuide",
  },
  {
    id: "domainServices",
    question: "Microsoft Entra Domain Services",
    only: "connect",
    why: "Domain Services relies on Connect's password hash synchronization of legacy hashes.",
    source: "decisionGuide",
  },
];

/** Features both tools cover, shown so the user knows they do not tip the choice. */
export const FEATURES_BOTH_TOOLS_COVER =
  "Password hash sync, password writeback, Exchange hybrid writeback, OU filtering, seamless SSO, group writeback and directory extension attributes work with either tool.";

/** Both tools may run in one forest when their scopes do not overlap. */
export const COEXISTENCE_NOTE = "Both tools can run in the same forest as long as they synchronize different objects (their scopes do not overlap).";
