import { describe, expect, it } from "vitest";
import { NO_ZONES } from "../network-zones/get-network-zones";
import { evaluateSignOnPolicy, type SignOnPolicyInput } from "./evaluate-sign-on-policy";
import type { ActivePolicy, ActiveRule, OrgPolicySet } from "./get-org-policies";
import { EVERYONE_ANYWHERE, type OrgRuleConditions, type SignOnActions } from "./org-policy-types";

const NOW = new Date("2026-01-15T10:00:00.000Z");
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000);
const SESSION = { maxSessionIdleMinutes: 120, maxSessionLifetimeMinutes: 0, usePersistentCookie: true };

const signon = (overrides: Partial<SignOnActions["signon"]> = {}): SignOnActions => ({
  signon: { access: "ALLOW", requireFactor: false, factorPromptMode: null, rememberDeviceByDefault: false, factorLifetime: null, session: SESSION, ...overrides },
});
const mfa = (factorPromptMode: "ALWAYS" | "SESSION" | "DEVICE", factorLifetime = 15) => signon({ requireFactor: true, factorPromptMode, factorLifetime });
const people = (p: { users?: { include?: string[]; exclude?: string[] }; groups?: { include?: string[]; exclude?: string[] } }): OrgRuleConditions => ({
  people: {
    users: { include: p.users?.include ?? [], exclude: p.users?.exclude ?? [] },
    groups: { include: p.groups?.include ?? [], exclude: p.groups?.exclude ?? [] },
  },
  network: { connection: "ANYWHERE" },
});
const rule = (id: string, actions: SignOnActions, conditions: OrgRuleConditions = EVERYONE_ANYWHERE): ActiveRule => ({ id, name: `Rule ${id}`, conditions, actions });
const policy = (id: string, rules: ActiveRule[], groupsInclude: string[] = []): ActivePolicy => ({ id, name: `Policy ${id}`, groupsInclude, settings: null, rules });
const DEFAULT = policy("default", [rule("default-rule", signon())]);
const set = (...signOn: ActivePolicy[]): OrgPolicySet => ({ policies: { OKTA_SIGN_ON: [...signOn, DEFAULT], MFA_ENROLL: [] }, everyoneGroupId: "00gEveryone" });

const input = (policies: OrgPolicySet, over: Partial<SignOnPolicyInput> = {}): SignOnPolicyInput => ({
  policies,
  user: { id: "00uAlice" },
  groupIds: ["00gStaff"],
  ipAddress: "203.0.113.7",
  zones: NO_ZONES,
  session: {},
  now: NOW,
  ...over,
});
const decide = (policies: OrgPolicySet, over: Partial<SignOnPolicyInput> = {}) => {
  const decision = evaluateSignOnPolicy(input(policies, over));
  return [decision.matched?.ruleId ?? null, decision.access, decision.challenge];
};

