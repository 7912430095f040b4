import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const CONFORMANCE = "tests/unit/graph-conformance.test.ts";

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // Modules guarded with `import "server-only"` are exercised directly by unit tests.
      "server-only": fileURLToPath(new URL("./tests/support/server-only-stub.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    // Every fake Graph of the run logs the requests it answers (see tests/support/graph-request-log.ts).
    globalSetup: ["tests/support/graph-request-log.ts"],
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], exclude: [CONFORMANCE], sequence: { groupOrder: 0 } } },
      // Runs after every other unit test, over the requests they sent.
      { extends: true, test: { name: "conformance", include: [CONFORMANCE], sequence: { groupOrder: 1 } } },
    ],
  },
});
