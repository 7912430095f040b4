import { readFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Checks a Graph request URL against Graph's own description of v1.0:
 * graph-v1-csdl.json is the entity sets, singletons and types (with their
 * properties, navigation properties and base types) of
 * microsoftgraph/msgraph-metadata's clean v1.0 metadata, reduced to JSON.
 * A $select, $filter or $expand naming something that is not there is a 400
 * from real Graph that a home-made fake may answer happily; this finds it.
 */

interface CsdlType {
  /** Base type. */
  b: string | null;
  /** Structural properties. */
  p: string[];
  /** Navigation properties and their target type, "T[]" for a collection. */
  n: Record<string, string>;
}

interface Csdl {
  sets: Record<string, string>;
  singletons: Record<string, string>;
  types: Record<string, CsdlType>;
}

// Tests run from the project folder (Vitest and Playwright alike).
const csdl = JSON.parse(readFileSync(join(process.cwd(), "tests", "support", "graph-v1-csdl.json"), "utf8")) as Csdl;

/**
 * What the CSDL cannot say, written here with why: the alternate keys and the
 * casts the validator uses. Anything else is reported.
 */
const ALTERNATE_KEYS: Record<string, string[]> = {
  // GET /servicePrincipals(appId='{appId}'): documented on "Get servicePrincipal".
  servicePrincipals: ["appId"],
};
const CASTS: Record<string, string[]> = {
  // A user's transitiveMemberOf holds directory objects; the checks want only the groups.
  transitiveMemberOf: ["microsoft.graph.group"],
};
/** Relationships where a cast or a $filter is an advanced query (ConsistencyLevel: eventual and $count=true). */
const DIRECTORY_RELATIONSHIPS = new Set(["transitiveMemberOf", "memberOf", "appRoleAssignedTo", "members", "transitiveMembers"]);
const QUERY_OPTIONS = new Set(["$select", "$filter", "$expand", "$count", "$top", "$skiptoken"]);

/** A type and its base types, most derived first. */
function lineage(typeName: string): CsdlType[] {
  const chain: CsdlType[] = [];
  for (let name: string | null = typeName; name; name = csdl.types[name]?.b ?? null) {
    const type = csdl.types[name];
    if (!type) break;
    chain.push(type);
  }
  return chain;
}

const derivesFrom = (typeName: string, base: string) => {
  for (let name: string | null = typeName; name; name = csdl.types[name]?.b ?? null) if (name === base) return true;
  return false;
};
const hasProperty = (typeName: string, property: string) => lineage(typeName).some((type) => type.p.includes(property));
const navigation = (typeName: string, property: string) => lineage(typeName).find((type) => property in type.n)?.n[property];

interface Position {
  type: string;
  collection: boolean;
}

/** Splits a path segment like users('x') or servicePrincipals(appId='x') into its name and key. */
function nameAndKey(segment: string): { name: string; key?: string } {
  const match = /^([^(]+)\((.*)\)$/.exec(segment);
  return match ? { name: match[1]!, key: match[2]! } : { name: segment };
}

function checkPath(path: string, problems: string[]): Position | undefined {
  const segments = path.split("/").filter(Boolean).map((segment) => decodeURIComponent(segment));
  const first = nameAndKey(segments[0] ?? "");
  let position: Position;
  if (csdl.sets[first.name]) {
    position = { type: csdl.sets[first.name]!, collection: true };
  } else if (csdl.singletons[first.name]) {
    position = { type: csdl.singletons[first.name]!, collection: false };
  } else {
    problems.push(`'${first.name}' is neither an entity set nor a singleton`);
    return undefined;
  }
  if (first.key !== undefined) {
    const alternate = /^(\w+)='(?:[^']|'')*'$/.exec(first.key);
    if (alternate) {
      if (!(ALTERNATE_KEYS[first.name] ?? []).includes(alternate[1]!)) problems.push(`'${alternate[1]}' is not an alternate key of ${first.name} on the allow-list`);
      else if (!hasProperty(position.type, alternate[1]!)) problems.push(`'${alternate[1]}' is not a property of ${position.type}`);
    } else if (!/^'(?:[^']|'')*'$/.test(first.key)) {
      problems.push(`the key (${first.key}) is not a quoted string with ' doubled`);
    }
    position = { ...position, collection: false };
  }
  let previous = first.name;
  for (const segment of segments.slice(1)) {
    if (segment.startsWith("microsoft.graph.")) {
      if (!csdl.types[segment]) problems.push(`'${segment}' is not a type`);
      else if (!(CASTS[previous] ?? []).includes(segment)) problems.push(`the cast to ${segment} after '${previous}' is not on the allow-list`);
      else if (!derivesFrom(segment, position.type)) problems.push(`${segment} does not derive from ${position.type}, so '${previous}' cannot be cast to it`);
      position = { ...position, type: segment };
    } else if (position.collection) {
      // A key into the collection, like a user principal name.
      position = { ...position, collection: false };
    } else {
      const target = navigation(position.type, segment);
      if (!target) {
        problems.push(`'${segment}' is not a navigation property of ${position.type}`);
        return undefined;
      }
      position = { type: target.replace(/\[\]$/, ""), collection: target.endsWith("[]") };
    }
    previous = segment;
  }
  return position;
}

