import { createRequire } from "node:module";
import { Language, Parser, type Node, type Tree } from "web-tree-sitter";

const require = createRequire(import.meta.url);
let parser: Parser | undefined;

/** A parser for PowerShell from tree-sitter-powershell's WebAssembly grammar. */
export async function powershellParser(): Promise<Parser> {
  if (parser) return parser;
  await Parser.init();
  const language = await Language.load(require.resolve("tree-sitter-powershell/tree-sitter-powershell.wasm"));
  parser = new Parser();
  parser.setLanguage(language);
  return parser;
}

/**
 * Ranges of every single-quoted string literal, as indices into the source
 * string (web-tree-sitter parses JavaScript strings as UTF-16, so its indices
 * are the string's own).
 */
export function literalRanges(tree: Tree): [number, number][] {
  return allNodes(tree.rootNode, (type) => type === "verbatim_string_characters").map((node) => [node.startIndex, node.endIndex]);
}

export function errorNodes(tree: Tree): string[] {
  if (!tree.rootNode.hasError) return [];
  const errors: string[] = [];
  const visit = (node: Node) => {
    if (node.type === "ERROR" || node.isMissing) errors.push(`${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.text.slice(0, 60)}`);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return errors;
}

/** Every node under (and including) a node, depth first, in source order; a cursor walk, since web-tree-sitter makes each Node on demand. */
export function allNodes(node: Node, keep: (type: string) => boolean = () => true): Node[] {
  const nodes: Node[] = [];
  const cursor = node.walk();
  for (;;) {
    if (keep(cursor.nodeType)) nodes.push(cursor.currentNode);
    if (cursor.gotoFirstChild()) continue;
    while (!cursor.gotoNextSibling()) {
      if (!cursor.gotoParent() || cursor.currentNode.id === node.id) {
        cursor.delete();
        return nodes;
      }
    }
  }
}

/** The commands a script runs (cmdlets, functions, native programs), by name as written. */
export function commandsIn(node: Node): { name: string; node: Node }[] {
  return allNodes(node, (type) => type === "command").map((command) => ({ name: allNodes(command, (type) => type === "command_name")[0]?.text ?? "", node: command }));
}

/** The blocks `if ($Part -eq '<id>') { ... }` that hold the script's parts. */
export function partBlocks(tree: Tree): { id: string; node: Node; body: Node }[] {
  return allNodes(tree.rootNode, (type) => type === "if_statement")
    .map((node) => ({ node, condition: node.children.find((child) => child?.type === "pipeline")!, body: node.children.find((child) => child?.type === "statement_block")! }))
    .map(({ node, condition, body }) => ({ node, body, match: /^\$Part -eq '([^']+)'$/.exec(condition?.text ?? "") }))
    .filter((block): block is { node: Node; body: Node; match: RegExpExecArray } => block.match !== null)
    .map(({ node, body, match }) => ({ id: match[1]!, node, body }));
}

/** The statements directly inside a statement block. */
export function statementsOf(block: Node): Node[] {
  const list = block.children.find((child) => child?.type === "statement_list");
  return list ? list.children.filter((child): child is Node => child !== null) : [];
}

/** Whether a node is inside another (by source range). */
export function isInside(node: Node, container: Node): boolean {
  return node.startIndex >= container.startIndex && node.endIndex <= container.endIndex;
}

/**
 * The value of a string expression the renderer writes: a single-quoted
 * literal, or a parenthesised sum of literals and [char]0xXXXX casts.
 * Throws on anything else, so a test sees any other shape.
 */
export function evaluateStringExpression(node: Node): string {
  let value = "";
  const visit = (current: Node) => {
    if (current.type === "verbatim_string_characters") {
      value += current.text.slice(1, -1).replaceAll("''", "'");
      return;
    }
    if (current.type === "cast_expression") {
      const type = allNodes(current).find((child) => child.type === "type_identifier")?.text;
      const number = allNodes(current).find((child) => child.type === "hexadecimal_integer_literal")?.text;
      if (type?.toLowerCase() !== "char" || !number) throw new Error(`not a [char] code point: ${current.text}`);
      value += String.fromCharCode(Number.parseInt(number.slice(2), 16));
      return;
    }
    if (current.childCount === 0 && !["(", ")", "+"].includes(current.type)) throw new Error(`unexpected ${current.type} in a string expression: ${current.text}`);
    for (const child of current.children) if (child) visit(child);
  };
  visit(node);
  return value;
}
