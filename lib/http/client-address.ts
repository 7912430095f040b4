import "server-only";
import { isIP } from "node:net";

/**
 * The header the app's front (scripts/front.mjs) sets from the socket, after
 * dropping any copy the client sent: the X-Forwarded-For entries the proxies
 * appended, then the socket's address. Keep in step with TRUSTED_HEADER there.
 */
export const TRUSTED_HEADER = "x-planner-forwarded-for";

/** Key for requests that did not come through the front (`next dev`): one shared bucket, never a client's claim. */
export const NO_FRONT_KEY = "no-front";
/** Key for an entry that is not an IP address (a misconfigured proxy): one shared bucket. */
const NOT_AN_ADDRESS_KEY = "not-an-address";

/**
 * The client's address as counted by the limits: the entry `trustedProxyHops`
 * places left of the socket address. With 0 hops that is the socket itself;
 * with 1 it is what the one proxy in front appended. A chain shorter than
 * that did not come through every proxy, so its oldest entry is used, never
 * anything a client could prepend.
 */
export function clientAddress(headers: Headers, trustedProxyHops: number): string | undefined {
  const chain = headers.get(TRUSTED_HEADER);
  if (chain === null) return undefined;
  const entries = chain
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[entries.length - 1 - trustedProxyHops] ?? entries[0];
}

function stripPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1]!;
  // IIS ARR and some balancers append "address:port" for IPv4.
  const withPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return withPort ? withPort[1]! : entry;
}

/**
 * A bounded limiter key for an address: IPv4 as is, IPv6 by its /64 (one
 * subscriber's network: a client can pick any address inside it), and one
 * shared key for anything else, so no request can make a key of its choosing.
 */
export function limiterKey(address: string | undefined): string {
  if (address === undefined) return NO_FRONT_KEY;
  const bare = stripPort(address.trim()).replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare);
  if (mapped) return mapped[1]!;
  switch (isIP(bare)) {
    case 4:
      return bare;
    case 6:
      return `${ipv6Groups(bare).slice(0, 4).join(":")}::/64`;
    default:
      return NOT_AN_ADDRESS_KEY;
  }
}

/** The eight 16-bit groups of an IPv6 address, "::" expanded. */
function ipv6Groups(address: string): string[] {
  const [head = "", tail] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4 was handled above; others are rare) counts as two groups.
  const expand = (groups: string[]) => groups.flatMap((group) => (group.includes(".") ? ["0", "0"] : [group]));
  const [l, r] = [expand(left), expand(right)];
  const missing = tail === undefined ? 0 : 8 - l.length - r.length;
  return [...l, ...Array<string>(missing).fill("0"), ...r].map((group) => group.replace(/^0+(?=.)/, ""));
}
