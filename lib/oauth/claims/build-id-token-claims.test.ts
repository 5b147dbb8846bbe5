import { describe, expect, it } from "vitest";
import { SYSTEM_CLAIMS } from "../../authorization-servers/system-claims";
import { makeTestSnapshot } from "@/tests/support/make-test-snapshot";
import { ID_TOKEN_LIFETIME_SECONDS } from "../tokens/token-lifetimes";
import { buildIdTokenClaims, type IdTokenClaimsInput } from "./build-id-token-claims";
import { buildUserinfoClaims } from "./build-userinfo-claims";
import { computeTokenHash } from "./compute-token-hash";
import { makeTestUser } from "@/tests/support/make-test-user";
import { ORG_IDP_ID } from "./org-idp-id";

const ISSUER = "http://idp.test/oauth2/default";
const CLIENT_ID = "0oaclient00000000000";
const APP = { id: "0oaappid000000000000", clientId: CLIENT_ID };
const IAT = 1_768_471_200; // 2026-01-15T10:00:00Z
const AUTH_TIME = IAT - 120;
const USER = makeTestUser();

type SnapshotInput = Parameters<typeof makeTestSnapshot>[0];

function build(overrides: Partial<IdTokenClaimsInput> & { snapshot?: never } = {}, snapshotInput: SnapshotInput = {}) {
  return buildIdTokenClaims({
    snapshot: makeTestSnapshot(snapshotInput),
    issuer: ISSUER,
    clientId: CLIENT_ID,
    app: APP,
    user: USER,
    scopes: ["openid"],
    jti: "ID.def456",
    iat: IAT,
    authTime: AUTH_TIME,
    amr: ["pwd"],
    includeScopeClaims: false,
    ...overrides,
  });
}

const PROFILE_CLAIMS = {
  name: "Alice Liddell",
  family_name: "Liddell",
  given_name: "Alice",
  middle_name: "Pleasance",
  nickname: "Al",
  profile: "https://example.com/alice",
  zoneinfo: "Europe/London",
  locale: "en-GB",
  updated_at: 1_767_225_600,
};

describe("buildIdTokenClaims: protocol claims", () => {
  it("openid alone: sub (user id), ver, iss, aud (client id string), iat, exp (1 h), jti, amr, idp, auth_time", () => {
    const { claims, warnings } = build();
    expect(claims).toEqual({
      sub: USER.id,
      ver: 1,
      iss: ISSUER,
      aud: CLIENT_ID,
      iat: IAT,
      exp: IAT + 3600,
      jti: "ID.def456",
      amr: ["pwd"],
      idp: ORG_IDP_ID,
      auth_time: AUTH_TIME,
    });
    expect(ID_TOKEN_LIFETIME_SECONDS).toBe(3600);
    expect(warnings).toEqual([]);
  });

  it("carries the nonce when one was sent, and only then", () => {
    expect(build({ nonce: "n-0S6_WzA2Mj" }).claims.nonce).toBe("n-0S6_WzA2Mj");
    expect(build({ nonce: "" }).claims).not.toHaveProperty("nonce");
    expect(build({ nonce: null }).claims).not.toHaveProperty("nonce");
  });

  it("adds the ID. prefix to a bare jti and takes an explicit idp", () => {
    const { claims } = build({ jti: "q1", idp: "00oexternal000000000" });
    expect(claims).toMatchObject({ jti: "ID.q1", idp: "00oexternal000000000" });
  });

  it("at_hash and c_hash follow OIDC Core (examples of Appendix A)", () => {
    const accessToken = "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y";
    const code = "Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk";
    const { claims } = build({ accessToken, code });
    expect(claims.at_hash).toBe("77QmUPtjPfzWtF2AnpK9RQ");
    expect(claims.c_hash).toBe("LDktKdoQak3Pk0cnXxCltA");
    expect(build().claims).not.toHaveProperty("at_hash");
    expect(build().claims).not.toHaveProperty("c_hash");
  });

  it("orders claims as Okta does: sub, profile claims, protocol claims, preferred_username, auth_time, hashes", () => {
    const { claims } = build({ scopes: ["openid", "profile", "email"], nonce: "n", accessToken: "t", includeScopeClaims: true });
    expect(Object.keys(claims)).toEqual([
      "sub",
      ...Object.keys(PROFILE_CLAIMS),
      "email",
      "email_verified",
      "ver",
      "iss",
      "aud",
      "iat",
      "exp",
      "jti",
      "amr",
      "idp",
      "nonce",
      "preferred_username",
      "auth_time",
      "at_hash",
    ]);
  });
});

