import "server-only";
import { jsonError } from "./json-body";

/**
 * Wraps a route handler so that an unexpected error still gets a JSON answer
 * with a reference, and a log line that carries no plan value: an error's
 * message can quote what the user typed, so only its name, the reference
 * and the stack frames are logged.
 */
export function withErrorBoundary(handler: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await handler(request);
    } catch (error) {
      const reference = crypto.randomUUID();
      const name = error instanceof Error ? error.name : typeof error;
      const frames = error instanceof Error ? (error.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at ")) : [];
      console.error([`${new URL(request.url).pathname}: ${name} (reference ${reference})`, ...frames].join("\n"));
      return jsonError(500, { error: "internal_error", message: `Something went wrong on the server (reference ${reference}). Try again; if it happens again, report the reference.` });
    }
  };
}
