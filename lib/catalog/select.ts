/**
 * Reading the catalog against a plan's facts: which accounts apply, which of
 * their rules and rights hold. Pure functions over the data and a
 * ConditionContext; the plan module builds the context.
 */
import { conditionHolds, type ConditionContext } from "./condition";
import type { AccountDefinition, Disagreement, RightDefinition } from "./types";
import { SIGN_IN_METHOD_FEATURE, SOURCE_ANCHOR_FEATURE, type FeatureId, type SignInMethod, type SourceAnchor } from "./vocabulary";

/** The features a sign-in choice and a source anchor switch on, beside the ones a plan ticks. */
export function impliedFeatures(choice: { signIn: SignInMethod; seamlessSso: boolean; sourceAnchor: SourceAnchor }): FeatureId[] {
  const implied = [SIGN_IN_METHOD_FEATURE[choice.signIn], SOURCE_ANCHOR_FEATURE[choice.sourceAnchor], choice.seamlessSso ? "seamlessSso" : undefined];
  return implied.filter((feature): feature is FeatureId => feature !== undefined);
}

/** Whether the account is part of a plan in this context, and how. */
export function accountRequirement(account: AccountDefinition, context: ConditionContext): "required" | "optional" | undefined {
  if (!account.tools.includes(context.tool)) return undefined;
  if (account.requiredWhen && conditionHolds(account.requiredWhen, context)) return "required";
  if (account.optionalWhen && conditionHolds(account.optionalWhen, context)) return "optional";
  return undefined;
}

/** The first rule whose condition holds: creation, name and service-account rules are ordered, most specific first. */
export function firstRuleThatHolds<Rule extends { when: Parameters<typeof conditionHolds>[0] }>(
  rules: readonly Rule[] | undefined,
  context: ConditionContext,
): Rule | undefined {
  return rules?.find((rule) => conditionHolds(rule.when, context));
}

/** The rights the account needs in this context: the basic ones and those of features in effect, where their condition holds. */
export function rightsInEffect(account: AccountDefinition, context: ConditionContext): RightDefinition[] {
  return (account.rights ?? []).filter(
    (right) => (right.feature === "basic" || context.features.has(right.feature)) && (!right.when || conditionHolds(right.when, context)),
  );
}

export { forTool } from "./fact";

/** The disagreements that matter in this context: those without a condition, and those whose condition holds. */
export function disagreementsThatHold(disagreements: readonly Disagreement[] | undefined, context: ConditionContext): Disagreement[] {
  return (disagreements ?? []).filter((disagreement) => !disagreement.when || conditionHolds(disagreement.when, context));
}
