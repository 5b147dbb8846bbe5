import { describe, expect, it } from "vitest";
import { readAccessTokenClaims } from "./read-access-token-claims";

const payload = {
  ver: 1,
  jti: "AT.abc.grant1",
  iss: "http://idp.test/oauth2/default",
  aud: "api://default",
  iat: 100,
  exp: 3700,
  cid: "0oaclient",
  uid: "00uuser",
  scp: ["openid", "email"],
  auth_time: 90,
  sub: "alice@example.com",
  custom: 1,
};

describe("readAccessTokenClaims", () => {
  it("reads Okta's access token claims", () => {
    expect(readAccessTokenClaims(payload)).toEqual({
      jti: "AT.abc.grant1",
      clientId: "0oaclient",
      userId: "00uuser",
      subject: "alice@example.com",
      scopes: ["openid", "email"],
      issuedAt: 100,
      expiresAt: 3700,
      aud: "api://default",
      iss: "http://idp.test/oauth2/default",
      claims: payload,
    });
  });

  it("reads a client_credentials token (no uid) and an array audience", () => {
    const { uid: _uid, ...cc } = payload;
    void _uid;
    expect(readAccessTokenClaims({ ...cc, aud: ["a", "b"], sub: "0oaclient" })).toMatchObject({ userId: null, aud: ["a", "b"], subject: "0oaclient" });
  });

  it.each([
    ["an ID token jti", { jti: "ID.abc" }],
    ["no jti", { jti: undefined }],
    ["no cid", { cid: undefined }],
    ["an empty cid", { cid: "" }],
    ["scp as a string", { scp: "openid email" }],
    ["scp with a number", { scp: ["openid", 1] }],
    ["no sub", { sub: undefined }],
    ["a numeric uid", { uid: 7 }],
    ["an empty audience list", { aud: [] }],
    ["a numeric audience", { aud: 1 }],
    ["a string iat", { iat: "100" }],
  ])("refuses %s", (_name, change) => {
    expect(readAccessTokenClaims({ ...payload, ...change })).toBeNull();
  });
});
