import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { resetServerSnapshotCache } from "@/lib/oauth/snapshot/get-server-snapshot";
import { resetVerificationKeyCache } from "@/lib/oauth/verify/find-verification-key";
import { createAdminFixture, type AdminFixture } from "../support/admin-fixture";
import {
  basicAuth,
  callOAuth,
  createTestClient,
  createTestUser,
  introspect,
  mintAccessToken,
  mintIdToken,
  mintRefreshToken,
  mintUserGrant,
  revoke,
  type TestClient,
  type TestUser,
} from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { readLogEvents } from "../support/read-log-events";

const DAY_MS = 86_400_000;
const INACTIVE = { active: false };

describe.each(testProviders())("POST /oauth2/:as/v1/revoke on %s", (provider) => {
  let f: AdminFixture;
  let web: TestClient;
  let other: TestClient;
  let spa: TestClient;
  let alice: TestUser;

  beforeAll(async () => {
    f = await createAdminFixture(provider);
    web = await createTestClient(f, "Web");
    other = await createTestClient(f, "Other Web");
    spa = await createTestClient(f, "SPA", "browser");
    alice = await createTestUser(f, "Alice", [web, other, spa]);
    f.clock.advance(DAY_MS);
  });
  afterAll(() => f.close());
  /** When the running test started: its revocation events are the ones published since (none of an earlier test's). */
  let testStart: Date;
  beforeEach(async () => {
    resetServerSnapshotCache();
    resetVerificationKeyCache();
    f.clock.advance(1000);
    testStart = f.clock.now;
  });

  const active = async (token: string) => (await introspect(web, { token })).body.active as boolean;
  const userinfo = (token: string) => callOAuth("GET", "/oauth2/default/v1/userinfo", { headers: { Authorization: `Bearer ${token}` } });
  const revokeEvents = () => readLogEvents(f.db, { where: { eventType: "app.oauth2.as.token.revoke", published: { gte: testStart } }, orderBy: { published: "asc" } });

  function expectEmpty200(res: { status: number; text: string; headers: Headers }) {
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    expect(res.headers.get("content-type")).toBeNull();
    expect(res.headers.get("cache-control")).toBe("no-store");
  }

  it("revokes an access token until its exp: introspection turns inactive, userinfo 401; revoking again changes nothing", async () => {
    const { token, claims } = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid", "profile"] });
    const sibling = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid", "profile"] });
    expect(await active(token)).toBe(true);
    expect((await userinfo(token)).status).toBe(200);

    expectEmpty200(await revoke(web, { token, token_type_hint: "access_token" }));
    expect((await introspect(web, { token })).body).toEqual(INACTIVE);
    const denied = await userinfo(token);
    expect(denied.status).toBe(401);
    expect(denied.headers.get("www-authenticate")).toBe('Bearer realm="IdP", error="invalid_token", error_description="The access token is invalid."');
    expect(await active(sibling.token)).toBe(true);

    const row = await f.db.revokedAccessToken.findUniqueOrThrow({ where: { jti: claims.jti as string } });
    expect(row).toMatchObject({ authServerId: "default", expiresAt: new Date((claims.exp as number) * 1000), created: f.clock.now });

    expectEmpty200(await revoke(web, { token }));
    expect(await f.db.revokedAccessToken.count({ where: { jti: claims.jti as string } })).toBe(1);

    const events = await revokeEvents();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      outcomeResult: "SUCCESS",
      actorId: web.clientId,
      target: [
        { id: claims.jti, type: "AccessToken" },
        { id: web.appId, type: "AppInstance", alternateId: web.clientId, displayName: "Web" },
        { id: "default", type: "AuthorizationServer", displayName: "default" },
      ],
    });
    expect(events[0]!.debugContext).toEqual({ debugData: { tokenType: "access_token" } });
  });

  it("revokes a refresh token with its whole grant: every token of the family and the access tokens minted from it", async () => {
    const grant = await mintUserGrant(f, { client: web, user: alice, scopes: ["openid", "offline_access"] });
    const rotatedParent = await mintRefreshToken(f, { client: web, user: alice, scopes: ["openid", "offline_access"], familyId: grant.refresh.familyId, status: "ROTATED" });
    const sameGrantAccess = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], grantId: grant.refresh.familyId });
    const otherGrant = await mintUserGrant(f, { client: web, user: alice, scopes: ["openid", "offline_access"] });
    expect(String(grant.access.claims.jti).endsWith(`.${grant.refresh.familyId}`)).toBe(true);
    for (const token of [grant.refresh.token, grant.access.token, sameGrantAccess.token]) expect(await active(token)).toBe(true);

    expectEmpty200(await revoke(web, { token: grant.refresh.token, token_type_hint: "refresh_token" }));
    for (const token of [grant.refresh.token, grant.access.token, sameGrantAccess.token]) expect((await introspect(web, { token })).body).toEqual(INACTIVE);
    const family = await f.db.refreshToken.findMany({ where: { familyId: grant.refresh.familyId }, select: { id: true, status: true, revoked: true } });
    expect(family).toHaveLength(2);
    for (const row of family) expect(row).toMatchObject({ status: "REVOKED", revoked: f.clock.now });
    expect(family.map((row) => row.id).sort()).toEqual([grant.refresh.id, rotatedParent.id].sort());
    expect(await f.db.revokedAccessToken.count({ where: { jti: `grant:${grant.refresh.familyId}` } })).toBe(1);
    // another grant of the same client and user is untouched
    expect(await active(otherGrant.refresh.token)).toBe(true);
    expect(await active(otherGrant.access.token)).toBe(true);

    const [event] = await revokeEvents();
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", target: [{ id: grant.refresh.id, type: "RefreshToken", detailEntry: { grantId: grant.refresh.familyId } }, { id: web.appId }, { id: "default" }] });
  });

  it("a rotated (older) refresh token of a family still names the grant: revoking it revokes the family", async () => {
    const current = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"] });
    const older = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"], familyId: current.familyId, status: "ROTATED" });
    expectEmpty200(await revoke(web, { token: older.token }));
    expect(await active(current.token)).toBe(false);
  });

  it("the hint is only a hint: a mismatched hint still revokes", async () => {
    const access = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
    const refresh = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"] });
    expectEmpty200(await revoke(web, { token: access.token, token_type_hint: "refresh_token" }));
    expectEmpty200(await revoke(web, { token: refresh.token, token_type_hint: "access_token" }));
    expect(await active(access.token)).toBe(false);
    expect(await active(refresh.token)).toBe(false);
    // a hint revocation does not support (id_token) or does not know is ignored
    const third = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
    expectEmpty200(await revoke(web, { token: third.token, token_type_hint: "id_token" }));
    expect(await active(third.token)).toBe(false);
  });

  it("answers 200 for unknown, malformed, expired and ID tokens, and for other servers' tokens, revoking nothing", async () => {
    const expired = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"], now: new Date(f.clock.now.getTime() - 7200_000) });
    const idToken = await mintIdToken(f, { client: web, user: alice });
    const server = await f.api("POST", "/api/v1/authorizationServers", { name: "Elsewhere", audiences: ["api://elsewhere"] });
    const elsewhere = await mintAccessToken(f, { authServerId: server.body.id, client: web, user: alice, scopes: ["openid"] });
    const elsewhereRefresh = await mintRefreshToken(f, { authServerId: server.body.id, client: web, user: alice, scopes: ["offline_access"] });
    const revokedBefore = await f.db.revokedAccessToken.count();
    for (const token of ["no-such-token", "a.b.c", expired.token, idToken.token, elsewhere.token, elsewhereRefresh.token]) expectEmpty200(await revoke(web, { token }));
    expect(await f.db.revokedAccessToken.count()).toBe(revokedBefore);
    expect((await introspect(web, { token: idToken.token })).body.active).toBe(true);
    expect((await introspect(web, { token: elsewhere.token }, { authServerId: server.body.id })).body.active).toBe(true);
    expect((await introspect(web, { token: elsewhereRefresh.token }, { authServerId: server.body.id })).body.active).toBe(true);
    expect(await revokeEvents()).toEqual([]);
  });

  it("another client's token: 200, nothing revoked (RFC 7009 2.1), and a FAILURE in the System Log", async () => {
    const access = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
    const refresh = await mintRefreshToken(f, { client: web, user: alice, scopes: ["offline_access"] });
    expectEmpty200(await revoke(other, { token: access.token }));
    expectEmpty200(await revoke(other, { token: refresh.token }));
    expectEmpty200(await revoke(spa, { token: access.token }));
    expect(await active(access.token)).toBe(true);
    expect(await active(refresh.token)).toBe(true);
    expect(await f.db.revokedAccessToken.count({ where: { jti: access.claims.jti as string } })).toBe(0);
    const events = await revokeEvents();
    expect(events.map((event) => [event.outcomeResult, event.actorId, event.outcomeReason])).toEqual([
      ["FAILURE", other.clientId, "The token was issued to another client; nothing was revoked."],
      ["FAILURE", other.clientId, "The token was issued to another client; nothing was revoked."],
      ["FAILURE", spa.clientId, "The token was issued to another client; nothing was revoked."],
    ]);
    expect(events[0]!.debugContext).toEqual({ debugData: { tokenType: "access_token", ownerClientId: web.clientId } });
  });

  it("a public client revokes its own tokens with Basic base64(client_id), as okta-auth-js sends it", async () => {
    const grant = await mintUserGrant(f, { client: spa, user: alice, scopes: ["openid", "offline_access"] });
    const res = await revoke(spa, { token: grant.access.token, token_type_hint: "access_token" }, { headers: { Authorization: `Basic ${Buffer.from(spa.clientId).toString("base64")}` } });
    expectEmpty200(res);
    expectEmpty200(await revoke(spa, { token: grant.refresh.token, client_id: spa.clientId }, { headers: {} }));
    expect(await active(grant.access.token)).toBe(false);
    expect(await active(grant.refresh.token)).toBe(false);
  });

  it("requires client authentication and the token parameter", async () => {
    const { token } = await mintAccessToken(f, { client: web, user: alice, scopes: ["openid"] });
    const anonymous = await revoke(web, { token }, { headers: {} });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: "invalid_client", error_description: "No client credentials found." });
    expect(anonymous.headers.get("www-authenticate")).toBe('Basic realm="IdP", error="invalid_client", error_description="No client credentials found."');
    const wrong = await revoke(web, { token }, { headers: { Authorization: `Basic ${Buffer.from(`${web.clientId}:nope`).toString("base64")}` } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toBe("invalid_client");
    expect(await active(token)).toBe(true);

    const missing = await revoke(web, { token_type_hint: "access_token" });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual({ error: "invalid_request", error_description: "The 'token' parameter is required." });
    const both = await revoke(web, { token, client_secret: web.clientSecret!, client_id: web.clientId });
    expect(both.status).toBe(400);
    expect(both.body.error).toBe("invalid_request");
    expect(await active(token)).toBe(true);
    expect((await revoke(web, { token }, { authServerId: "ausNoSuchServer00000" })).status).toBe(404);
    expect((await callOAuth("GET", "/oauth2/default/v1/revoke")).status).toBe(405);
  });

  it("answers CORS for a trusted origin (preflight and response) and not for others", async () => {
    const origin = "https://revoker.example.com";
    expect((await f.api("POST", "/api/v1/trustedOrigins", { name: "Revoker", origin, scopes: [{ type: "CORS" }] })).status).toBe(200);
    f.clock.advance(1000);
    const preflight = await callOAuth("OPTIONS", "/oauth2/default/v1/revoke", { headers: { Origin: origin, "Access-Control-Request-Method": "POST" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(origin);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("Authorization");
    const { token } = await mintAccessToken(f, { client: spa, user: alice, scopes: ["openid"] });
    const res = await revoke(spa, { token }, { headers: { Authorization: basicAuth(spa), Origin: origin } });
    expectEmpty200(res);
    expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    const untrusted = await revoke(spa, { token }, { headers: { Authorization: basicAuth(spa), Origin: "https://evil.example.com" } });
    expect(untrusted.status).toBe(200);
    expect(untrusted.headers.get("access-control-allow-origin")).toBeNull();
  });
});
