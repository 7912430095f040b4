import { NextResponse, type NextRequest } from "next/server";
import { nodeEnvironment, publicConfig } from "@/lib/config/env";
import { pageContentSecurityPolicy, signInOrigins } from "@/lib/security/headers";

/**
 * Gives every page a Content-Security-Policy with a fresh nonce; Next
 * attaches the nonce to its own scripts. API routes and static files get
 * their headers from next.config.ts.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = pageContentSecurityPolicy(nonce, {
    development: nodeEnvironment === "development",
    signInOrigins: signInOrigins(publicConfig.msalAuthority, publicConfig.liveMode),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  // Pages render the user's plan from this browser's storage only; still, never cache them in between.
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export const config = {
  matcher: [
    {
      // Whole segments only, so "/examples-x" still gets a page policy; the paths left out get theirs from next.config.ts (PATHS_WITHOUT_PROXY).
      source: "/((?!(?:api|_next/static|_next/image|favicon\\.ico|icon\\.svg|examples|plan\\.schema\\.json)(?:/|$)).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
