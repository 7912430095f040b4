import "server-only";
import { z } from "zod";

/**
 * Server configuration, read once from the environment and checked by a
 * schema: a wrong value stops the server with a message naming the variable.
 * The Graph base URL is configuration, never request input.
 */
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
  })
  .superRefine((config, context) => {
    if (config.PLANNER_DEMO === "on" && config.NEXT_PUBLIC_MSAL_CLIENT_ID) {
      context.addIssue({
        code: "custom",
        path: ["PLANNER_DEMO"],
        message: "PLANNER_DEMO=on cannot be combined with NEXT_PUBLIC_MSAL_CLIENT_ID: the demo tenant would answer for a live sign-in. Unset one of them.",
      });
    }
    if (config.PLANNER_DEMO === "off" && !config.NEXT_PUBLIC_MSAL_CLIENT_ID) {
      context.addIssue({ code: "custom", path: ["NEXT_PUBLIC_MSAL_CLIENT_ID"], message: "PLANNER_DEMO=off needs NEXT_PUBLIC_MSAL_CLIENT_ID for live sign-in." });
    }
  });

export interface ServerConfig {
  mode: "demo" | "live";
  graphBaseUrl: string;
  graphTimeoutMs: number;
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
  };
}

let cached: ServerConfig | undefined;

export function serverConfig(): ServerConfig {
  cached ??= parseServerConfig(process.env);
  return cached;
}
