import type { NextConfig } from "next";
import { buildOptions, checkBuildEnvironment, nodeEnvironment } from "./lib/config/env";
import { API_CONTENT_SECURITY_POLICY, PATHS_WITHOUT_PROXY, STATIC_CONTENT_SECURITY_POLICY, staticSecurityHeaders } from "./lib/security/headers";

// NEXT_PUBLIC_* values are inlined into browser code: a wrong one stops the build here.
checkBuildEnvironment();

const nextConfig: NextConfig = {
  distDir: buildOptions.distDir,
  typescript: { ignoreBuildErrors: buildOptions.skipTypeCheck },
  poweredByHeader: false,
  reactStrictMode: true,
  // A self-contained server in .next/standalone: see README, "Deploying".
  output: "standalone",
  async headers() {
    return [
      { source: "/:path*", headers: staticSecurityHeaders(nodeEnvironment === "production") },
      ...PATHS_WITHOUT_PROXY.map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: STATIC_CONTENT_SECURITY_POLICY }] })),
      {
        source: "/api/:path*",
        headers: [
          { key: "Content-Security-Policy", value: API_CONTENT_SECURITY_POLICY },
          { key: "Cache-Control", value: "no-store" },
        ],
      },
    ];
  },
};

export default nextConfig;
