import { randomUUID } from "node:crypto";
import { appendFileSync, mkdirSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import type { FakeTenant } from "./tenant-data";

/**
 * A Graph-compatible fake for the demo tenant and the tests. It speaks the
 * wire format the real client relies on: /v1.0 paths, $select, the $filter
 * forms the validator sends (with '' unescaping), $expand=principal on role
 * assignments, JSON $batch with per-item headers and Content-Type, the error
 * envelope, 401 without a bearer token, Retry-After. Every collection pages
 * through absolute @odata.nextLink URLs, and Graph's rules for advanced
 * queries on directory objects are enforced: what Graph refuses, it refuses.
 * Faults can be injected per path, on the outer request or on batch items.
 */

export type FaultKind = "429" | "503" | "504" | "401" | "403" | "slow" | "malformed" | "drop";

export interface FaultRule {
  /** Matched against the decoded path after /v1.0, like "/users/x@y" or "/$batch". */
  path: RegExp;
  /** Matched against the raw query string (without "?"), like /\$skiptoken=/ for next pages only. */
  query?: RegExp;
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
  /** The URL as it arrived, relative to /v1.0: encoded path and query. */
  url: string;
  /** The value a $filter compared with, after '' unescaping. */
  filterValue?: string;
  acceptLanguage?: string;
  consistencyLevel?: string;
}

export interface FakeGraphOptions {
  tenant: FakeTenant;
  /** Added to every HTTP request, like a network round trip. */
  latencyMs?: number;
  faults?: FaultRule[];
  /**
   * Most items per page, whatever $top asks (Graph may answer fewer than $top):
   * forces paging in tests. Without it a page holds $top items, or 100, Graph's
   * default for directory objects.
   */
  pageSize?: number;
  /** Accept only this bearer token, as Graph accepts only a valid one; any other gets 401. */
  expectedBearer?: string;
  /** Port to listen on; by default a free one. */
  port?: number;
  /** A file to which every request answered is appended, one JSON line each (for the conformance test). */
  requestLog?: string;
  /** Requests kept in `requests`: the demo server runs for long. */
  maxRecorded?: number;
  /** Writes next-page links to this origin instead of the fake's own, like a Graph gone wrong (for tests). */
  nextLinkOrigin?: string;
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

/** What a path names: a collection (perhaps a relationship of a directory object) or one entity. */
type Resource =
  | { kind: "collection"; items: Record<string, unknown>[]; directoryObjects: boolean; relationship: boolean; cast?: string; context: string }
  | { kind: "entity"; item: Record<string, unknown>; context: string };

const DEFAULT_PAGE_SIZE = 100;
const MAX_TOP = 999;
const QUERY_OPTIONS = new Set(["$select", "$filter", "$expand", "$count", "$top", "$skiptoken"]);
const GROUP_CAST = "microsoft.graph.group";

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

const unsupportedQuery = (message: string) => error(400, "Request_UnsupportedQuery", message);

function unquote(value: string): string {
  return value.replaceAll("''", "'");
}

type Filter = { kind: "eq" | "startswith"; property: string; value: string | boolean | null };

function parseFilter(filter: string): Filter | undefined {
  const eqText = /^(\w+) eq '((?:[^']|'')*)'$/.exec(filter);
  if (eqText) return { kind: "eq", property: eqText[1]!, value: unquote(eqText[2]!) };
  const eqLiteral = /^(\w+) eq (true|false|null)$/.exec(filter);
  if (eqLiteral) return { kind: "eq", property: eqLiteral[1]!, value: eqLiteral[2] === "null" ? null : eqLiteral[2] === "true" };
  const starts = /^startswith\((\w+),\s*'((?:[^']|'')*)'\)$/i.exec(filter);
  if (starts) return { kind: "startswith", property: starts[1]!, value: unquote(starts[2]!) };
  return undefined;
}

function matches(item: Record<string, unknown>, filter: Filter): boolean {
  const actual = item[filter.property];
  if (filter.kind === "startswith") return typeof actual === "string" && actual.toLowerCase().startsWith(String(filter.value).toLowerCase());
  if (typeof filter.value === "string" && typeof actual === "string") return actual.toLowerCase() === filter.value.toLowerCase();
  return (actual ?? null) === filter.value;
}

function select(item: Record<string, unknown>, query: URLSearchParams, keep: string[] = []): Record<string, unknown> {
  const fields = query.get("$select");
  if (!fields) return item;
  const wanted = new Set([...fields.split(",").map((field) => field.trim()), "id", "@odata.type", ...keep]);
  return Object.fromEntries(Object.entries(item).filter(([key]) => wanted.has(key)));
}

