import { isExportFormat, EXPORT_FORMATS, renderExport } from "@/lib/export/formats";
import { jsonError, readJsonBody } from "@/lib/http/json-body";
import { readPlan } from "@/lib/plan";

export const runtime = "nodejs";

/**
 * POST /api/export?format=json|md with { "plan": ... }: the plan, re-checked
 * by the shared schema, as a file. Invalid plans get 400 with every issue.
 */
export async function POST(request: Request): Promise<Response> {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!isExportFormat(format)) {
    return jsonError(400, { error: "unknown_format", message: `Choose format=${Object.keys(EXPORT_FORMATS).join(" or format=")}.` });
  }
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const plan = typeof body.value === "object" && body.value !== null && "plan" in body.value ? body.value.plan : undefined;
  const result = readPlan(plan);
  if (!result.ok) return jsonError(400, { error: "invalid_plan", issues: result.issues });

  const file = renderExport(result.plan, format);
  return new Response(file.body, {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
