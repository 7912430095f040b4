import { describe, expect, it } from "vitest";
import { DEMO_PEOPLE } from "@/lib/demo/people";
import { planRequests } from "@/lib/graph/requests";
import type { PlanWithTool } from "@/lib/plan";
import { cloudSyncPlan, connectPlan } from "../fixtures/graph";
import { conformanceProblems, nonConforming, readRequestLog, type LoggedRequest } from "../support/graph-conformance";
import { UNIT_REQUEST_LOG } from "../support/graph-request-log";

/**
 * This file runs after every other unit test (its own Vitest project): the
 * fakes they started logged every request the validator sent, next pages and
 * optional requests included, and each must be a shape Graph v1.0 accepts.
 */
const logged = readRequestLog(UNIT_REQUEST_LOG);
const distinct = [...new Map(logged.map((request) => [`${request.url} ${request.consistencyLevel ?? ""}`, request])).values()];

/** Changes to a request that Graph would refuse; each must be caught. */
const MUTATIONS: { name: string; applies: (request: LoggedRequest) => boolean; mutate: (request: LoggedRequest) => LoggedRequest }[] = [
  {
    name: "a misspelt $select property",
    applies: (request) => /\$select=\w/.test(request.url),
    mutate: (request) => ({ ...request, url: request.url.replace(/\$select=(\w+)/, "$select=$1x") }),
  },
  {
    name: "an unknown navigation property",
    applies: (request) => /\/(transitiveMemberOf|appRoleAssignedTo|roleAssignments|roleEligibilityScheduleInstances)\b/.test(request.url),
    mutate: (request) => ({ ...request, url: request.url.replace(/\/(transitiveMemberOf|appRoleAssignedTo|roleAssignments|roleEligibilityScheduleInstances)\b/, "/$1s") }),
  },
  {
    name: "a cast to a type that is not a directory object",
    applies: (request) => request.url.includes("/microsoft.graph.group"),
    mutate: (request) => ({ ...request, url: request.url.replace("/microsoft.graph.group", "/microsoft.graph.domain") }),
  },
  {
    name: "a cast that is not on the allow-list",
    applies: (request) => request.url.includes("/microsoft.graph.group"),
    mutate: (request) => ({ ...request, url: request.url.replace("/microsoft.graph.group", "/microsoft.graph.user") }),
  },
  {
    name: "a misspelt $filter property",
    applies: (request) => /\$filter=/.test(request.url),
    mutate: (request) => {
      const query = new URLSearchParams(request.url.slice(request.url.indexOf("?") + 1));
      const filter = query.get("$filter")!.replace(/^(startswith\()?(\w+)/, (_match, call: string | undefined, name: string) => `${call ?? ""}${name}Typo`);
      return { ...request, url: request.url.replace(/\$filter=[^&]*/, `$filter=${encodeURIComponent(filter)}`) };
    },
  },
  {
    name: "an unknown $expand",
    applies: (request) => request.url.includes("$expand=principal"),
    mutate: (request) => ({ ...request, url: request.url.replace("$expand=principal", "$expand=principals") }),
  },
  {
    name: "an alternate key not on the allow-list",
    applies: (request) => request.url.includes("(appId="),
    mutate: (request) => ({ ...request, url: request.url.replace("(appId=", "(displayName=") }),
  },
  {
    name: "an advanced query without ConsistencyLevel",
    applies: (request) => request.consistencyLevel === "eventual",
    mutate: (request) => ({ ...request, consistencyLevel: undefined }),
  },
  {
    name: "an entity set that does not exist",
    applies: (request) => /^(\/|https?:\/\/[^/]+\/v1\.0\/)domains\b/.test(request.url),
    mutate: (request) => ({ ...request, url: request.url.replace(/domains\b/, "domain") }),
  },
];

describe("the requests the validator sends are shapes Graph v1.0 accepts", () => {
  it("holds every kind of request, next pages and optional ones included", () => {
    // Empty when this project runs alone: run the whole suite (npx vitest run).
    expect(logged.length, `no requests in ${UNIT_REQUEST_LOG}: run the whole unit suite`).toBeGreaterThan(100);
    const urls = logged.map((request) => request.url);
    expect(urls.some((url) => url.includes("$skiptoken="))).toBe(true);
    expect(urls.some((url) => url.includes("/servicePrincipals(appId="))).toBe(true);
    expect(urls.some((url) => url.includes("/appRoleAssignedTo"))).toBe(true);
    expect(urls.some((url) => url.includes("$expand=principal"))).toBe(true);
    expect(urls.some((url) => url.startsWith("/users?"))).toBe(true);
    expect(logged.some((request) => request.consistencyLevel === "eventual")).toBe(true);
  });

  it("finds no request Graph would refuse", () => {
    expect(nonConforming(logged)).toEqual([]);
  });

  it("catches each mutation of a request that was sent", () => {
    for (const mutation of MUTATIONS) {
      const targets = distinct.filter(mutation.applies);
      expect(targets.length, `no logged request to apply "${mutation.name}" to`).toBeGreaterThan(0);
      for (const request of targets) {
        const mutated = mutation.mutate(request);
        expect(mutated.url !== request.url || mutated.consistencyLevel !== request.consistencyLevel, mutation.name).toBe(true);
        expect(conformanceProblems(mutated.url, mutated.consistencyLevel), `${mutation.name} in ${mutated.url}`).not.toEqual([]);
      }
    }
  });

  it("accepts the planned requests of both example plans as they are", () => {
    for (const plan of [connectPlan(DEMO_PEOPLE.goodAdmin), cloudSyncPlan()]) {
      for (const request of planRequests(plan as PlanWithTool)) expect(conformanceProblems(request.url, request.headers?.ConsistencyLevel), request.url).toEqual([]);
    }
  });
});
