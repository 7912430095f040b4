import { z } from "zod";
import { preflightFactsSchema } from "./facts-schema";

/** The pre-flight facts file's JSON Schema, generated from the zod schema the Check step reads it with. */
export function preflightJsonSchema() {
  return {
    ...z.toJSONSchema(preflightFactsSchema, { target: "draft-2020-12", io: "input" }),
    $id: "/preflight.schema.json",
    title: "Entra sync pre-flight facts",
    description:
      "What a read-only pre-flight collector read in one forest or on one server before (or after) install day: raw facts, no secrets. The planner judges them on its Check step.",
  };
}
