import { describe, expect, it } from "vitest";
import type { LiveRefreshToken } from "../verify/types";
import { buildRefreshTokenIntrospection } from "./build-refresh-token-introspection";

const token: LiveRefreshToken = {
  id: "oar1",
  familyId: "fam",
  authServerId: "default",
  clientId: "a9VpZDRCeFh3Nkk2VdYa",
  userId: "00u1",
  scopes: ["openid", "profile", "email"],
  created: new Date("2016-01-01T00:00:00Z"),
  expiresAt: new Date(1451606400 * 1000),
  app: { id: "0oa1", clientId: "a9VpZDRCeFh3Nkk2VdYa", status: "ACTIVE", lastUpdated: new Date(0) },
  user: { id: "00u1", login: "john.doe@example.com", status: "ACTIVE", statusChanged: null },
};

describe("buildRefreshTokenIntrospection", () => {
  it("answers the spec's refresh token example (without device_id)", () => {
    expect(JSON.stringify(buildRefreshTokenIntrospection(token))).toBe(
      JSON.stringify({
        active: true,
        token_type: "Bearer",
        scope: "openid profile email",
        client_id: "a9VpZDRCeFh3Nkk2VdYa",
        username: "john.doe@example.com",
        exp: 1451606400,
        sub: "john.doe@example.com",
      }),
    );
  });

  it("rounds exp down to whole seconds", () => {
    expect(buildRefreshTokenIntrospection({ ...token, expiresAt: new Date(1451606400_999) }).exp).toBe(1451606400);
  });
});
