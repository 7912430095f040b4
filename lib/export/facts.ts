import {
  ACCOUNT_TYPE_LABELS,
  CREATOR_LABELS,
  DECISION_REQUIREMENTS,
  FEATURES_BY_ID,
  disagreementsThatHold,
  featureNotes,
  SERVER_REQUIREMENTS,
  TOOL_LABELS,
  type Citation,
  type Disagreement,
  type Fact,
  type RightDefinition,
} from "@/lib/catalog";
import { conditionContext, effectiveFeatures, hasToolAndEnvironment, type Plan, type RequiredAccount } from "@/lib/plan";

/**
 * What the catalog says of an account, each statement with the page and
 * section it comes from, in the order every export shows them. The
 * worksheet, the workbook's Facts sheet and the print view all read these.
 */
export type StatementKind = "Purpose" | "Who creates it" | "Kind of account" | "Rule" | "Security";

export interface CitedStatement {
  kind: StatementKind;
  text: string;
  cite: Citation;
}

export function accountStatements(account: RequiredAccount): CitedStatement[] {
  const { definition, creation, serviceAccountOption: option } = account;
  const statements: CitedStatement[] = [
    { kind: "Purpose", ...definition.purpose },
    { kind: "Who creates it", text: `${CREATOR_LABELS[creation.by]}. ${creation.how}`, cite: creation.cite },
  ];
  if (option) {
    const allowed = option.allowed.map((type) => ACCOUNT_TYPE_LABELS[type]).join(", ");
    const recommendedTypes = [...(option.recommended ? [option.recommended] : []), ...(option.alsoRecommended ?? [])];
    const recommended = recommendedTypes.length > 0 ? `; recommended: ${recommendedTypes.map((type) => ACCOUNT_TYPE_LABELS[type]).join(", ")}` : "";
    statements.push({ kind: "Kind of account", text: `${option.why} Allowed: ${allowed}; default: ${ACCOUNT_TYPE_LABELS[option.default]}${recommended}.`, cite: option.cite });
  }
  statements.push(...account.constraints.map((fact) => ({ kind: "Rule" as const, ...fact })));
  statements.push(...account.securityNotes.map((fact) => ({ kind: "Security" as const, ...fact })));
  return statements;
}

export function accountDisagreements(account: RequiredAccount): readonly Disagreement[] {
  return account.disagreements;
}

export function featureLabel(feature: RightDefinition["feature"]): string {
  return feature === "basic" ? "Always" : FEATURES_BY_ID[feature].label;
}

/** What a right is granted with; a right no cmdlet grants says so, so nobody assumes a script covered it. */
export function grantedBy(right: RightDefinition): string {
  if (!right.cmdlet) return "No Microsoft cmdlet grants it";
  return [right.cmdlet, right.permissionType ? `-PermissionType ${right.permissionType}` : ""].filter(Boolean).join(" ");
}

/** "Password writeback: Reset password (Descendant user objects)" */
export function rightLabel(right: RightDefinition): string {
  return `${featureLabel(right.feature)}: ${right.right} (${right.appliesTo})`;
}

/** The heading every export gives the plan-wide facts. */
export const PLAN_FACTS_HEADING = "The plan's choices, as Microsoft describes them";

/** Facts about the plan as a whole, under one topic: why the tool, each feature in effect, the servers. */
export interface FactGroup {
  topic: string;
  statements: readonly Fact[];
  disagreements: readonly Disagreement[];
}

/**
 * What the catalog says of the plan's choices, beside its accounts: the
 * requirements that led to the tool, each feature in effect (the sign-in
 * method's included) and what the sync servers must be.
 */
export function planFactGroups(plan: Plan): FactGroup[] {
  if (!hasToolAndEnvironment(plan)) return [];
  const groups: FactGroup[] = [];
  const context = conditionContext(plan);
  const requirements = DECISION_REQUIREMENTS.filter((requirement) => plan.decision.requirements.includes(requirement.id));
  if (requirements.length > 0) {
    groups.push({
      topic: `Why ${TOOL_LABELS[plan.tool]}`,
      statements: requirements.map((requirement) => ({
        text: `${requirement.question}: ${requirement.only === plan.tool ? "" : `only ${TOOL_LABELS[requirement.only]} meets this. `}${requirement.why}`,
        cite: requirement.cite,
      })),
      disagreements: disagreementsThatHold(
        requirements.flatMap((requirement) => requirement.disagreements ?? []),
        context,
      ),
    });
  }
  for (const id of effectiveFeatures(plan)) {
    const feature = FEATURES_BY_ID[id];
    groups.push({
      topic: feature.label,
      statements: [{ text: feature.description, cite: feature.cite }, ...featureNotes(feature, plan.tool)],
      disagreements: disagreementsThatHold(feature.disagreements, context),
    });
  }
  const servers = SERVER_REQUIREMENTS[plan.tool];
  groups.push({
    topic: plan.tool === "cloudSync" ? "Agent hosts" : "Sync servers",
    statements: servers.requirements,
    disagreements: disagreementsThatHold(servers.disagreements, context),
  });
  return groups;
}
