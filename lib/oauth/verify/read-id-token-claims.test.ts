import { describe, expect, it } from "vitest";
import { readIdTokenClaims } from "./read-id-token-claims";

const payload = { sub: "00uuser", ver: 1, iss: "http://idp.test/oauth2/default", aud: "0oaclient", iat: 100, exp: 3700, jti: "ID.abc", amr: ["pwd"], email: "a@example.com" };

describe("readIdTokenClaims", () => {
  it("reads Okta's ID token claims", () => {
    expect(readIdTokenClaims(payload)).toEqual({ jti: "ID.abc", clientId: "0oaclient", userId: "00uuser", issuedAt: 100, expiresAt: 3700, iss: payload.iss, claims: payload });
  });

  it.each([
    ["an access token jti", { jti: "AT.abc" }],
    ["an array audience", { aud: ["0oaclient"] }],
    ["no sub", { sub: undefined }],
    ["access-token scopes", { scp: ["openid"] }],
    ["a client id claim", { cid: "0oaclient" }],
    ["no exp", { exp: undefined }],
  ])("refuses %s", (_name, change) => {
    expect(readIdTokenClaims({ ...payload, ...change })).toBeNull();
  });
});
