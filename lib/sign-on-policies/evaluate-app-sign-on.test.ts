import { describe, expect, it } from "vitest";
import { NO_ZONES } from "../network-zones/get-network-zones";
import { evaluateAppSignOn } from "./evaluate-app-sign-on";
import type { AccessPolicySet, ActivePolicy, ActiveRule } from "./get-org-policies";
import { CATCH_ALL_ACTIONS, EVERYONE_ANYWHERE, type AppAccess, type FactorMode, type OrgRuleConditions } from "./org-policy-types";

const rule = (id: string, factorMode: FactorMode, conditions: OrgRuleConditions = EVERYONE_ANYWHERE, access: AppAccess = "ALLOW", reauthenticateIn?: string): ActiveRule => ({
  id,
  name: `Rule ${id}`,
  conditions,
  actions: { appSignOn: { access, verificationMethod: { factorMode, type: "ASSURANCE", ...(reauthenticateIn !== undefined ? { reauthenticateIn } : {}) } } },
});
const groups = (include: string[], exclude: string[] = []): OrgRuleConditions => ({ ...EVERYONE_ANYWHERE, people: { users: { include: [], exclude: [] }, groups: { include, exclude } } });
const policy = (id: string, ...rules: ActiveRule[]): ActivePolicy => ({ id, name: `Policy ${id}`, groupsInclude: [], settings: null, rules });
const catchAll = (policyId: string): ActiveRule => ({ id: `${policyId}-catch-all`, name: "Catch-all Rule", conditions: EVERYONE_ANYWHERE, actions: CATCH_ALL_ACTIONS });

const DEFAULT = policy("default", catchAll("default"));
const PAYROLL = policy("payroll", rule("staff-2fa", "2FA", groups(["00gStaff"], ["00gContractors"])), catchAll("payroll"));
const STRICT = policy("strict", rule("everyone-2fa", "2FA"));
const GUARDED = policy(
  "guarded",
  rule("contractors-deny", "1FA", groups(["00gContractors"]), "DENY"),
  rule("staff-reauth", "2FA", groups(["00gStaff"]), "ALLOW", "PT2H"),
  rule("broken", "1FA", groups(["00gBroken"]), "ALLOW", "PT2X"),
  catchAll("guarded"),
);

function set(assignments: Record<string, string>, policies: ActivePolicy[] = [DEFAULT, PAYROLL, STRICT]): AccessPolicySet {
  return { accessPolicies: new Map(policies.map((p) => [p.id, p])), defaultAccessPolicyId: "default", appAccessPolicies: new Map(Object.entries(assignments)), everyoneGroupId: "00gEveryone" };
}

describe("evaluateAppSignOn", () => {
  it.each([
    ["an app assigned to no policy: the default's Catch-all Rule", set({}), "0oaWiki", ["00gStaff"], "default-catch-all", "1FA"],
    ["an assigned app, a user its 2FA rule names", set({ "0oaPayroll": "payroll" }), "0oaPayroll", ["00gStaff"], "staff-2fa", "2FA"],
    ["an assigned app, a user outside the rule's group: the Catch-all Rule", set({ "0oaPayroll": "payroll" }), "0oaPayroll", [], "payroll-catch-all", "1FA"],
    ["an assigned app, a user in an excluded group", set({ "0oaPayroll": "payroll" }), "0oaPayroll", ["00gStaff", "00gContractors"], "payroll-catch-all", "1FA"],
    ["another app of the org is not affected", set({ "0oaPayroll": "payroll" }), "0oaWiki", ["00gStaff"], "default-catch-all", "1FA"],
    ["an app assigned to an INACTIVE (not loaded) policy: not the default (see below)", set({ "0oaPayroll": "payroll" }, [DEFAULT]), "0oaPayroll", ["00gStaff"], null, "2FA"],
    ["a policy whose rules match nobody: 2FA, failing closed", set({ "0oaPayroll": "narrow" }, [DEFAULT, policy("narrow", rule("admins", "1FA", groups(["00gAdmins"])))]), "0oaPayroll", [], null, "2FA"],
    ["an assigned app whose only rule says 2FA for everyone", set({ "0oaPayroll": "strict" }), "0oaPayroll", [], "everyone-2fa", "2FA"],
  ] as const)("%s", (_, policies, appId, groupIds, ruleId, factorMode) => {
    const decision = evaluateAppSignOn(policies, { appId, userId: "00uAlice", groupIds, ipAddress: null, zones: NO_ZONES });
    expect([decision.matched?.ruleId ?? null, decision.factorMode]).toEqual([ruleId, factorMode]);
  });

  it.each([
    ["a DENY rule naming the user", ["00gContractors"], "DENY", "contractors-deny", null, /^POLICY_DENY: rule "Rule contractors-deny" \(contractors-deny\) of the app's authentication policy "Policy guarded" \(guarded\) denies access$/],
    ["a DENY rule wins over a later ALLOW rule", ["00gContractors", "00gStaff"], "DENY", "contractors-deny", null, /^POLICY_DENY: /],
    ["an ALLOW rule with reauthenticateIn PT2H", ["00gStaff"], "ALLOW", "staff-reauth", { period: "PT2H", seconds: 7200 }, null],
    ["a stored reauthenticateIn that does not parse: DENY, failing closed", ["00gBroken"], "DENY", "broken", null, /^POLICY_INVALID: rule broken /],
    ["nobody else: the Catch-all Rule, no re-authentication", [], "ALLOW", "guarded-catch-all", null, null],
  ] as const)("access and re-authentication: %s", (_, groupIds, access, ruleId, reauthenticate, denyReason) => {
    const decision = evaluateAppSignOn(set({ "0oaVault": "guarded" }, [DEFAULT, GUARDED]), { appId: "0oaVault", userId: "00uAlice", groupIds, ipAddress: null, zones: NO_ZONES });
    expect(decision).toMatchObject({ access, matched: { ruleId }, reauthenticate });
    if (denyReason === null) expect(decision.denyReason).toBeNull();
    else expect(decision.denyReason).toMatch(denyReason);
  });

  it("fails closed for an app assigned to a policy that is not ACTIVE: DENY, never the default policy's 1FA", () => {
    const decision = evaluateAppSignOn(set({ "0oaPayroll": "payroll" }, [DEFAULT]), { appId: "0oaPayroll", userId: "00uAlice", groupIds: [], ipAddress: null, zones: NO_ZONES });
    expect(decision).toEqual({ matched: null, access: "DENY", factorMode: "2FA", reauthenticate: null, denyReason: "POLICY_INACTIVE: the app's authentication policy payroll is not ACTIVE" });
  });
});
