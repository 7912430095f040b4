import { serverConfig } from "@/lib/config/env";
import { hasToolAndEnvironment } from "@/lib/plan";
import { DEMO_ACCESS_TOKEN, demoGraph } from "@/lib/graph/demo-graph";
import { GraphUnauthenticatedError, validatePlan } from "@/lib/graph/validate";
import { answerBudget, issuesResponse } from "@/lib/http/issues-response";
import { jsonError, readJsonBody } from "@/lib/http/json-body";
import { admitRequest } from "@/lib/http/api-guard";
import { withErrorBoundary } from "@/lib/http/error-boundary";
import { readPlan } from "@/lib/plan";
import { boundedReport } from "@/lib/validation/bounded-report";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

function bearerToken(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match?.[1];
}

/**
 * POST /api/validate with { "plan": ... }: checks the plan against Microsoft
 * Graph (the demo tenant in demo mode) and answers one result per check.
 * The token is passed to Graph and nowhere else: never logged, never echoed.
 */
export const POST = withErrorBoundary(async (request: Request): Promise<Response> => {
  const config = serverConfig();
  // Each check costs several Graph requests: a client gets a limited number per minute.
  const refusal = await admitRequest(request, "validate");
  if (refusal) return refusal;
  const token = config.mode === "demo" ? DEMO_ACCESS_TOKEN : bearerToken(request);
  if (!token) return jsonError(401, { error: "unauthenticated", message: "Sign in: send a Microsoft Graph access token as Authorization: Bearer." });

  const body = await readJsonBody(request);
  if (!body.ok) return body.response;
  const plan = typeof body.value === "object" && body.value !== null && "plan" in body.value ? body.value.plan : undefined;
  const parsed = readPlan(plan);
  if (!parsed.ok) return issuesResponse("invalid_plan", parsed.issues, body.bytes);
  if (!hasToolAndEnvironment(parsed.plan)) {
    return jsonError(400, { error: "invalid_plan", issues: [{ path: "environment", message: "Choose the sync tool and describe the environment before validating." }] });
  }

  const baseUrl = config.mode === "demo" ? (await demoGraph(config.demoFaults, config.demoRequestLog)).baseUrl : config.graphBaseUrl;
  try {
    const { report } = await validatePlan(parsed.plan, { baseUrl, accessToken: token, timeoutMs: config.graphTimeoutMs });
    return Response.json(boundedReport(report, answerBudget(body.bytes), parsed.plan), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    if (error instanceof GraphUnauthenticatedError) {
      return jsonError(401, { error: "unauthenticated", message: "Microsoft Graph refused the sign-in. Sign in again." });
    }
    throw error;
  }
});
