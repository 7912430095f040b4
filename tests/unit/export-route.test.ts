import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/export/route";
import { MAX_BODY_BYTES } from "@/lib/http/json-body";

const example = JSON.parse(readFileSync("public/examples/connect-fabrikam-three-forests.json", "utf8"));

function post(body: BodyInit, format = "json", contentType = "application/json") {
  return POST(new Request(`http://localhost/api/export?format=${format}`, { method: "POST", body, headers: { "Content-Type": contentType } }));
}

describe("POST /api/export", () => {
  it("returns the plan file with its name and type", async () => {
    const response = await post(JSON.stringify({ plan: example }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="fabrikam-group-account-plan-${example.updatedAt.slice(0, 10)}.json"`);
    expect(await response.json()).toEqual(example);
  });

  it("returns the Markdown worksheet", async () => {
    const response = await post(JSON.stringify({ plan: example }), "md");
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(await response.text()).toContain("## AD DS Connector account — wingtiptoys.com");
  });

  it("re-checks the plan with the shared schema and lists every issue", async () => {
    const tampered = structuredClone(example);
    tampered.accounts["connectAdSyncService@server-1"].accountType = "vsa";
    tampered.accounts["connectAdDsConnector@forest-2"].name = "Administrator";
    const response = await post(JSON.stringify({ plan: tampered }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe("invalid_plan");
    expect(body.issues.map((issue: { path: string }) => issue.path).sort()).toEqual([
      "accounts.connectAdDsConnector@forest-2.name",
      "accounts.connectAdSyncService@server-1.accountType",
    ]);
  });

  it("answers 400 for a missing plan or bad JSON, 415 for another type, 413 for an oversized body", async () => {
    expect((await post(JSON.stringify({}))).status).toBe(400);
    expect((await post("{ nope")).status).toBe(400);
    expect((await post("plan=1", "json", "application/x-www-form-urlencoded")).status).toBe(415);
    expect((await post(JSON.stringify({ plan: example }), "docx")).status).toBe(400);
    const oversized = await post(JSON.stringify({ plan: example, padding: "x".repeat(MAX_BODY_BYTES) }));
    expect(oversized.status).toBe(413);
  });
});
