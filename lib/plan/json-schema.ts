import { z } from "zod";
import { planShape } from "./schema";

/**
 * The JSON Schema of a plan file, generated from the zod schema. It describes
 * the structure and formats; the rules between fields are checked by the app.
 */
export function planJsonSchema() {
  return {
    ...z.toJSONSchema(planShape, { target: "draft-2020-12", io: "input" }),
    $id: "/plan.schema.json",
    title: "Entra sync account plan",
    description:
      "A plan of the accounts Microsoft Entra Cloud Sync or Connect Sync needs. Rules that span several fields (allowed account types per server, unique UPN suffixes, ...) are enforced by the planner on import.",
  };
}
