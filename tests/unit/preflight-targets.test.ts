import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { installDay } from "@/lib/install-day/build";
import { forestOfDomain, type Plan } from "@/lib/plan";
import { collectorFiles } from "@/lib/preflight/collector";
import { preflightTargets, type ForestTarget } from "@/lib/preflight/targets";
import { loadExample } from "../fixtures/plans";
import { validPlans } from "../support/install-day-plans";

const forestsOf = (plan: Plan) => preflightTargets(plan).filter((target): target is ForestTarget => target.scope === "forest");

describe("what each collector looks at", () => {
  it("an account the wizard or installer creates is marked so (reported as not created yet); one an admin creates or already has is not", () => {
    const [fabrikam, , wingtip] = forestsOf(loadExample("connect-fabrikam-three-forests.json"));
    const byKey = (target: ForestTarget, key: string) => target.accounts.find((account) => account.accountKey === key);
    expect(byKey(fabrikam!, "connectAdDsConnector@forest-1")).toMatchObject({ name: "svc-aadc-fab", objectKind: "user", createdBy: "plan" });
    expect(byKey(fabrikam!, "connectAdSyncService@server-1")).toMatchObject({ name: "gmsaADSync$", objectKind: "gmsa", createdBy: "plan" });
    expect(byKey(fabrikam!, "seamlessSsoComputer@forest-1")).toMatchObject({ name: "AZUREADSSOACC$", objectKind: "computer", createdBy: "wizard" });
    // Created and named by the Connect wizard: looked for by its MSOL_ prefix in the ACLs, not by a name.
    expect(byKey(wingtip!, "connectAdDsConnector@forest-3")).toMatchObject({ name: "", createdBy: "wizard" });
    expect(wingtip!.trustees).toEqual([{ plannedAccount: "MSOL_", match: "prefix" }]);
    const [contoso] = forestsOf(loadExample("cloud-sync-contoso.json"));
    expect(contoso!.accounts.find((account) => account.objectKind === "gmsa")).toMatchObject({ name: "provAgentgMSA$", createdBy: "wizard" });
  });

  it("follows the install-day parts: every gMSA host and every account that gets rights, in its forest (property)", () => {
    fc.assert(
      fc.property(validPlans, (plan) => {
        const targets = preflightTargets(plan);
        const forests = targets.filter((target): target is ForestTarget => target.scope === "forest");
        expect(forests.map((target) => target.rootDomain)).toEqual(plan.environment!.forests.map((forest) => forest.rootDomain.toLowerCase()));
        expect(targets.filter((target) => target.scope === "server").map((target) => target.scope === "server" && target.computer)).toEqual(plan.environment!.servers.map((server) => server.name));
        expect(new Set(targets.map((target) => target.id)).size).toBe(targets.length);
        const forestOf = (domain: string) => forests.find((target) => target.rootDomain === forestOfDomain(plan.environment!, domain)?.rootDomain.toLowerCase());
        for (const step of installDay(plan).parts.flatMap((part) => part.steps)) {
          if (step.kind === "gmsa") {
            const target = forestOf(step.account.domain)!;
            for (const host of step.hosts) expect(target.computers.map((computer) => computer.name)).toContain(host.computer);
            expect(target.accounts.some((account) => account.name.toLowerCase() === `${step.account.name}$`.toLowerCase() && account.objectKind === "gmsa")).toBe(true);
          }
          if ((step.kind === "adSyncConfigGrant" || step.kind === "dsaclsGrant" || step.kind === "cloudSyncGrant") && step.account.kind === "named") {
            const target = forestOf(step.account.domain)!;
            expect(target.trustees.map((trustee) => trustee.plannedAccount.toLowerCase())).toContain((step.account.gmsa ? `${step.account.name}$` : step.account.name).toLowerCase());
          }
          if (step.kind === "user") expect(forestOf(step.account.domain)!.accounts.some((account) => account.name === step.account.name && account.createdBy === "plan")).toBe(true);
        }
        // Every collector renders to safe bytes.
        for (const file of collectorFiles(plan)) expect(file.bytes.slice(3).every((byte) => byte < 0x80)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
