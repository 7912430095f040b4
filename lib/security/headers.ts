/**
 * The security headers of every response. Pages get a Content-Security-Policy
 * with a fresh nonce from proxy.ts; everything else gets these fixed headers
 * from next.config.ts.
 */

/** Microsoft's sign-in host: the only other origin the browser talks to, in live mode only. */
export function signInOrigins(authority: string | undefined, liveMode: boolean): string[] {
  if (!liveMode) return [];
  try {
    return [new URL(authority || "https://login.microsoftonline.com").origin];
  } catch {
    return ["https://login.microsoftonline.com"];
  }
}

export function pageContentSecurityPolicy(nonce: string, options: { development: boolean; signInOrigins: string[] }): string {
  const signIn = options.signInOrigins.join(" ");
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    // React and Next set a few style attributes (the route announcer's, for one): attributes only, never <style> elements.
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${signIn ? ` ${signIn}` : ""}`,
    `frame-src ${signIn || "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For API responses: they are data, never a document to render. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Paths proxy.ts does not run for (static files, the examples, the schema):
 * they get a fixed policy, so that a 404 page served under one of them is
 * not a document without a Content-Security-Policy. Keep in step with the
 * proxy's matcher.
 */
export const PATHS_WITHOUT_PROXY = ["/_next/static/:path*", "/_next/image/:path*", "/examples/:path*", "/favicon.ico/:path*", "/icon.svg/:path*", "/plan.schema.json/:path*"];
export const STATIC_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'";

export function staticSecurityHeaders(production: boolean): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin-allow-popups" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=()",
    },
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
