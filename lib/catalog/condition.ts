import type {
  ConnectorProvisioning,
  Database,
  EntraAuthMode,
  FeatureId,
  GmsaMode,
  InstallType,
  ServerRole,
  SignInMethod,
  SourceAnchor,
  Tool,
} from "./vocabulary";

/**
 * When an account (or a right) applies, written as data so the catalog can be
 * read, tested and explained without running code. Every key given must hold;
 * list-valued keys hold when the plan's value is one of them, `anyFeature`
 * when at least one of those features is chosen, `anyOf` when at least one of
 * its conditions holds. `{}` always holds.
 */
export interface Condition {
  tool?: Tool;
  installType?: readonly InstallType[];
  database?: readonly Database[];
  anyFeature?: readonly FeatureId[];
  signIn?: readonly SignInMethod[];
  sourceAnchor?: readonly SourceAnchor[];
  entraAuth?: readonly EntraAuthMode[];
  gmsaMode?: readonly GmsaMode[];
  authenticatingProxy?: boolean;
  /** For server-scoped accounts: the role of the server the entry belongs to. */
  serverRole?: readonly ServerRole[];
  /** For forest-scoped accounts: how that forest's AD DS Connector account is created. */
  connectorProvisioning?: readonly ConnectorProvisioning[];
  /** For forest-scoped accounts: whether this forest is the plan's device writeback forest. */
  deviceWritebackForest?: boolean;
  /** For forest-scoped rights: whether Exchange is in this forest (every forest when the plan names none). */
  exchangeForest?: boolean;
  anyOf?: readonly Condition[];
}

/** The facts of a plan a condition is tested against. */
export interface ConditionContext {
  tool: Tool;
  installType: InstallType;
  database: Database;
  features: ReadonlySet<FeatureId>;
  signIn: SignInMethod;
  sourceAnchor: SourceAnchor;
  entraAuth: EntraAuthMode;
  gmsaMode: GmsaMode;
  authenticatingProxy: boolean;
  serverRole?: ServerRole;
  connectorProvisioning?: ConnectorProvisioning | "";
  deviceWritebackForest?: boolean;
  exchangeForest?: boolean;
}

function listHolds<T>(allowed: readonly T[] | undefined, value: T | undefined): boolean {
  return allowed === undefined || (value !== undefined && allowed.includes(value));
}

function flagHolds(wanted: boolean | undefined, value: boolean | undefined): boolean {
  return wanted === undefined || wanted === (value ?? false);
}

export function conditionHolds(condition: Condition, context: ConditionContext): boolean {
  if (condition.tool && condition.tool !== context.tool) return false;
  if (!listHolds(condition.installType, context.installType)) return false;
  if (!listHolds(condition.database, context.database)) return false;
  if (!listHolds(condition.signIn, context.signIn)) return false;
  if (!listHolds(condition.sourceAnchor, context.sourceAnchor)) return false;
  if (!listHolds(condition.entraAuth, context.entraAuth)) return false;
  if (!listHolds(condition.gmsaMode, context.gmsaMode)) return false;
  if (!listHolds(condition.serverRole, context.serverRole)) return false;
  if (!listHolds(condition.connectorProvisioning, context.connectorProvisioning || undefined)) return false;
  if (!flagHolds(condition.authenticatingProxy, context.authenticatingProxy)) return false;
  if (!flagHolds(condition.deviceWritebackForest, context.deviceWritebackForest)) return false;
  if (!flagHolds(condition.exchangeForest, context.exchangeForest)) return false;
  if (condition.anyFeature && !condition.anyFeature.some((feature) => context.features.has(feature))) return false;
  if (condition.anyOf && !condition.anyOf.some((alternative) => conditionHolds(alternative, context))) return false;
  return true;
}
