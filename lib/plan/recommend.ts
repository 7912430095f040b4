import { DECISION_REQUIREMENTS, FEATURES_BY_ID, PLAN_FEATURE_IDS, type DecisionRequirement, type PlanFeatureId, type Tool } from "@/lib/catalog";

export interface Recommendation {
  /** The tool that meets every ticked requirement, or null when neither does alone. */
  tool: Tool | null;
  summary: string;
  /** Each ticked requirement with the tool it needs and why. */
  reasons: readonly DecisionRequirement[];
}

/** Recommends a tool from the ticked requirements of Microsoft's comparison, saying why for each. */
export function recommendTool(requirementIds: readonly string[]): Recommendation {
  const reasons = DECISION_REQUIREMENTS.filter((requirement) => requirementIds.includes(requirement.id));
  const needsCloudSync = reasons.some((reason) => reason.only === "cloudSync");
  const needsConnect = reasons.some((reason) => reason.only === "connect");
  if (needsCloudSync && needsConnect) {
    return {
      tool: null,
      summary:
        "Neither tool meets every requirement you ticked. Both can run in the same forest when they synchronize different objects, or you can drop a requirement.",
      reasons,
    };
  }
  if (needsConnect) return { tool: "connect", summary: "Microsoft Entra Connect Sync: only it meets the requirements below.", reasons };
  if (needsCloudSync) return { tool: "cloudSync", summary: "Microsoft Entra Cloud Sync: only it meets the requirements below.", reasons };
  return {
    tool: "cloudSync",
    summary:
      "Microsoft Entra Cloud Sync: nothing you ticked needs Connect, and Microsoft develops new sync features primarily for Cloud Sync, calling it the recommended path for most organizations.",
    reasons,
  };
}

/**
 * The plan features that "Help me choose" answers ask for (a ticked
 * requirement that is itself a feature, like device writeback), among those
 * the tool can do. The environment step offers to tick them; it never ticks
 * them unasked, and the plan's rules (one device-writeback forest) still apply.
 */
export function featuresFromRequirements(requirementIds: readonly string[], tool: Tool): PlanFeatureId[] {
  return PLAN_FEATURE_IDS.filter((id) => requirementIds.includes(id) && FEATURES_BY_ID[id].support[tool] !== "unavailable");
}
