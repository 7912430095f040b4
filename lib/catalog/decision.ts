import { cite, fact, reading } from "./fact";
import type { Citation, Disagreement, Fact } from "./types";
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
  cite: Citation;
  /** Where Microsoft's pages disagree on this requirement, both readings. */
  disagreements?: readonly Disagreement[];
}

const COMPARISON = "Comparison between Microsoft Entra Connect and Cloud Sync";
const GUIDE = cite("decisionGuide", COMPARISON);

export const DECISION_REQUIREMENTS: readonly DecisionRequirement[] = [
  {
    id: "disconnectedForests",
    question: "Synchronize disconnected forests (for example after a merger or acquisition)",
    only: "cloudSync",
    why: "Cloud Sync agents reach each forest on their own; Connect needs line of sight to every forest from one server.",
    cite: GUIDE,
  },
  {
    id: "multipleActiveAgents",
    question: "Several active servers for high availability",
    only: "cloudSync",
    why: "Cloud Sync runs several active agents at once; a Connect server is a single point of failure, with staging servers on standby.",
    cite: cite("decisionGuide", "Enhanced reliability through multiple active agents"),
  },
  {
    id: "groupProvisioningToAd",
    question: "Provision cloud groups to Active Directory",
    only: "cloudSync",
    why: "Group provisioning to Active Directory is a Cloud Sync feature.",
    cite: GUIDE,
  },
  {
    id: "cloudManagedConfiguration",
    question: "On-demand provisioning and a configuration managed in the cloud",
    only: "cloudSync",
    why: "Cloud Sync is configured in the Microsoft Entra admin center and can provision a single object on demand.",
    cite: GUIDE,
  },
  {
    id: "hybridJoin",
    question: "Device sync for hybrid Microsoft Entra join or Windows Hello for Business",
    only: "connect",
    why: "Microsoft's comparison lists device synchronization for Connect only; Cloud Sync's device sync is a preview (see the disagreement).",
    cite: GUIDE,
    disagreements: [
      {
        topic: "Device sync with Cloud Sync",
        readings: [
          reading(
            "Cloud Sync device sync is in preview since July 2026 and can make devices hybrid joined; it is off by default, and each forest with domain-joined computers needs a temporary Enterprise Admins member to configure the service connection point.",
            "cloudSyncDeviceSync",
            "Introduction",
          ),
          reading("Device synchronization is not currently supported in Cloud Sync.", "decisionGuide", COMPARISON),
          reading("Microsoft Entra hybrid join and Windows Hello for Business: not applicable to cloud sync.", "commonScenarios", "Supported sync scenarios"),
        ],
      },
    ],
  },
  {
    id: "deviceWriteback",
    question: "Device writeback",
    only: "connect",
    why: "Cloud Sync does not write devices back; Microsoft's comparison also says device writeback is discontinued in favour of Cloud Kerberos Trust.",
    cite: GUIDE,
  },
  {
    id: "largeDomains",
    question: "More than 150,000 objects in a single domain",
    only: "connect",
    why: "Microsoft's comparison gives Cloud Sync a limit of 150,000 objects per domain; another page puts the line at 250,000.",
    cite: GUIDE,
    disagreements: [
      {
        topic: "How many objects per domain Cloud Sync handles",
        readings: [
          reading("Cloud Sync supports up to 150,000 objects per domain.", "decisionGuide", COMPARISON),
          reading("Syncing large domains of more than 250,000 objects is not applicable to cloud sync.", "commonScenarios", "Supported sync scenarios"),
        ],
      },
    ],
  },
  {
    id: "largeGroups",
    question: "Groups with more than 50,000 members",
    only: "connect",
    why: "Cloud Sync supports groups of up to 50,000 members; Connect up to 250,000.",
    cite: GUIDE,
  },
  {
    id: "ptaOrFederation",
    question: "Set up pass-through authentication or AD FS federation",
    only: "connect",
    why: "Only Connect configures them (an existing setup keeps working with Cloud Sync).",
    cite: GUIDE,
  },
  {
    id: "advancedRules",
    question: "Advanced sync rules or filtering on attribute values",
    only: "connect",
    why: "Cloud Sync offers limited scoping and transformations; Connect has the full sync rules editor.",
    cite: GUIDE,
  },
  {
    id: "crossForestReferences",
    question: "Cross-forest references or merging attributes from several domains into one object",
    only: "connect",
    why: "Cloud Sync does not join objects across forests.",
    cite: GUIDE,
  },
  {
    id: "domainServices",
    question: "Microsoft Entra Domain Services",
    only: "connect",
    why: "Domain Services needs the legacy password hashes that Connect (1.1.614.0 or later) synchronizes; its tutorial describes Connect only and does not mention Cloud Sync, and the comparison has no row for it.",
    cite: cite("domainServicesPasswordHashSync", "Password hash synchronization using Microsoft Entra Connect"),
  },
];

/** Features both tools cover, shown so the user knows they do not tip the choice. */
export const FEATURES_BOTH_TOOLS_COVER: Fact = fact(
  "Password hash sync, password writeback, Exchange hybrid writeback, OU filtering, seamless SSO, group writeback (version 1) and directory extension attributes work with either tool.",
  "decisionGuide",
  COMPARISON,
);

/** Both tools may run in one forest when their scopes do not overlap. */
export const COEXISTENCE_NOTE: Fact = fact(
  "Both tools can run in the same forest or domain as long as they synchronize different objects (their scopes do not overlap).",
  "commonScenarios",
  "Cloud sync and connect sync in parallel",
);
