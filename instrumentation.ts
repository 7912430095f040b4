/**
 * Runs once when the server starts: a wrong configuration stops it here,
 * with a message naming the variable, instead of failing on a request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { parseServerConfig } = await import("@/lib/config/server-config");
  try {
    const config = parseServerConfig(process.env);
    console.log(`Entra sync account planner: ${config.mode === "demo" ? "demo mode (built-in demo tenant)" : "live mode (Microsoft sign-in)"}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