describe("buildIdTokenClaims: standard claims per scope", () => {
  it.each<[string, Record<string, unknown>]>([
    ["profile", { ...PROFILE_CLAIMS, preferred_username: "alice@example.com" }],
    ["email", { email: "alice@example.com", email_verified: true }],
    ["address", { address: { street_address: "1 Rabbit Hole", locality: "Oxford", region: "Oxfordshire", postal_code: "OX1 1AA", country: "GB" } }],
    ["phone", { phone_number: "+44 1865 000000", phone_number_verified: false }],
  ])("%s", (scope, expected) => {
    const { claims } = build({ scopes: ["openid", scope] });
    const base = build().claims;
    const added = Object.fromEntries(Object.entries(claims).filter(([name]) => !(name in base)));
    expect(added).toEqual(expected);
  });

  it("gives nothing for scopes that were not granted", () => {
    const { claims } = build({ scopes: ["openid", "offline_access", "car:drive"] });
    expect(Object.keys(claims).sort()).toEqual(["amr", "aud", "auth_time", "exp", "iat", "idp", "iss", "jti", "sub", "ver"]);
  });
});

describe("alwaysIncludeInToken", () => {
  const claims: SnapshotInput["claims"] = [
    { name: "team", value: "user.department", claimType: "IDENTITY", alwaysIncludeInToken: true },
    { name: "badge", value: "user.employeeNumber", claimType: "IDENTITY", alwaysIncludeInToken: false },
    { name: "driver", value: '"yes"', claimType: "IDENTITY", conditionScopes: ["profile"] },
    { name: "resource", value: '"r"', claimType: "RESOURCE" },
  ];

  it("with an access token (or from a code): IDENTITY claims with alwaysIncludeInToken false are left out", () => {
    const { claims: token, warnings } = build({ includeScopeClaims: false }, { claims });
    expect(token).toMatchObject({ team: "Wonder" });
    expect(token).not.toHaveProperty("badge");
    expect(token).not.toHaveProperty("resource");
    expect(warnings).toEqual([]);
  });

  it("alone (response_type=id_token): every IDENTITY claim goes in", () => {
    const { claims: token } = build({ includeScopeClaims: true }, { claims });
    expect(token).toMatchObject({ team: "Wonder", badge: "42" });
  });

  it("respects conditions.scopes", () => {
    expect(build({}, { claims }).claims).not.toHaveProperty("driver");
    expect(build({ scopes: ["openid", "profile"] }, { claims }).claims).toMatchObject({ driver: "yes" });
  });

  it("standard claims whose SYSTEM claim has alwaysIncludeInToken false are left for userinfo", () => {
    const systemClaims = SYSTEM_CLAIMS.map((claim, index) => ({
      id: `oclsys${index}`,
      name: claim.name,
      status: "ACTIVE",
      claimType: claim.claimType,
      valueType: "SYSTEM",
      value: claim.value,
      groupFilterType: null,
      alwaysIncludeInToken: !["email", "email_verified", "zoneinfo"].includes(claim.name),
      conditionScopes: claim.scopes,
      system: true,
    }));
    const scopes = ["openid", "profile", "email"];
    const withAccessToken = build({ scopes, includeScopeClaims: false }, { systemClaims }).claims;
    expect(withAccessToken).not.toHaveProperty("email");
    expect(withAccessToken).not.toHaveProperty("email_verified");
    expect(withAccessToken).not.toHaveProperty("zoneinfo");
    expect(withAccessToken).toMatchObject({ given_name: "Alice" });
    expect(build({ scopes, includeScopeClaims: true }, { systemClaims }).claims).toMatchObject({ email: "alice@example.com", zoneinfo: "Europe/London" });

    const userinfo = buildUserinfoClaims({ snapshot: makeTestSnapshot({ systemClaims }), app: APP, user: USER, scopes, now: new Date(IAT * 1000) });
    expect(userinfo.claims).toMatchObject({ email: "alice@example.com", email_verified: true, zoneinfo: "Europe/London" });
  });
});

