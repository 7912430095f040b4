import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { planToPowerShell } from "@/lib/export/powershell";
import { psLiteral, psValue, ScriptValueError } from "@/lib/export/powershell-literal";
import { planSchema } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";
import { errorNodes, literalRanges, powershellParser } from "../support/powershell-grammar";

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

function parse(script: string) {
  const tree = parser.parse(script);
  if (!tree) throw new Error("no tree");
  return tree;
}

/** Every place the value's literal form appears lies inside a single-quoted string literal. */
function expectOnlyInLiterals(script: string, ranges: [number, number][], value: string) {
  const needle = psLiteral(value).slice(1, -1);
  let from = 0;
  let found = 0;
  for (;;) {
    const at = script.indexOf(needle, from);
    if (at === -1) break;
    found += 1;
    expect(
      ranges.some(([start, end]) => start < at && at + needle.length < end),
      `"${value}" at offset ${at} is outside a string literal`,
    ).toBe(true);
    from = at + 1;
  }
  expect(found, `"${value}" should be in the script`).toBeGreaterThan(0);
}

describe("install-day PowerShell scripts", () => {
  it.each(["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"])("%s: parses without errors and supports -WhatIf", (file) => {
    const script = planToPowerShell(loadExample(file));
    expect(errorNodes(parse(script))).toEqual([]);
    expect(script).toContain("#Requires -RunAsAdministrator");
    expect(script).toContain("[CmdletBinding(SupportsShouldProcess)]");
    expect(script).toMatch(/learn\.microsoft\.com/);
    expect(script).not.toMatch(/ConvertTo-SecureString|-AsPlainText/);
  });

  it("Cloud Sync: checks the KDS root key and the gMSA for the agent hosts, then sets each feature's permission type and hardens", () => {
    const script = planToPowerShell(loadExample("cloud-sync-contoso.json"));
    expect(script).toContain("Get-KdsRootKey");
    expect(script).toContain("$GmsaName = 'provAgentgMSA'");
    expect(script).toContain("$GmsaHosts = @('AGENT01$', 'AGENT02$', 'AGENT03$')");
    expect(script).toContain("$PermissionTypes = @('BasicRead', 'PasswordHashSync', 'PasswordWriteBack', 'HybridExchangePermissions', 'UserGroupCreateDelete')");
    expect(script).toContain("Set-AADCloudSyncRestrictedPermissions -Credential $EnterpriseAdmin");
    // The default gMSA is the wizard's to create; a custom one is created here.
    expect(script).not.toContain("New-ADServiceAccount");
    const custom = loadExample("cloud-sync-contoso.json");
    custom.environment!.cloudSync.gmsaMode = "custom";
    custom.accounts.cloudSyncGmsa!.name = "gmsaAgent$";
    expect(planSchema.safeParse(custom).success).toBe(true);
    expect(planToPowerShell(custom)).toContain("New-ADServiceAccount -Name $GmsaName");
  });

  it("Connect: creates pre-created connector accounts with a password read at run time, and grants each feature's rights per forest", () => {
    const script = planToPowerShell(loadExample("connect-fabrikam-three-forests.json"));
    expect(script).toContain("$Connector1 = [pscustomobject]@{ Forest = 'fabrikam.com'; Name = 'svc-aadc-fab'; Domain = 'fabrikam.com' }");
    expect(script.match(/Read-Host -AsSecureString/g)).toHaveLength(2);
    expect(script.match(/Set-ADSyncPasswordWritebackPermissions -ADConnectorAccountName/g)).toHaveLength(3);
    expect(script).toContain("Set-ADSyncRestrictedPermissions -ADConnectorAccountDN $connectorDn");
    expect(script).not.toContain("Set-ADSyncUnifiedGroupWritebackPermissions");
    expect(script).toContain("$ServiceGmsa1Hosts = @('SYNC01$', 'SYNC02$')");
  });

  it("doubles every kind of single quote PowerShell ends a string on", () => {
    expect(psLiteral("O'Brien")).toBe("'O''Brien'");
    expect(psLiteral("\u2018a\u2019b\u201Ac\u201Bd")).toBe("'\u2018\u2018a\u2019\u2019b\u201A\u201Ac\u201B\u201Bd'");
    expect(psLiteral("$(Remove-Item C:\\ -Recurse); `n")).toBe("'$(Remove-Item C:\\ -Recurse); `n'");
  });

  it("writes a script that stops at once, without the value, for a value that is not what its field must be", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    plan.accounts["connectAdDsConnector@forest-1"]!.name = "bad;name";
    const script = planToPowerShell(plan);
    expect(script.split("\r\n").filter((line) => line && !line.startsWith("#"))).toEqual([
      "throw 'The plan is not finished: a sAMAccountName is missing or not valid. Finish the account steps in the planner, then export the script again.'",
    ]);
    expect(script).not.toContain("bad;name");
    expect(() => psValue.samAccountName("bad;name")).toThrow(ScriptValueError);
  });

  it("stops rather than fails for a Cloud Sync plan with a custom gMSA not named yet", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    plan.environment!.cloudSync.gmsaMode = "custom";
    delete plan.accounts.cloudSyncGmsa;
    expect(planToPowerShell(plan)).toContain("throw 'The plan is not finished: a gMSA name is missing or not valid.");
  });

  it("keeps hostile values inside string literals, in every field that reaches a script (property)", () => {
    // A distinctive prefix makes each value findable in the script, whatever follows it.
    const marked = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => `Qx${value}`);
    const hostile = marked(fc.stringMatching(/^[a-zA-Z0-9 '\u2018\u2019\u201A\u201B`$(){}#&!~%^\u00e9\u00df\u4e2d\u{1F600}-]{1,11}$/u));
    const text = marked(fc.string({ unit: fc.constantFrom(..."abc'\u2018\u2019\u201A\u201B\"\u201C\u201D`$(){};#\n\r\t|&<>@\u00e9\u4e2d".split("")), minLength: 1, maxLength: 40 }));
    fc.assert(
      fc.property(text, text, hostile, hostile, hostile, fc.boolean(), (organisation, preparer, connectorName, serviceGmsa, cloudGmsa, cloud) => {
        const plan = loadExample(cloud ? "cloud-sync-contoso.json" : "connect-fabrikam-three-forests.json");
        plan.environment!.organisation.name = organisation;
        plan.environment!.organisation.preparer = preparer;
        const values = [organisation, preparer];
        if (cloud) {
          plan.environment!.cloudSync.gmsaMode = "custom";
          plan.accounts.cloudSyncGmsa!.name = `${cloudGmsa.slice(0, 15)}$`;
        } else {
          plan.accounts["connectAdDsConnector@forest-2"]!.name = connectorName;
          plan.accounts["connectAdSyncService@server-1"]!.name = `${serviceGmsa.slice(0, 15)}$`;
          plan.accounts["connectAdSyncService@server-2"]!.name = `${serviceGmsa.slice(0, 15)}$`;
        }
        // Values the plan's own rules refuse never reach a script.
        fc.pre(planSchema.safeParse(plan).success);
        if (cloud) values.push(cloudGmsa.slice(0, 15));
        else values.push(connectorName, serviceGmsa.slice(0, 15));
        const script = planToPowerShell(plan);
        const tree = parse(script);
        expect(errorNodes(tree)).toEqual([]);
        const ranges = literalRanges(tree);
        for (const value of values) expectOnlyInLiterals(script, ranges, value);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
