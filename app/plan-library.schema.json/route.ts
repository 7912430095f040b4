import { libraryJsonSchema } from "@/lib/library/json-schema";

export const dynamic = "force-static";

/** The library file's JSON Schema, generated from the zod schema the import reads with. */
export function GET() {
  return Response.json(libraryJsonSchema(), { headers: { "Content-Type": "application/schema+json" } });
}
