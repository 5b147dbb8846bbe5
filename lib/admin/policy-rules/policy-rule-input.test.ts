import { describe, expect, it } from "vitest";
import { policyRuleInput } from "./policy-rule-input";

const base = { name: "R", conditions: { grantTypes: { include: ["password"] }, scopes: { include: ["*"] } } };
const issues = (body: unknown) => {
  const result = policyRuleInput.safeParse(body);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("policyRuleInput", () => {
  it("normalizes a minimal rule to the stored form with Okta's defaults", () => {
    expect(policyRuleInput.parse(base)).toEqual({
      name: "R",
      status: null,
      priority: null,
      conditions: {
        people: { users: { include: [], exclude: [] }, groups: { include: [], exclude: [] } },
        grantTypes: { include: ["password"] },
        scopes: { include: ["*"] },
      },
      token: { accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10080, inlineHook: null },
    });
  });

  it("reports one cause per invalid field, never a follow-on error", () => {
    expect(issues({ ...base, conditions: { ...base.conditions, people: { groups: { include: "EVERYONE" } } } })).toEqual([
      "conditions.people.groups.include: Must be a list of group ids.",
    ]);
    expect(issues({ ...base, conditions: { ...base.conditions, people: { groups: { include: ["EVERYONE", 5] } } } })).toEqual([
      "conditions.people.groups.include.1: Each entry must be a group id.",
    ]);
    expect(issues({ ...base, actions: { token: { accessTokenLifetimeMinutes: 2000, refreshTokenLifetimeMinutes: 100 } } })).toEqual([
      "actions.token.accessTokenLifetimeMinutes: Must be between 5 and 1440 minutes (5 minutes to 1 day).",
    ]);
    expect(issues({ ...base, actions: { token: { accessTokenLifetimeMinutes: "x", refreshTokenLifetimeMinutes: 1 } } })).toEqual([
      "actions.token.accessTokenLifetimeMinutes: Must be between 5 and 1440 minutes (5 minutes to 1 day).",
    ]);
    expect(issues({ ...base, conditions: { ...base.conditions, grantTypes: { include: ["password", 1, "nope"] } } })).toEqual([
      "conditions.grantTypes.include.1: Each grant type must be a string.",
    ]);
    expect(issues({ ...base, conditions: { ...base.conditions, scopes: { include: ["*", ""] } } })).toEqual([
      "conditions.scopes.include.1: A scope name cannot be blank.",
    ]);
  });
});