describe("buildIdTokenClaims: custom IDENTITY claims", () => {
  it("never override protocol or standard claims", () => {
    const { claims, warnings } = build(
      { scopes: ["openid", "email"] },
      {
        claims: [
          { name: "email", value: '"spoofed@example.com"', claimType: "IDENTITY" },
          { name: "amr", value: '"spoofed"', claimType: "IDENTITY" },
          { name: "nonce", value: '"spoofed"', claimType: "IDENTITY" },
        ],
      },
    );
    expect(claims.email).toBe("alice@example.com");
    expect(claims.amr).toEqual(["pwd"]);
    expect(claims).not.toHaveProperty("nonce");
    expect(warnings.map((warning) => [warning.claimName, warning.code])).toEqual([
      ["amr", "claim.reserved_name"],
      ["email", "claim.reserved_name"],
      ["nonce", "claim.reserved_name"],
    ]);
  });

  it("a withheld standard claim's name stays reserved", () => {
    const { claims, warnings } = build({ scopes: ["openid", "profile"] }, { claims: [{ name: "picture", value: '"https://evil.example/x.png"', claimType: "IDENTITY" }] });
    expect(claims).not.toHaveProperty("picture");
    expect(warnings).toMatchObject([{ claimName: "picture", code: "claim.reserved_name" }]);
  });

  it("GROUPS claims work in the ID token", () => {
    const { claims } = build({}, { claims: [{ name: "groups", value: "s", valueType: "GROUPS", groupFilterType: "CONTAINS", claimType: "IDENTITY" }] });
    expect(claims.groups).toEqual(["eng-managers", "Sales"]);
  });

  it("a failing expression is left out with a warning, the token is still built", () => {
    const { claims, warnings } = build({}, { claims: [{ name: "n", value: "Convert.toNum(user.lastName)", claimType: "IDENTITY" }] });
    expect(claims).not.toHaveProperty("n");
    expect(claims.sub).toBe(USER.id);
    expect(warnings).toMatchObject([{ claimName: "n", claimType: "IDENTITY", code: "el.not_a_number" }]);
  });
});

describe("buildUserinfoClaims", () => {
  const claims: SnapshotInput["claims"] = [
    { name: "team", value: "user.department", claimType: "IDENTITY", alwaysIncludeInToken: true },
    { name: "badge", value: "user.employeeNumber", claimType: "IDENTITY", alwaysIncludeInToken: false },
    { name: "resource", value: '"r"', claimType: "RESOURCE" },
    { name: "cost", value: "user.costCenter", claimType: "IDENTITY" },
  ];
  const userinfo = (scopes: string[]) => buildUserinfoClaims({ snapshot: makeTestSnapshot({ claims }), app: APP, user: USER, scopes, now: new Date(IAT * 1000) });

  it("openid alone: sub and the IDENTITY claims, whatever alwaysIncludeInToken says", () => {
    const { claims: body, warnings } = userinfo(["openid"]);
    expect(body).toEqual({ sub: USER.id, badge: "42", team: "Wonder" });
    expect(warnings).toMatchObject([{ claimName: "cost", code: "claim.null_value" }]);
  });

  it("adds the standard claims of each granted scope", () => {
    const { claims: body } = userinfo(["openid", "profile", "email", "address", "phone"]);
    expect(body).toMatchObject({
      sub: USER.id,
      ...PROFILE_CLAIMS,
      preferred_username: "alice@example.com",
      email: "alice@example.com",
      email_verified: true,
      address: { locality: "Oxford" },
      phone_number: "+44 1865 000000",
      phone_number_verified: false,
    });
  });

  it("its sub equals the ID token's", () => {
    expect(userinfo(["openid"]).claims.sub).toBe(build().claims.sub);
  });
});

describe("computeTokenHash", () => {
  it.each([
    ["jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y", "77QmUPtjPfzWtF2AnpK9RQ"],
    ["Qcb0Orv1zh30vL1MPRsbm-diHiMwcLyZvn1arpZv-Jxf_11jnpEX3Tgfvk", "LDktKdoQak3Pk0cnXxCltA"],
  ])("%s -> %s", (token, hash) => {
    expect(computeTokenHash(token)).toBe(hash);
  });

  it("is 22 base64url characters (128 bits)", () => {
    expect(computeTokenHash("anything")).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
