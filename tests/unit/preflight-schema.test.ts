import Ajv2020 from "ajv/dist/2020";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readPlan } from "@/lib/plan";
import { preflightFactsSchema } from "@/lib/preflight/facts-schema";
import { preflightJsonSchema } from "@/lib/preflight/json-schema";
import { preflightTargets, targetFingerprint } from "@/lib/preflight/targets";
import { examplePlan } from "../fixtures/plans";

const FIXTURES = join("tests", "fixtures", "preflight", "connect-fabrikam");
const fixtures = readdirSync(FIXTURES).map((file) => ({ file, value: JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as Record<string, unknown> }));
const validate = new Ajv2020({ allErrors: true, strict: false }).addFormat("date-time", true).compile(preflightJsonSchema());

describe("pre-flight facts schema", () => {
  it("the Connect example's passing set has one file per collector, each carrying that collector's id and fingerprint", () => {
    const result = readPlan(examplePlan("connect-fabrikam-three-forests.json"));
    if (!result.ok) throw new Error("the example must read");
    const targets = preflightTargets(result.plan);
    expect(fixtures.map(({ file }) => file).sort()).toEqual(targets.map((target) => `${target.id}.json`).sort());
    for (const target of targets) {
      const fixture = fixtures.find(({ file }) => file === `${target.id}.json`)!.value as { plan: { collectorId: string; fingerprint: string }; scope: string };
      expect(fixture.plan).toMatchObject({ collectorId: target.id, fingerprint: targetFingerprint(target) });
      expect(fixture.scope).toBe(target.scope);
    }
  });

  it.each(fixtures.map(({ file }) => file))("%s is valid against the zod schema and /preflight.schema.json", (file) => {
    const { value } = fixtures.find((fixture) => fixture.file === file)!;
    expect(preflightFactsSchema.safeParse(value).success).toBe(true);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
  });

  it("refuses a plan file, a newer version, a scope without its facts and a property it does not list", () => {
    const forest = fixtures.find(({ value }) => value.scope === "forest")!.value;
    const server = fixtures.find(({ value }) => value.scope === "server")!.value;
    const refused = [
      examplePlan("connect-fabrikam-three-forests.json"),
      { ...forest, schemaVersion: 2 },
      { ...forest, scope: "server" },
      { ...server, server: { ...(server.server as object), keyValue: "secret" } },
      { ...forest, collectedAt: "last Tuesday" },
    ];
    for (const value of refused) {
      expect(preflightFactsSchema.safeParse(value).success).toBe(false);
      expect(validate(value)).toBe(false);
    }
  });
});
