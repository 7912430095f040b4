import "server-only";
import { z } from "zod";

/**
 * Server configuration, read once from the environment and checked by a
 * schema: a wrong value stops the server with a message naming the variable.
 * The Graph base URL is configuration, never request input.
 */
/** Faults for the demo tenant, for drills and the fault tests: never used in live mode. */
const demoFaultsSchema = z.array(
  z.object({
    path: z.string().refine((value) => {
      try {
        new RegExp(value);
        return true;
      } catch {
        return false;
      }
    }, "each fault's path must be a regular expression"),
    kind: z.enum(["429", "503", "504", "401", "403", "slow", "malformed", "drop"]),
    where: z.enum(["outer", "item", "any"]).optional(),
    times: z.number().int().min(1).optional(),
    retryAfterSeconds: z.number().min(0).optional(),
    delayMs: z.number().int().min(0).max(60_000).optional(),
  }),
);

export type DemoFault = z.output<typeof demoFaultsSchema>[number];

const configSchema = z
  .object({
    GRAPH_BASE_URL: z
      .url({ message: "GRAPH_BASE_URL must be an http(s) URL, like https://graph.microsoft.com." })
      .refine((value) => /^https?:\/\//.test(value) && !value.endsWith("/"), "GRAPH_BASE_URL must start with http:// or https:// and not end with /.")
      .default("https://graph.microsoft.com"),
    NEXT_PUBLIC_MSAL_CLIENT_ID: z
      .union([z.literal(""), z.uuid({ message: "NEXT_PUBLIC_MSAL_CLIENT_ID must be the application (client) ID, a GUID." })])
      .default(""),
    PLANNER_DEMO: z.enum(["auto", "on", "off"], { message: "PLANNER_DEMO must be auto, on or off." }).default("auto"),
    GRAPH_TIMEOUT_MS: z.coerce.number({ message: "GRAPH_TIMEOUT_MS must be a number of milliseconds." }).int().min(500).max(60_000).default(10_000),
    VALIDATE_RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ message: "VALIDATE_RATE_LIMIT_PER_MINUTE must be a whole number." })
      .int("VALIDATE_RATE_LIMIT_PER_MINUTE must be a whole number.")
      .min(1, "VALIDATE_RATE_LIMIT_PER_MINUTE must be at least 1.")
      .max(10_000, "VALIDATE_RATE_LIMIT_PER_MINUTE must be at most 10000.")
      .default(20),
    TRUSTED_PROXY_HOPS: z.coerce
      .number({ message: "TRUSTED_PROXY_HOPS must be a whole number." })
      .int("TRUSTED_PROXY_HOPS must be a whole number.")
      .min(0, "TRUSTED_PROXY_HOPS cannot be negative.")
      .max(10, "TRUSTED_PROXY_HOPS must be at most 10.")
      .default(0),
    PLANNER_DEMO_REQUEST_LOG: z.string().default(""),
    PLANNER_DEMO_FAULTS: z
      .string()
      .default("[]")
      .transform((value, context) => {
        try {
          const parsed = demoFaultsSchema.safeParse(JSON.parse(value));
          if (parsed.success) return parsed.data;
          context.addIssue({ code: "custom", message: `PLANNER_DEMO_FAULTS: ${parsed.error.issues[0]?.message ?? "not a list of faults"}.` });
        } catch {
          context.addIssue({ code: "custom", message: "PLANNER_DEMO_FAULTS must be a JSON list of faults." });
        }
        return z.NEVER;
      }),
  })
  .superRefine((config, context) => {
    if (config.PLANNER_DEMO === "on" && config.NEXT_PUBLIC_MSAL_CLIENT_ID) {
      context.addIssue({
        code: "custom",
        path: ["PLANNER_DEMO"],
        message: "PLANNER_DEMO=on cannot be combined with NEXT_PUBLIC_MSAL_CLIENT_ID: the demo tenant would answer for a live sign-in. Unset one of them.",
      });
    }
    if (config.PLANNER_DEMO_FAULTS.length > 0 && config.NEXT_PUBLIC_MSAL_CLIENT_ID) {
      context.addIssue({ code: "custom", path: ["PLANNER_DEMO_FAULTS"], message: "PLANNER_DEMO_FAULTS applies to the demo tenant only: unset it in live mode." });
    }
    if (config.PLANNER_DEMO_REQUEST_LOG && config.NEXT_PUBLIC_MSAL_CLIENT_ID) {
      context.addIssue({ code: "custom", path: ["PLANNER_DEMO_REQUEST_LOG"], message: "PLANNER_DEMO_REQUEST_LOG applies to the demo tenant only: unset it in live mode." });
    }
    if (config.PLANNER_DEMO === "off" && !config.NEXT_PUBLIC_MSAL_CLIENT_ID) {
      context.addIssue({ code: "custom", path: ["NEXT_PUBLIC_MSAL_CLIENT_ID"], message: "PLANNER_DEMO=off needs NEXT_PUBLIC_MSAL_CLIENT_ID for live sign-in." });
    }
  });

export interface ServerConfig {
  mode: "demo" | "live";
  graphBaseUrl: string;
  graphTimeoutMs: number;
  validateRateLimitPerMinute: number;
  trustedProxyHops: number;
  demoFaults: DemoFault[];
  /** A file the demo tenant appends every request it answers to (for the conformance test); empty for none. */
  demoRequestLog: string;
}

export function parseServerConfig(environment: Record<string, string | undefined>): ServerConfig {
  const result = configSchema.safeParse(environment);
  if (!result.success) {
    // One line per variable: its first problem says what to fix.
    const byVariable = new Map<string, string>();
    for (const issue of result.error.issues) {
      const variable = String(issue.path[0] ?? "environment");
      if (!byVariable.has(variable)) byVariable.set(variable, issue.message);
    }
    const lines = [...byVariable].map(([variable, message]) => `  ${variable}: ${message}`);
    throw new Error(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const config = result.data;
  return {
    mode: config.NEXT_PUBLIC_MSAL_CLIENT_ID ? "live" : "demo",
    graphBaseUrl: config.GRAPH_BASE_URL,
    graphTimeoutMs: config.GRAPH_TIMEOUT_MS,
    validateRateLimitPerMinute: config.VALIDATE_RATE_LIMIT_PER_MINUTE,
    trustedProxyHops: config.TRUSTED_PROXY_HOPS,
    demoFaults: config.PLANNER_DEMO_FAULTS,
    demoRequestLog: config.PLANNER_DEMO_REQUEST_LOG,
  };
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