/** `users/o'brien@x`, `users/%23EXT%23…` (decoded already) or `('$x@y')`. */
function quotedKey(segment: string): string | undefined {
  const quoted = /^\('((?:[^']|'')*)'\)$/.exec(segment);
  return quoted ? unquote(quoted[1]!) : undefined;
}

/** The next page's token: opaque to the client, an offset to the fake. */
const skipToken = (offset: number) => Buffer.from(`offset:${offset}`).toString("base64url");
function offsetOf(token: string): number | undefined {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match ? Number(match[1]) : undefined;
}

export async function startFakeGraph(options: FakeGraphOptions): Promise<FakeGraph> {
  const tenant = options.tenant;
  let faults = [...(options.faults ?? [])];
  let latencyMs = options.latencyMs ?? 0;
  let httpCount = 0;
  const requests: SeenRequest[] = [];
  const maxRecorded = options.maxRecorded ?? Number.POSITIVE_INFINITY;
  let baseUrl = "";
  if (options.requestLog) mkdirSync(dirname(options.requestLog), { recursive: true });

  function record(seen: SeenRequest) {
    requests.push(seen);
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
    if (options.requestLog) appendFileSync(options.requestLog, `${JSON.stringify({ via: seen.via, url: seen.url, consistencyLevel: seen.consistencyLevel })}\n`);
  }

  function takeFault(path: string, rawQuery: string, where: "outer" | "item"): FaultRule | undefined {
    const fault = faults.find(
      (rule) =>
        (rule.where ?? "any") !== (where === "outer" ? "item" : "outer") &&
        rule.path.test(path) &&
        (!rule.query || rule.query.test(rawQuery)) &&
        (rule.times ?? 1) > 0,
    );
    if (fault) fault.times = (fault.times ?? 1) - 1;
    return fault;
  }

  function findUser(key: string) {
    const lower = key.toLowerCase();
    return tenant.users.find((user) => user.id === key || user.userPrincipalName?.toLowerCase() === lower);
  }

  /** Every group a user or group is in, through nested groups too. */
  function transitiveGroups(memberId: string) {
    const found = new Set<string>();
    let frontier = [memberId];
    while (frontier.length > 0) {
      const next = tenant.groups.filter((group) => !found.has(group.id!) && group.memberIds.some((id) => frontier.includes(id)));
      next.forEach((group) => found.add(group.id!));
      frontier = next.map((group) => group.id!);
    }
    return tenant.groups.filter((group) => found.has(group.id!));
  }

  function directoryObject(id: string): Record<string, unknown> | undefined {
    const user = tenant.users.find((candidate) => candidate.id === id);
    if (user) return { "@odata.type": "#microsoft.graph.user", ...user };
    const group = tenant.groups.find((candidate) => candidate.id === id);
    if (group) return { "@odata.type": "#microsoft.graph.group", id: group.id, displayName: group.displayName, isAssignableToRole: group.isAssignableToRole };
    const servicePrincipal = tenant.servicePrincipals.find((candidate) => candidate.id === id);
    if (servicePrincipal) return { "@odata.type": "#microsoft.graph.servicePrincipal", id: servicePrincipal.id, appId: servicePrincipal.appId, displayName: servicePrincipal.displayName };
    return undefined;
  }

  function servicePrincipalOf(segment: string) {
    const alternate = /^servicePrincipals\(appId='((?:[^']|'')*)'\)$/.exec(segment);
    if (alternate) return { key: unquote(alternate[1]!), found: tenant.servicePrincipals.find((candidate) => candidate.appId === unquote(alternate[1]!)) };
    return undefined;
  }

  const notFound = (key: string) => error(404, "Request_ResourceNotFound", `Resource '${key}' does not exist or one of its queried reference-property objects are not present.`);

  /** Resolves a path to what it names, or to Graph's error. */
  function resolve(segments: string[], path: string, acceptLanguage: string | undefined): Resource | Answer {
    const [head, second, third, fourth] = segments;
    const context = `${baseUrl}/v1.0/$metadata#${path.replace(/^\//, "")}`;
    if (head === "organization" && segments.length === 1) return { kind: "collection", items: [tenant.organization as Record<string, unknown>], directoryObjects: true, relationship: false, context };
    if (head === "domains" && segments.length === 1) return { kind: "collection", items: tenant.domains as Record<string, unknown>[], directoryObjects: false, relationship: false, context };
    if (head === "users" && segments.length === 1) return { kind: "collection", items: tenant.users as Record<string, unknown>[], directoryObjects: true, relationship: false, context };

    if (head?.startsWith("users(") || (head === "users" && second)) {
      const key = head.startsWith("users(") ? quotedKey(head.slice("users".length)) : second!;
      if (key === undefined) return error(400, "BadRequest", `Bad request: the key in '${head}' is not a quoted string.`);
      const rest = head.startsWith("users(") ? segments.slice(1) : segments.slice(2);
      const user = findUser(key);
      if (!user) return notFound(key);
      if (rest.length === 0) return { kind: "entity", item: user as Record<string, unknown>, context: `${baseUrl}/v1.0/$metadata#users/$entity` };
      if (rest[0] === "transitiveMemberOf" && rest.length <= 2) {
        const cast = rest[1];
        if (cast !== undefined && cast !== GROUP_CAST) return error(400, "BadRequest", `The type '${cast}' is not a type this fake casts transitiveMemberOf to.`);
        const groups = transitiveGroups(user.id!).map((group) => ({ "@odata.type": "#microsoft.graph.group", id: group.id, displayName: group.displayName, isAssignableToRole: group.isAssignableToRole }));
        return { kind: "collection", items: groups, directoryObjects: true, relationship: true, cast, context };
      }
      return error(400, "BadRequest", `Resource not found for the segment '${rest[0]}'.`);
    }

    const servicePrincipal = head ? servicePrincipalOf(head) : undefined;
    if (servicePrincipal) {
      if (!servicePrincipal.found) return notFound(servicePrincipal.key);
      const { appRoleAssignedTo, ...entity } = servicePrincipal.found;
      if (segments.length === 1) return { kind: "entity", item: entity as Record<string, unknown>, context: `${baseUrl}/v1.0/$metadata#servicePrincipals/$entity` };
      if (second === "appRoleAssignedTo" && segments.length === 2) {
        return { kind: "collection", items: appRoleAssignedTo as Record<string, unknown>[], directoryObjects: true, relationship: true, context };
      }
      return error(400, "BadRequest", `Resource not found for the segment '${second}'.`);
    }

    if (head === "roleManagement" && second === "directory" && !fourth && (third === "roleAssignments" || third === "roleEligibilityScheduleInstances")) {
      if (third === "roleEligibilityScheduleInstances" && (!acceptLanguage || acceptLanguage.trim() === "*")) {
        return error(400, "UnknownError", "The Accept-Language header is not valid for this request.");
      }
      const items = (third === "roleAssignments" ? tenant.roleAssignments : tenant.roleEligibilities) as Record<string, unknown>[];
      return { kind: "collection", items, directoryObjects: false, relationship: false, context };
    }
    return error(404, "Request_ResourceNotFound", `Resource not found for the segment '${segments.at(-1) ?? ""}'.`);
  }

  /** Answers one GET, from the outer request or a batch item. */
  function answerGet(rawPath: string, rawQuery: string, headers: { acceptLanguage?: string; consistencyLevel?: string }, via: SeenRequest["via"]): Answer {
    const query = new URLSearchParams(rawQuery);
    const segments = rawPath.split("/").filter(Boolean).map((segment) => decodeURIComponent(segment));
    const path = `/${segments.join("/")}`;
    const filterText = query.get("$filter");
    const filter = filterText ? parseFilter(filterText) : undefined;
    record({
      via,
      method: "GET",
      path,
      url: `${rawPath}${rawQuery ? `?${rawQuery}` : ""}`,
      filterValue: typeof filter?.value === "string" ? filter.value : undefined,
      acceptLanguage: headers.acceptLanguage,
      consistencyLevel: headers.consistencyLevel,
    });
    const unknownOption = [...query.keys()].find((name) => name.startsWith("$") && !QUERY_OPTIONS.has(name));
    if (unknownOption) return error(400, "BadRequest", `Query option '${unknownOption}' is not allowed.`);
    if (filterText && !filter) return error(400, "BadRequest", `Invalid filter clause: ${filterText}`);

    const resource = resolve(segments, path, headers.acceptLanguage);
    if (!("kind" in resource)) return resource;
    if (resource.kind === "entity") return { status: 200, body: { "@odata.context": resource.context, ...select(resource.item, query) } };

    // Graph's rules for directory objects: a cast or a filter on a relationship is an advanced query.
    const eventual = headers.consistencyLevel?.toLowerCase() === "eventual";
    const countRequested = query.get("$count") === "true";
    if (resource.relationship && (resource.cast || filterText) && !(eventual && countRequested)) {
      return unsupportedQuery("This query on a directory relationship needs the ConsistencyLevel: eventual header and $count=true (an advanced query).");
    }
    if (resource.directoryObjects && eventual && query.has("$expand")) return unsupportedQuery("$expand is not supported with advanced queries.");

    const top = query.get("$top");
    if (top !== null && !(/^\d+$/.test(top) && Number(top) >= 1 && Number(top) <= MAX_TOP)) {
      return error(400, "BadRequest", `Invalid page size specified: '${top}'. Must be between 1 and ${MAX_TOP} inclusive.`);
    }
    const expand = query.get("$expand");
    if (expand && !(expand === "principal" && path.startsWith("/roleManagement/"))) {
      return error(400, "BadRequest", `Could not find a navigation property named '${expand}' here.`);
    }
    if (resource.kind === "collection" && path.startsWith("/roleManagement/") && (!filter || filter.kind !== "eq" || !["principalId", "roleDefinitionId"].includes(filter.property))) {
      return error(400, "BadRequest", "Filter on principalId or roleDefinitionId.");
    }
    if (path === "/users" && (!filter || filter.kind !== "startswith" || filter.property !== "userPrincipalName")) {
      return unsupportedQuery("This fake answers users?$filter=startswith(userPrincipalName,'…') only.");
    }

    const matching = filter ? resource.items.filter((item) => matches(item, filter)) : resource.items;
    const token = query.get("$skiptoken");
    const offset = token === null ? 0 : offsetOf(token);
    if (offset === undefined) return error(400, "BadRequest", "The $skiptoken is not valid.");
    const pageSize = Math.min(top !== null ? Number(top) : DEFAULT_PAGE_SIZE, options.pageSize ?? MAX_TOP);
    const page = matching.slice(offset, offset + pageSize).map((item) => {
      const expanded = expand === "principal" ? { principal: directoryObject(String(item.principalId)) ?? null } : {};
      return { ...select(item, query), ...expanded };
    });
    const more = offset + pageSize < matching.length;
    const nextQuery = [rawQuery.split("&").filter((part) => part && !part.startsWith("$skiptoken=") && !part.startsWith("%24skiptoken=")).join("&"), `$skiptoken=${skipToken(offset + pageSize)}`]
      .filter(Boolean)
      .join("&");
    return {
      status: 200,
      body: {
        "@odata.context": resource.context,
        // $count needs the advanced query parameters on directory objects; without them Graph ignores it.
        ...(countRequested && (eventual || !resource.directoryObjects) ? { "@odata.count": matching.length } : {}),
        value: page,
        ...(more ? { "@odata.nextLink": `${options.nextLinkOrigin ?? baseUrl}/v1.0${rawPath}?${nextQuery}` } : {}),
      },
    };
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

  async function answerBatch(body: string, outerLanguage: string | undefined): Promise<Answer> {
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
        const json = { "Content-Type": "application/json" };
        if (item.method !== "GET") return { id, status: 405, headers: json, body: errorBody("BadRequest", "This fake answers GET items only.") };
        if (!url.startsWith("/") || url.startsWith("/v1.0/") || url.startsWith("/beta/")) {
          return { id, status: 400, headers: json, body: errorBody("BadRequest", "A batch item's url is relative, without the version.") };
        }
        // Each item carries its own headers (ConsistencyLevel in particular): the outer request's do not apply to it.
        const itemHeaders = new Map(Object.entries(item.headers ?? {}).map(([name, value]) => [name.toLowerCase(), String(value)]));
        const headers = { acceptLanguage: itemHeaders.get("accept-language") ?? outerLanguage, consistencyLevel: itemHeaders.get("consistencylevel") };
        const queryStart = url.indexOf("?");
        const rawPath = queryStart === -1 ? url : url.slice(0, queryStart);
        const rawQuery = queryStart === -1 ? "" : url.slice(queryStart + 1);
        const fault = takeFault(decodeURIComponent(rawPath), rawQuery, "item");
        if (fault) record({ via: "batch", method: "GET", path: decodeURIComponent(rawPath), url, acceptLanguage: headers.acceptLanguage, consistencyLevel: headers.consistencyLevel });
        if (fault?.kind === "slow") await sleep(fault.delayMs ?? 1000);
        const injected = fault ? faultAnswer(fault) : undefined;
        if (injected && injected !== "drop" && injected.raw === undefined) return { id, status: injected.status, headers: { ...json, ...injected.headers }, body: injected.body };
        if (injected && injected !== "drop") return { id, status: 200, headers: json, body: "not json" };
        const answer = answerGet(rawPath, rawQuery, headers, "batch");
        return { id, status: answer.status, headers: { ...json, ...answer.headers }, body: answer.body };
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
    if (!/^Bearer \S+$/.test(authorization)) return send(error(401, "InvalidAuthenticationToken", "Access token is empty."));
    if (options.expectedBearer !== undefined && authorization !== `Bearer ${options.expectedBearer}`) {
      return send(error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience."));
    }
    if (latencyMs > 0) await sleep(latencyMs);
    const rawQuery = url.search.replace(/^\?/, "");
    const fault = takeFault(path, rawQuery, "outer");
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
    if (request.method === "GET") {
      const consistencyLevel = request.headers.consistencylevel;
      return send(answerGet(url.pathname.slice("/v1.0".length), rawQuery, { acceptLanguage, consistencyLevel: Array.isArray(consistencyLevel) ? consistencyLevel[0] : consistencyLevel }, "http"));
    }
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
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
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
