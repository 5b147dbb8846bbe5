import { describe, expect, it } from "vitest";
import { makeTestPolicy, makeTestRule, makeTestSnapshot } from "@/tests/support/make-test-snapshot";
import type { GrantType } from "../grant-types";
import {
  CLIENT_CREDENTIALS_OIDC_DESCRIPTION,
  evaluatePolicy,
  NO_DEFAULT_SCOPES_DESCRIPTION,
  NO_MATCHING_POLICY_DESCRIPTION,
  UNKNOWN_SCOPE_DESCRIPTION,
  type PolicyInput,
  type PolicyResult,
} from "./evaluate-policy";

const EVERYONE_ID = "00geveryone000000000";
const ALICE = { id: "00ualice0000000000000", groupIds: ["00gengineers00000000"] };
const BOB = { id: "00ubob00000000000000", groupIds: ["00gsales000000000000"] };
const NOBODY = { id: "00unobody00000000000", groupIds: [] };

const CUSTOM_SCOPES = [{ name: "car:drive" }, { name: "car:park" }, { name: "boat:sail" }];
const WITH_DEFAULTS = [...CUSTOM_SCOPES, { name: "api:read", isDefault: true }, { name: "api:write", isDefault: true }];

function run(snapshotInput: Parameters<typeof makeTestSnapshot>[0], request: Partial<Omit<PolicyInput, "snapshot">> = {}): PolicyResult {
  return evaluatePolicy({
    snapshot: makeTestSnapshot(snapshotInput),
    clientId: "0oaclient00000000000",
    oktaScopeGrants: [],
    grantType: "authorization_code",
    user: ALICE,
    requestedScopes: ["openid"],
    ...request,
  });
}

function expectRule(result: PolicyResult, ruleId: string) {
  expect(result.ok, JSON.stringify(result)).toBe(true);
  if (result.ok) expect(result.ruleId).toBe(ruleId);
}

function expectDenied(result: PolicyResult, error: "access_denied" | "invalid_scope", description: string) {
  expect(result).toMatchObject({ ok: false, error, description });
}

