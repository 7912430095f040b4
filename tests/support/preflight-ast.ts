import type { Node, Tree } from "web-tree-sitter";
import { allNodes, commandsIn } from "./powershell-grammar";

/**
 * Reads a pre-flight collector's syntax tree: which values its output objects
 * hold, and so which property paths the JSON file it writes can have. Values
 * are followed through variables, and through the functions that return them,
 * by name; anything that is not a literal, a scalar helper's result or an
 * output object is reported as opaque, so a raw cmdlet object cannot hide.
 */

export const SCALAR_HELPERS = [
  "Format-PreflightText",
  "Format-PreflightInt",
  "Format-PreflightBool",
  "Format-PreflightTime",
  "Format-PreflightEnabled",
  "Format-PreflightTextList",
  "Get-PreflightRegistryText",
  "Get-PreflightRegistryInt",
] as const;

const SCALAR_LITERALS = new Set(["$null", "$true", "$false"]);

const variableName = (node: Node) => node.text.replace(/^\$(script:|global:|local:)?/i, "").toLowerCase();

/** The node under single-child wrappers (pipeline, pipeline_chain, the expression ladders, parentheses, @( )). */
function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    const named = current.namedChildren.filter((child): child is Node => child !== null && child.type !== "comment");
    if (current.type === "parenthesized_expression" || current.type === "array_expression" || current.type === "sub_expression") {
      const list = named[0];
      if (!list) return current; // @(): an empty list
      const statements = list.type === "statement_list" ? list.namedChildren.filter((child): child is Node => child !== null) : [list];
      if (statements.length !== 1) return current;
      current = statements[0]!;
      continue;
    }
    if (named.length === 1 && current.type !== "command" && current.type !== "cast_expression" && current.type !== "hash_literal_expression") {
      current = named[0]!;
      continue;
    }
    return current;
  }
}

export function isPsCustomObject(node: Node): boolean {
  return node.type === "cast_expression" && /^\[pscustomobject\]/i.test(node.text.replace(/\s+/g, ""));
}

export function hashEntries(object: Node): { key: string; value: Node }[] {
  const hash = allNodes(object, (type) => type === "hash_literal_expression")[0]!;
  const body = hash.namedChildren.find((child) => child?.type === "hash_literal_body");
  if (!body) return [];
  return body.namedChildren
    .filter((child): child is Node => child?.type === "hash_entry")
    .map((entry) => ({ key: entry.namedChildren.find((child) => child?.type === "key_expression")!.text, value: entry.namedChildren.find((child) => child?.type === "pipeline")! }));
}

export interface Resolution {
  /** Output objects the value can be. */
  objects: Node[];
  /** Why a value is not a literal, a helper's result or an output object. */
  opaque: string[];
}

export class CollectorTree {
  readonly assignments = new Map<string, Node[]>();
  readonly loopVariables = new Set<string>();
  readonly functions = new Map<string, Node>();
  private readonly cache = new Map<string, Resolution>();

  constructor(readonly tree: Tree) {
    for (const node of allNodes(tree.rootNode, (type) => type === "assignment_expression")) {
      const left = unwrap(node.namedChildren[0]!);
      if (left.type !== "variable") continue;
      const right = node.namedChildren[node.namedChildren.length - 1]!;
      const name = variableName(left);
      this.assignments.set(name, [...(this.assignments.get(name) ?? []), right]);
    }
    for (const node of allNodes(tree.rootNode, (type) => type === "foreach_statement")) {
      const variable = node.namedChildren.find((child) => child?.type === "variable");
      if (variable) this.loopVariables.add(variableName(variable));
    }
    for (const node of allNodes(tree.rootNode, (type) => type === "function_statement")) {
      this.functions.set(node.namedChildren.find((child) => child?.type === "function_name")!.text, node);
    }
  }

  /** Every [pscustomobject] @{...} of the script. */
  objects(): Node[] {
    return allNodes(this.tree.rootNode, (type) => type === "cast_expression").filter(isPsCustomObject);
  }

  resolveVariable(name: string, seen = new Set<string>()): Resolution {
    const cached = this.cache.get(name);
    if (cached) return cached;
    if (seen.has(name)) return { objects: [], opaque: [] };
    seen.add(name);
    const result: Resolution = { objects: [], opaque: [] };
    if (this.loopVariables.has(name)) result.opaque.push(`$${name} is a loop variable over what a command returned`);
    const sources = this.assignments.get(name) ?? [];
    if (sources.length === 0) result.opaque.push(`$${name} is never assigned in the script`);
    for (const source of sources) merge(result, this.resolve(source, seen));
    this.cache.set(name, result);
    return result;
  }

