import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { FakeTenant } from "./tenant-data";

/**
 * A Graph-compatible fake for the demo tenant and the tests. It speaks the
 * wire format the real client relies on: /v1.0 paths, $select, the $filter
 * forms the validator sends (with '' unescaping), JSON $batch with per-item
 * Content-Type, the error envelope, 401 without a bearer token, Retry-After.
 * Faults can be injected per path, on the outer request or on batch items.
 */

export type FaultKind = "429" | "503" | "504" | "401" | "403" | "slow" | "malformed" | "drop";

export interface FaultRule {
  /** Matched against the decoded path after /v1.0, like "/users/x@y" or "/$batch". */
  path: RegExp;
  kind: FaultKind;
  /** outer: the HTTP request itself; item: a request inside a $batch. */
  where?: "outer" | "item" | "any";
  /** How many matching requests get the fault; then it is spent. */
  times?: number;
  retryAfterSeconds?: number;
  delayMs?: number;
}

export interface SeenRequest {
  via: "http" | "batch";
  method: string;
  /** Decoded path after /v1.0. */
  path: string;
  /** The value a $filter compared with, after '' unescaping. */
  filterValue?: string;
  acceptLanguage?: string;
}

export interface FakeGraphOptions {
  tenant: FakeTenant;
  /** Added to every HTTP request, like a network round trip. */
  latencyMs?: number;
  faults?: FaultRule[];
}

export interface FakeGraph {
  baseUrl: string;
  requests: SeenRequest[];
  /** HTTP requests answered (a $batch counts once). */
  httpRequestCount(): number;
  setFaults(faults: FaultRule[]): void;
  setLatency(ms: number): void;
  close(): Promise<void>;
}

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Sent as is, for malformed-body faults. */
  raw?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function errorBody(code: string, message: string) {
  return {
    error: {
      code,
      message,
      innerError: { date: new Date().toISOString(), "request-id": randomUUID(), "client-request-id": randomUUID() },
    },
  };
}

function error(status: number, code: string, message: string, headers?: Record<string, string>): Answer {
  return { status, body: errorBody(code, message), headers };
}

function unquote(value: string): string {
  return value.replaceAll("''", "'");
}

function parseFilter(filter: string): { kind: "eq" | "startswith"; property: string; value: string } | undefined {
  const eq = /^(\w+) eq '((?:[^']|'')*)'$/.exec(filter);
  if (eq) return { kind: "eq", property: eq[1]!, value: unquote(eq[2]!) };
  const starts = /^startswith\((\w+),\s*'((?:[^']|'')*)'\)$/.exec(filter);
  if (starts) return { kind: "startswith", property: starts[1]!, value: unquote(starts[2]!) };
  return undefined;
}

function select<T extends object>(item: T, query: URLSearchParams): Partial<T> {
  const fields = query.get("$select");
  if (!fields) return item;
  const wanted = new Set(fields.split(",").map((field) => field.trim()));
  return Object.fromEntries(Object.entries(item).filter(([key]) => wanted.has(key) || key === "id")) as Partial<T>;
}

function collection(baseUrl: string, path: string, items: object[], query: URLSearchParams): Answer {
  return { status: 200, body: { "@odata.context": `${baseUrl}/v1.0/$metadata#${path.split("/").filter(Boolean).join("/")}`, value: items.map((item) => select(item, query)) } };
}

/** `users/o'brien@x`, `users/%23EXT%23…` (decoded by URL parsing) or `users('$x@y')`. */
function userKey(segment: string): string {
  const quoted = /^\('((?:[^']|'')*)'\)$/.exec(segment);
  return quoted ? unquote(quoted[1]!) : segment;
}

