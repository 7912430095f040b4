import type { Database, EntraAuthMode, FeatureId, GmsaMode, InstallType, ServerRole, Tool } from "./vocabulary";

/**
 * When an account (or a right) applies, written as data so the catalog can be
 * read, tested and explained without running code. Every key given must hold;
 * list-valued keys hold when the plan's value is one of them, `anyFeature`
 * when at least one of those features is chosen. `{}` always holds.
 */
export interface Condition {
  tool?: Tool;
  installType?: readonly InstallType[];
  database?: readonly Database[];
  anyFeature?: readonly FeatureId[];
  entraAuth?: readonly EntraAuthMode[];
  gmsaMode?: readonly GmsaMode[];
  /** For server-scoped accounts: the role of the server the entry belongs to. */
  serverRole?: readonly ServerRole[];
}

/** The facts of a plan a condition is tested against. */
export interface ConditionContext {
  tool: Tool;
  installType: InstallType;
  database: Database;
  features: ReadonlySet<FeatureId>;
  entraAuth: EntraAuthMode;
  gmsaMode: GmsaMode;
  serverRole?: ServerRole;
}

export function conditionHolds(condition: Condition, context: ConditionContext): boolean {
  if (condition.tool && condition.tool !== context.tool) return false;
  if (condition.installType && !condition.installType.includes(context.installType)) return false;
  if (condition.database && !condition.database.includes(context.database)) return false;
  if (condition.entraAuth && !condition.entraAuth.includes(context.entraAuth)) return false;
  if (condition.gmsaMode && !condition.gmsaMode.includes(context.gmsaMode)) return false;
  if (condition.serverRole && (!context.serverRole || !condition.serverRole.includes(context.serverRole))) return false;
  if (condition.anyFeature && !condition.anyFeature.some((feature) => context.features.has(feature))) return false;
  return true;
}
