import { expect, test } from "@playwright/test";
import { strFromU8, unzipSync } from "fflate";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { demoTenant } from "@/lib/graph/fake/demo-tenant";
import { startFakeGraph, type FakeGraph } from "@/lib/graph/fake/graph-server";
import { expectAccessible, expectStep } from "./helpers";
import { routeIdentityPlatform, SIGN_IN_ORIGIN, testJwt } from "./identity-platform";
import { E2E_REQUEST_LOG, LIVE_CLIENT_ID, LIVE_GRAPH_PORT, LIVE_SERVER_LOG, LIVE_TENANT_ID } from "./settings";

/**
 * The live mode end to end, with no network: the live-mode build (a test
 * client ID, the production CSP) signs in through its real MSAL code, a popup
 * and the redirect bridge, against Microsoft's sign-in host answered by the
 * test, and its server checks the plan against a Graph fake at GRAPH_BASE_URL
 * that accepts only the token the sign-in issued.
 */

/** Appears inside the access token only; found anywhere else, the token leaked. */
const MARKER = `e2e-token-marker-${randomUUID()}`;
const ACCESS_TOKEN = testJwt({ aud: "https://graph.microsoft.com", tid: LIVE_TENANT_ID, scp: "Directory.Read.All", marker: MARKER });
const USER = { oid: "0b8a1c52-0009-4e51-9c2a-5f0d1b2e3a49", name: "Gloria Global", username: "global.admin@contoso.onmicrosoft.com" };
const GRANTED = ["User.Read", "User.Read.All", "GroupMember.Read.All", "Domain.Read.All", "Organization.Read.All", "RoleManagement.Read.Directory", "RoleEligibilitySchedule.Read.Directory", "Application.Read.All"];

let graph: FakeGraph;
test.beforeAll(async () => {
  // Two items a page: the checks must follow next pages through the same base URL.
  graph = await startFakeGraph({ tenant: demoTenant(), port: LIVE_GRAPH_PORT, expectedBearer: ACCESS_TOKEN, pageSize: 2, requestLog: E2E_REQUEST_LOG });
});
test.afterAll(async () => {
  await graph?.close();
});

function leaks(text: string): boolean {
  return text.includes(ACCESS_TOKEN) || text.includes(MARKER) || text.includes(ACCESS_TOKEN.split(".")[2]!);
}

test("live mode signs in through MSAL's popup and the redirect bridge, checks the plan with the token, and leaks the token nowhere", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  const appOrigin = new URL(baseURL!).origin;
  const signIn = await routeIdentityPlatform(context, { clientId: LIVE_CLIENT_ID, tenantId: LIVE_TENANT_ID, appOrigin, accessToken: ACCESS_TOKEN, user: USER, grantedScopes: GRANTED });
  const urls: string[] = [];
  const bodies: Promise<string>[] = [];
  const consoleProblems: string[] = [];
  context.on("request", (request) => urls.push(request.url()));
  context.on("response", (response) => {
    if (response.url().startsWith(appOrigin)) bodies.push(response.text().catch(() => ""));
  });
  context.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame)/i.test(message.text())) consoleProblems.push(message.text());
  });

  // The Connect example, moved onto the tenant the fake serves.
  const plan = await (await page.request.get("/examples/connect-fabrikam-three-forests.json")).json();
  plan.environment.tenant = { initialDomain: "contoso.onmicrosoft.com", tenantId: "" };
  plan.accounts.connectHybridIdentityAdmin.name = DEMO_PEOPLE.goodAdmin;
  plan.accounts.breakGlassAdmin.name = DEMO_PEOPLE.breakGlass;
  plan.updatedAt = new Date(Date.now() - 60_000).toISOString();
  await page.goto("/");
  await page.evaluate((draft) => window.localStorage.setItem("entra-sync-planner:draft", draft), JSON.stringify({ plan, stepValues: {}, started: true }));

  await page.goto("/plan/validate");
  await expectStep(page, "Check against your tenant");
  await expect(page.getByRole("heading", { name: "Demo tenant: not your tenant" })).toHaveCount(0);
  const csp = (await page.request.get("/plan/validate")).headers()["content-security-policy"] ?? "";
  expect(csp).toContain(`connect-src 'self' ${SIGN_IN_ORIGIN}`);

  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  const popup = await popupOpened;
  // The redirect bridge hands the response to this window and closes the popup.
  await popup.waitForEvent("close", { timeout: 30_000 });
  await expect(page.getByText(`Signed in as ${USER.username}`)).toBeVisible();

  const authorize = signIn.authorize[0]!;
  expect(signIn.authorize).toHaveLength(1);
  expect(Object.fromEntries(["client_id", "redirect_uri", "response_type", "response_mode", "code_challenge_method"].map((name) => [name, authorize.searchParams.get(name)]))).toEqual({
    client_id: LIVE_CLIENT_ID,
    redirect_uri: `${appOrigin}/auth/redirect`,
    response_type: "code",
    response_mode: "fragment",
    code_challenge_method: "S256",
  });
  expect(authorize.pathname).toBe(`/${LIVE_TENANT_ID}/oauth2/v2.0/authorize`);
  expect(authorize.searchParams.get("scope")?.split(" ")).toContain("https://graph.microsoft.com/.default");
  expect(signIn.token.map((form) => form.get("grant_type"))).toContain("authorization_code");

  await page.getByRole("button", { name: "Run the checks" }).click();
  await expect(page.getByTestId("checked-at")).toContainText("Contoso (demo tenant)");
  const admin = page.getByRole("region", { name: "Hybrid Identity Administrator", exact: true });
  await expect(admin.locator('[data-status="pass"]')).toHaveCount(5);
  await expect(page.locator('[data-status="warn"]').filter({ hasText: "A Connect server already syncs with an application identity" })).toBeVisible();
  await expectAccessible(page);

  // The token reached Graph (the fake answers no other), next pages included.
  expect(graph.requests.length).toBeGreaterThan(10);
  expect(graph.requests.some((request) => request.url.includes("$skiptoken="))).toBe(true);
  expect(signIn.unexpected).toEqual([]);

  // Every export, from the zip of them all (the workbook is a zip itself).
  await page.getByRole("link", { name: "Continue to export" }).click();
  await expectStep(page, "Export the plan");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download everything" }).click()]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const exported = Object.entries(files).flatMap(([name, bytes]) => (name.endsWith(".xlsx") ? Object.values(unzipSync(bytes)).map((part) => strFromU8(part)) : [strFromU8(bytes)]));
  expect(exported.join("\n")).toContain("A Connect server already syncs with an application identity");

  expect(urls.filter(leaks)).toEqual([]);
  expect((await Promise.all(bodies)).filter(leaks)).toEqual([]);
  expect(leaks(await page.content())).toBe(false);
  expect(leaks(await page.locator("body").innerText())).toBe(false);
  expect(exported.filter(leaks)).toEqual([]);
  const serverLog = await readFile(LIVE_SERVER_LOG, "utf8");
  expect(serverLog).toContain("live mode");
  expect(leaks(serverLog)).toBe(false);
  expect(consoleProblems).toEqual([]);
});
