import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Node, Parser, Tree } from "web-tree-sitter";
import { installDay } from "@/lib/install-day/build";
import { planScriptFiles, planToPowerShell } from "@/lib/export/powershell";
import { psString } from "@/lib/export/powershell-literal";
import { planSchema, type Plan } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";
import { validPlans } from "../support/install-day-plans";
import { allNodes, commandsIn, errorNodes, evaluateStringExpression, isInside, partBlocks, powershellParser, statementsOf } from "../support/powershell-grammar";

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

// Parsing a script takes a while (the grammar is large): each text is parsed once.
const parsed = new Map<string, Tree>();
function parse(script: string): Tree {
  const known = parsed.get(script);
  if (known) return known;
  const tree = parser.parse(script);
  if (!tree) throw new Error("no tree");
  if (parsed.size > 40) parsed.clear();
  parsed.set(script, tree);
  return tree;
}

const EXAMPLES = ["cloud-sync-contoso.json", "connect-fabrikam-three-forests.json"] as const;

/** Commands that change Active Directory (reads are Get-*, Find-*, Test-*). */
const CHANGING = /^(New-AD|Set-AD|Add-AD|Remove-AD|Add-KdsRootKey$|dsacls(\.exe)?$|Set-AADCloudSync)/i;

/** The guard statements at the top of a part: ifs that test the place or the caller. */
function guardsOf(body: Node): Node[] {
  return statementsOf(body).filter(
    (statement) => statement.type === "if_statement" && /^\s*if \((\$PlanPlaceProblem|-not \(Test-PlanCaller )/.test(statement.text),
  );
}

function throwsOrExitsNonZero(branch: Node): boolean {
  return allNodes(branch).some((node) => node.type === "flow_control_statement" && (/^throw\b/.test(node.text) || /^exit\s+[1-9]/.test(node.text)));
}

function scriptsOf(plan: Plan): { name: string; text: string }[] {
  return planScriptFiles(plan).map((file) => ({ name: file.fileName, text: file.text }));
}

/** The structural promises of a rendered script: guards first, changes behind ShouldProcess, nothing changing outside a part. */
function expectGuardedScript(script: string): number {
  const tree = parse(script);
  expect(errorNodes(tree)).toEqual([]);
  const nodes = allNodes(tree.rootNode);
  const parts = partBlocks(tree).map((part) => ({
    ...part,
    guards: guardsOf(part.body),
    // The blocks of ifs and elseifs whose condition is $PSCmdlet.ShouldProcess(...).
    shouldProcess: nodes
      .filter((node) => (node.type === "if_statement" || node.type === "elseif_clause") && isInside(node, part.body))
      .filter((node) => /^\$PSCmdlet\.ShouldProcess\(/.test(node.children.find((child) => child?.type === "pipeline")?.text ?? ""))
      .map((node) => node.children.find((child) => child?.type === "statement_block")!),
  }));
  expect(parts.length).toBeGreaterThan(0);
  for (const part of parts) {
    expect(part.guards, `${part.id}: its two guards`).toHaveLength(2);
    for (const guard of part.guards) {
      const branch = guard.children.find((child) => child?.type === "statement_block")!;
      expect(throwsOrExitsNonZero(branch), `${part.id}: the guard's failing branch throws`).toBe(true);
    }
  }
  const changing = commandsIn(tree.rootNode).filter((command) => CHANGING.test(command.name));
  for (const command of changing) {
    const part = parts.find((candidate) => isInside(command.node, candidate.body));
    expect(part, `${command.name} outside any part`).toBeDefined();
    for (const guard of part!.guards) expect(guard.endIndex, `${command.name} in ${part!.id} comes after the guard`).toBeLessThan(command.node.startIndex);
    expect(
      part!.shouldProcess.some((block) => isInside(command.node, block)),
      `${command.name} in ${part!.id} is behind $PSCmdlet.ShouldProcess`,
    ).toBe(true);
  }
  return changing.length;
}

// Parsing is slow on a shared machine: these tests get a minute each.
describe("install-day PowerShell scripts", { timeout: 60_000 }, () => {
  it.each(EXAMPLES)("%s: every file parses, keeps -WhatIf and #Requires, and holds no password", (file) => {
    for (const { name, text } of scriptsOf(loadExample(file))) {
      expect(errorNodes(parse(text)), name).toEqual([]);
      expect(text).toContain("[CmdletBinding(SupportsShouldProcess = $true)]");
      expect(text).toContain("#Requires -RunAsAdministrator");
      expect(text).not.toMatch(/ConvertTo-SecureString|-AsPlainText/);
    }
  });

  it.each(EXAMPLES)("%s: every change comes after its part's guards, whose failing branch throws, and behind ShouldProcess", (file) => {
    for (const { text } of scriptsOf(loadExample(file))) expect(expectGuardedScript(text)).toBeGreaterThan(0);
  });

  it("generated plans: the same holds for every file of every plan (property)", () => {
    fc.assert(
      fc.property(validPlans, (plan) => {
        for (const { text } of scriptsOf(plan)) expectGuardedScript(text);
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it("three forests: each forest part checks its own forest and that forest's administrators", () => {
    const plan = loadExample("connect-fabrikam-three-forests.json");
    const tree = parse(planToPowerShell(plan));
    const byId = new Map(installDay(plan).parts.map((part) => [part.id, part]));
    for (const block of partBlocks(tree)) {
      const part = byId.get(block.id)!;
      if (part.where.kind !== "forestMachine") continue;
      const place = commandsIn(block.body).find((command) => command.name === "Test-PlanForest")!;
      expect(place.node.text).toBe(`Test-PlanForest '${part.where.forest}'`);
      const caller = commandsIn(guardsOf(block.body)[1]!).find((command) => command.name === "Test-PlanCaller")!;
      expect(caller.node.text).toContain(`'EnterpriseAdmins=${part.where.forest}'`);
      // No other forest is named in the part's grants.
      const others = plan.environment!.forests.map((forest) => forest.rootDomain).filter((root) => root !== (part.where.kind === "forestMachine" ? part.where.forest : ""));
      for (const command of commandsIn(block.body).filter((candidate) => /^Get-PlanMissingAce$/.test(candidate.name))) {
        for (const other of others) expect(command.node.text).not.toContain(`'${other}'`);
      }
    }
  });

  it("writes gMSA principals as the union of those there and the plan's hosts, never a replacement", () => {
    const script = planToPowerShell(loadExample("connect-fabrikam-three-forests.json"));
    const calls = commandsIn(parse(script).rootNode).filter((command) => command.name === "Set-ADServiceAccount");
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call.node.text).toMatch(/-PrincipalsAllowedToRetrieveManagedPassword @\(\$current \+ \$adding\)$/);
  });

  it("never back-dates a KDS root key, and stops Microsoft's cmdlets on their first error", () => {
    for (const file of EXAMPLES) {
      const commands = commandsIn(parse(planToPowerShell(loadExample(file))).rootNode);
      for (const kds of commands.filter((command) => command.name === "Add-KdsRootKey")) expect(kds.node.text).toBe("Add-KdsRootKey -EffectiveImmediately");
      for (const call of commands.filter((command) => /^(Set-ADSync|Set-AADCloudSync)/.test(command.name))) expect(call.node.text).toContain("-ErrorAction Stop");
    }
  });

  it("Cloud Sync with a custom gMSA: -PermissionType All per domain, then Set-AADCloudSyncRestrictedPermissions; with the default gMSA no membership change", () => {
    const plan = loadExample("cloud-sync-contoso.json");
    const defaultCommands = commandsIn(parse(planToPowerShell(plan)).rootNode).map((command) => command.name);
    expect(defaultCommands).not.toContain("Set-ADServiceAccount");
    expect(defaultCommands).not.toContain("New-ADServiceAccount");
    plan.environment!.cloudSync.gmsaMode = "custom";
    plan.accounts["cloudSyncGmsa@domain-contoso_com"]!.name = "gmsaAgent$";
    expect(planSchema.safeParse(plan).success).toBe(true);
    const commands = commandsIn(parse(planToPowerShell(plan)).rootNode);
    const grants = commands.filter((command) => command.name === "Set-AADCloudSyncPermissions").map((command) => command.node.text);
    const parameter = (text: string, name: string) => new RegExp(`-${name} '([^']*)'`).exec(text)?.[1];
    expect(grants.map((text) => parameter(text, "PermissionType"))).toEqual(["All", "All"]);
    expect(grants.map((text) => parameter(text, "TargetDomain"))).toEqual(["contoso.com", "emea.contoso.com"]);
    const order = commands.map((command) => command.name).filter((name) => /^(New-ADServiceAccount|Set-AADCloudSync)/.test(name));
    expect(order).toEqual(["New-ADServiceAccount", "Set-AADCloudSyncPermissions", "Set-AADCloudSyncPermissions", "Set-AADCloudSyncRestrictedPermissions"]);
  });

  it("asks for credentials in DOMAIN\\user form and refuses user@domain (the pattern the script itself holds)", () => {
    const tree = parse(planToPowerShell(loadExample("connect-fabrikam-three-forests.json")));
    const assignment = allNodes(tree.rootNode).find((node) => node.type === "assignment_expression" && node.text.startsWith("$PlanCredentialPattern ="))!;
    const pattern = new RegExp(evaluateStringExpression(assignment.children.find((child) => child?.type === "pipeline")!));
    for (const accepted of ["FABRIKAM\\admin", "fabrikam.com\\ea-fabrikam"]) expect(pattern.test(accepted), accepted).toBe(true);
    for (const refused of ["admin@fabrikam.com", "ea-fabrikam", "FABRIKAM\\admin@fabrikam.com", "FABRIKAM\\\\admin", "\\admin", "FABRIKAM/admin"]) expect(pattern.test(refused), refused).toBe(false);
    const checks = allNodes(tree.rootNode).filter((node) => node.type === "if_statement" && node.text.includes("-notmatch $PlanCredentialPattern"));
    expect(checks).toHaveLength(1);
    expect(throwsOrExitsNonZero(checks[0]!)).toBe(true);
  });

  it("renders drafts too: a plan with no tool, and one whose accounts are not filled in yet", () => {
    const empty = loadExample("cloud-sync-contoso.json");
    empty.tool = null;
    empty.environment = null;
    expect(planSchema.safeParse(empty).success).toBe(true);
    expect(errorNodes(parse(planToPowerShell(empty)))).toEqual([]);
    const draft = loadExample("connect-fabrikam-three-forests.json");
    draft.accounts = {};
    expect(planSchema.safeParse(draft).success).toBe(true);
    const day = installDay(draft);
    // What the plan does not name yet is a step that reports itself not done, rather than a guess.
    expect(day.parts.flatMap((part) => part.steps).filter((step) => step.kind === "planGap").length).toBeGreaterThan(0);
    for (const { text } of scriptsOf(draft)) expectGuardedScript(text);
  });

  it("writes non-ASCII values as [char] code points that add up to the value", () => {
    const value = "IBA\u00d1EZ Consulting \u00d2\u00c2\u0102 \u30ab\u30bf \u{1F600} '\u2018";
    const expression = psString(value);
    expect(expression).toMatch(/^[\x20-\x7e]+$/);
    const tree = parse(`$x = ${expression}`);
    expect(errorNodes(tree)).toEqual([]);
    const node = allNodes(tree.rootNode).find((candidate) => candidate.type === "parenthesized_expression")!;
    expect(evaluateStringExpression(node)).toBe(value);
  });

  it("keeps hostile values inside literals, in every field that reaches a script, and a renderer never throws on a plan the schema accepts (property)", () => {
    // A distinctive prefix makes each value findable in the script, whatever follows it.
    const marked = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((value) => `Qx${value}`);
    const hostile = marked(fc.stringMatching(/^[a-zA-Z0-9 '\u2018\u2019\u201A\u201B`$(){}#&!~%^\u00d1\u00d2\u00c2\u0102\u00e9\u00df\u30ab\u4e2d\u{1F600}-]{1,11}$/u));
    const text = marked(
      fc.string({ unit: fc.constantFrom(..."abc'\u2018\u2019\u201A\u201B\"\u201C\u201D`$(){};#<>|&@\u00d1\u00d2\u00c2\u0102\u30ab\u00e9\u4e2d\u200c\u200d".split("")), minLength: 1, maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, text, hostile, hostile, hostile, text, fc.boolean(), (organisation, preparer, connectorName, serviceGmsa, cloudGmsa, ou, cloud) => {
        const plan = loadExample(cloud ? "cloud-sync-contoso.json" : "connect-fabrikam-three-forests.json");
        plan.environment!.organisation.name = organisation;
        plan.environment!.organisation.preparer = preparer;
        const values = [organisation, preparer];
        if (cloud) {
          plan.environment!.cloudSync.gmsaMode = "custom";
          plan.accounts["cloudSyncGmsa@domain-contoso_com"]!.name = `${cloudGmsa.slice(0, 15)}$`;
          plan.environment!.forests[0]!.accountsOu = `OU=${ou},DC=contoso,DC=com`;
        } else {
          plan.accounts["connectAdDsConnector@forest-2"]!.name = connectorName;
          plan.accounts["connectAdSyncService@server-1"]!.name = `${serviceGmsa.slice(0, 15)}$`;
          plan.accounts["connectAdSyncService@server-2"]!.name = `${serviceGmsa.slice(0, 15)}$`;
          plan.environment!.forests[0]!.accountsOu = `OU=${ou},DC=fabrikam,DC=com`;
        }
        // Values the plan's own rules refuse never reach a script.
        fc.pre(planSchema.safeParse(plan).success);
        values.push(plan.environment!.forests[0]!.accountsOu);
        if (cloud) values.push(cloudGmsa.slice(0, 15));
        else values.push(connectorName, serviceGmsa.slice(0, 15));
        const files = scriptsOf(plan);
        for (const file of files) expect(file.text).toMatch(/^[\x09\x0a\x0d\x20-\x7e]*$/);
        // The script with every part holds every value the per-part files hold: it is the one parsed.
        for (const { text: script } of files.slice(0, 1)) {
          const tree = parse(script);
          expect(errorNodes(tree)).toEqual([]);
          // Comments cannot run: asciiComment keeps each on its line.
          const ranges = allNodes(tree.rootNode, (type) => type === "verbatim_string_characters" || type === "comment").map((node) => [node.startIndex, node.endIndex] as [number, number]);
          // Every place a value's first characters appear lies inside a single-quoted literal or a comment...
          for (let at = script.indexOf("Qx"); at !== -1; at = script.indexOf("Qx", at + 1)) {
            expect(
              ranges.some(([start, end]) => start < at && at < end),
              `"Qx" at offset ${at} is outside a string literal: ${script.slice(at - 40, at + 20)}`,
            ).toBe(true);
          }
          // ...and each value, where the script holds it, reads back exactly.
          const expressions = new Map(allNodes(tree.rootNode, (type) => type === "string_literal" || type === "parenthesized_expression").map((node) => [`${node.startIndex}:${node.endIndex}`, node]));
          for (const value of values) {
            const expression = psString(value);
            let found = 0;
            for (let at = script.indexOf(expression); at !== -1; at = script.indexOf(expression, at + 1)) {
              const whole = expressions.get(`${at}:${at + expression.length}`);
              expect(whole, `${expression} at ${at}`).toBeDefined();
              expect(evaluateStringExpression(whole!)).toBe(value);
              found += 1;
            }
            expect(found, `${value} is in the script`).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 60 },
    );
  }, 300_000);
});
