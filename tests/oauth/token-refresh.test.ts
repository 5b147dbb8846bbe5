import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { hashTokenBytes } from "@/lib/crypto/hash-token";
import { computeTokenHash } from "@/lib/oauth/claims/compute-token-hash";
import { grantRevocationKey } from "@/lib/oauth/tokens/access-token-id";
import type { ApiResult } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectNoStoreJson, expectOAuthError, ISSUER, type TestApp, type TestUser, type TokenFixture } from "./token-fixture";
import { readLogEvents } from "../support/read-log-events";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const INVALID = "The refresh token is invalid or expired.";
const MINUTE = 60_000;

describe.each(testProviders())("token endpoint, refresh_token grant on %s", (provider) => {
  let t: TokenFixture;
  let web: TestApp;
  let alice: TestUser;

  const passwordGrant = (user: TestUser, scope: string, client: TestApp = web) =>
    t.token({ grant_type: "password", username: user.login, password: user.password, scope }, { basic: t.basic(client) });
  const refresh = (token: string, extra: Record<string, string> = {}, client: TestApp = web) =>
    t.token({ grant_type: "refresh_token", refresh_token: token, ...extra }, { basic: t.basic(client) });
  const rowOf = async (token: string) => {
    const { family, ...row } = await t.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(token) }, include: { family: true } });
    return { ...row, scopes: family.scopes, authTime: family.authTime, decision: family.decision, expiresAt: family.expiresAt };
  };
  const grantIdOf = async (res: ApiResult) => ((await t.verify(res.body.access_token)).payload.jti as string).split(".")[2]!;
  const setGrace = (refreshTokenGraceSeconds: number) => t.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, refreshTokenGraceSeconds } } });

  async function start(scope = "openid email offline_access api:read", user: TestUser = alice): Promise<ApiResult> {
    const res = await passwordGrant(user, scope);
    expect(res.status, res.text).toBe(200);
    return res;
  }

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    await t.scope("api:read");
    await t.scope("api:write");
    web = await t.app("Refresh Web", { application_type: "web", redirect_uris: ["https://web.example.com/cb"], grant_types: ["authorization_code", "password", "refresh_token"] });
    alice = await t.user("Alice");
    await t.assign(web.appId, alice.id);
  });
  afterAll(() => t.f.close());

  describe("the spec's response table and rotation", () => {
    it("no scope: a new access token and a rotated refresh token with the original scopes; an ID token without nonce", async () => {
      const first = await start();
      const grantId = await grantIdOf(first);
      const authTime = seconds(t.f.clock.now);
      t.f.clock.advance(10 * MINUTE);
      const mark = await t.mark();
      const res = await refresh(first.body.refresh_token);
      expect(res.status).toBe(200);
      expectNoStoreJson(res);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token", "id_token"]);
      expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "openid email offline_access api:read" });
      expect(res.body.refresh_token).not.toBe(first.body.refresh_token);

      const iat = seconds(t.f.clock.now);
      const access = await t.verify(res.body.access_token);
      expect(access.payload).toEqual({
        ver: 1,
        jti: expect.stringMatching(new RegExp(`^AT\\.[A-Za-z0-9_-]{22}\\.${grantId}$`)),
        iss: ISSUER,
        aud: "api://default",
        iat,
        exp: iat + 3600,
        cid: web.clientId,
        uid: alice.id,
        scp: ["openid", "email", "offline_access", "api:read"],
        auth_time: authTime,
        sub: alice.login,
      });
      const id = await t.verify(res.body.id_token);
      expect(id.payload).toMatchObject({ sub: alice.id, aud: web.clientId, iat, auth_time: authTime, email: alice.login, at_hash: computeTokenHash(res.body.access_token) });
      expect(id.payload).not.toHaveProperty("nonce");

      const old = await rowOf(first.body.refresh_token);
      const next = await rowOf(res.body.refresh_token);
      expect(old).toMatchObject({ status: "ROTATED", rotated: t.f.clock.now });
      expect(next).toMatchObject({
        familyId: grantId,
        parentId: old.id,
        status: "ACTIVE",
        scopes: ["openid", "email", "offline_access", "api:read"],
        authTime: old.authTime,
        decision: old.decision,
        expiresAt: null,
        windowEndsAt: new Date(t.f.clock.now.getTime() + 10_080 * MINUTE),
        created: t.f.clock.now,
      });
      const types = (await readLogEvents(t.f.db)).filter((row) => !mark.has(row.uuid)).map((row) => row.eventType).sort();
      expect(types).toEqual(["app.oauth2.as.token.grant.access_token", "app.oauth2.as.token.grant.id_token", "app.oauth2.as.token.grant.refresh_token"]);
      const [event] = await t.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ grantType: "refresh_token", refreshTokenId: old.id, rotatedTo: next.id, withinGracePeriod: false });
    });

    it("a subset without offline_access: only an access token with those scopes; the presented token stays ACTIVE and its window restarts", async () => {
      const first = await start();
      t.f.clock.advance(MINUTE);
      const res = await refresh(first.body.refresh_token, { scope: "api:read" });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope"]);
      expect(res.body.scope).toBe("api:read");
      expect((await t.verify(res.body.access_token)).payload.scp).toEqual(["api:read"]);
      expect(await rowOf(first.body.refresh_token)).toMatchObject({ status: "ACTIVE", rotated: null, windowEndsAt: new Date(t.f.clock.now.getTime() + 10_080 * MINUTE) });
      // It can be used again.
      expect((await refresh(first.body.refresh_token)).status).toBe(200);
    });

    it("a subset with offline_access and openid: access, refresh and ID token; the new refresh token keeps the grant's scopes", async () => {
      const first = await start();
      const res = await refresh(first.body.refresh_token, { scope: "offline_access openid" });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token", "id_token"]);
      expect(res.body.scope).toBe("offline_access openid");
      expect((await t.verify(res.body.access_token)).payload.scp).toEqual(["offline_access", "openid"]);
      expect((await t.verify(res.body.id_token)).payload).not.toHaveProperty("email");
      expect((await rowOf(res.body.refresh_token)).scopes).toEqual(["openid", "email", "offline_access", "api:read"]);
    });

    it("a broader scope: invalid_scope, and the token is untouched", async () => {
      const first = await start();
      const mark = await t.mark();
      const res = await refresh(first.body.refresh_token, { scope: "api:read api:write" });
      expectOAuthError(res, 400, "invalid_scope", "The requested scopes must be a subset of the scopes granted to the refresh token.");
      expect(await rowOf(first.body.refresh_token)).toMatchObject({ status: "ACTIVE" });
      const [event] = await t.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: "INVALID_SCOPE: not granted to the refresh token: api:write" });
    });

    it("keeps the access token lifetime decided at the grant (the policy is not re-evaluated)", async () => {
      const policyId = (await t.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } })).policyId;
      const rule = await t.f.api("POST", `/api/v1/authorizationServers/default/policies/${policyId}/rules`, {
        type: "RESOURCE_ACCESS",
        name: "Short lived",
        priority: 1,
        conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["password", "refresh_token"] }, scopes: { include: ["*"] } },
        actions: { token: { accessTokenLifetimeMinutes: 10, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 30 } },
      });
      expect(rule.status).toBe(201);
      t.refreshCaches();
      const first = await start();
      expect(first.body.expires_in).toBe(600);
      expect((await t.f.api("DELETE", `/api/v1/authorizationServers/default/policies/${policyId}/rules/${rule.body.id}`)).status).toBe(204);
      t.refreshCaches();
      const res = await refresh(first.body.refresh_token);
      expect(res.body.expires_in).toBe(600);
      expect((await rowOf(res.body.refresh_token)).windowEndsAt).toEqual(new Date(t.f.clock.now.getTime() + 30 * MINUTE));
    });
  });

  describe("reuse detection", () => {
    it("a rotated token used after the grace period revokes the whole family, access tokens included", async () => {
      const first = await start();
      const grantId = await grantIdOf(first);
      const second = await refresh(first.body.refresh_token);
      const third = await refresh(second.body.refresh_token);
      expect(third.status).toBe(200);
      t.f.clock.advance(30_000);
      const mark = await t.mark();
      const reuse = await refresh(first.body.refresh_token);
      expectOAuthError(reuse, 400, "invalid_grant", INVALID);
      const family = await t.f.db.refreshToken.findMany({ where: { familyId: grantId } });
      expect(family).toHaveLength(3);
      expect(family.every((row) => row.status === "REVOKED" && row.revoked?.getTime() === t.f.clock.now.getTime())).toBe(true);
      expect(await t.f.db.revokedAccessToken.findUnique({ where: { jti: grantRevocationKey(grantId) } })).not.toBeNull();
      const [event] = await t.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: `REFRESH_TOKEN_REUSE: a rotated refresh token was used after the grace period; grant ${grantId} revoked` });
      // The newest token of the family is dead too.
      expectOAuthError(await refresh(third.body.refresh_token), 400, "invalid_grant", INVALID);
    });

    it("within the grace period a rotated token is exchanged again (parallel tabs): a fresh sibling token, both valid", async () => {
      const first = await start();
      const grantId = await grantIdOf(first);
      const tabOne = await refresh(first.body.refresh_token);
      expect(tabOne.status).toBe(200);
      t.f.clock.advance(29_999);
      const tabTwo = await refresh(first.body.refresh_token);
      expect(tabTwo.status).toBe(200);
      expect(tabTwo.body.refresh_token).not.toBe(tabOne.body.refresh_token);
      const parent = await rowOf(first.body.refresh_token);
      const one = await rowOf(tabOne.body.refresh_token);
      const two = await rowOf(tabTwo.body.refresh_token);
      expect(parent).toMatchObject({ status: "ROTATED", rotated: new Date(t.f.clock.now.getTime() - 29_999) });
      expect([one.parentId, two.parentId, one.familyId, two.familyId, one.status, two.status]).toEqual([parent.id, parent.id, grantId, grantId, "ACTIVE", "ACTIVE"]);
      expect((await refresh(tabOne.body.refresh_token)).status).toBe(200);
      expect((await refresh(tabTwo.body.refresh_token)).status).toBe(200);
      // The grace period counts from the rotation, not from the last reuse: 1 ms later it is over.
      t.f.clock.advance(1);
      expectOAuthError(await refresh(first.body.refresh_token), 400, "invalid_grant", INVALID);
      expect(await t.f.db.refreshToken.count({ where: { familyId: grantId, status: { not: "REVOKED" } } })).toBe(0);
    });

    it("parallel exchanges of one token: all succeed within the grace period, and only one rotation happened", async () => {
      const first = await start();
      const results = await Promise.all([refresh(first.body.refresh_token), refresh(first.body.refresh_token), refresh(first.body.refresh_token)]);
      expect(results.map((res) => res.status)).toEqual([200, 200, 200]);
      const parent = await rowOf(first.body.refresh_token);
      expect(parent).toMatchObject({ status: "ROTATED", rotated: t.f.clock.now });
      expect(await t.f.db.refreshToken.count({ where: { parentId: parent.id, status: "ACTIVE" } })).toBe(3);
    });

    it("with a grace period of 0, a second use is a reuse at once (also for a parallel loser)", async () => {
      await setGrace(0);
      try {
        const first = await start();
        const grantId = await grantIdOf(first);
        expect((await refresh(first.body.refresh_token)).status).toBe(200);
        expectOAuthError(await refresh(first.body.refresh_token), 400, "invalid_grant", INVALID);
        expect(await t.f.db.refreshToken.count({ where: { familyId: grantId, status: { not: "REVOKED" } } })).toBe(0);

        const other = await start();
        const results = await Promise.all([refresh(other.body.refresh_token), refresh(other.body.refresh_token)]);
        expect(results.map((res) => res.status).sort()).toEqual([200, 400]);
        expect(await t.f.db.refreshToken.count({ where: { familyId: await grantIdOf(other), status: { not: "REVOKED" } } })).toBe(0);
      } finally {
        await setGrace(30);
      }
    });

    it("reads the grace period live from the org settings (clamped to 60 s)", async () => {
      await setGrace(600);
      try {
        const first = await start();
        expect((await refresh(first.body.refresh_token)).status).toBe(200);
        t.f.clock.advance(59_999);
        expect((await refresh(first.body.refresh_token)).status).toBe(200);
        t.f.clock.advance(1);
        expectOAuthError(await refresh(first.body.refresh_token), 400, "invalid_grant", INVALID);
      } finally {
        await setGrace(30);
      }
    });
  });

  describe("expiry", () => {
    it("the sliding window: dead when not used within it; each use restarts it", async () => {
      const policyId = (await t.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } })).policyId;
      const rule = await t.f.api("POST", `/api/v1/authorizationServers/default/policies/${policyId}/rules`, {
        type: "RESOURCE_ACCESS",
        name: "Window",
        priority: 1,
        conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["password"] }, scopes: { include: ["*"] } },
        actions: { token: { accessTokenLifetimeMinutes: 5, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10 } },
      });
      expect(rule.status).toBe(201);
      t.refreshCaches();
      const first = await start();
      expect((await t.f.api("DELETE", `/api/v1/authorizationServers/default/policies/${policyId}/rules/${rule.body.id}`)).status).toBe(204);
      t.refreshCaches();

      t.f.clock.advance(10 * MINUTE - 1);
      const second = await refresh(first.body.refresh_token);
      expect(second.status).toBe(200);
      t.f.clock.advance(10 * MINUTE - 1);
      const third = await refresh(second.body.refresh_token);
      expect(third.status).toBe(200);
      t.f.clock.advance(10 * MINUTE);
      const mark = await t.mark();
      expectOAuthError(await refresh(third.body.refresh_token), 400, "invalid_grant", INVALID);
      const [event] = await t.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect(event).toMatchObject({ outcomeReason: "INVALID_REFRESH_TOKEN: the token was not used within its sliding window" });
    });

    it("the absolute lifetime from the rule: inherited by every rotation, dead at the end whatever the window", async () => {
      const policyId = (await t.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } })).policyId;
      const rule = await t.f.api("POST", `/api/v1/authorizationServers/default/policies/${policyId}/rules`, {
        type: "RESOURCE_ACCESS",
        name: "Absolute",
        priority: 1,
        conditions: { people: { groups: { include: ["EVERYONE"] } }, grantTypes: { include: ["password"] }, scopes: { include: ["*"] } },
        actions: { token: { accessTokenLifetimeMinutes: 5, refreshTokenLifetimeMinutes: 60, refreshTokenWindowMinutes: 30 } },
      });
      expect(rule.status).toBe(201);
      t.refreshCaches();
      const first = await start();
      const end = new Date(t.f.clock.now.getTime() + 60 * MINUTE);
      expect((await rowOf(first.body.refresh_token)).expiresAt).toEqual(end);
      expect((await t.f.api("DELETE", `/api/v1/authorizationServers/default/policies/${policyId}/rules/${rule.body.id}`)).status).toBe(204);
      t.refreshCaches();

      let current = first.body.refresh_token as string;
      for (let step = 0; step < 2; step++) {
        t.f.clock.advance(29 * MINUTE);
        const res = await refresh(current);
        expect(res.status).toBe(200);
        current = res.body.refresh_token;
        expect((await rowOf(current)).expiresAt).toEqual(end);
      }
      t.f.clock.advance(2 * MINUTE);
      const mark = await t.mark();
      expectOAuthError(await refresh(current), 400, "invalid_grant", INVALID);
      const [event] = await t.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect(event).toMatchObject({ outcomeReason: "INVALID_REFRESH_TOKEN: the family reached its absolute lifetime" });
    });
  });

  describe("refusals (always exactly 'The refresh token is invalid or expired.')", () => {
    it("an unknown token", async () => {
      expectOAuthError(await refresh("no-such-token"), 400, "invalid_grant", INVALID);
    });

    it("a missing refresh_token parameter: invalid_request", async () => {
      expectOAuthError(await t.token({ grant_type: "refresh_token" }, { basic: t.basic(web) }), 400, "invalid_request", "The 'refresh_token' parameter is required.");
    });

    it("another client's token, which stays usable by its client", async () => {
      const other = await t.app("Other", { application_type: "web", redirect_uris: ["https://o.example.com/cb"], grant_types: ["authorization_code", "refresh_token"] });
      const first = await start();
      expectOAuthError(await refresh(first.body.refresh_token, {}, other), 400, "invalid_grant", INVALID);
      expect(await rowOf(first.body.refresh_token)).toMatchObject({ status: "ACTIVE" });
      expect((await refresh(first.body.refresh_token)).status).toBe(200);
    });

    it("a revoked token", async () => {
      const first = await start();
      await t.f.db.refreshToken.update({ where: { tokenHash: hashTokenBytes(first.body.refresh_token) }, data: { status: "REVOKED", revoked: t.f.clock.now } });
      expectOAuthError(await refresh(first.body.refresh_token), 400, "invalid_grant", INVALID);
    });

    it("a user who is no longer ACTIVE, or no longer assigned", async () => {
      const bob = await t.user("Bob");
      await t.assign(web.appId, bob.id);
      const tokenA = (await start(undefined, bob)).body.refresh_token;
      await t.f.db.user.update({ where: { id: bob.id }, data: { status: "LOCKED_OUT" } });
      expectOAuthError(await refresh(tokenA), 400, "invalid_grant", INVALID);
      await t.f.db.user.update({ where: { id: bob.id }, data: { status: "ACTIVE" } });
      expect((await refresh(tokenA)).status).toBe(200);

      const tokenB = (await start(undefined, bob)).body.refresh_token;
      // Removed directly in the database, so the admin API's implicit revocation does not kick in.
      await t.f.db.appUserAssignment.delete({ where: { appId_userId: { appId: web.appId, userId: bob.id } } });
      const mark = await t.mark();
      expectOAuthError(await refresh(tokenB), 400, "invalid_grant", INVALID);
      const [event] = await t.events("app.oauth2.as.token.grant.refresh_token", mark);
      expect(event).toMatchObject({ outcomeReason: "INVALID_REFRESH_TOKEN: the user is no longer assigned to the app" });
    });

    it("an app that no longer has the refresh_token grant: unauthorized_client", async () => {
      const app = await t.app("Dropping refresh", { application_type: "web", redirect_uris: ["https://d.example.com/cb"], grant_types: ["authorization_code", "password", "refresh_token"] });
      await t.assign(app.appId, alice.id);
      const first = await passwordGrant(alice, "offline_access", app);
      expect(first.status).toBe(200);
      const current = await t.f.db.app.findUniqueOrThrow({ where: { id: app.appId } });
      await t.f.db.app.update({ where: { id: app.appId }, data: { oauthSettings: { ...(current.oauthSettings as Record<string, unknown>), grant_types: ["authorization_code", "password"] } } });
      expectOAuthError(await refresh(first.body.refresh_token, {}, app), 400, "unauthorized_client", "The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, password].");
    });
  });
});
