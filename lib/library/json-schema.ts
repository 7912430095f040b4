import "server-only";
import * as z from "zod/mini";
import { libraryFileShape } from "./exchange";

// Served at /plan-library.schema.json; kept apart from the library reader so that the browser never loads toJSONSchema.
/** The library file's JSON Schema: each plan inside refers to the plan file's schema. */
export function libraryJsonSchema() {
  const schema = z.toJSONSchema(libraryFileShape, { target: "draft-2020-12", io: "input" }) as unknown as Record<string, unknown> & {
    properties: { plans: { items: { properties: Record<string, unknown> } } };
  };
  schema.properties.plans.items.properties.plan = { $ref: "/plan.schema.json" };
  return {
    ...schema,
    $id: "/plan-library.schema.json",
    title: "Entra sync account plan library",
    description: "Several account plans exported at once from the planner's library in one browser. Each plan is a plan file of its own.",
  };
}
