import Ajv2020 from "ajv/dist/2020";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXAMPLE_PLANS } from "@/lib/examples";
import { accountsWithSteps, PLAN_SCHEMA_VERSION, readPlan } from "@/lib/plan";
import { planJsonSchema } from "@/lib/plan/json-schema";
import { examplePlan } from "../fixtures/plans";

const validate = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(planJsonSchema());

describe("example plans", () => {
  it("ship a Cloud Sync and a multi-forest Connect example", () => {
    const plans = EXAMPLE_PLANS.map((example) => readPlan(examplePlan(example.file)));
    const tools = plans.map((result) => (result.ok ? result.plan.tool : null));
    expect(tools).toEqual(expect.arrayContaining(["cloudSync", "connect"]));
    const connect = plans.find((result) => result.ok && result.plan.tool === "connect");
    expect(connect?.ok && connect.plan.environment!.forests.length).toBeGreaterThanOrEqual(3);
  });

  it.each(EXAMPLE_PLANS.map((example) => example.file))("%s is valid against /plan.schema.json and the planner's rules, and complete", (file) => {
    expect(existsSync(join("public", "examples", file))).toBe(true);
    const value = examplePlan(file);
    expect(validate(value), JSON.stringify(validate.errors)).toBe(true);
    const result = readPlan(value);
    expect(result.ok).toBe(true);
    if (result.ok) for (const account of accountsWithSteps(result.plan)) expect(result.plan.accounts[account.key], account.key).toBeDefined();
  });

  it("the published JSON Schema refuses what the zod schema refuses structurally", () => {
    const value = examplePlan("cloud-sync-contoso.json") as Record<string, unknown>;
    expect(validate({ ...value, kind: "something-else" })).toBe(false);
    expect(validate({ ...value, schemaVersion: PLAN_SCHEMA_VERSION + 1 })).toBe(false);
    expect(validate({ ...value, accounts: { bogus: {} } })).toBe(false);
  });
});