describe("evaluateSignOnPolicy: which rule decides", () => {
  it.each([
    ["only the default: allow, no factor", set(), ["default-rule", "ALLOW", false]],
    ["a policy for a group the user is in", set(policy("p", [rule("staff-mfa", mfa("ALWAYS"))], ["00gStaff"])), ["staff-mfa", "ALLOW", true]],
    ["a policy for another group gives way", set(policy("p", [rule("admins", mfa("ALWAYS"))], ["00gAdmins"])), ["default-rule", "ALLOW", false]],
    ["a policy naming Everyone applies to all", set(policy("p", [rule("all", mfa("ALWAYS"))], ["00gEveryone"])), ["all", "ALLOW", true]],
    ["a policy whose rules do not match gives way", set(policy("p", [rule("bob-only", mfa("ALWAYS"), people({ users: { include: ["00uBob"] } }))])), ["default-rule", "ALLOW", false]],
    ["first matching rule by priority wins", set(policy("p", [rule("first", signon({ access: "DENY" })), rule("second", mfa("ALWAYS"))])), ["first", "DENY", false]],
    ["first matching policy wins", set(policy("p1", [rule("one", mfa("ALWAYS"))]), policy("p2", [rule("two", signon({ access: "DENY" }))])), ["one", "ALLOW", true]],
    ["user excluded", set(policy("p", [rule("x", signon({ access: "DENY" }), people({ users: { exclude: ["00uAlice"] } }))])), ["default-rule", "ALLOW", false]],
    ["group excluded beats user included", set(policy("p", [rule("x", signon({ access: "DENY" }), people({ users: { include: ["00uAlice"] }, groups: { exclude: ["00gStaff"] } }))])), ["default-rule", "ALLOW", false]],
    ["user included by id", set(policy("p", [rule("x", signon({ access: "DENY" }), people({ users: { include: ["00uAlice"] } }))])), ["x", "DENY", false]],
    ["included by group", set(policy("p", [rule("x", signon({ access: "DENY" }), people({ groups: { include: ["00gStaff"] } }))])), ["x", "DENY", false]],
    ["included by the Everyone group", set(policy("p", [rule("x", signon({ access: "DENY" }), people({ groups: { include: ["00gEveryone"] } }))])), ["x", "DENY", false]],
  ] as const)("%s", (_, policies, expected) => {
    expect(decide(policies)).toEqual(expected);
  });

  it("fails closed when nothing matches", () => {
    const none: OrgPolicySet = { policies: { OKTA_SIGN_ON: [], MFA_ENROLL: [] }, everyoneGroupId: null };
    expect(evaluateSignOnPolicy(input(none))).toMatchObject({ matched: null, access: "DENY", challenge: false });
  });
});

describe("evaluateSignOnPolicy: whether to challenge now", () => {
  const only = (actions: SignOnActions) => set(policy("p", [rule("r", actions)]));
  it.each([
    ["ALWAYS, just verified", mfa("ALWAYS"), { factorVerifiedAt: minutesAgo(1), rememberedDevice: true }, true],
    ["SESSION, never verified", mfa("SESSION", 15), {}, true],
    ["SESSION, verified 14 minutes ago (lifetime 15)", mfa("SESSION", 15), { factorVerifiedAt: minutesAgo(14) }, false],
    ["SESSION, verified exactly 15 minutes ago", mfa("SESSION", 15), { factorVerifiedAt: minutesAgo(15) }, true],
    ["SESSION, verified ahead of this clock", mfa("SESSION", 15), { factorVerifiedAt: minutesAgo(-1) }, false],
    ["DEVICE, unknown device", mfa("DEVICE"), { factorVerifiedAt: minutesAgo(1) }, true],
    ["DEVICE, remembered device", mfa("DEVICE"), { rememberedDevice: true }, false],
    ["no factor required", signon(), {}, false],
    ["DENY never challenges", signon({ access: "DENY", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 }), {}, false],
  ] as const)("%s", (_, actions, session, challenge) => {
    expect(evaluateSignOnPolicy(input(only(actions), { session })).challenge).toBe(challenge);
  });

  it("returns the rule's settings and the ids that matched", () => {
    const actions = signon({ requireFactor: true, factorPromptMode: "SESSION", factorLifetime: 30, rememberDeviceByDefault: true, session: { maxSessionIdleMinutes: 60, maxSessionLifetimeMinutes: 480, usePersistentCookie: false } });
    expect(evaluateSignOnPolicy(input(only(actions)))).toEqual({
      matched: { policyId: "p", policyName: "Policy p", ruleId: "r", ruleName: "Rule r" },
      access: "ALLOW",
      requireFactor: true,
      factorPromptMode: "SESSION",
      factorLifetimeMinutes: 30,
      rememberDeviceByDefault: true,
      challenge: true,
      session: { maxSessionIdleMinutes: 60, maxSessionLifetimeMinutes: 480, usePersistentCookie: false },
    });
  });
});
