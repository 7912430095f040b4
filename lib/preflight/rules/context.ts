import { SOURCES, type Fact } from "@/lib/catalog";
import { PREFLIGHT_RULES, type PreflightRuleFacts, type PreflightRuleId } from "@/lib/catalog/preflight-rules";
import type { PlanWithTool, RequiredAccount } from "@/lib/plan";
import type { UnreadableAbout } from "@/lib/preflight/facts-schema";
import type { CheckResult, CheckStatus } from "@/lib/validation/schema";

/** What every rule reads besides its facts: the plan, its accounts, and which forest or server the file is for. */
export interface RuleContext {
  plan: PlanWithTool;
  accounts: readonly RequiredAccount[];
  /** The plan's forest or server id the file was collected for. */
  ownerId: string;
  /** Appended to every detail: when and where the facts were collected. */
  collected: string;
  /** What the collector could not read, by its `about` key, with its message. */
  unreadable: ReadonlyMap<string, string>;
}

/** The first of the facts a rule reads that the collector could not read, as a sentence; undefined when all were read. */
export function couldNotRead(context: RuleContext, ...about: UnreadableAbout[]): string | undefined {
  const key = about.find((candidate) => context.unreadable.has(candidate));
  return key === undefined ? undefined : `Could not read ${context.unreadable.get(key)}.`;
}

export interface Finding {
  rule: PreflightRuleId;
  /** The plan account the finding is about; its result is listed under that account. */
  account: RequiredAccount;
  status: CheckStatus;
  /** What was found, in a sentence or two. */
  detail: string;
  /** What to do; by default the rule's first statement. */
  remediation?: string;
  /** Told apart when one rule gives several findings for one account (a domain's name). */
  part?: string;
  /** The statement the finding applies, when it is not the rule's first. */
  fact?: Fact;
}

const kebab = (id: string) => id.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** A finding as a check result, in the same model as the tenant's checks (fingerprinted by the judge). */
export function toResult(context: RuleContext, finding: Finding): CheckResult {
  const rule = PREFLIGHT_RULES[finding.rule];
  const fact: Fact | undefined = finding.fact ?? rule.facts[0];
  // A report (not a Microsoft page) has no address: the result then links nowhere rather than to a wrong page.
  const docUrl = SOURCES[fact?.cite.source ?? finding.account.definition.sources[0]!].url;
  const part = finding.part ? `:${finding.part}` : "";
  return {
    id: `preflight-${kebab(finding.rule)}:${context.ownerId}:${finding.account.key}${part}`.slice(0, 200),
    account: finding.account.definition.id,
    accountKey: finding.account.key,
    status: finding.status,
    title: `${finding.account.label}: ${rule.title}${finding.part ? ` (${finding.part})` : ""}`.slice(0, 500),
    detail: `${finding.detail} ${context.collected}`.slice(0, 2000),
    ...((finding.remediation ?? (finding.status === "pass" ? undefined : fact?.text)) ? { remediation: (finding.remediation ?? fact!.text).slice(0, 2000) } : {}),
    ...(docUrl ? { docUrl } : {}),
  };
}

const RULE_BY_KEBAB = new Map((Object.keys(PREFLIGHT_RULES) as PreflightRuleId[]).map((rule) => [kebab(rule), rule]));

/** Whether a pre-flight result answers its account's install-day to-do: its rule judges the requirement the to-do states. */
export function answersTodo(result: Pick<CheckResult, "id" | "account">): boolean {
  const match = /^preflight-([a-z0-9-]+):/.exec(result.id);
  const rule = match ? RULE_BY_KEBAB.get(match[1]!) : undefined;
  const answers: readonly string[] = (rule && (PREFLIGHT_RULES[rule] as PreflightRuleFacts).answers) || [];
  return !!result.account && answers.includes(result.account);
}

export const sameName = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && a.replace(/\$$/, "").toLowerCase() === b.replace(/\$$/, "").toLowerCase();
