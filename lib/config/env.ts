import * as z from "zod/mini";

/**
 * Every environment variable the app reads, in one module (nothing else reads
 * process.env), each checked by a schema so a wrong value stops the build or
 * the server with a message naming the variable.
 *
 * Two kinds: NEXT_PUBLIC_* values are inlined into browser code by `next
 * build`, so they are checked at build time (next.config.ts) and read here
 * through literal `process.env.NEXT_PUBLIC_…` references, the only form Next
 * inlines. Server values are read when the server starts (instrumentation.ts)
 * and never reach the browser. The Graph base URL is configuration, never
 * request input.
 */

const DEFAULT_AUTHORITY = "https://login.microsoftonline.com/organizations";

function wholeNumber(name: string, min: number, max: number, fallback: number, minMessage = `${name} must be at least ${min}.`) {
  return z.pipe(
    z.transform((value: unknown) => (value === undefined || value === "" ? fallback : Number(value))),
    z.number({ error: `${name} must be a whole number.` }).check(
      z.refine((value) => Number.isInteger(value), `${name} must be a whole number.`),
      z.refine((value) => value >= min, minMessage),
      z.refine((value) => value <= max, `${name} must be at most ${max}.`),
    ),
  );
}

function optionalText() {
  return z.pipe(z.optional(z.string()), z.transform((value) => value ?? ""));
}

/** An MSAL authority: https, a host and one tenant segment (an ID, a domain, organizations or common). */
export function authorityProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a URL like https://login.microsoftonline.com/organizations.";
  }
  if (url.protocol !== "https:") return "must start with https://: MSAL signs in over TLS only.";
  if (url.username || url.password || url.search || url.hash) return "must not carry a user name, a query or a fragment.";
  const segments = url.pathname.split("/").filter(Boolean);
  if (segments.length !== 1 || !/^[a-z0-9.-]+$/i.test(segments[0]!)) {
    return "must be the sign-in host and one tenant segment, like https://login.microsoftonline.com/<tenant ID or domain> or …/organizations.";
  }
  return undefined;
}

const publicSchema = z.object({
  NEXT_PUBLIC_MSAL_CLIENT_ID: z.pipe(
    optionalText(),
    z.string().check(
      z.refine(
        (value) => value === "" || /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value),
        "NEXT_PUBLIC_MSAL_CLIENT_ID must be the application (client) ID, a GUID.",
      ),
    ),
  ),
  NEXT_PUBLIC_MSAL_AUTHORITY: z.pipe(
    optionalText(),
    z.string().check(
      z.superRefine((value, context) => {
        const problem = value === "" ? undefined : authorityProblem(value);
        if (problem) context.addIssue({ code: "custom", input: value, message: `NEXT_PUBLIC_MSAL_AUTHORITY ${problem}` });
      }),
    ),
  ),
});

/** Faults for the demo tenant, for drills and the fault tests: never used in live mode. */
const demoFaultsSchema = z.array(
  z.object({
    path: z.string().check(
      z.refine((value) => {
        try {
          new RegExp(value);
          return true;
        } catch {
          return false;
        }
      }, "each fault's path must be a regular expression"),
    ),
    kind: z.enum(["429", "503", "504", "401", "403", "slow", "malformed", "drop"]),
    where: z.optional(z.enum(["outer", "item", "any"])),
    times: z.optional(z.number().check(z.int(), z.minimum(1))),
    retryAfterSeconds: z.optional(z.number().check(z.minimum(0))),
    delayMs: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(60_000))),
  }),
);

export type DemoFault = z.output<typeof demoFaultsSchema>[number];

