// The front of the app's server: a request listener in front of Next's
// standalone handler, in the same process. Route handlers cannot see the
// socket (Next 15 removed request.ip) and Next's server only *sets*
// X-Forwarded-For when it is missing, so a client could name any address it
// likes. The front drops every inbound copy of X-Planner-Forwarded-For and
// sets it from what the socket says: the X-Forwarded-For entries the nearest
// proxies appended, then the socket's own address. The app counts
// TRUSTED_PROXY_HOPS entries from the right of it (lib/http/client-address.ts);
// entries further left are the client's own claims and are never used.
//
// `npm start` (scripts/serve.mjs) runs it; a deployment runs the copy that
// scripts/prepare-standalone.mjs puts beside server.js: `node front.mjs`.
import http from "node:http";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const TRUSTED_HEADER = "x-planner-forwarded-for";
/** TRUSTED_PROXY_HOPS is at most 10: more entries are never read, so they are not kept. */
const KEPT_ENTRIES = 10;
/** Longest entry kept: an IPv6 address with a zone and a port fits; anything longer is not an address. */
const ENTRY_MAX_LENGTH = 64;

/** The trusted chain: at most the last 10 entries of X-Forwarded-For, then the socket address. */
export function trustedChain(forwardedFor, socketAddress) {
  const inbound = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .slice(-KEPT_ENTRIES * (ENTRY_MAX_LENGTH + 2))
    .split(",")
    .map((entry) => entry.trim().slice(0, ENTRY_MAX_LENGTH))
    .filter(Boolean)
    .slice(-KEPT_ENTRIES);
  return [...inbound, socketAddress || "unknown"].join(", ");
}

/** Rewrites one request's headers before Next sees them. */
export function applyFront(request) {
  const chain = trustedChain(request.headers["x-forwarded-for"], request.socket.remoteAddress);
  const raw = [];
  for (let index = 0; index < request.rawHeaders.length; index += 2) {
    const name = request.rawHeaders[index].toLowerCase();
    if (name === TRUSTED_HEADER || name === "x-forwarded-for") continue;
    raw.push(request.rawHeaders[index], request.rawHeaders[index + 1]);
  }
  raw.push(TRUSTED_HEADER, chain, "X-Forwarded-For", chain);
  request.rawHeaders.splice(0, request.rawHeaders.length, ...raw);
  request.headers[TRUSTED_HEADER] = chain;
  // What an appending proxy would have sent: Next's own `x-forwarded-for ??=` then has nothing to fill in.
  request.headers["x-forwarded-for"] = chain;
}

/**
 * Puts the front before the next HTTP server this process creates (Next's
 * standalone server creates exactly one). Only Node's public
 * http.createServer is wrapped; Next's internals are untouched.
 */
export function installFront() {
  const createServer = http.createServer;
  http.createServer = function createFrontedServer(...args) {
    http.createServer = createServer;
    const index = args.findIndex((argument) => typeof argument === "function");
    if (index === -1) throw new Error("The front expected Next to create its server with a request listener.");
    const listener = args[index];
    args[index] = (request, response) => {
      applyFront(request);
      return listener(request, response);
    };
    return createServer.apply(this, args);
  };
}

/** Starts Next's standalone server (server.js in `directory`) behind the front. */
export async function startBehindFront(directory) {
  installFront();
  await import(pathToFileURL(join(directory, "server.js")).href);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await startBehindFront(import.meta.dirname);
}
