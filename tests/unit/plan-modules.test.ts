import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const PLAN_DIR = join(process.cwd(), "lib", "plan");

/** The lib/plan modules each module imports (value or type imports, and re-exports). */
function localImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of readdirSync(PLAN_DIR).filter((name) => name.endsWith(".ts"))) {
    const text = readFileSync(join(PLAN_DIR, file), "utf8");
    const targets = [...text.matchAll(/(?:import|export)\s[^;]*?from\s+"([^"]+)"/g)]
      .map((match) => match[1]!)
      .map((specifier) => specifier.replace(/^@\/lib\/plan\//, "./"))
      .filter((specifier) => specifier.startsWith("./"))
      .map((specifier) => `${specifier.slice(2)}.ts`);
    graph.set(file, targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    if (state.get(node) === "done") return undefined;
    if (state.get(node) === "visiting") return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, "visiting");
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, "done");
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("lib/plan module structure", () => {
  const graph = localImports();

  it("reads every module's imports", () => {
    expect(graph.get("rules.ts")).toContain("derive.ts");
    expect(graph.get("index.ts")!.length).toBeGreaterThan(5);
  });

  it("has no import cycle, type imports included", () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it("finds a cycle when there is one (the check itself works)", () => {
    expect(findCycle(new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]]]))).toEqual(["a.ts", "b.ts", "c.ts", "a.ts"]);
  });

  it("keeps the shapes free of the rules: schema.ts imports neither rules nor derivation", () => {
    expect(graph.get("schema.ts")).not.toContain("rules.ts");
    expect(graph.get("schema.ts")).not.toContain("derive.ts");
  });

  it("names a plan with a tool and environment once, in derive.ts", () => {
    const definitions: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.tsx?$/.test(entry.name) && /NonNullable<Plan\["tool"\]>/.test(readFileSync(path, "utf8"))) definitions.push(path.slice(process.cwd().length + 1));
      }
    };
    for (const dir of ["lib", "components", "app"]) walk(join(process.cwd(), dir));
    expect(definitions).toEqual([join("lib", "plan", "derive.ts")]);
  });
});
