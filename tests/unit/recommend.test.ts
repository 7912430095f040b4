import { describe, expect, it } from "vitest";
import { featuresFromRequirements, recommendTool } from "@/lib/plan";

describe("tool recommendation", () => {
  it("recommends Cloud Sync when nothing needs Connect, citing Microsoft's direction", () => {
    expect(recommendTool([])).toMatchObject({ tool: "cloudSync", reasons: [] });
    expect(recommendTool([]).summary).toContain("recommended path");
  });

  it("recommends Connect for a Connect-only requirement and says why", () => {
    const recommendation = recommendTool(["hybridJoin", "largeGroups"]);
    expect(recommendation.tool).toBe("connect");
    expect(recommendation.reasons.map((reason) => reason.id)).toEqual(["hybridJoin", "largeGroups"]);
    expect(recommendation.reasons[1]?.why).toContain("50,000");
  });

  it("recommends Cloud Sync for disconnected forests", () => {
    expect(recommendTool(["disconnectedForests"]).tool).toBe("cloudSync");
  });

  it("says when neither tool meets every requirement", () => {
    const recommendation = recommendTool(["disconnectedForests", "deviceWriteback"]);
    expect(recommendation.tool).toBeNull();
    expect(recommendation.summary).toContain("Neither tool");
  });
});

describe("features carried from Help me choose", () => {
  it("offers the ticked requirements that are features the tool can do, and nothing else", () => {
    expect(featuresFromRequirements(["deviceWriteback", "largeGroups", "hybridJoin"], "connect")).toEqual(["deviceWriteback"]);
    expect(featuresFromRequirements(["groupProvisioningToAd", "disconnectedForests"], "cloudSync")).toEqual(["groupProvisioningToAd"]);
    // Cloud Sync cannot write devices back: nothing to offer even when it was ticked.
    expect(featuresFromRequirements(["deviceWriteback"], "cloudSync")).toEqual([]);
    expect(featuresFromRequirements([], "connect")).toEqual([]);
  });
});
