import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    // Browser code never reaches the Graph client, the checks or the fake: lib/graph is server-only.
    files: ["components/**", "lib/demo/**", "lib/auth/**", "lib/draft/**", "lib/library/**", "lib/forms/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/graph", "@/lib/graph/*"], message: "lib/graph is server-only: browser code talks to it through /api/validate." }] },
      ],
    },
  },
  globalIgnores([".next/**", ".next-live/**", "out/**", "build/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "bench-results/**"]),
]);
