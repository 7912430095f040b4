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
  const ranges: [number, number][] = [];
  const visit = (node: Node) => {
    if (node.type === "verbatim_string_characters") ranges.push([node.startIndex, node.endIndex]);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return ranges;
}

export function errorNodes(tree: Tree): string[] {
  const errors: string[] = [];
  const visit = (node: Node) => {
    if (node.type === "ERROR" || node.isMissing) errors.push(`${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${node.text.slice(0, 60)}`);
    for (const child of node.children) if (child) visit(child);
  };
  visit(tree.rootNode);
  return errors;
}
