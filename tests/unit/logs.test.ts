import { afterEach, describe, expect, it, vi } from "vitest";
import { EXPORT_FORMAT_IDS } from "@/lib/export/formats";
import { completePlan, plan } from "../fixtures/plans";

/** What the server writes while answering, from every console method and both output streams. */
function captureLogs(): { text: () => string; restore: () => void } {
  const captured: string[] = [];
  const keep = (...parts: unknown[]) => {
    captured.push(parts.map((part) => (part instanceof Error ? `${part.message}\n${part.stack}` : String(part))).join(" "));
  };
  const spies = [
    vi.spyOn(console, "log").mockImplementation(keep),
    vi.spyOn(console, "info").mockImplementation(keep),
    vi.spyOn(console, "warn").mockImplementation(keep),
    vi.spyOn(console, "error").mockImplementation(keep),
    vi.spyOn(console, "debug").mockImplementation(keep),
    vi.spyOn(process.stdout, "write").mockImplementation((chunk) => (keep(chunk), true)),
    vi.spyOn(process.stderr, "write").mockImplementation((chunk) => (keep(chunk), true)),
  ];
  return { text: () => captured.join("\n"), restore: () => spies.forEach((spy) => spy.mockRestore()) };
}

const MARKER = "Plan-Value-Marker-7f3a";

function post(route: { POST: (request: Request) => Promise<Response> }, path: string, body: string) {
  return route.POST(new Request(`http://localhost${path}`, { method: "POST", body, headers: { "Content-Type": "application/json" } }));
}

afterEach(() => {
  vi.doUnmock("@/lib/export/formats");
  vi.resetModules();
  vi.unstubAllEnvs();
});

describe("server logs", () => {
  it("never carry a plan value: answers, refusals, and an unexpected error alike", { timeout: 60_000 }, async () => {
    vi.resetModules();
    vi.stubEnv("EXPORT_RATE_LIMIT_PER_MINUTE", "100000");
    vi.stubEnv("VALIDATE_RATE_LIMIT_PER_MINUTE", "100000");
    const valid = completePlan(plan("cloudSync"));
    valid.environment!.organisation.name = MARKER;
    for (const entry of Object.values(valid.accounts)) entry.notes = MARKER;
    const invalid = structuredClone(valid);
    invalid.environment!.forests[0]!.rootDomain = `${MARKER.toLowerCase()} .com`;

    const logs = captureLogs();
    try {
      const exportRoute = await import("@/app/api/export/route");
      const validateRoute = await import("@/app/api/validate/route");
      for (const format of EXPORT_FORMAT_IDS) expect((await post(exportRoute, `/api/export?format=${format}`, JSON.stringify({ plan: valid }))).status).toBe(200);
      expect((await post(validateRoute, "/api/validate", JSON.stringify({ plan: valid }))).status).toBe(200);
      expect((await post(exportRoute, "/api/export?format=md", JSON.stringify({ plan: invalid }))).status).toBe(400);
      expect((await post(validateRoute, "/api/validate", `{"plan": "${MARKER}`)).status).toBe(400);

      // An error nobody expected, whose message quotes a value: a JSON 500 with a reference, and a log line without the value.
      vi.resetModules();
      vi.doMock("@/lib/export/formats", async (original) => ({
        ...(await original<typeof import("@/lib/export/formats")>()),
        renderExport: async () => {
          throw new TypeError(`cannot render ${MARKER}`);
        },
      }));
      const failing = await import("@/app/api/export/route");
      const response = await post(failing, "/api/export?format=md", JSON.stringify({ plan: valid }));
      expect(response.status).toBe(500);
      const answer = await response.json();
      expect(answer).toMatchObject({ error: "internal_error", message: expect.stringMatching(/reference [0-9a-f-]{36}/) });
      expect(JSON.stringify(answer)).not.toContain(MARKER);
      expect(logs.text()).toContain("/api/export: TypeError (reference");
    } finally {
      logs.restore();
    }
    expect(logs.text()).not.toContain(MARKER);
    expect(logs.text().toLowerCase()).not.toContain(MARKER.toLowerCase());
  });
});