  /** What a value expression can be. */
  resolve(node: Node, seen = new Set<string>()): Resolution {
    const value = unwrap(node);
    if (value.type === "array_expression" || value.type === "parenthesized_expression") {
      // @() or a list of several statements: each must be acceptable.
      const result: Resolution = { objects: [], opaque: [] };
      const list = value.namedChildren.find((child) => child?.type === "statement_list");
      for (const statement of list?.namedChildren ?? []) if (statement) merge(result, this.resolve(statement, seen));
      return result;
    }
    if (value.type === "string_literal" || value.type === "integer_literal" || value.type === "decimal_integer_literal" || value.type === "verbatim_string_characters") return { objects: [], opaque: [] };
    if (value.type === "variable" && SCALAR_LITERALS.has(value.text.toLowerCase())) return { objects: [], opaque: [] };
    if (isPsCustomObject(value)) return { objects: [value], opaque: [] };
    if (value.type === "variable") return this.resolveVariable(variableName(value), seen);
    if (value.type === "command") {
      const name = commandsIn(value)[0]?.name ?? "";
      if ((SCALAR_HELPERS as readonly string[]).includes(name)) return { objects: [], opaque: [] };
      const fn = this.functions.get(name);
      if (fn) {
        const result: Resolution = { objects: [], opaque: [] };
        const returns = allNodes(fn, (type) => type === "flow_control_statement").filter((statement) => /^return\b/i.test(statement.text));
        for (const statement of returns) {
          const returned = statement.namedChildren.find((child) => child?.type === "pipeline");
          if (returned) merge(result, this.resolve(returned, seen));
        }
        return result;
      }
      return { objects: [], opaque: [`the command ${name}`] };
    }
    return { objects: [], opaque: [`${value.type}: ${value.text.slice(0, 80)}`] };
  }

  /** The one ConvertTo-Json of the script and what it is given. */
  jsonInput(): { count: number; input?: Node } {
    const calls = commandsIn(this.tree.rootNode).filter((command) => command.name === "ConvertTo-Json");
    const chain = calls[0]?.node.parent;
    const first = chain?.namedChildren.find((child) => child !== null && child.id !== calls[0]!.node.id);
    return { count: calls.length, input: first ?? undefined };
  }

  /** Property paths of the JSON file: keys joined with dots, arrays transparent. */
  paths(): { paths: Set<string>; opaque: string[] } {
    const paths = new Set<string>();
    const opaque: string[] = [];
    const { input } = this.jsonInput();
    if (!input) return { paths, opaque: ["no ConvertTo-Json input"] };
    const root = this.resolve(input);
    opaque.push(...root.opaque);
    const visit = (object: Node, prefix: string, depth: number) => {
      if (depth > 12) throw new Error(`objects nest deeper than 12 at ${prefix}`);
      for (const { key, value } of hashEntries(object)) {
        const path = prefix ? `${prefix}.${key}` : key;
        paths.add(path);
        const resolved = this.resolve(value);
        opaque.push(...resolved.opaque.map((why) => `${path}: ${why}`));
        for (const child of resolved.objects) visit(child, path, depth + 1);
      }
    };
    for (const object of root.objects) visit(object, "", 0);
    return { paths, opaque };
  }
}

function merge(into: Resolution, from: Resolution) {
  for (const object of from.objects) if (!into.objects.includes(object)) into.objects.push(object);
  into.opaque.push(...from.opaque);
}

/** Property paths a JSON Schema allows, arrays transparent (what `paths()` compares with). */
export function schemaPaths(schema: Record<string, unknown>): Set<string> {
  const defs = (schema.$defs ?? {}) as Record<string, Record<string, unknown>>;
  const paths = new Set<string>();
  const visit = (node: Record<string, unknown>, prefix: string, depth: number) => {
    if (depth > 40) throw new Error("schema too deep");
    if (typeof node.$ref === "string") return visit(defs[node.$ref.replace("#/$defs/", "")]!, prefix, depth + 1);
    for (const key of ["anyOf", "oneOf", "allOf"] as const) for (const option of (node[key] as Record<string, unknown>[] | undefined) ?? []) visit(option, prefix, depth + 1);
    if (node.items && typeof node.items === "object") visit(node.items as Record<string, unknown>, prefix, depth + 1);
    for (const [key, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      paths.add(path);
      visit(child, path, depth + 1);
    }
  };
  visit(schema, "", 0);
  return paths;
}

/** Property paths of a JSON value, arrays transparent. */
export function valuePaths(value: unknown, prefix = "", into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) valuePaths(item, prefix, into);
  else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${key}` : key;
      into.add(path);
      valuePaths(child, path, into);
    }
  }
  return into;
}
