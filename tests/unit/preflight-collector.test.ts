import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser, Tree } from "web-tree-sitter";
import { renderExport } from "@/lib/export/formats";
import { collectorFiles, renderCollector } from "@/lib/preflight/collector";
import { COLLECTOR_COMMANDS, COLLECTOR_METHODS, COLLECTOR_PROPERTIES, COLLECTOR_REGISTRY_VALUES } from "@/lib/preflight/collector-references";
import { UNREADABLE_FACTS, UNREADABLE_KINDS } from "@/lib/preflight/facts-schema";
import { preflightJsonSchema } from "@/lib/preflight/json-schema";
import { preflightTargets } from "@/lib/preflight/targets";
import { loadExample } from "../fixtures/plans";
import { CollectorTree, hashEntries, SCALAR_HELPERS, schemaPaths, valuePaths } from "../support/preflight-ast";
import { allNodes, commandsIn, errorNodes, powershellParser } from "../support/powershell-grammar";

let parser: Parser;
beforeAll(async () => {
  parser = await powershellParser();
});

const PLANS = { connect: loadExample("connect-fabrikam-three-forests.json"), cloudSync: loadExample("cloud-sync-contoso.json") };
// Every Connect collector, and one of each kind for Cloud Sync (its agent hosts' scripts differ only in the name).
const FILES = [...collectorFiles(PLANS.connect), ...collectorFiles(PLANS.cloudSync).slice(0, 2)];

const parsed = new Map<string, Tree>();
function parse(text: string): Tree {
  const known = parsed.get(text);
  if (known) return known;
  const tree = parser.parse(text);
  if (!tree) throw new Error("no tree");
  parsed.set(text, tree);
  return tree;
}

/** The closed list of commands a collector may run: exact names, read-only cmdlets and the script's own helpers. */
const ALLOWED_COMMANDS = [
  "Get-ADForest",
  "Get-ADRootDSE",
  "Get-ADObject",
  "Get-ADDomain",
  "Get-ADDomainController",
  "Get-ADServiceAccount",
  "Get-KdsRootKey",
  "Get-ItemPropertyValue",
  "Get-Service",
  "Get-LocalGroupMember",
  "Get-ExecutionPolicy",
  "Get-Date",
  "ConvertTo-Json",
  "Out-File",
  "Write-Host",
  "Join-Path",
  ...SCALAR_HELPERS,
  "Add-PreflightUnreadable",
  "Get-PreflightAce",
];

/** The closed list of methods: each reads and returns a value. */
const ALLOWED_METHODS = ["GetAccessRules", "ToUniversalTime", "ToString", "ContainsKey"];

const DENIED = [/KeyValue/i, /msKds-RootKeyData/i, /msDS-ManagedPassword/i, /unicodePwd/i, /ms-Mcs-AdmPwd/i, /msLAPS-/i];

function commandProblems(text: string): string[] {
  const tree = parse(text);
  const problems: string[] = [];
  for (const { name } of commandsIn(tree.rootNode)) if (!ALLOWED_COMMANDS.includes(name)) problems.push(`command ${name}`);
  for (const node of allNodes(tree.rootNode, (type) => type === "command_invokation_operator")) problems.push(`invocation operator ${node.text}`);
  for (const node of allNodes(tree.rootNode, (type) => type === "script_block_expression")) problems.push(`script block ${node.text.slice(0, 40)}`);
  for (const node of allNodes(tree.rootNode, (type) => type === "invokation_expression")) {
    const method = node.namedChildren.filter((child) => child?.type === "member_name").at(-1)?.text ?? node.text;
    if (!ALLOWED_METHODS.includes(method)) problems.push(`method ${method}`);
  }
  return problems;
}

function outputProblems(text: string): string[] {
  const collector = new CollectorTree(parse(text));
  const problems = collector.paths().opaque;
  const { count } = collector.jsonInput();
  if (count !== 1) problems.push(`${count} ConvertTo-Json calls`);
  // Every object the script builds reaches the file: none is a stray output.
  const reachable = new Set<number>();
  const { input } = collector.jsonInput();
  const walk = (nodes: ReturnType<CollectorTree["resolve"]>["objects"]) => {
    for (const node of nodes) {
      if (reachable.has(node.id)) continue;
      reachable.add(node.id);
      for (const { value } of hashEntries(node)) walk(collector.resolve(value).objects);
    }
  };
  if (input) walk(collector.resolve(input).objects);
  for (const object of collector.objects()) if (!reachable.has(object.id)) problems.push(`an object not written: ${object.text.slice(0, 60)}`);
  return problems;
}

