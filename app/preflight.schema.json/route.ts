import { preflightJsonSchema } from "@/lib/preflight/json-schema";

export const dynamic = "force-static";

/** The pre-flight facts file's JSON Schema, generated from the zod schema so the two never drift apart. */
export function GET() {
  return Response.json(preflightJsonSchema(), { headers: { "Content-Type": "application/schema+json" } });
}
