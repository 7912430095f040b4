import { describe, expect, it } from "vitest";
import { characterProblem, planSchema, type Plan } from "@/lib/plan";
import { loadExample } from "../fixtures/plans";

function issuesAt(plan: Plan, path: string): string[] {
  const result = planSchema.safeParse(plan);
  return result.success ? [] : result.error.issues.filter((issue) => issue.path.join(".") === path).map((issue) => issue.message);
}

const connect = () => loadExample("connect-fabrikam-three-forests.json");

/** Every string field of the plan, with how to set it on a copy of the Connect example. */
const FIELDS: { path: string; kind: "identifier" | "text" | "multiline"; set: (plan: Plan, value: string) => void; base: string }[] = [
  { path: "environment.organisation.name", kind: "text", base: "Fabrikam", set: (plan, value) => void (plan.environment!.organisation.name = value) },
  { path: "environment.organisation.preparer", kind: "text", base: "Jordan", set: (plan, value) => void (plan.environment!.organisation.preparer = value) },
  { path: "environment.connect.sqlAdministrator", kind: "text", base: "DBA team", set: (plan, value) => void (plan.environment!.connect.sqlAdministrator = value) },
  { path: "environment.connect.sqlInstance", kind: "identifier", base: "ADSYNC", set: (plan, value) => void (plan.environment!.connect.sqlInstance = value) },
  { path: "environment.forests.0.accountsOu", kind: "identifier", base: "OU=Sync,DC=fabrikam,DC=com", set: (plan, value) => void (plan.environment!.forests[0]!.accountsOu = value) },
  { path: "environment.forests.1.rootDomain", kind: "identifier", base: "tailspintoys.com", set: (plan, value) => void (plan.environment!.forests[1]!.rootDomain = value) },
  { path: "environment.servers.0.name", kind: "identifier", base: "SYNC01", set: (plan, value) => void (plan.environment!.servers[0]!.name = value) },
  { path: "accounts.connectAdDsConnector@forest-2.name", kind: "identifier", base: "svc-aadc-tst", set: (plan, value) => void (plan.accounts["connectAdDsConnector@forest-2"]!.name = value) },
  { path: "accounts.connectAdDsConnector@forest-2.domain", kind: "identifier", base: "tailspintoys.com", set: (plan, value) => void (plan.accounts["connectAdDsConnector@forest-2"]!.domain = value) },
  { path: "accounts.connectHybridIdentityAdmin.name", kind: "identifier", base: "hia.install@fabrikamgroup.onmicrosoft.com", set: (plan, value) => void (plan.accounts.connectHybridIdentityAdmin!.name = value) },
  { path: "accounts.connectAdDsConnector@forest-2.owner", kind: "text", base: "AD team", set: (plan, value) => void (plan.accounts["connectAdDsConnector@forest-2"]!.owner = value) },
  { path: "accounts.connectAdDsConnector@forest-2.notes", kind: "multiline", base: "Rotate yearly", set: (plan, value) => void (plan.accounts["connectAdDsConnector@forest-2"]!.notes = value) },
];

/** Inserted after the first character, so the message's position is 2. */
const insert = (base: string, character: string) => `${base.slice(0, 1)}${character}${base.slice(1)}`;

describe("characters the plan refuses", () => {
  it.each(FIELDS)("$path: accepts its ordinary value", ({ path, base, set }) => {
    const plan = connect();
    set(plan, base);
    expect(issuesAt(plan, path)).toEqual([]);
  });

  const everywhere: [string, string, RegExp][] = [
    ["a C0 control (BEL)", "\u0007", /control character \(U\+0007\) at position 2/],
    ["a C1 control (NEL)", "\u0085", /control character \(U\+0085\) at position 2/],
    ["DEL", "\u007f", /control character \(U\+007F\)/],
    ["the noncharacter U+FFFE", "\ufffe", /U\+FFFE at position 2: it is a noncharacter/],
    ["the noncharacter U+FDD0", "\ufdd0", /U\+FDD0 .*noncharacter/],
    ["a plane-1 noncharacter (U+1FFFF)", "\u{1ffff}", /U\+1FFFF .*noncharacter/],
    ["a lone surrogate", "\ud800", /broken character at position 2/],
    ["a right-to-left override (U+202E)", "\u202e", /right-to-left override \(U\+202E\) at position 2/],
    ["a left-to-right embedding (U+202A)", "\u202a", /left-to-right embedding \(U\+202A\)/],
    ["a first strong isolate (U+2068)", "\u2068", /first strong isolate \(U\+2068\)/],
    ["a pop directional isolate (U+2069)", "\u2069", /pop directional isolate \(U\+2069\)/],
  ];
  for (const field of FIELDS) {
    it.each(everywhere)(`${field.path}: refuses %s with a message at the field`, (_, character, message) => {
      const plan = connect();
      field.set(plan, insert(field.base, character));
      const messages = issuesAt(plan, field.path);
      expect(messages.some((text) => message.test(text)), messages.join(" | ")).toBe(true);
    });
  }

  it.each(FIELDS.filter((field) => field.kind === "identifier"))("$path: refuses a zero width space, joiner and non-joiner", ({ path, base, set }) => {
    for (const character of ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]) {
      const plan = connect();
      set(plan, insert(base, character));
      const messages = issuesAt(plan, path);
      expect(messages.some((text) => /invisible .*at position 2: names, domains/.test(text)), `${path} with U+${character.codePointAt(0)!.toString(16)}: ${messages.join(" | ")}`).toBe(true);
    }
  });

  it.each(FIELDS.filter((field) => field.kind !== "identifier"))("$path: keeps zero width joiners, which Persian and Hindi names need", ({ path, set }) => {
    const plan = connect();
    set(plan, "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645 \u0915\u094d\u200d\u0937");
    expect(issuesAt(plan, path)).toEqual([]);
  });

  it("allows tabs and line breaks in notes only", () => {
    const notes = connect();
    notes.accounts["connectAdDsConnector@forest-2"]!.notes = "line one\r\nline two\n\tindented";
    expect(issuesAt(notes, "accounts.connectAdDsConnector@forest-2.notes")).toEqual([]);
    const owner = connect();
    owner.accounts["connectAdDsConnector@forest-2"]!.owner = "AD\tteam";
    expect(issuesAt(owner, "accounts.connectAdDsConnector@forest-2.owner").join(" ")).toMatch(/tab \(U\+0009\) at position 3/);
    const name = connect();
    name.environment!.organisation.name = "Fabrikam\nGroup";
    expect(issuesAt(name, "environment.organisation.name").join(" ")).toMatch(/line break \(U\+000A\)/);
    const loneReturn = connect();
    loneReturn.accounts["connectAdDsConnector@forest-2"]!.notes = "a\rb";
    expect(issuesAt(loneReturn, "accounts.connectAdDsConnector@forest-2.notes").join(" ")).toMatch(/line break \(U\+000D\)/);
  });

  it("counts positions in characters, not UTF-16 units", () => {
    expect(characterProblem("\u{1F600}\u202e", "text")).toMatch(/position 2/);
  });

  it("accepts ordinary non-ASCII text everywhere free text goes", () => {
    const plan = connect();
    plan.environment!.organisation.name = "IBA\u00d1EZ Consulting \u00d2\u00c2\u0102 \u30ab\u30bf\u30ab\u30ca";
    plan.environment!.organisation.preparer = "Zo\u00eb \u0141\u00f3d\u017a";
    expect(planSchema.safeParse(plan).success).toBe(true);
  });
});