const serverSchema = z.object({
  GRAPH_BASE_URL: z.pipe(
    z.pipe(z.optional(z.string()), z.transform((value) => value || "https://graph.microsoft.com")),
    z.string().check(
      z.refine((value) => {
        try {
          return Boolean(new URL(value));
        } catch {
          return false;
        }
      }, "GRAPH_BASE_URL must be an http(s) URL, like https://graph.microsoft.com."),
      z.refine((value) => /^https?:\/\//.test(value) && !value.endsWith("/"), "GRAPH_BASE_URL must start with http:// or https:// and not end with /."),
    ),
  ),
  PLANNER_DEMO: z.pipe(
    z.pipe(z.optional(z.string()), z.transform((value) => value || "auto")),
    z.enum(["auto", "on", "off"], { error: "PLANNER_DEMO must be auto, on or off." }),
  ),
  GRAPH_TIMEOUT_MS: wholeNumber("GRAPH_TIMEOUT_MS", 500, 60_000, 10_000),
  VALIDATE_RATE_LIMIT_PER_MINUTE: wholeNumber("VALIDATE_RATE_LIMIT_PER_MINUTE", 1, 100_000, 20),
  EXPORT_RATE_LIMIT_PER_MINUTE: wholeNumber("EXPORT_RATE_LIMIT_PER_MINUTE", 1, 100_000, 60),
  TRUSTED_PROXY_HOPS: wholeNumber("TRUSTED_PROXY_HOPS", 0, 10, 0, "TRUSTED_PROXY_HOPS cannot be negative."),
  RATE_LIMIT_REDIS_URL: z.pipe(
    optionalText(),
    z.string().check(
      z.refine((value) => {
        if (value === "") return true;
        try {
          return ["redis:", "rediss:"].includes(new URL(value).protocol);
        } catch {
          return false;
        }
      }, "RATE_LIMIT_REDIS_URL must be a redis:// or rediss:// URL, like redis://127.0.0.1:6379, or unset for in-memory limits."),
    ),
  ),
  /** Demo tenant only: a file it appends every request it answers to (the request-shape conformance test reads it). */
  PLANNER_DEMO_REQUEST_LOG: z.pipe(z.optional(z.string()), z.transform((value) => value ?? "")),
  PLANNER_DEMO_FAULTS: z.pipe(
    z.pipe(z.optional(z.string()), z.transform((value) => value || "[]")),
    z.transform((value: string, context) => {
      try {
        const parsed = demoFaultsSchema.safeParse(JSON.parse(value));
        if (parsed.success) return parsed.data;
        context.issues.push({ code: "custom", input: value, message: `PLANNER_DEMO_FAULTS: ${parsed.error.issues[0]?.message ?? "not a list of faults"}.` });
      } catch {
        context.issues.push({ code: "custom", input: value, message: "PLANNER_DEMO_FAULTS must be a JSON list of faults." });
      }
      return [] as DemoFault[];
    }),
  ),
});

export interface PublicConfig {
  /** The app registration's client ID; empty in demo mode. */
  msalClientId: string;
  msalAuthority: string;
  liveMode: boolean;
}

export interface ServerConfig {
  mode: "demo" | "live";
  graphBaseUrl: string;
  graphTimeoutMs: number;
  validateRateLimitPerMinute: number;
  exportRateLimitPerMinute: number;
  trustedProxyHops: number;
  /** Where the limiter keeps its counters; empty: this server's memory. */
  rateLimitRedisUrl: string;
  demoFaults: DemoFault[];
  /** A file the demo tenant appends every request it answers to (for the conformance test); empty for none. */
  demoRequestLog: string;
}

type Environment = Record<string, string | undefined>;

function failure(issues: readonly { path: PropertyKey[]; message: string }[]): Error {
  // One line per variable: its first problem says what to fix.
  const byVariable = new Map<string, string>();
  for (const issue of issues) {
    const variable = String(issue.path[0] ?? "environment");
    if (!byVariable.has(variable)) byVariable.set(variable, issue.message);
  }
  return new Error(`Invalid configuration:\n${[...byVariable].map(([variable, message]) => `  ${variable}: ${message}`).join("\n")}`);
}

export function parsePublicConfig(environment: Environment): PublicConfig {
  const result = publicSchema.safeParse(environment);
  if (!result.success) throw failure(result.error.issues);
  const clientId = result.data.NEXT_PUBLIC_MSAL_CLIENT_ID;
  return { msalClientId: clientId, msalAuthority: result.data.NEXT_PUBLIC_MSAL_AUTHORITY || DEFAULT_AUTHORITY, liveMode: clientId !== "" };
}

export function parseServerConfig(environment: Environment): ServerConfig {
  const issues: { path: PropertyKey[]; message: string }[] = [];
  const publicResult = publicSchema.safeParse(environment);
  const serverResult = serverSchema.safeParse(environment);
  if (!publicResult.success) issues.push(...publicResult.error.issues);
  if (!serverResult.success) issues.push(...serverResult.error.issues);
  if (!publicResult.success || !serverResult.success) throw failure(issues);
  const server = serverResult.data;
  const live = publicResult.data.NEXT_PUBLIC_MSAL_CLIENT_ID !== "";
  if (server.PLANNER_DEMO === "on" && live) {
    issues.push({
      path: ["PLANNER_DEMO"],
      message: "PLANNER_DEMO=on cannot be combined with NEXT_PUBLIC_MSAL_CLIENT_ID: the demo tenant would answer for a live sign-in. Unset one of them.",
    });
  }
  if (server.PLANNER_DEMO_FAULTS.length > 0 && live) {
    issues.push({ path: ["PLANNER_DEMO_FAULTS"], message: "PLANNER_DEMO_FAULTS applies to the demo tenant only: unset it in live mode." });
  }
  if (server.PLANNER_DEMO_REQUEST_LOG && live) {
    issues.push({ path: ["PLANNER_DEMO_REQUEST_LOG"], message: "PLANNER_DEMO_REQUEST_LOG applies to the demo tenant only: unset it in live mode." });
  }
  if (server.PLANNER_DEMO === "off" && !live) {
    issues.push({ path: ["NEXT_PUBLIC_MSAL_CLIENT_ID"], message: "PLANNER_DEMO=off needs NEXT_PUBLIC_MSAL_CLIENT_ID for live sign-in." });
  }
  if (issues.length > 0) throw failure(issues);
  return {
    mode: live ? "live" : "demo",
    graphBaseUrl: server.GRAPH_BASE_URL,
    graphTimeoutMs: server.GRAPH_TIMEOUT_MS,
    validateRateLimitPerMinute: server.VALIDATE_RATE_LIMIT_PER_MINUTE,
    exportRateLimitPerMinute: server.EXPORT_RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: server.TRUSTED_PROXY_HOPS,
    rateLimitRedisUrl: server.RATE_LIMIT_REDIS_URL,
    demoFaults: server.PLANNER_DEMO_FAULTS,
    demoRequestLog: server.PLANNER_DEMO_REQUEST_LOG,
  };
}

/**
 * The public values as `next build` inlines them into browser code. A wrong
 * value never gets this far: next.config.ts checks them before building.
 */
export const publicConfig: PublicConfig = (() => {
  const inlined = {
    NEXT_PUBLIC_MSAL_CLIENT_ID: process.env.NEXT_PUBLIC_MSAL_CLIENT_ID,
    NEXT_PUBLIC_MSAL_AUTHORITY: process.env.NEXT_PUBLIC_MSAL_AUTHORITY,
  };
  try {
    return parsePublicConfig(inlined);
  } catch {
    // Only reachable in a build that skipped next.config.ts's check: sign in nowhere rather than somewhere wrong.
    return { msalClientId: "", msalAuthority: DEFAULT_AUTHORITY, liveMode: false };
  }
})();

/** "development" under `next dev`, "production" in a build, "test" under Vitest. */
export const nodeEnvironment = process.env.NODE_ENV;

/** True in the Node.js server runtime (instrumentation runs in the edge runtime too). */
export const isNodeRuntime = process.env.NEXT_RUNTIME === "nodejs";

/** The environment as the build sees it: checked by next.config.ts so a wrong public value never reaches a browser bundle. */
export function checkBuildEnvironment(): void {
  parsePublicConfig(process.env);
}

let cached: ServerConfig | undefined;

/** The server's configuration, read once per process. Server code only: the browser has no server values. */
export function serverConfig(): ServerConfig {
  if (typeof window !== "undefined") throw new Error("serverConfig() is for server code: the browser has only publicConfig.");
  cached ??= parseServerConfig(process.env);
  return cached;
}

/**
 * Options of `next build` itself: where the build goes (the live-mode
 * end-to-end build has its own folder) and whether it re-checks types (that
 * second build compiles sources the first one and `npm run typecheck` checked).
 */
export const buildOptions = {
  distDir: process.env.NEXT_DIST_DIR || ".next",
  skipTypeCheck: process.env.PLANNER_SKIP_BUILD_TYPECHECK === "1",
} as const;