const SCHEMA_PATHS = schemaPaths(preflightJsonSchema() as Record<string, unknown>);

// Parsing is the slow part (the grammar is large); on a loaded machine a test may take longer than the default.
describe("pre-flight collectors", { timeout: 60_000 }, () => {
  it("there is one per forest and one per sync server", () => {
    expect(collectorFiles(PLANS.connect).map((file) => file.fileName)).toEqual([
      "preflight-forest-fabrikam-com.ps1",
      "preflight-forest-tailspintoys-com.ps1",
      "preflight-forest-wingtiptoys-com.ps1",
      "preflight-server-sync01.ps1",
      "preflight-server-sync02.ps1",
    ]);
    expect(collectorFiles(PLANS.cloudSync).map((file) => file.target.scope)).toEqual(["forest", "server", "server", "server"]);
  });

  it.each(FILES.map((file) => file.fileName))("%s parses, starts with a byte order mark and is ASCII after it", (name) => {
    const file = FILES.find((candidate) => candidate.fileName === name)!;
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(file.bytes.slice(3).every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte <= 0x7e))).toBe(true);
    expect(errorNodes(parse(file.text))).toEqual([]);
  });

  it.each(FILES.map((file) => file.fileName))("%s runs only listed commands and read-only methods, with no dynamic invocation", (name) => {
    const file = FILES.find((candidate) => candidate.fileName === name)!;
    expect(commandProblems(file.text)).toEqual([]);
  });

  it("the command check fails on a native program, Invoke-Expression, & on a string, a script block from text and a changing method", () => {
    const bad = [
      "dsacls.exe 'DC=fabrikam,DC=com'",
      "Invoke-Expression 'Get-ADForest'",
      "& 'Get-ADForest'",
      "$block = [scriptblock]::Create('Get-ADForest')",
      "$block = { Get-ADForest }",
      "Get-ADUser svc",
      "$entry.CommitChanges()",
    ];
    for (const line of bad) expect(commandProblems(`Write-Host 'a'\r\n${line}\r\n`), line).not.toEqual([]);
    expect(commandProblems("Write-Host 'a'\r\n")).toEqual([]);
  });

  it.each(FILES.map((file) => file.fileName))("%s builds its output only from [pscustomobject] literals of helper results and literals", (name) => {
    const file = FILES.find((candidate) => candidate.fileName === name)!;
    expect(outputProblems(file.text)).toEqual([]);
  });

  it("the output check fails on a raw KDS or AD object piped into ConvertTo-Json or held in an output object", () => {
    const forest = FILES.find((file) => file.target.scope === "forest")!.text;
    const piped = forest.replace("$facts | ConvertTo-Json", "Get-KdsRootKey | ConvertTo-Json");
    expect(piped).not.toBe(forest);
    expect(outputProblems(piped).join("\n")).toMatch(/Get-KdsRootKey/);
    const held = forest.replace("@{ effectiveTime = (Format-PreflightTime $rootKey.EffectiveTime) }", "@{ effectiveTime = $rootKey }");
    expect(held).not.toBe(forest);
    expect(outputProblems(held).join("\n")).toMatch(/\$rootKey is a loop variable/i);
    const raw = forest.replace("$forestName = Format-PreflightText $forest.Name", "$forestName = $forest");
    expect(outputProblems(raw).join("\n")).toMatch(/forest\.name: .*the command Get-ADForest/);
  });

  it("names each fact it could not read with a key the judge knows, and uses every key", () => {
    const known = new Set<string>([...UNREADABLE_FACTS, ...UNREADABLE_KINDS.map((kind) => `${kind}:`)]);
    const used = new Set<string>();
    for (const file of FILES) {
      const calls = [...file.text.matchAll(/Add-PreflightUnreadable (?!\{)(?:\(?'([^']+)'|(\$About))?/g)];
      // Every catch names what it could not read: a key, or the key its caller passed.
      expect(calls.filter((call) => !call[1] && !call[2]).map((call) => call[0]), file.fileName).toEqual([]);
      const keys = [...calls.map((call) => call[1]).filter((key): key is string => !!key), ...[...file.text.matchAll(/about = '([^']+)'|Get-PreflightAce [^\r\n]*?\('([A-Za-z]+:)' \+/g)].map((match) => match[1] ?? match[2]!)];
      for (const key of keys) {
        expect(known.has(key), `${file.fileName}: ${key}`).toBe(true);
        used.add(key);
      }
    }
    expect([...known].filter((key) => !used.has(key))).toEqual([]);
  });

  it("the property paths the collectors write are exactly the schema's; each collector writes only its scope's", () => {
    const written = new Set<string>();
    for (const file of FILES) {
      const { paths } = new CollectorTree(parse(file.text)).paths();
      const other = file.target.scope === "forest" ? "server" : "forest";
      expect([...paths].filter((path) => path === other || path.startsWith(`${other}.`)), file.fileName).toEqual([]);
      expect([...paths].filter((path) => !SCHEMA_PATHS.has(path)), file.fileName).toEqual([]);
      for (const path of paths) written.add(path);
    }
    expect([...SCHEMA_PATHS].filter((path) => !written.has(path)).sort()).toEqual([]);
    expect(written.size).toBe(SCHEMA_PATHS.size);
  });

  it("the fixtures use only the schema's paths", () => {
    const folder = join("tests", "fixtures", "preflight", "connect-fabrikam");
    for (const file of readdirSync(folder)) {
      const paths = valuePaths(JSON.parse(readFileSync(join(folder, file), "utf8")));
      expect([...paths].filter((path) => !SCHEMA_PATHS.has(path)), file).toEqual([]);
    }
  });

  it.each(FILES.map((file) => file.fileName))("%s names no key material, password or LAPS attribute", (name) => {
    const file = FILES.find((candidate) => candidate.fileName === name)!;
    for (const pattern of DENIED) expect(file.text, String(pattern)).not.toMatch(pattern);
  });

  it("the deny list fails on each denied name", () => {
    for (const name of ["KeyValue", "msKds-RootKeyData", "msDS-ManagedPassword", "unicodePwd", "ms-Mcs-AdmPwd", "msLAPS-Password"]) {
      const text = `${FILES[0]!.text}\r\n$x = $rootKey.'${name}'\r\n`;
      expect(DENIED.some((pattern) => pattern.test(text)), name).toBe(true);
    }
  });

  it("the Learn table documents exactly the commands, properties, registry values and methods the collectors use", () => {
    const commands = new Set<string>();
    const registryValues = new Set<string>();
    const members = new Set<string>();
    const methods = new Set<string>();
    const planKeys = new Set<string>();
    for (const file of FILES) {
      const tree = parse(file.text);
      const collector = new CollectorTree(tree);
      for (const { name } of commandsIn(tree.rootNode)) if (!collector.functions.has(name)) commands.add(name);
      // Get-PreflightRegistry* <path> '<value name>': the value name is the last argument, a literal.
      for (const { name, node } of commandsIn(tree.rootNode)) {
        if (!name.startsWith("Get-PreflightRegistry")) continue;
        const literal = /'([^']+)'\s*$/.exec(node.text);
        if (!literal) throw new Error(`a registry value name that is not a literal: ${node.text}`);
        registryValues.add(literal[1]!);
      }
      for (const node of allNodes(tree.rootNode, (type) => type === "invokation_expression")) methods.add(node.namedChildren.filter((child) => child?.type === "member_name").at(-1)!.text);
      for (const node of allNodes(tree.rootNode, (type) => type === "member_access")) {
        const member = node.namedChildren.find((child) => child?.type === "member_name")!;
        members.add(member.text.replace(/^'|'$/g, "").toLowerCase());
      }
      // Attributes asked for with -Properties @('...').
      for (const command of commandsIn(tree.rootNode)) {
        const match = /-Properties @\(([^)]*)\)/.exec(command.node.text);
        for (const attribute of match ? [...match[1]!.matchAll(/'([^']+)'/g)].map((found) => found[1]!) : []) members.add(attribute.toLowerCase());
      }
      // Keys of the plan's own hashtables (not output objects): read with member access too, documented by the script itself.
      const outputHashes = new Set(collector.objects().map((object) => allNodes(object, (type) => type === "hash_literal_expression")[0]!.id));
      for (const hash of allNodes(tree.rootNode, (type) => type === "hash_literal_expression")) {
        if (outputHashes.has(hash.id)) continue;
        for (const entry of allNodes(hash, (type) => type === "key_expression")) planKeys.add(entry.text.toLowerCase());
      }
    }
    const documented = new Set(Object.keys(COLLECTOR_PROPERTIES).map((name) => name.toLowerCase()));
    expect([...planKeys].filter((key) => documented.has(key))).toEqual([]);
    for (const key of planKeys) members.delete(key);
    expect([...commands].sort()).toEqual(Object.keys(COLLECTOR_COMMANDS).sort());
    expect([...members].sort()).toEqual([...documented].sort());
    expect([...methods].sort()).toEqual(Object.keys(COLLECTOR_METHODS).sort());
    expect([...registryValues].sort()).toEqual(Object.keys(COLLECTOR_REGISTRY_VALUES).sort());
    for (const url of [...Object.values(COLLECTOR_COMMANDS), ...Object.values(COLLECTOR_PROPERTIES), ...Object.values(COLLECTOR_METHODS), ...Object.values(COLLECTOR_REGISTRY_VALUES)]) {
      expect(url).toMatch(/^https:\/\/learn\.microsoft\.com\/en-us\/[a-z0-9./_-]+$/);
    }
  });

  it("says who runs it and where, and that it changes nothing", () => {
    const forest = renderCollector(preflightTargets(PLANS.connect)[0]!);
    expect(forest).toMatch(/# Who: a Domain Admin or Enterprise Admin of the forest fabrikam\.com/);
    expect(forest).toMatch(/# Where: a domain-joined machine of the forest fabrikam\.com/);
    expect(forest).toMatch(/changes nothing/);
    const server = collectorFiles(PLANS.connect).find((file) => file.target.scope === "server")!.text;
    expect(server).toMatch(/# Who: a member of the local Administrators group of SYNC01/);
  });

  it("plan values go in as ASCII expressions, so a name cannot end a string early", () => {
    const plan = structuredClone(PLANS.connect);
    plan.environment!.organisation.name = "Fabrikam 'Ñ' $(Remove-ADUser x) Group";
    const files = collectorFiles(plan);
    for (const file of files) {
      expect(errorNodes(parse(file.text))).toEqual([]);
      expect(commandProblems(file.text)).toEqual([]);
      expect(file.text).toContain("[char]0x00D1");
    }
  });
});

describe("POST /api/export?format=preflight's renderer", { timeout: 60_000 }, () => {
  it("answers a zip of every collector and a README naming who runs each where and its SHA-256", async () => {
    const file = await renderExport(PLANS.connect, "preflight");
    expect(file.contentType).toBe("application/zip");
    expect(file.fileName).toMatch(/\.preflight\.zip$/);
    const entries = unzipSync(file.body as Uint8Array);
    const expected = collectorFiles(PLANS.connect);
    expect(Object.keys(entries).sort()).toEqual(["README.txt", ...expected.map((collector) => collector.fileName)].sort());
    const readme = new TextDecoder().decode(entries["README.txt"]!.slice(3));
    for (const collector of expected) {
      expect(entries[collector.fileName]).toEqual(collector.bytes);
      expect(readme).toContain(`${collector.fileName}\r\n  Who:`);
      expect(readme).toContain(collector.sha256);
    }
    expect(readme).toMatch(/changes nothing and collects no password, key or secret/);
  });

  it("the everything zip carries them in a preflight folder", async () => {
    const file = await renderExport(PLANS.cloudSync, "zip");
    const names = Object.keys(unzipSync(file.body as Uint8Array));
    expect(names.filter((name) => name.startsWith("preflight/")).sort()).toEqual(["preflight/README.txt", ...collectorFiles(PLANS.cloudSync).map((collector) => `preflight/${collector.fileName}`)].sort());
  });
});