describe("evaluatePolicy: clients condition and policy order", () => {
  const forOther = makeTestPolicy({ priority: 1, clientsInclude: ["0oaother000000000000"], rules: [makeTestRule({ name: "other" })] });
  const forAll = makeTestPolicy({ priority: 2, rules: [makeTestRule({ name: "all" })] });

  it("skips a policy whose clients condition names other clients", () => {
    const result = run({ policies: [forOther, forAll] });
    expectRule(result, forAll.rules[0]!.id);
    expect(result).toMatchObject({ policyId: forAll.id, policyName: forAll.name, ruleName: "all" });
  });

  it("applies a policy that lists the client id", () => {
    const result = run({ policies: [forOther, forAll] }, { clientId: "0oaother000000000000" });
    expect(result).toMatchObject({ ok: true, policyId: forOther.id });
  });

  it("considers only the first matching policy: a later one cannot rescue the request", () => {
    const first = makeTestPolicy({ priority: 1, rules: [makeTestRule({ grantTypes: ["password"] })] });
    const second = makeTestPolicy({ priority: 2, rules: [makeTestRule()] });
    const result = run({ policies: [second, first] });
    expectDenied(result, "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
    expect(result).toMatchObject({ policyId: first.id });
    if (!result.ok) expect(result.reason).toContain("no_matching_rule");
  });

  it("orders policies by priority, not by row order", () => {
    const low = makeTestPolicy({ priority: 3, rules: [makeTestRule()] });
    const high = makeTestPolicy({ priority: 2, rules: [makeTestRule()] });
    expect(run({ policies: [low, high] })).toMatchObject({ ok: true, policyId: high.id });
  });

  it("ignores INACTIVE policies and INACTIVE rules", () => {
    const inactive = makeTestPolicy({ priority: 1, status: "INACTIVE", rules: [makeTestRule()] });
    const active = makeTestPolicy({ priority: 2, rules: [makeTestRule({ priority: 1, status: "INACTIVE" }), makeTestRule({ priority: 2, name: "live" })] });
    expect(run({ policies: [inactive, active] })).toMatchObject({ ok: true, policyId: active.id, ruleName: "live" });
  });

  it("denies when no policy applies to the client", () => {
    const result = run({ policies: [forOther] });
    expectDenied(result, "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
    expect(result).not.toHaveProperty("policyId");
    if (!result.ok) expect(result.reason).toContain("no_matching_policy");
  });

  it("denies when the server has no policy at all", () => {
    expectDenied(run({ policies: [] }), "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
  });
});

describe("evaluatePolicy: rule order and lifetimes", () => {
  it("takes the first matching rule by priority and its lifetimes", () => {
    const second = makeTestRule({ priority: 2, accessTokenLifetimeMinutes: 15, refreshTokenLifetimeMinutes: 600, refreshTokenWindowMinutes: 120 });
    const first = makeTestRule({ priority: 1, accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 60 });
    const result = run({ policies: [makeTestPolicy({ rules: [second, first] })] });
    expect(result).toEqual({
      ok: true,
      policyId: expect.any(String),
      policyName: expect.any(String),
      ruleId: first.id,
      ruleName: first.name,
      grantedScopes: ["openid"],
      accessTokenLifetimeMinutes: 30,
      refreshTokenLifetimeMinutes: 0,
      refreshTokenWindowMinutes: 60,
    });
  });

  it("falls through to a later rule when an earlier one does not match", () => {
    const narrow = makeTestRule({ priority: 1, users: { include: [BOB.id] }, accessTokenLifetimeMinutes: 5 });
    const broad = makeTestRule({ priority: 2, accessTokenLifetimeMinutes: 90 });
    const result = run({ policies: [makeTestPolicy({ rules: [narrow, broad] })] });
    expectRule(result, broad.id);
    expect(result).toMatchObject({ accessTokenLifetimeMinutes: 90 });
  });
});

describe("evaluatePolicy: grant types", () => {
  const codeOnly = makeTestRule({ priority: 1, grantTypes: ["authorization_code"] });
  const passwordOnly = makeTestRule({ priority: 2, grantTypes: ["password", "refresh_token"] });
  const policies = [makeTestPolicy({ rules: [codeOnly, passwordOnly] })];
  it.each<[GrantType, string | null]>([
    ["authorization_code", codeOnly.id],
    ["password", passwordOnly.id],
    ["refresh_token", passwordOnly.id],
    ["implicit", null],
    ["client_credentials", null],
  ])("%s", (grantType, ruleId) => {
    const result = run({ policies, scopes: CUSTOM_SCOPES }, { grantType, user: grantType === "client_credentials" ? null : ALICE, requestedScopes: ["car:drive"] });
    if (ruleId) expectRule(result, ruleId);
    else expectDenied(result, "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
  });
});

describe("evaluatePolicy: people", () => {
  type Case = [name: string, rule: Parameters<typeof makeTestRule>[0], user: PolicyInput["user"], matches: boolean];
  const cases: Case[] = [
    ["users.include lists the user", { users: { include: [ALICE.id] } }, ALICE, true],
    ["users.include lists someone else", { users: { include: [BOB.id] } }, ALICE, false],
    ["groups.include names a group of the user", { groups: { include: ["00gengineers00000000"] } }, ALICE, true],
    ["groups.include names another group", { groups: { include: ["00gengineers00000000"] } }, BOB, false],
    ["users or groups: either includes", { users: { include: [BOB.id] }, groups: { include: ["00gengineers00000000"] } }, BOB, true],
    ["EVERYONE includes a user without groups", { groups: { include: ["EVERYONE"] } }, NOBODY, true],
    ["the Everyone group's id includes every user", { groups: { include: [EVERYONE_ID] } }, NOBODY, true],
    ["users.exclude beats groups.include EVERYONE", { users: { include: [], exclude: [ALICE.id] }, groups: { include: ["EVERYONE"] } }, ALICE, false],
    ["users.exclude beats users.include", { users: { include: [ALICE.id], exclude: [ALICE.id] } }, ALICE, false],
    ["groups.exclude of a group of the user", { groups: { include: ["EVERYONE"], exclude: ["00gengineers00000000"] } }, ALICE, false],
    ["groups.exclude of another group", { groups: { include: ["EVERYONE"], exclude: ["00gengineers00000000"] } }, BOB, true],
    ["groups.exclude of the Everyone group's id excludes all", { groups: { include: ["EVERYONE"], exclude: [EVERYONE_ID] } }, BOB, false],
    ["empty include lists match nobody", { users: { include: [] }, groups: { include: [] } }, ALICE, false],
    ["no user for a user grant matches nothing", {}, null, false],
  ];
  it.each(cases)("%s", (_name, rule, user, matches) => {
    const only = makeTestRule(rule);
    const result = run({ policies: [makeTestPolicy({ rules: [only] })] }, { user });
    if (matches) expectRule(result, only.id);
    else expectDenied(result, "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
  });

  it("ignores the people condition for client_credentials", () => {
    const nobodyRule = makeTestRule({ users: { include: [] }, groups: { include: [] } });
    const excluding = makeTestRule({ groups: { include: ["EVERYONE"], exclude: [EVERYONE_ID] } });
    for (const rule of [nobodyRule, excluding]) {
      const result = run({ policies: [makeTestPolicy({ rules: [rule] })], scopes: CUSTOM_SCOPES }, { grantType: "client_credentials", user: null, requestedScopes: ["car:drive"] });
      expectRule(result, rule.id);
    }
  });

  it("without a known Everyone group only the EVERYONE keyword includes everybody", () => {
    const rule = makeTestRule({ groups: { include: [EVERYONE_ID] } });
    expectDenied(run({ policies: [makeTestPolicy({ rules: [rule] })], everyoneGroupId: null }, { user: NOBODY }), "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
  });
});

describe("evaluatePolicy: scopes", () => {
  const listed = makeTestRule({ priority: 1, scopes: ["car:drive"], accessTokenLifetimeMinutes: 10 });
  const anyScope = makeTestRule({ priority: 2, scopes: ["*"], accessTokenLifetimeMinutes: 20 });
  const policies = [makeTestPolicy({ rules: [listed, anyScope] })];

  it("a listed-scopes rule matches when every requested custom scope is listed", () => {
    const result = run({ policies, scopes: CUSTOM_SCOPES }, { requestedScopes: ["openid", "car:drive"] });
    expectRule(result, listed.id);
    expect(result).toMatchObject({ grantedScopes: ["openid", "car:drive"], accessTokenLifetimeMinutes: 10 });
  });

  it("a listed-scopes rule is skipped when a requested scope is not listed; '*' takes it", () => {
    const result = run({ policies, scopes: CUSTOM_SCOPES }, { requestedScopes: ["car:drive", "car:park"] });
    expectRule(result, anyScope.id);
    expect(result).toMatchObject({ grantedScopes: ["car:drive", "car:park"] });
  });

  it("denies when no rule covers the scopes", () => {
    const onlyListed = [makeTestPolicy({ rules: [listed] })];
    expectDenied(run({ policies: onlyListed, scopes: CUSTOM_SCOPES }, { requestedScopes: ["boat:sail"] }), "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
  });

  it("grants the OIDC scopes by default, without the rule listing them", () => {
    const onlyListed = [makeTestPolicy({ rules: [listed] })];
    const oidc = ["openid", "profile", "email", "address", "phone", "offline_access"];
    const result = run({ policies: onlyListed, scopes: CUSTOM_SCOPES }, { requestedScopes: oidc });
    expectRule(result, listed.id);
    expect(result).toMatchObject({ grantedScopes: oidc });
  });

  it.each([
    ["a scope the server does not have", ["openid", "car:fly"]],
    ["a scope in the wrong case (names are case-sensitive)", ["Car:Drive"]],
  ])("rejects %s with invalid_scope before looking at policies", (_name, requestedScopes) => {
    const result = run({ policies: [], scopes: CUSTOM_SCOPES }, { requestedScopes });
    expectDenied(result, "invalid_scope", UNKNOWN_SCOPE_DESCRIPTION);
    if (!result.ok) expect(result.reason).toContain(requestedScopes[requestedScopes.length - 1]);
  });

  it("has Okta's exact descriptions", () => {
    expect(UNKNOWN_SCOPE_DESCRIPTION).toBe("One or more scopes are not configured for the authorization server resource.");
    expect(NO_MATCHING_POLICY_DESCRIPTION).toBe("Policy evaluation failed for this request, please check the policy configurations.");
    expect(NO_DEFAULT_SCOPES_DESCRIPTION).toBe("The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
  });

  it("removes duplicate and empty scope names, keeping the request order", () => {
    const result = run({ policies, scopes: CUSTOM_SCOPES }, { requestedScopes: ["car:park", "", "openid", "car:park"] });
    expect(result).toMatchObject({ ok: true, grantedScopes: ["car:park", "openid"] });
  });
});

describe("evaluatePolicy: default scopes", () => {
  const anyScope = makeTestRule({ priority: 1 });

  it.each([null, []])("password with no scope requested (%j) gets the default scopes", (requestedScopes) => {
    const result = run({ policies: [makeTestPolicy({ rules: [anyScope] })], scopes: WITH_DEFAULTS }, { grantType: "password", requestedScopes });
    expect(result).toMatchObject({ ok: true, grantedScopes: ["api:read", "api:write"] });
  });

  it("client_credentials with no scope requested gets the default scopes", () => {
    const result = run({ policies: [makeTestPolicy({ rules: [anyScope] })], scopes: WITH_DEFAULTS }, { grantType: "client_credentials", user: null, requestedScopes: null });
    expect(result).toMatchObject({ ok: true, grantedScopes: ["api:read", "api:write"] });
  });

  it("client_credentials gets the defaults in addition to the requested scopes", () => {
    const result = run({ policies: [makeTestPolicy({ rules: [anyScope] })], scopes: WITH_DEFAULTS }, { grantType: "client_credentials", user: null, requestedScopes: ["car:drive", "api:write"] });
    expect(result).toMatchObject({ ok: true, grantedScopes: ["car:drive", "api:write", "api:read"] });
  });

  it("client_credentials gets only the defaults the rule allows", () => {
    const narrow = makeTestRule({ scopes: ["car:drive", "api:read"] });
    const result = run({ policies: [makeTestPolicy({ rules: [narrow] })], scopes: WITH_DEFAULTS }, { grantType: "client_credentials", user: null, requestedScopes: ["car:drive"] });
    expect(result).toMatchObject({ ok: true, ruleId: narrow.id, grantedScopes: ["car:drive", "api:read"] });
  });

  it("other grants do not add defaults to requested scopes", () => {
    const result = run({ policies: [makeTestPolicy({ rules: [anyScope] })], scopes: WITH_DEFAULTS }, { grantType: "password", requestedScopes: ["car:drive"] });
    expect(result).toMatchObject({ ok: true, grantedScopes: ["car:drive"] });
  });

  it("a rule must allow the default scopes it stands in for", () => {
    const narrow = makeTestRule({ priority: 1, scopes: ["api:read"] });
    const result = run({ policies: [makeTestPolicy({ rules: [narrow] })], scopes: WITH_DEFAULTS }, { grantType: "password", requestedScopes: null });
    expectDenied(result, "access_denied", NO_MATCHING_POLICY_DESCRIPTION);
  });

  it.each<[GrantType, PolicyInput["user"]]>([
    ["password", ALICE],
    ["client_credentials", null],
  ])("%s with no scope requested and no default scope configured is invalid_scope", (grantType, user) => {
    const result = run({ policies: [makeTestPolicy({ rules: [anyScope] })], scopes: CUSTOM_SCOPES }, { grantType, user, requestedScopes: null });
    expectDenied(result, "invalid_scope", NO_DEFAULT_SCOPES_DESCRIPTION);
  });

  it("OIDC scopes marked default are defaults for user grants but not for client_credentials", () => {
    const base = makeTestSnapshot({ policies: [makeTestPolicy({ rules: [anyScope] })], scopes: WITH_DEFAULTS });
    const snapshot = { ...base, scopes: base.scopes.map((scope) => (scope.name === "openid" || scope.name === "offline_access" ? { ...scope, isDefault: true } : scope)) };
    const request = { snapshot, clientId: "0oaclient00000000000", oktaScopeGrants: [], requestedScopes: null };
    expect(evaluatePolicy({ ...request, grantType: "client_credentials", user: null })).toMatchObject({ ok: true, grantedScopes: ["api:read", "api:write"] });
    expect(evaluatePolicy({ ...request, grantType: "password", user: ALICE })).toMatchObject({ ok: true, grantedScopes: ["api:read", "api:write", "offline_access", "openid"] });
  });
});

describe("evaluatePolicy: client_credentials and OIDC scopes", () => {
  it.each(["openid", "profile", "email", "address", "phone", "offline_access"])("refuses %s", (scope) => {
    const result = run({ policies: [makeTestPolicy({ rules: [makeTestRule()] })], scopes: CUSTOM_SCOPES }, { grantType: "client_credentials", user: null, requestedScopes: ["car:drive", scope] });
    expectDenied(result, "invalid_scope", CLIENT_CREDENTIALS_OIDC_DESCRIPTION);
  });

  it("allows them for user grants", () => {
    const result = run({ policies: [makeTestPolicy({ rules: [makeTestRule()] })] }, { grantType: "password", requestedScopes: ["openid", "offline_access"] });
    expect(result).toMatchObject({ ok: true, grantedScopes: ["openid", "offline_access"] });
  });
});

describe("evaluatePolicy on the bootstrapped default configuration", () => {
  // The Default Policy (ALL_CLIENTS) and Default Policy Rule (EVERYONE, every grant, "*", 60 / 0 / 10080).
  const policies = [makeTestPolicy({ name: "Default Policy", rules: [makeTestRule({ name: "Default Policy Rule" })] })];
  it.each<[GrantType, PolicyInput["user"], string[]]>([
    ["authorization_code", NOBODY, ["openid", "profile", "email", "offline_access"]],
    ["implicit", NOBODY, ["openid"]],
    ["password", BOB, ["openid", "car:drive"]],
    ["refresh_token", ALICE, ["openid", "offline_access"]],
    ["client_credentials", null, ["car:drive"]],
  ])("allows %s", (grantType, user, requestedScopes) => {
    const result = run({ policies, scopes: CUSTOM_SCOPES }, { grantType, user, requestedScopes });
    expect(result).toMatchObject({
      ok: true,
      policyName: "Default Policy",
      ruleName: "Default Policy Rule",
      grantedScopes: requestedScopes,
      accessTokenLifetimeMinutes: 60,
      refreshTokenLifetimeMinutes: 0,
      refreshTokenWindowMinutes: 10_080,
    });
  });
});

describe("evaluatePolicy: Okta API scopes (okta.*)", () => {
  // The org authorization server's configuration: its scopes include okta.*, its rule allows "*".
  const org = { server: { id: "org", audiences: [] }, policies: [makeTestPolicy({ rules: [makeTestRule()] })], scopes: [{ name: "groups" }, { name: "okta.users.read" }, { name: "okta.users.manage" }, { name: "okta.apps.manage" }] };

  it.each<[GrantType, PolicyInput["user"]]>([
    ["authorization_code", ALICE],
    ["password", ALICE],
    ["client_credentials", null],
  ])("refuses them with invalid_scope while no grant gives them to the app (%s), naming each", (grantType, user) => {
    const result = run(org, { grantType, user, requestedScopes: ["okta.users.read", "okta.apps.manage", ...(user ? ["openid"] : [])] });
    expectDenied(result, "invalid_scope", "The following scopes are not allowed for this request: [okta.users.read, okta.apps.manage].");
  });

  it.each<[GrantType, PolicyInput["user"]]>([
    ["authorization_code", ALICE],
    ["password", ALICE],
    ["client_credentials", null],
  ])("grants those the app was granted, refusing the others by name (%s)", (grantType, user) => {
    const openid = user ? ["openid"] : [];
    const granted = run(org, { grantType, user, oktaScopeGrants: ["okta.users.read", "okta.apps.manage"], requestedScopes: ["okta.users.read", "okta.apps.manage", ...openid] });
    expect(granted).toMatchObject({ ok: true, grantedScopes: ["okta.users.read", "okta.apps.manage", ...openid] });
    const partly = run(org, { grantType, user, oktaScopeGrants: ["okta.users.read"], requestedScopes: ["okta.users.read", "okta.apps.manage", ...openid] });
    expectDenied(partly, "invalid_scope", "The following scopes are not allowed for this request: [okta.apps.manage].");
  });

  it("a grant is exact: okta.users.manage does not give okta.users.read", () => {
    const result = run(org, { grantType: "client_credentials", user: null, oktaScopeGrants: ["okta.users.manage"], requestedScopes: ["okta.users.read"] });
    expectDenied(result, "invalid_scope", "The following scopes are not allowed for this request: [okta.users.read].");
  });

  it("grants the org server's other scopes", () => {
    expect(run(org, { requestedScopes: ["openid", "groups"] })).toMatchObject({ ok: true, grantedScopes: ["openid", "groups"] });
  });

  it("a server without them: unknown scopes", () => {
    expectDenied(run({ policies: [makeTestPolicy({ rules: [makeTestRule()] })] }, { requestedScopes: ["openid", "okta.users.read"] }), "invalid_scope", UNKNOWN_SCOPE_DESCRIPTION);
  });
});
