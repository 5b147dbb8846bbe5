import { describe, expect, it } from "vitest";
import { makeTestSnapshot } from "@/tests/support/make-test-snapshot";
import { buildAccessTokenClaims, type AccessTokenClaimsInput } from "./build-access-token-claims";
import { MAX_GROUPS_IN_CLAIM } from "./evaluate-custom-claims";
import { makeTestUser } from "@/tests/support/make-test-user";

const ISSUER = "http://idp.test/oauth2/default";
const CLIENT_ID = "0oaclient00000000000";
const APP = { id: "0oaappid000000000000", clientId: CLIENT_ID, profile: { tier: "gold" } };
const IAT = 1_768_471_200; // 2026-01-15T10:00:00Z
const USER = makeTestUser();

type Claims = NonNullable<Parameters<typeof makeTestSnapshot>[0]["claims"]>;

function build(overrides: Partial<AccessTokenClaimsInput> & { claims?: Claims; audiences?: string[] } = {}) {
  const { claims, audiences, ...input } = overrides;
  return buildAccessTokenClaims({
    snapshot: makeTestSnapshot({ claims, server: audiences ? { audiences } : {}, scopes: [{ name: "car:drive" }] }),
    issuer: ISSUER,
    clientId: CLIENT_ID,
    app: APP,
    user: USER,
    scopes: ["openid", "email"],
    jti: "AT.abc123",
    authTime: IAT - 60,
    iat: IAT,
    exp: IAT + 3600,
    ...input,
  });
}

describe("buildAccessTokenClaims: Okta's claims", () => {
  it("for a user: ver, jti, iss, aud, iat, exp, cid, uid, scp, auth_time, sub (the login), in that order", () => {
    const { claims, warnings } = build();
    expect(claims).toEqual({
      ver: 1,
      jti: "AT.abc123",
      iss: ISSUER,
      aud: "api://default",
      iat: IAT,
      exp: IAT + 3600,
      cid: CLIENT_ID,
      uid: USER.id,
      scp: ["openid", "email"],
      auth_time: IAT - 60,
      sub: "alice@example.com",
    });
    expect(Object.keys(claims)).toEqual(["ver", "jti", "iss", "aud", "iat", "exp", "cid", "uid", "scp", "auth_time", "sub"]);
    expect(warnings).toEqual([]);
  });

  it("for client_credentials: sub is the client id; no uid, no auth_time", () => {
    const { claims } = build({ user: null, scopes: ["car:drive"] });
    expect(claims).toEqual({ ver: 1, jti: "AT.abc123", iss: ISSUER, aud: "api://default", iat: IAT, exp: IAT + 3600, cid: CLIENT_ID, scp: ["car:drive"], sub: CLIENT_ID });
  });

  it("leaves auth_time out when it is not known", () => {
    expect(build({ authTime: undefined }).claims).not.toHaveProperty("auth_time");
  });

  it("adds the AT. prefix to a bare jti", () => {
    expect(build({ jti: "xyz" }).claims.jti).toBe("AT.xyz");
  });

  it("sends several audiences as an array", () => {
    expect(build({ audiences: ["api://a", "api://b"] }).claims.aud).toEqual(["api://a", "api://b"]);
  });

  it("scp is a copy, not the caller's array", () => {
    const scopes = ["openid"];
    const { claims } = build({ scopes });
    expect(claims.scp).toEqual(["openid"]);
    expect(claims.scp).not.toBe(scopes);
  });

  it("does not evaluate the SYSTEM sub claim (its stored expression would give the client id)", () => {
    const { claims, warnings } = build();
    expect(claims.sub).toBe(USER.login);
    expect(warnings).toEqual([]);
  });
});

