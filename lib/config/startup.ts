import "server-only";
import { parseServerConfig } from "./server-config";

/** Stops the server when its configuration is wrong, naming the variable. */
export function checkConfigurationOrExit(): void {
  try {
    const config = parseServerConfig(process.env);
    console.log(`Entra sync account planner: ${config.mode === "demo" ? "demo mode (built-in demo tenant)" : "live mode (Microsoft sign-in)"}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
