import { expect, test } from "@playwright/test";
import { createServer } from "node:http";
import { connect } from "node:net";
import { APP_PORTS, NGINX_PORT, REDIS_PORT, startApp, startNginx, startRedis, type Started } from "./servers";

// Each test starts its own servers (the real front, Debian's redis-server and nginx) on loopback.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const LIMIT = 5;
const notAPlan = JSON.stringify({ plan: { kind: "not-a-plan" } });

/** One request to /api/validate with the given headers; a 400 means "admitted, then refused as not a plan". */
async function validate(port: number, headers: Record<string, string> = {}): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/api/validate`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: notAPlan,
  });
  await response.arrayBuffer();
  return response.status;
}

const spoofed = (index: number) => ({ "X-Forwarded-For": `203.0.113.${index + 1}`, "X-Planner-Forwarded-For": `198.51.100.${index + 1}` });

const running: Started[] = [];
test.afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.stop()));
});

test("with no trusted proxy, the limit counts the socket: made-up X-Forwarded-For addresses change nothing", async () => {
  const port = APP_PORTS.hops0;
  running.push(await startApp(port, { TRUSTED_PROXY_HOPS: "0", VALIDATE_RATE_LIMIT_PER_MINUTE: String(LIMIT) }));
  const statuses = [];
  for (let index = 0; index < 8; index += 1) statuses.push(await validate(port, spoofed(index)));
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
});

test("behind one proxy, the limit counts what the proxy appended, never what the client prepended", async () => {
  const port = APP_PORTS.hops1;
  const app = await startApp(port, { TRUSTED_PROXY_HOPS: "1", VALIDATE_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  running.push(app);
  // This test plays the proxy: the entry it appends last is the client it saw.
  const statuses = [];
  for (let index = 0; index < 8; index += 1) {
    statuses.push(await validate(port, { "X-Forwarded-For": `203.0.113.${index + 1}, 192.0.2.10`, "X-Planner-Forwarded-For": "198.51.100.1" }));
  }
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
  // Another client of the proxy has its own allowance.
  expect(await validate(port, { "X-Forwarded-For": "192.0.2.11" })).toBe(400);

  // The same through Debian's nginx on loopback, set up as the README says: every client here is 127.0.0.1.
  const nginx = await startNginx(port);
  running.push(nginx);
  const throughNginx = [];
  for (let index = 0; index < 8; index += 1) throughNginx.push(await validate(NGINX_PORT, spoofed(index)));
  expect(throughNginx).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);
});

test("a page on another site spends nothing of a visitor's allowance with no-cors text/plain POSTs", async ({ page }) => {
  const port = APP_PORTS.crossSite;
  running.push(await startApp(port, { VALIDATE_RATE_LIMIT_PER_MINUTE: String(LIMIT) }));
  // Another site: a page of its own, on localhost, while the API is on 127.0.0.1.
  const otherSite = createServer((_, response) => response.writeHead(200, { "Content-Type": "text/html" }).end("<!doctype html><title>Another site</title>"));
  await new Promise<void>((resolve) => otherSite.listen(APP_PORTS.otherSite, "127.0.0.1", resolve));
  try {
    await page.goto(`http://localhost:${APP_PORTS.otherSite}/`);
  } catch (error) {
    otherSite.close();
    throw error;
  }
  const answers: number[] = [];
  page.on("response", (response) => {
    if (response.url().endsWith("/api/validate")) answers.push(response.status());
  });
  const sent = await page.evaluate(async (target) => {
    for (let index = 0; index < 10; index += 1) {
      await fetch(target, { method: "POST", mode: "no-cors", headers: { "Content-Type": "text/plain" }, body: '{"plan":{}}' });
    }
    return 10;
  }, `http://127.0.0.1:${port}/api/validate`);
  otherSite.close();
  expect(sent).toBe(10);
  // They reached the server, which refused them: the browser marked them cross-site.
  expect(answers).toEqual(Array(10).fill(403));
  // The visitor's own allowance is whole.
  const statuses = [];
  for (let index = 0; index < LIMIT; index += 1) statuses.push(await validate(port));
  expect(statuses).toEqual(Array(LIMIT).fill(400));
  expect(await validate(port)).toBe(429);
});

test("two instances share one limit through Redis, and keep answering from memory when Redis goes away", async () => {
  const redis = await startRedis();
  running.push(redis);
  const environment = { RATE_LIMIT_REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}`, VALIDATE_RATE_LIMIT_PER_MINUTE: String(LIMIT) };
  const [first, second] = [await startApp(APP_PORTS.redisA, environment), await startApp(APP_PORTS.redisB, environment)];
  running.push(first, second);

  // Alternating between the instances, as a load balancer would: one allowance in all.
  const statuses = [];
  for (let index = 0; index < 8; index += 1) statuses.push(await validate(index % 2 === 0 ? APP_PORTS.redisA : APP_PORTS.redisB));
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429, 429]);

  await redis.stop();
  // Redis is gone: each instance answers from its own memory (nothing counted there yet), never with a 500.
  const fallback = [];
  for (let index = 0; index < 7; index += 1) fallback.push(await validate(APP_PORTS.redisA));
  expect(fallback).toEqual([400, 400, 400, 400, 400, 429, 429]);
  // The log line comes from the client's error event, which may land just after the answers: wait for it, then check it came once.
  const unreachable = () => (first.output().match(/Rate limits: Redis at 127\.0\.0\.1:\d+ cannot be reached/g) ?? []).length;
  await expect.poll(unreachable, { timeout: 10_000 }).toBeGreaterThan(0);
  expect(unreachable()).toBe(1);
  expect(first.output()).not.toContain("redis://");
});

test("an instance whose Redis never answers keeps answering, limits in memory, and says so once", async () => {
  const port = APP_PORTS.redisDown;
  // Nothing listens on this port.
  const app = await startApp(port, { RATE_LIMIT_REDIS_URL: `redis://127.0.0.1:${REDIS_PORT + 1}`, VALIDATE_RATE_LIMIT_PER_MINUTE: String(LIMIT) });
  running.push(app);
  const statuses = [];
  for (let index = 0; index < 7; index += 1) statuses.push(await validate(port));
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  const unreachable = () => (app.output().match(/cannot be reached/g) ?? []).length;
  await expect.poll(unreachable, { timeout: 10_000 }).toBeGreaterThan(0);
  // Retries go on in the background: still said once a moment later.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  expect(unreachable()).toBe(1);
});

test("an upload aborted mid-body leaves no error in the server's log, and the server keeps answering", async () => {
  const port = APP_PORTS.aborted;
  const app = await startApp(port, {});
  running.push(app);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    await new Promise<void>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          ["POST /api/export?format=json HTTP/1.1", "Host: 127.0.0.1", "Content-Type: application/json", "Content-Length: 100000", "", '{"plan": {"kind": "entra-sync-'].join("\r\n"),
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 300);
      });
      socket.on("error", reject);
    });
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(await validate(port)).toBe(400);
  expect(app.output()).not.toMatch(/error|abort|ECONNRESET|unhandled/i);
});
