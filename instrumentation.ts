/**
 * Runs once when the server starts: a wrong configuration stops it here,
 * with a message naming the variable, instead of failing on a request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigurationOrExit } = await import("@/lib/config/startup");
    checkConfigurationOrExit();
  }
}
