import { planJsonSchema } from "@/lib/plan/json-schema";

export const dynamic = "force-static";

/** The plan file's JSON Schema, generated from the zod schema so the two never drift apart. */
export function GET() {
  return Response.json(planJsonSchema(), { headers: { "Content-Type": "application/schema+json" } });
}
