import "server-only";
import { serverConfig } from "./env";

/** Stops the server when its configuration is wrong, naming the variable. */
export function checkConfigurationOrExit(): void {
  try {
    const config = serverConfig();
    const limits = config.rateLimitRedisUrl ? "rate limits in Redis" : "rate limits in this server's memory";
    console.log(`Entra sync account planner: ${config.mode === "demo" ? "demo mode (built-in demo tenant)" : "live mode (Microsoft sign-in)"}, ${limits}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
