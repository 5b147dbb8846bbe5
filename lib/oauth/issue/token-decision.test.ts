import { describe, expect, it } from "vitest";
import { toTokenDecision } from "./token-decision";

describe("toTokenDecision", () => {
  it("picks the fields of a policy decision", () => {
    expect(
      toTokenDecision({
        ok: true,
        policyId: "00p1",
        policyName: "P",
        ruleId: "0pr1",
        ruleName: "R",
        grantedScopes: ["openid"],
        accessTokenLifetimeMinutes: 30,
        refreshTokenLifetimeMinutes: 120,
        refreshTokenWindowMinutes: 60,
      }),
    ).toEqual({ policyId: "00p1", ruleId: "0pr1", accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 120, refreshTokenWindowMinutes: 60 });
  });

  it.each([
    ["null", null],
    ["an array", [1, 2]],
    ["an empty object", {}],
    ["wrong types", { policyId: 1, ruleId: null, accessTokenLifetimeMinutes: "60", refreshTokenLifetimeMinutes: -1, refreshTokenWindowMinutes: Number.NaN }],
  ])("reads %s with Okta's defaults", (_name, stored) => {
    expect(toTokenDecision(stored)).toEqual({ policyId: "", ruleId: "", accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10_080 });
  });

  it("clamps lifetimes to the spec's limits (access 5 min .. 1 day, window at least 10 min) and drops fractions", () => {
    expect(toTokenDecision({ accessTokenLifetimeMinutes: 1, refreshTokenLifetimeMinutes: 0.5, refreshTokenWindowMinutes: 3 })).toMatchObject({
      accessTokenLifetimeMinutes: 5,
      refreshTokenLifetimeMinutes: 0,
      refreshTokenWindowMinutes: 10,
    });
    expect(toTokenDecision({ accessTokenLifetimeMinutes: 5000 }).accessTokenLifetimeMinutes).toBe(1440);
  });
});