export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const tenant = options.tenant;
  let faults = [...(options.faults ?? [])];
  let latencyMs = options.latencyMs ?? 0;
  let httpCount = 0;
  const requests: SeenRequest[] = [];
  let baseUrl = "";

  function takeFault(path: string, where: "outer" | "item"): FaultRule | undefined {
    const fault = faults.find((rule) => (rule.where ?? "any") !== (where === "outer" ? "item" : "outer") && rule.path.test(path) && (rule.times ?? 1) > 0);
    if (fault) fault.times = (fault.times ?? 1) - 1;
    return fault;
  }

  function findUser(key: string) {
    const lower = key.toLowerCase();
    return tenant.users.find((user) => user.id === key || user.userPrincipalName?.toLowerCase() === lower);
  }

  /** Answers one GET, from the outer request or a batch item. */
  function answerGet(rawPath: string, query: URLSearchParams, acceptLanguage: string | undefined, via: SeenRequest["via"]): Answer {
    const segments = rawPath.split("/").filter(Boolean).map((segment) => decodeURIComponent(segment));
    const path = `/${segments.join("/")}`;
    const filterText = query.get("$filter");
    const filter = filterText ? parseFilter(filterText) : undefined;
    requests.push({ via, method: "GET", path, filterValue: filter?.value, acceptLanguage });
    if (filterText && !filter) return error(400, "BadRequest", `Invalid filter clause: ${filterText}`);

    const [head, second, third, fourth] = segments;
    if (head === "organization" && segments.length === 1) return collection(baseUrl, path, [tenant.organization], query);
    if (head === "domains" && segments.length === 1) return collection(baseUrl, path, tenant.domains, query);

    if (head === "users" && segments.length === 1) {
      if (!filter || filter.kind !== "startswith" || filter.property !== "userPrincipalName") {
        return error(400, "Request_UnsupportedQuery", "This fake answers users?$filter=startswith(userPrincipalName,'…') only.");
      }
      const prefix = filter.value.toLowerCase();
      return collection(baseUrl, path, tenant.users.filter((user) => user.userPrincipalName?.toLowerCase().startsWith(prefix)), query);
    }
    if (head?.startsWith("users(") || (head === "users" && second)) {
      const key = head.startsWith("users(") ? userKey(head.slice("users".length)) : userKey(second!);
      const rest = head.startsWith("users(") ? segments.slice(1) : segments.slice(2);
      const user = findUser(key);
      if (!user) return error(404, "Request_ResourceNotFound", `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);
      if (rest.length === 0) return { status: 200, body: { "@odata.context": `${baseUrl}/v1.0/$metadata#users/$entity`, ...select(user, query) } };
      if (rest[0] === "transitiveMemberOf" && (rest.length === 1 || rest[1] === "microsoft.graph.group")) {
        const groups = tenant.groups
          .filter((group) => group.memberIds.includes(user.id!))
          .map((group) => ({ "@odata.type": "#microsoft.graph.group", id: group.id, displayName: group.displayName, isAssignableToRole: group.isAssignableToRole }));
        return collection(baseUrl, path, groups, query);
      }
      return error(400, "BadRequest", `Resource not found for the segment '${rest[0]}'.`);
    }

    if (head === "roleManagement" && second === "directory" && !fourth) {
      if (third === "roleAssignments" || third === "roleEligibilityScheduleInstances") {
        if (third === "roleEligibilityScheduleInstances" && (!acceptLanguage || acceptLanguage.trim() === "*")) {
          return error(400, "UnknownError", "The Accept-Language header is not valid for this request.");
        }
        if (!filter || filter.kind !== "eq" || !["principalId", "roleDefinitionId"].includes(filter.property)) {
          return error(400, "BadRequest", "Filter on principalId or roleDefinitionId.");
        }
        const items = third === "roleAssignments" ? tenant.roleAssignments : tenant.roleEligibilities;
        const property = filter.property as "principalId" | "roleDefinitionId";
        return collection(baseUrl, path, items.filter((item) => item[property] === filter.value), query);
      }
    }
    return error(404, "Request_ResourceNotFound", `Resource not found for the segment '${segments.at(-1) ?? ""}'.`);
  }

  function faultAnswer(fault: FaultRule): Answer | "drop" | undefined {
    switch (fault.kind) {
      case "429":
        return error(429, "TooManyRequests", "Too many requests.", { "Retry-After": String(fault.retryAfterSeconds ?? 1) });
      case "503":
        return error(503, "ServiceUnavailable", "The service is temporarily unavailable.", fault.retryAfterSeconds ? { "Retry-After": String(fault.retryAfterSeconds) } : undefined);
      case "504":
        return error(504, "GatewayTimeout", "The gateway timed out.");
      case "401":
        return error(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.");
      case "403":
        return error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
      case "malformed":
        return { status: 200, body: undefined, raw: '{"value": [{"id": ' };
      case "drop":
        return "drop";
      case "slow":
        return undefined;
    }
  }

  async function answerBatch(body: string, acceptLanguage: string | undefined): Promise<Answer> {
    let parsed: { requests?: { id?: unknown; method?: unknown; url?: unknown; headers?: Record<string, string> }[] };
    try {
      parsed = JSON.parse(body);
    } catch {
      return error(400, "BadRequest", "Invalid batch payload format.");
    }
    const items = parsed.requests;
    if (!Array.isArray(items) || items.length === 0) return error(400, "BadRequest", "Invalid batch payload format.");
    if (items.length > 20) return error(400, "BadRequest", "The number of batch requests exceeds the limit of 20.");
    const ids = items.map((item) => String(item.id));
    if (new Set(ids).size !== ids.length) return error(400, "BadRequest", "Batch request ids must be unique.");

    const responses = await Promise.all(
      items.map(async (item) => {
        const id = String(item.id);
        const url = String(item.url ?? "");
        if (item.method !== "GET") return { id, status: 405, headers: { "Content-Type": "application/json" }, body: errorBody("BadRequest", "This fake answers GET items only.") };
        if (!url.startsWith("/") || url.startsWith("/v1.0/") || url.startsWith("/beta/")) {
          return { id, status: 400, headers: { "Content-Type": "application/json" }, body: errorBody("BadRequest", "A batch item's url is relative, without the version.") };
        }
        const itemUrl = new URL(url, "http://batch.invalid");
        const language = item.headers?.["Accept-Language"] ?? acceptLanguage;
        const fault = takeFault(decodeURIComponent(itemUrl.pathname), "item");
        if (fault) requests.push({ via: "batch", method: "GET", path: decodeURIComponent(itemUrl.pathname), acceptLanguage: language });
        if (fault?.kind === "slow") await sleep(fault.delayMs ?? 1000);
        const injected = fault ? faultAnswer(fault) : undefined;
        if (injected && injected !== "drop" && injected.raw === undefined) {
          return { id, status: injected.status, headers: { "Content-Type": "application/json", ...injected.headers }, body: injected.body };
        }
        if (injected && injected !== "drop") return { id, status: 200, headers: { "Content-Type": "application/json" }, body: "not json" };
        const answer = answerGet(itemUrl.pathname, itemUrl.searchParams, language, "batch");
        return { id, status: answer.status, headers: { "Content-Type": "application/json", ...answer.headers }, body: answer.body };
      }),
    );
    // Graph answers batch items in any order: so does the fake.
    return { status: 200, body: { responses: responses.reverse() } };
  }

  async function handle(request: IncomingMessage, response: ServerResponse) {
    httpCount += 1;
    const send = (answer: Answer) => {
      response.writeHead(answer.status, { "Content-Type": "application/json", ...answer.headers });
      response.end(answer.raw ?? JSON.stringify(answer.body));
    };
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const url = new URL(request.url ?? "/", baseUrl);
    if (!url.pathname.startsWith("/v1.0/")) return send(error(404, "BadRequest", "Invalid version."));
    const path = decodeURIComponent(url.pathname.slice("/v1.0".length));

    const authorization = request.headers.authorization ?? "";
    if (!/^Bearer \S+$/.test(authorization)) {
      return send(error(401, "InvalidAuthenticationToken", "Access token is empty."));
    }
    if (latencyMs > 0) await sleep(latencyMs);
    const fault = takeFault(path, "outer");
    if (fault?.kind === "slow") {
      await sleep(fault.delayMs ?? 1000);
      // A client that gave up is gone: answering now would use up faults meant for later requests.
      if (request.socket.destroyed) return;
    }
    const injected = fault ? faultAnswer(fault) : undefined;
    if (injected === "drop") {
      request.socket.destroy();
      return;
    }
    if (injected) return send(injected);

    const acceptLanguage = request.headers["accept-language"];
    if (request.method === "POST" && path === "/$batch") return send(await answerBatch(Buffer.concat(chunks).toString("utf8"), acceptLanguage));
    if (request.method === "GET") return send(answerGet(url.pathname.slice("/v1.0".length), url.searchParams, acceptLanguage, "http"));
    return send(error(405, "BadRequest", "Method not allowed."));
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) {
        response.writeHead(500, { "Content-Type": "application/json" });
        response.end(JSON.stringify(errorBody("InternalServerError", "The fake failed.")));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // The fake never keeps a process alive on its own.
  server.unref();
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    requests,
    httpRequestCount: () => httpCount,
    setFaults: (next) => {
      faults = [...next];
    },
    setLatency: (ms) => {
      latencyMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
