import "server-only";

/** Largest request body the API reads; a plan is a few kilobytes. Documented in README.md. */
export const MAX_BODY_BYTES = 1_000_000;

/** `bytes`: the body's size, which bounds the size of the answer (lib/http/issues-response.ts). */
export type BodyResult = { ok: true; value: unknown; bytes: number } | { ok: false; response: Response };

export function jsonError(status: number, body: Record<string, unknown>): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}

/** application/json, or a +json type such as application/merge-patch+json. */
export function isJsonContentType(contentType: string | null): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType ?? "");
}

/**
 * Reads a JSON request body within the size limit. Every failure is the
 * client's and gets a 4xx answer that says what was wrong, never a 500.
 */
export async function readJsonBody(request: Request): Promise<BodyResult> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    return { ok: false, response: jsonError(415, { error: "unsupported_media_type", message: "Send the body as JSON with Content-Type: application/json." }) };
  }
  const tooLarge = () =>
    jsonError(413, { error: "payload_too_large", message: `The body is larger than ${MAX_BODY_BYTES.toLocaleString("en")} bytes; a plan is a few kilobytes: send the plan file the planner exports.` });
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, response: tooLarge() };

  // Counted while reading, so a body without (or lying about) Content-Length cannot exceed the limit.
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader) {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > MAX_BODY_BYTES) {
          await reader.cancel();
          return { ok: false, response: tooLarge() };
        }
        chunks.push(value);
      }
    } catch {
      // The client went away mid-body (an aborted upload): nobody reads this answer, and it is no server error.
      return { ok: false, response: jsonError(400, { error: "incomplete_body", message: "The body ended before it was complete: send it again." }) };
    }
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  try {
    return { ok: true, value: JSON.parse(text), bytes: size };
  } catch {
    return { ok: false, response: jsonError(400, { error: "invalid_json", message: "The body is not valid JSON." }) };
  }
}
