import { describe, expect, it } from "vitest";
import type { VerifiedIdToken } from "../verify/types";
import { buildIdTokenIntrospection } from "./build-id-token-introspection";

const claims = {
  sub: "00u1",
  name: "John Doe",
  email: "john.doe@example.com",
  ver: 1,
  iss: "http://idp.test/oauth2/default",
  aud: "0oaclient",
  iat: 100,
  exp: 3700,
  jti: "ID.abc",
  amr: ["pwd"],
  idp: "00o1",
  nonce: "n-0S6_WzA2Mj",
  auth_time: 90,
  at_hash: "x",
  department: "Flights",
};

const token: VerifiedIdToken = {
  jti: "ID.abc",
  clientId: "0oaclient",
  userId: "00u1",
  issuedAt: 100,
  expiresAt: 3700,
  iss: "http://idp.test/oauth2/default",
  claims,
  app: { id: "0oa1", clientId: "0oaclient", status: "ACTIVE", lastUpdated: new Date(0) },
  user: { id: "00u1", login: "john.doe@example.com", status: "ACTIVE", statusChanged: null },
};

describe("buildIdTokenIntrospection", () => {
  it("answers the client, the user and the token's profile and custom claims, without protocol claims", () => {
    expect(JSON.stringify(buildIdTokenIntrospection(token))).toBe(
      JSON.stringify({
        active: true,
        client_id: "0oaclient",
        username: "john.doe@example.com",
        exp: 3700,
        iat: 100,
        sub: "00u1",
        aud: "0oaclient",
        iss: "http://idp.test/oauth2/default",
        jti: "ID.abc",
        name: "John Doe",
        email: "john.doe@example.com",
        department: "Flights",
      }),
    );
  });
});