describe("buildAccessTokenClaims: custom RESOURCE claims", () => {
  it("evaluates EXPRESSION claims against user, app, access, groups and the token's clock", () => {
    const { claims, warnings } = build({
      claims: [
        { name: "dept", value: "user.department" },
        { name: "userId", value: "user.id" },
        { name: "status", value: "user.status" },
        { name: "scopes", value: "access.scope" },
        { name: "client", value: "app.clientId" },
        { name: "tier", value: "app.profile.tier" },
        { name: "issuedAt", value: "Time.now()" },
        { name: "isEng", value: 'isMemberOfGroupName("Engineering")' },
        { name: "greeting", value: '"Hello " + user.firstName' },
      ],
    });
    expect(warnings).toEqual([]);
    expect(claims).toMatchObject({
      dept: "Wonder",
      userId: USER.id,
      status: "ACTIVE",
      scopes: ["openid", "email"],
      client: CLIENT_ID,
      tier: "gold",
      issuedAt: "2026-01-15T10:00:00.000Z",
      isEng: true,
      greeting: "Hello Alice",
    });
  });

  it("passes appuser and org from the caller", () => {
    const { claims } = build({
      claims: [
        { name: "appRole", value: "appuser.role" },
        { name: "orgName", value: "org.name" },
      ],
      expressionContextExtras: { appuser: { role: "admin" }, org: { name: "Wonderland" } },
    });
    expect(claims).toMatchObject({ appRole: "admin", orgName: "Wonderland" });
  });

  it("includes a claim only when its conditions.scopes are empty or one is granted", () => {
    const claims = [{ name: "driver", value: '"yes"', conditionScopes: ["car:drive"] }];
    expect(build({ claims }).claims).not.toHaveProperty("driver");
    expect(build({ claims, scopes: ["openid", "car:drive"] }).claims).toMatchObject({ driver: "yes" });
  });

  it("leaves IDENTITY claims out of the access token", () => {
    expect(build({ claims: [{ name: "idOnly", value: '"x"', claimType: "IDENTITY" }] }).claims).not.toHaveProperty("idOnly");
  });

  it("leaves out a claim whose expression fails at run time, with a warning", () => {
    const { claims, warnings } = build({ claims: [{ name: "badNumber", value: "Convert.toInt(user.firstName)" }, { name: "ok", value: '"fine"' }] });
    expect(claims).not.toHaveProperty("badNumber");
    expect(claims).toMatchObject({ ok: "fine" });
    expect(warnings).toEqual([{ claimId: expect.any(String), claimName: "badNumber", claimType: "RESOURCE", code: "el.not_a_number", message: expect.stringContaining("badNumber") }]);
  });

  it("leaves out a claim whose value is null, with a warning", () => {
    const { claims, warnings } = build({ claims: [{ name: "cost", value: "user.costCenter" }] });
    expect(claims).not.toHaveProperty("cost");
    expect(warnings).toMatchObject([{ claimName: "cost", code: "claim.null_value" }]);
  });

  it("in client_credentials tokens user attributes are null (left out, with a warning)", () => {
    const { claims, warnings } = build({ user: null, claims: [{ name: "dept", value: "user.department" }, { name: "client", value: "app.clientId" }] });
    expect(claims).not.toHaveProperty("dept");
    expect(claims).toMatchObject({ client: CLIENT_ID });
    expect(warnings).toMatchObject([{ claimName: "dept", code: "claim.null_value" }]);
  });

  it("leaves out a claim whose stored definition is invalid, with a warning", () => {
    const { claims, warnings } = build({ claims: [{ name: "broken", value: "user.login +" }] });
    expect(claims).not.toHaveProperty("broken");
    expect(warnings).toMatchObject([{ claimName: "broken", code: "claim.invalid_definition" }]);
  });

  it.each(["cid", "scp", "sub", "iss", "uid", "auth_time", "nbf", "azp"])("never lets a custom claim named %s override the protocol claims", (name) => {
    const { claims, warnings } = build({ claims: [{ name, value: '"spoofed"' }] });
    expect(Object.values(claims)).not.toContain("spoofed");
    expect(warnings).toMatchObject([{ claimName: name, code: "claim.reserved_name" }]);
  });

  it("reserves uid and auth_time in client_credentials tokens too", () => {
    const { claims, warnings } = build({ user: null, claims: [{ name: "uid", value: '"spoofed"' }] });
    expect(claims).not.toHaveProperty("uid");
    expect(warnings).toMatchObject([{ code: "claim.reserved_name" }]);
  });

  it("keeps a claim named __proto__ an ordinary claim", () => {
    const { claims } = build({ claims: [{ name: "__proto__", value: '"x"' }] });
    expect(Object.getPrototypeOf(claims)).toBe(Object.prototype);
    expect(Object.hasOwn(claims, "__proto__")).toBe(true);
    expect(JSON.parse(JSON.stringify(claims))).toHaveProperty(["__proto__"], "x");
  });
});

describe("buildAccessTokenClaims: GROUPS claims", () => {
  it.each([
    ["STARTS_WITH", "eng", ["Engineering", "eng-managers"]],
    ["EQUALS", "ENGINEERING", ["Engineering"]],
    ["CONTAINS", "ale", ["Sales"]],
    ["REGEX", "[A-Z].*", ["Everyone", "Engineering", "Sales"]],
    ["REGEX", "/eng-.*/", ["eng-managers"]],
  ])("%s %s", (groupFilterType, value, expected) => {
    const { claims, warnings } = build({ claims: [{ name: "groups", valueType: "GROUPS", groupFilterType, value }] });
    expect(claims.groups).toEqual(expected);
    expect(warnings).toEqual([]);
  });

  it("leaves the claim out when no group matches (a REGEX must match the whole name)", () => {
    const { claims, warnings } = build({ claims: [{ name: "groups", valueType: "GROUPS", groupFilterType: "REGEX", value: "eng" }] });
    expect(claims).not.toHaveProperty("groups");
    expect(warnings).toEqual([]);
  });

  it(`lists at most ${MAX_GROUPS_IN_CLAIM} groups, in membership order`, () => {
    const groups = Array.from({ length: 150 }, (_, i) => ({ id: `00g${String(i).padStart(17, "0")}`, name: `g${String(149 - i).padStart(3, "0")}` }));
    const { claims } = build({ user: makeTestUser({ groups }), claims: [{ name: "groups", valueType: "GROUPS", groupFilterType: "STARTS_WITH", value: "g" }] });
    const listed = claims.groups as string[];
    expect(listed).toHaveLength(100);
    expect(listed[0]).toBe("g149");
    expect(listed[99]).toBe("g050");
  });

  it("has no groups without a user", () => {
    const { claims, warnings } = build({ user: null, claims: [{ name: "groups", valueType: "GROUPS", groupFilterType: "STARTS_WITH", value: "e" }] });
    expect(claims).not.toHaveProperty("groups");
    expect(warnings).toEqual([]);
  });
});
