import { isNodeRuntime } from "@/lib/config/env";

/**
 * Runs once when the server starts: a wrong configuration stops it here,
 * with a message naming the variable, instead of failing on a request.
 */
export async function register() {
  if (isNodeRuntime) {
    const { checkConfigurationOrExit } = await import("@/lib/config/startup");
    checkConfigurationOrExit();
  }
}