function checkSelect(list: string, typeName: string, problems: string[]) {
  for (const name of list.split(",").map((part) => part.trim())) {
    if (!hasProperty(typeName, name) && !navigation(typeName, name)) problems.push(`$select names '${name}', which ${typeName} does not have`);
  }
}

function checkFilter(filter: string, typeName: string, problems: string[]) {
  if ((filter.match(/'/g) ?? []).length % 2 !== 0) problems.push(`$filter has an unbalanced quote: ${filter}`);
  const outsideStrings = filter.replace(/'(?:[^']|'')*'/g, "''");
  const properties = [
    ...[...outsideStrings.matchAll(/(?:^|[\s(])(\w+)\s+(?:eq|ne|gt|ge|lt|le|in)\s/g)].map((match) => match[1]!),
    ...[...outsideStrings.matchAll(/\b(?:startswith|endswith|contains)\((\w+)\s*,/gi)].map((match) => match[1]!),
  ];
  if (properties.length === 0) problems.push(`$filter compares no property: ${filter}`);
  for (const property of properties) if (!hasProperty(typeName, property)) problems.push(`$filter names '${property}', which ${typeName} does not have`);
}

function checkExpand(expand: string, typeName: string, problems: string[]) {
  for (const item of expand.split(/,(?![^(]*\))/)) {
    const match = /^(\w+)(?:\((.*)\))?$/.exec(item.trim());
    const target = match ? navigation(typeName, match[1]!) : undefined;
    if (!match || !target) {
      problems.push(`$expand names '${item}', which is not a navigation property of ${typeName}`);
      continue;
    }
    const nestedSelect = match[2] ? /^\$select=(.*)$/.exec(match[2]) : null;
    if (match[2] && !nestedSelect) problems.push(`$expand=${item}: only a nested $select is checked`);
    if (nestedSelect) checkSelect(nestedSelect[1]!, target.replace(/\[\]$/, ""), problems);
  }
}

/**
 * The problems with one request, empty when Graph would accept its shape.
 * `url` is a batch item's URL ("/users/x?…") or an absolute next-page link.
 */
export function conformanceProblems(url: string, consistencyLevel?: string): string[] {
  const problems: string[] = [];
  const relative = url.replace(/^https?:\/\/[^/]+/, "").replace(/^\/v1\.0(?=\/)/, "");
  const queryStart = relative.indexOf("?");
  const path = queryStart === -1 ? relative : relative.slice(0, queryStart);
  const query = new URLSearchParams(queryStart === -1 ? "" : relative.slice(queryStart + 1));
  const position = checkPath(path, problems);
  for (const name of query.keys()) if (name.startsWith("$") && !QUERY_OPTIONS.has(name)) problems.push(`unknown query option ${name}`);
  if (!position) return problems;
  const select = query.get("$select");
  if (select) checkSelect(select, position.type, problems);
  const filter = query.get("$filter");
  if (filter) checkFilter(filter, position.type, problems);
  const expand = query.get("$expand");
  if (expand) checkExpand(expand, position.type, problems);
  const top = query.get("$top");
  if (top !== null && !/^\d+$/.test(top)) problems.push(`$top=${top} is not a number`);
  const count = query.get("$count");
  if (count !== null && count !== "true" && count !== "false") problems.push(`$count=${count} is neither true nor false`);

  // What the CSDL cannot say: Graph's advanced-query rules.
  const segments = path.split("/").filter(Boolean);
  const relationship = segments.find((segment) => DIRECTORY_RELATIONSHIPS.has(segment));
  const cast = segments.some((segment) => segment.startsWith("microsoft.graph."));
  if (relationship && (cast || filter) && !(consistencyLevel?.toLowerCase() === "eventual" && count === "true")) {
    problems.push(`a cast or $filter on ${relationship} is an advanced query: it needs ConsistencyLevel: eventual and $count=true`);
  }
  if (expand && consistencyLevel?.toLowerCase() === "eventual") problems.push("$expand is not supported in an advanced query");
  return problems;
}

export interface LoggedRequest {
  via: "http" | "batch";
  url: string;
  consistencyLevel?: string;
}

/** The requests a fake logged, one JSON object a line. */
export function readRequestLog(file: string): LoggedRequest[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedRequest);
}

/** Every distinct request shape of a log that breaks a rule, with its problems. */
export function nonConforming(requests: readonly LoggedRequest[]): { url: string; problems: string[] }[] {
  const seen = new Set<string>();
  const found: { url: string; problems: string[] }[] = [];
  for (const request of requests) {
    const key = `${request.url}\u0000${request.consistencyLevel ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const problems = conformanceProblems(request.url, request.consistencyLevel);
    if (problems.length > 0) found.push({ url: request.url, problems });
  }
  return found;
}
