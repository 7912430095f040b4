import "server-only";
import type { RequestFailure } from "../snapshot";

/**
 * A check Graph could not answer, in words that say which request failed,
 * how, and what to do: the result is "unknown", never a pass or a fail.
 */
export function couldNotCheck(original: RequestFailure): { detail: string; remediation: string } {
  // Graph's own message is quoted, but a result's detail has room for 2,000 characters only.
  const failure = { ...original, message: original.message.length > 300 ? `${original.message.slice(0, 299)}…` : original.message };
  const request = `${failure.request}${failure.page > 1 ? ` (page ${failure.page})` : ""}`;
  const answered = (status: number | undefined) => `${request} answered ${status ?? "with an error"}${failure.code ? ` ${failure.code}` : ""}`;
  switch (failure.kind) {
    case "forbidden":
      return {
        detail: `Could not check: the signed-in account lacks ${failure.access} (${answered(403)}).`,
        remediation: "Grant the permission to the app registration with admin consent, or sign in with an account that has it, then run the checks again.",
      };
    case "unauthenticated":
      return { detail: `Could not check: the sign-in has expired (${answered(401)}).`, remediation: "Sign in again and run the checks again." };
    case "throttled": {
      // The wait Graph asked for, in seconds, so the user knows when to try again.
      const seconds = failure.retryAfterSeconds !== undefined ? Math.max(1, Math.ceil(failure.retryAfterSeconds)) : undefined;
      const wait = seconds !== undefined ? `, asking to wait ${seconds} seconds` : "";
      return {
        detail: `Could not check: Microsoft Graph is throttling requests (${answered(429)}${wait}).`,
        remediation: seconds !== undefined ? `Wait ${seconds} seconds, then run the checks again.` : "Wait a minute, then run the checks again.",
      };
    }
    case "timeout":
      return {
        detail: `Could not check: Microsoft Graph did not answer in time (${request}).`,
        remediation: "Run the checks again. If it keeps happening, raise GRAPH_TIMEOUT_MS on the server.",
      };
    case "malformed":
      return { detail: `Could not check: Microsoft Graph answered with malformed data (${request}: ${failure.message})`, remediation: "Run the checks again." };
    case "unavailable":
      return { detail: `Could not check: Microsoft Graph is unavailable right now (${answered(failure.status)}).`, remediation: "Run the checks again later." };
    case "unreachable":
      return {
        detail: `Could not check: Microsoft Graph could not be reached (${request}).`,
        remediation: "Check the server's connection to GRAPH_BASE_URL and run the checks again.",
      };
    case "rejected":
      return {
        detail: `Could not check: Microsoft Graph refused the request as malformed (${answered(400)}: ${failure.message}).`,
        remediation: "This is a fault in the planner, not in the tenant: report it with this message.",
      };
    case "next_link_refused":
      return {
        detail: `Could not check: ${request}: ${failure.message}`,
        remediation: "The access token is only sent to GRAPH_BASE_URL. Check that GRAPH_BASE_URL is the Graph endpoint of the tenant's cloud.",
      };
    case "too_many_pages":
      return {
        detail: `Could not check: ${request}: ${failure.message}`,
        remediation: "Run the checks again; if the list really is that long, check this in the Microsoft Entra admin center.",
      };
    case "not_found":
    case "error":
      return {
        detail: `Could not check: ${answered(failure.status)}: ${failure.message}`,
        remediation: "Run the checks again. If it keeps failing, check this in the Microsoft Entra admin center.",
      };
  }
}
