import type { BrowserContext, Route } from "@playwright/test";
import { createHash, randomBytes, randomUUID } from "node:crypto";

/**
 * Microsoft's sign-in host, answered inside the browser context the way the
 * identity platform answers a single-page app's authorization code flow with
 * PKCE: the authority metadata, the authorize request (a redirect back to the
 * app's redirect URI with the code, state and client_info in the fragment)
 * and the token request (CORS, PKCE and nonce checked). browserContext.route
 * sees a popup's first navigation; page.route would not. Nothing here is a
 * real credential: the tokens are unsigned test values.
 */

export const SIGN_IN_ORIGIN = "https://login.microsoftonline.com";

export interface TestIdentity {
  clientId: string;
  tenantId: string;
  appOrigin: string;
  /** The access token the token endpoint issues (Graph's fake accepts only this one). */
  accessToken: string;
  user: { oid: string; name: string; username: string };
  /** The delegated Graph permissions the registration was granted. */
  grantedScopes: string[];
}

export interface SignInRecord {
  metadata: number;
  authorize: URL[];
  token: URLSearchParams[];
  /** Requests the identity platform would not know: any makes the test fail. */
  unexpected: string[];
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** A JWT-shaped test token; MSAL in the browser reads its claims and does not check a signature. */
export function testJwt(claims: Record<string, unknown>): string {
  return `${base64url(JSON.stringify({ typ: "JWT", alg: "RS256", kid: "e2e-test" }))}.${base64url(JSON.stringify(claims))}.${base64url(randomBytes(32))}`;
}

export async function routeIdentityPlatform(context: BrowserContext, identity: TestIdentity): Promise<SignInRecord> {
  const record: SignInRecord = { metadata: 0, authorize: [], token: [], unexpected: [] };
  const codes = new Map<string, { challenge: string; nonce: string; redirectUri: string; scope: string }>();
  const issuer = `${SIGN_IN_ORIGIN}/${identity.tenantId}/v2.0`;
  const cors = { "Access-Control-Allow-Origin": identity.appOrigin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
  const json = (route: Route, status: number, body: unknown) =>
    route.fulfill({ status, headers: { ...cors, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" }, body: JSON.stringify(body) });
  const oauthError = (route: Route, error: string, description: string) => json(route, 400, { error, error_description: description, error_codes: [9002326], timestamp: new Date().toISOString(), trace_id: randomUUID(), correlation_id: randomUUID() });

  function tokens(scope: string, nonce: string) {
    const now = Math.floor(Date.now() / 1000);
    const idToken = testJwt({
      aud: identity.clientId,
      iss: issuer,
      iat: now,
      nbf: now,
      exp: now + 3600,
      name: identity.user.name,
      nonce,
      oid: identity.user.oid,
      preferred_username: identity.user.username,
      sub: base64url(createHash("sha256").update(identity.user.oid).digest()),
      tid: identity.tenantId,
      ver: "2.0",
    });
    return {
      token_type: "Bearer",
      scope: [...identity.grantedScopes.map((permission) => `https://graph.microsoft.com/${permission}`), ...scope.split(" ").filter((part) => ["openid", "profile", "offline_access"].includes(part))].join(" "),
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: identity.accessToken,
      refresh_token: `e2e-refresh-${randomUUID()}`,
      id_token: idToken,
      client_info: base64url(JSON.stringify({ uid: identity.user.oid, utid: identity.tenantId })),
    };
  }

  await context.route(`${SIGN_IN_ORIGIN}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === "OPTIONS") {
      return route.fulfill({
        status: 204,
        headers: { ...cors, "Access-Control-Allow-Methods": "GET, POST", "Access-Control-Allow-Headers": request.headers()["access-control-request-headers"] ?? "content-type", "Access-Control-Max-Age": "600" },
      });
    }
    // MSAL 5 carries login.microsoftonline.com's endpoints built in and does not ask; answered for a version that does.
    if (url.pathname.endsWith("/v2.0/.well-known/openid-configuration")) {
      record.metadata += 1;
      const tenant = url.pathname.split("/")[1];
      return json(route, 200, {
        issuer: `${SIGN_IN_ORIGIN}/{tenantid}/v2.0`,
        authorization_endpoint: `${SIGN_IN_ORIGIN}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${SIGN_IN_ORIGIN}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${SIGN_IN_ORIGIN}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${SIGN_IN_ORIGIN}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ["query", "fragment", "form_post"],
        response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
        scopes_supported: ["openid", "profile", "email", "offline_access"],
        code_challenge_methods_supported: ["plain", "S256"],
        tenant_region_scope: "EU",
      });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/authorize") && request.method() === "GET") {
      record.authorize.push(url);
      const param = (name: string) => url.searchParams.get(name) ?? "";
      const redirectUri = param("redirect_uri");
      // A redirect URI that is not registered gets an error page, never a redirect.
      if (redirectUri !== `${identity.appOrigin}/auth/redirect`) return route.fulfill({ status: 400, contentType: "text/plain", body: "AADSTS50011: the redirect URI does not match." });
      const problem =
        param("client_id") !== identity.clientId
          ? "unauthorized_client"
          : param("response_type") !== "code" || param("code_challenge_method") !== "S256" || !param("code_challenge") || !param("state") || !param("nonce")
            ? "invalid_request"
            : undefined;
      const answer = new URLSearchParams();
      if (problem) {
        answer.set("error", problem);
        answer.set("error_description", "The e2e identity platform refused the request.");
      } else {
        const code = base64url(randomBytes(48));
        codes.set(code, { challenge: param("code_challenge"), nonce: param("nonce"), redirectUri, scope: param("scope") });
        answer.set("code", code);
        answer.set("client_info", base64url(JSON.stringify({ uid: identity.user.oid, utid: identity.tenantId })));
      }
      answer.set("state", param("state"));
      answer.set("session_state", randomUUID());
      const separator = param("response_mode") === "query" ? "?" : "#";
      return route.fulfill({ status: 302, headers: { Location: `${redirectUri}${separator}${answer.toString()}`, "Cache-Control": "no-store" } });
    }
    if (url.pathname.endsWith("/oauth2/v2.0/token") && request.method() === "POST") {
      const form = new URLSearchParams(request.postData() ?? "");
      record.token.push(form);
      if (form.get("client_id") !== identity.clientId) return oauthError(route, "invalid_client", "AADSTS700016: unknown application.");
      if (form.get("grant_type") === "authorization_code") {
        const issued = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        if (!issued) return oauthError(route, "invalid_grant", "AADSTS70000: the code is unknown or was used already.");
        const verifierHash = base64url(createHash("sha256").update(form.get("code_verifier") ?? "").digest());
        if (verifierHash !== issued.challenge) return oauthError(route, "invalid_grant", "AADSTS501481: the code verifier does not match the code challenge.");
        if (form.get("redirect_uri") !== issued.redirectUri) return oauthError(route, "invalid_grant", "AADSTS70000: the redirect URI differs from the authorize request's.");
        return json(route, 200, tokens(issued.scope, issued.nonce));
      }
      if (form.get("grant_type") === "refresh_token" && form.get("refresh_token")?.startsWith("e2e-refresh-")) return json(route, 200, tokens(form.get("scope") ?? "", ""));
      return oauthError(route, "unsupported_grant_type", "AADSTS70003: the grant type is not supported here.");
    }
    record.unexpected.push(`${request.method()} ${url.origin}${url.pathname}`);
    return route.fulfill({ status: 404, headers: cors, body: "" });
  });
  return record;
}
