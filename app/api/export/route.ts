import { isExportFormat, EXPORT_FORMATS, renderExport } from "@/lib/export/formats";
import { admitRequest } from "@/lib/http/api-guard";
import { withErrorBoundary } from "@/lib/http/error-boundary";
import { issuesResponse } from "@/lib/http/issues-response";
import { jsonError, readJsonBody } from "@/lib/http/json-body";
import { readPlan, toPlanIssues } from "@/lib/plan";
import { unsavedStepsSchema } from "@/lib/export/unsaved";
import { validationReportSchema } from "@/lib/validation/schema";

export const runtime = "nodejs";

/**
 * POST /api/export?format=xlsx|csv|md|runbook|json|ps1|preflight|zip with { "plan": ..., "results"?: ..., "unsavedSteps"?: [{ stepId, title }] }: the
 * plan, re-checked by the shared schema, as a file, with the validation
 * results when given. Invalid plans get 400 with the first issues and the count of the rest.
 */
export const POST = withErrorBoundary(async (request: Request): Promise<Response> => {
  const format = new URL(request.url).searchParams.get("format") ?? "json";
  if (!isExportFormat(format)) {
    return jsonError(400, { error: "unknown_format", message: `Choose format=${Object.keys(EXPORT_FORMATS).join(" or format=")}.` });
  }
  // Some formats take real work (a workbook, a zip): a client gets a limited number per minute.
  const refusal = await admitRequest(request, "export");
  if (refusal) return refusal;
  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const plan = typeof body.value === "object" && body.value !== null && "plan" in body.value ? body.value.plan : undefined;
  const result = readPlan(plan);
  if (!result.ok) return issuesResponse("invalid_plan", result.issues, body.bytes);

  const results = typeof body.value === "object" && body.value !== null && "results" in body.value ? body.value.results : undefined;
  const report = results === undefined ? undefined : validationReportSchema.safeParse(results);
  if (report && !report.success) {
    return issuesResponse("invalid_results", toPlanIssues(report.error), body.bytes);
  }
  // Steps the sender's form holds an edit of that the plan does not: each export says so at its top.
  const unsaved = typeof body.value === "object" && body.value !== null && "unsavedSteps" in body.value ? body.value.unsavedSteps : undefined;
  const unsavedSteps = unsaved === undefined ? undefined : unsavedStepsSchema.safeParse(unsaved);
  if (unsavedSteps && !unsavedSteps.success) {
    return issuesResponse("invalid_unsaved_steps", toPlanIssues(unsavedSteps.error), body.bytes);
  }
  const file = await renderExport(result.plan, format, report?.data, unsavedSteps ? { unsavedSteps: unsavedSteps.data } : undefined);
  return new Response(typeof file.body === "string" ? file.body : Buffer.from(file.body), {
    status: 200,
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.fileName}"`,
      "Cache-Control": "no-store",
    },
  });
});
