import { describe, expect, it } from "vitest";
import { buildTokenResponse } from "./build-token-response";

describe("buildTokenResponse", () => {
  it("answers 200 with Okta's fields in order, scope space-separated", () => {
    const res = buildTokenResponse({ accessToken: "at", expiresIn: 3600, scopes: ["openid", "email", "offline_access"], refreshToken: "rt", idToken: "id" });
    expect(res).toEqual({ status: 200, body: { token_type: "Bearer", expires_in: 3600, access_token: "at", scope: "openid email offline_access", refresh_token: "rt", id_token: "id" } });
    expect(Object.keys(res.body as object)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token", "id_token"]);
  });

  it("leaves out refresh_token and id_token when not issued", () => {
    expect(buildTokenResponse({ accessToken: "at", expiresIn: 300, scopes: ["api:read"], refreshToken: null }).body).toEqual({ token_type: "Bearer", expires_in: 300, access_token: "at", scope: "api:read" });
  });
});
