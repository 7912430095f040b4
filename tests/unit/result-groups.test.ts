import { describe, expect, it } from "vitest";
import { groupResults } from "@/lib/validation/result-groups";
import type { CheckResult, CheckStatus } from "@/lib/validation/schema";

function result(id: string, status: CheckStatus, title: string, accountKey?: string): CheckResult {
  return { id, account: null, accountKey, status, title, detail: "" };
}

const labels: Record<string, string> = { "hia@tenant": "Hybrid Identity Administrator" };

describe("the Check step's groups", () => {
  const groups = groupResults(
    [
      result("a", "pass", "Hybrid Identity Administrator: the user exists", "hia@tenant"),
      result("b", "unknown", "Tenant domains not checked"),
      result("c", "warn", "Hybrid Identity Administrator: synchronized from Active Directory", "hia@tenant"),
      result("d", "pass", "The plan names this tenant"),
      result("e", "fail", "Hybrid Identity Administrator: sign-in is blocked", "hia@tenant"),
      result("f", "fail", "The plan names another tenant"),
      result("g", "unknown", "Hybrid Identity Administrator: existence not checked", "hia@tenant"),
    ],
    (key) => labels[key],
  );

  it("puts failures first in each group: fail, warning, to check, pass", () => {
    const statuses = Object.fromEntries(groups.map((group) => [group.heading, group.results.map((item) => item.status)]));
    expect(statuses).toEqual({ "Hybrid Identity Administrator": ["fail", "warn", "unknown", "pass"], Tenant: ["fail", "unknown", "pass"] });
  });

  it("keeps groups in the order their accounts first appear, each result once", () => {
    expect(groups.map((group) => group.heading)).toEqual(["Hybrid Identity Administrator", "Tenant"]);
    expect(groups.flatMap((group) => group.results.map((item) => item.id)).sort()).toEqual(["a", "b", "c", "d", "e", "f", "g"]);
  });

  it("does not repeat the group's heading in a check's title", () => {
    const admin = groups[0]!.results.map((item) => item.title);
    expect(admin).toEqual(["Sign-in is blocked", "Synchronized from Active Directory", "Existence not checked", "The user exists"]);
    for (const title of admin) expect(title).not.toContain("Hybrid Identity Administrator");
    // A title that merely mentions something else keeps its words.
    expect(groups[1]!.results.map((item) => item.title)).toContain("Tenant domains not checked");
  });
});
