import { describe, expect, it } from "vitest";
import { ACCOUNTS, ACCOUNTS_BY_ID, SOURCES, citesMicrosoft, type AccountDefinition } from "@/lib/catalog";
import { installDayChecks } from "@/lib/graph/rules/install-day";
import type { PlanWithTool } from "@/lib/plan";
import { completePlan, connectSettings, loadExample, plan } from "../fixtures/plans";

const onPremises = (account: AccountDefinition) => account.directory !== "entra";

/** Plans that between them need every on-premises account the catalog has: the shipped examples, AD FS federation with a full SQL Server, a custom gMSA. */
const PLANS: Record<string, PlanWithTool> = {
  "the Cloud Sync example": loadExample("cloud-sync-contoso.json") as PlanWithTool,
  "the three-forest Connect example": loadExample("connect-fabrikam-three-forests.json") as PlanWithTool,
  "Connect with AD FS and a local SQL Server": completePlan(
    plan("connect", { signIn: { method: "federationAdfs", seamlessSso: false }, connect: connectSettings({ database: "localSql" }) }),
  ) as PlanWithTool,
  "Cloud Sync with a custom gMSA and seamless SSO": completePlan(
    plan("cloudSync", { signIn: { method: "passwordHashSync", seamlessSso: true }, cloudSync: { gmsaMode: "custom" } }),
  ) as PlanWithTool,
};

/** A sentence of the account's rules or security notes, which "What to do" must not merely repeat. */
function rulesOf(account: AccountDefinition): string[] {
  return [...account.constraints, ...account.securityNotes].map((statement) => statement.text);
}

describe("install-day to-dos for on-premises accounts", () => {
  it("gives every on-premises account of the catalog a check to do on install day, from Microsoft's pages", () => {
    const missing = ACCOUNTS.filter(onPremises).filter((account) => (account.installDayCheck ?? []).length === 0);
    expect(missing.map((account) => account.id)).toEqual([]);
    for (const account of ACCOUNTS.filter(onPremises)) {
      for (const step of account.installDayCheck!) {
        expect(citesMicrosoft(step.cite), `${account.id}: ${step.text}`).toBe(true);
        // The rule stays a rule: the check's sentence is not one of them.
        expect(rulesOf(account), account.id).not.toContain(step.text);
      }
    }
  });

  it("covers every on-premises account that asks something across the test plans", () => {
    const covered = new Set(Object.values(PLANS).flatMap((candidate) => installDayChecks(candidate).map((check) => check.account)));
    const expected = ACCOUNTS.filter((account) => onPremises(account) && !account.informational).map((account) => account.id);
    expect([...covered].sort()).toEqual([...expected].sort());
  });

  for (const [name, candidate] of Object.entries(PLANS)) {
    it(`says what to do for each on-premises account of ${name}, not which rule applies`, () => {
      const checks = installDayChecks(candidate);
      expect(checks.length).toBeGreaterThan(0);
      for (const check of checks) {
        const account = ACCOUNTS_BY_ID[check.account as keyof typeof ACCOUNTS_BY_ID];
        const steps = account.installDayCheck!;
        expect(check.status).toBe("unknown");
        // Every step of the account's check is there, and no rule of the account stands in for it.
        for (const step of steps) expect(check.remediation, check.id).toContain(step.text);
        for (const rule of rulesOf(account)) expect(check.remediation, check.id).not.toContain(rule);
        // The link opens the page that documents the first step.
        expect(check.docUrl).toBe(SOURCES[steps[0]!.cite.source].url);
        expect(check.remediation!.length).toBeLessThanOrEqual(2000);
      }
    });
  }
});
