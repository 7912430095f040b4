import { ACCOUNT_TYPE_LABELS, CREATOR_LABELS, FEATURES_BY_ID, type Citation, type Disagreement, type RightDefinition } from "@/lib/catalog";
import type { RequiredAccount } from "@/lib/plan";

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
    const recommended = option.recommended ? `; recommended: ${ACCOUNT_TYPE_LABELS[option.recommended]}` : "";
    statements.push({ kind: "Kind of account", text: `${option.why} Allowed: ${allowed}; default: ${ACCOUNT_TYPE_LABELS[option.default]}${recommended}.`, cite: option.cite });
  }
  statements.push(...definition.constraints.map((fact) => ({ kind: "Rule" as const, ...fact })));
  statements.push(...definition.securityNotes.map((fact) => ({ kind: "Security" as const, ...fact })));
  return statements;
}

export function accountDisagreements(account: RequiredAccount): readonly Disagreement[] {
  return account.definition.disagreements ?? [];
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
