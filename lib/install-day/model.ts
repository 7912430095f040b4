import type { Citation, Fact, Tool } from "@/lib/catalog";
import type { AceSpec, DsaclsGrantFact } from "@/lib/catalog/install-day";

/**
 * Install day as data: parts, each a list of typed steps, with who runs the
 * part, where, and when. One renderer turns it into PowerShell
 * (lib/export/powershell.ts); the worksheet and the runbook read the same
 * parts; tests run it against an in-memory directory.
 */

/** A group whose SID a part looks for in the caller's Windows token. */
export type AdminGroup =
  /** Enterprise Admins of the forest named by its root domain. */
  | { kind: "enterpriseAdmins"; forest: string }
  | { kind: "domainAdmins"; domain: string }
  /** The built-in Administrators group of the computer the part runs on. */
  | { kind: "administrators"; computer: string };

/** Who may run a part or a step: a member of every group of at least one alternative. */
export interface Who {
  anyOf: readonly (readonly AdminGroup[])[];
}

/** Where a part runs, checked before it changes anything. */
export type Where =
  /** A machine whose `Get-ADForest` is this forest (the forest ADSyncConfig and dsacls then act in). */
  | { kind: "forestMachine"; forest: string }
  /** One of these computers, joined to this domain. */
  | { kind: "server"; role: "connectServer" | "agentHost"; computers: readonly string[]; domain: string; forest: string };

/** Before or after the tool's own wizard (the Connect wizard, or the provisioning agent's). */
export type When = "beforeWizard" | "afterWizard";

/** An Active Directory account a step acts on. */
export type AccountRef =
  /** Named in the plan: a sAMAccountName (without the trailing $ of a gMSA) in a domain. */
  | { kind: "named"; name: string; domain: string; gmsa: boolean }
  /** Named by an installer or wizard: found on the day (the connector the Connect wizard created, the agent's default gMSA). */
  | { kind: "generated"; how: "connectWizardConnector" | "cloudSyncDefaultGmsa"; forest: string; domains: readonly string[]; planned?: string };

/** An entry a step looks for and reports when missing, without stopping: why it may be missing. */
export interface AdvisoryAce {
  ace: AceSpec;
  why: string;
}

export interface HostRef {
  computer: string;
  domain: string;
}

interface StepBase {
  /** Short and unique within the part. */
  title: string;
  /** What the step changes, in words. */
  changes: string;
  /** How the step checks, before and after. */
  verifies: string;
  cites: readonly Citation[];
}

/** Makes sure the forest has a KDS root key domain controllers already use; a new key ends the run. */
export interface KdsRootKeyStep extends StepBase {
  kind: "kdsRootKey";
  forest: string;
  /** Who may create a missing key (checked again before creating it). */
  mayCreate: Who;
  waitHours: number;
}

/** Creates a gMSA, or adds hosts to those allowed to retrieve its password: never removes one. */
export interface GmsaStep extends StepBase {
  kind: "gmsa";
  account: Extract<AccountRef, { kind: "named" }>;
  hosts: readonly HostRef[];
  /** The OU to create it in; empty for the domain's default container. */
  path: string;
}

/** Creates an ordinary user (a pre-created connector) when it does not exist, with a password typed at run time. */
export interface UserStep extends StepBase {
  kind: "user";
  account: Extract<AccountRef, { kind: "named" }>;
  path: string;
}

/** One ADSyncConfig cmdlet, run in this forest, checked by the entries it writes on every domain root. */
export interface AdSyncConfigGrantStep extends StepBase {
  kind: "adSyncConfigGrant";
  cmdlet: string;
  account: AccountRef;
  domains: readonly string[];
  aces: readonly AceSpec[];
  /** Entries one Microsoft page says the cmdlet writes and its reference does not: reported, not required. */
  advisory: readonly AdvisoryAce[];
}

/** Rights no cmdlet grants, added with dsacls on every domain root. */
export interface DsaclsGrantStep extends StepBase {
  kind: "dsaclsGrant";
  account: AccountRef;
  domains: readonly string[];
  grants: readonly DsaclsGrantFact[];
}

/** Set-AADCloudSyncPermissions for one domain, checked by the entries it writes on that domain's root. */
export interface CloudSyncGrantStep extends StepBase {
  kind: "cloudSyncGrant";
  permissionType: string;
  account: AccountRef;
  targetDomain: string;
  /** The forest the gMSA's agents sync, and its domains: a credential from elsewhere is refused. */
  forest: string;
  forestDomains: readonly string[];
  aces: readonly AceSpec[];
  /** Entries written only in some forests: reported, not required. */
  advisory: readonly AdvisoryAce[];
}

/** Hardens the AD DS Connector account (Set-ADSyncRestrictedPermissions) with a credential of its forest. */
export interface RestrictConnectorStep extends StepBase {
  kind: "restrictConnector";
  account: AccountRef;
  forest: string;
  domains: readonly string[];
}

/** Hardens the agent's gMSA (Set-AADCloudSyncRestrictedPermissions). */
export interface RestrictGmsaStep extends StepBase {
  kind: "restrictGmsa";
  account: AccountRef;
  domain: string;
  forestDomains: readonly string[];
}

/** Something the operator must do by hand; the step changes nothing and says so. */
export interface ReminderStep extends StepBase {
  kind: "reminder";
}

/** Something the plan does not say yet (a name left empty): the part reports it as not done. */
export interface PlanGapStep extends StepBase {
  kind: "planGap";
}

export type Step =
  | KdsRootKeyStep
  | GmsaStep
  | UserStep
  | AdSyncConfigGrantStep
  | DsaclsGrantStep
  | CloudSyncGrantStep
  | RestrictConnectorStep
  | RestrictGmsaStep
  | ReminderStep
  | PlanGapStep;

/** Steps that change the directory. */
export type ChangingStep = Exclude<Step, ReminderStep | PlanGapStep>;

export interface Part {
  /** Letters, digits and hyphens: the value of the script's -Part and the name of its file. */
  id: string;
  title: string;
  tool: Tool;
  when: When;
  who: Who;
  where: Where;
  /** The modules the part loads before its steps (each found or the part stops before changing anything). */
  modules: readonly ("activeDirectory" | "adSyncConfig" | "cloudSync")[];
  /** What must be in place before the part runs, in words. */
  before: readonly Fact[];
  steps: readonly Step[];
}

/** The manual work between parts: the wizard the operator runs. */
export interface WizardMilestone {
  title: string;
  who: string;
}

export interface InstallDay {
  tool: Tool | null;
  /** In run order; parts with `when: "afterWizard"` come after `wizard`. */
  parts: readonly Part[];
  wizard?: WizardMilestone;
}
