import { hash } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { hashTokenBytes } from "@/lib/crypto/hash-token";
import { ORG_IDP_ID } from "@/lib/oauth/claims/org-idp-id";
import { computeTokenHash } from "@/lib/oauth/claims/compute-token-hash";
import { verifyPassword } from "@/lib/passwords/verify-password";
import { SIGNIN_RATE_LIMITS } from "@/lib/signin/check-credentials";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectNoStoreJson, expectOAuthError, ISSUER, type TestApp, type TestUser, type TokenFixture } from "./token-fixture";
import { readLogEvents } from "../support/read-log-events";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const INVALID_CREDENTIALS = "The credentials provided were invalid.";
const DAY_MS = 86_400_000;

describe.each(testProviders())("token endpoint, password grant on %s", (provider) => {
  let t: TokenFixture;
  let web: TestApp;
  let alice: TestUser;
  let ruleId: string;
  let policyId: string;

  const password = (user: TestUser, extra: Record<string, string> = {}, client: TestApp = web) =>
    t.token({ grant_type: "password", username: user.login, password: user.password, ...extra }, { basic: t.basic(client) });

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    await t.scope("api:read", { isDefault: true });
    await t.scope("api:write");
    web = await t.app("Password Web", { application_type: "web", redirect_uris: ["https://web.example.com/cb"], grant_types: ["authorization_code", "password", "refresh_token"] });
    alice = await t.user("Alice");
    await t.assign(web.appId, alice.id);
    const rule = await t.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } });
    ruleId = rule.id;
    policyId = rule.policyId;
  });
  afterAll(() => t.f.close());

  describe("the spec's response table", () => {
    it("no scope: an access token with the default scopes granted by policy (user claims: uid, sub = login, auth_time)", async () => {
      const res = await password(alice);
      expect(res.status).toBe(200);
      expectNoStoreJson(res);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope"]);
      expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "api:read" });
      const { header, payload } = await t.verify(res.body.access_token);
      const kid = (await t.f.db.signingKey.findFirstOrThrow({ where: { authServerId: "default", status: "ACTIVE" } })).kid;
      expect(header).toEqual({ alg: "RS256", kid });
      const iat = seconds(t.f.clock.now);
      expect(payload).toEqual({
        ver: 1,
        jti: expect.stringMatching(/^AT\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/),
        iss: ISSUER,
        aud: "api://default",
        iat,
        exp: iat + 3600,
        cid: web.clientId,
        uid: alice.id,
        scp: ["api:read"],
        auth_time: iat,
        sub: alice.login,
      });
      // No refresh token was stored for this grant.
      const grantId = (payload.jti as string).split(".")[2]!;
      expect(await t.f.db.refreshToken.count({ where: { familyId: grantId } })).toBe(0);
    });

    it("offline_access: access token and refresh token (stored hashed, ACTIVE, a new family, the rule's window)", async () => {
      const res = await password(alice, { scope: "api:write offline_access" });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token"]);
      expect(res.body.scope).toBe("api:write offline_access");
      expect(res.body.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const { payload } = await t.verify(res.body.access_token);
      expect(payload.scp).toEqual(["api:write", "offline_access"]);
      const row = await t.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(res.body.refresh_token) }, include: { family: true } });
      const familyId = (payload.jti as string).split(".")[2];
      expect(row).toMatchObject({
        id: expect.stringMatching(/^oar[A-Za-z0-9]{17}$/),
        familyId,
        parentId: null,
        status: "ACTIVE",
        windowEndsAt: new Date(t.f.clock.now.getTime() + 7 * DAY_MS),
        rotated: null,
        revoked: null,
      });
      // what every rotation of the grant shares is stored once, in its family's row
      expect(row.family).toMatchObject({
        id: familyId,
        authServerId: "default",
        clientId: web.clientId,
        userId: alice.id,
        scopes: ["api:write", "offline_access"],
        authTime: t.f.clock.now,
        decision: { policyId, ruleId, accessTokenLifetimeMinutes: 60, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 10_080 },
        expiresAt: null,
        lastRotatedId: null,
        graceSiblings: 0,
        revoked: null,
      });
    });

    it("openid: access token and ID token (no nonce, amr pwd, at_hash, aud = client_id, 1 h)", async () => {
      const res = await password(alice, { scope: "openid" });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "id_token"]);
      expect(res.body.scope).toBe("openid");
      const id = await t.verify(res.body.id_token);
      const kid = (await t.f.db.signingKey.findFirstOrThrow({ where: { authServerId: "default", status: "ACTIVE" } })).kid;
      expect(id.header).toEqual({ alg: "RS256", kid });
      const iat = seconds(t.f.clock.now);
      expect(id.payload).toEqual({
        sub: alice.id,
        ver: 1,
        iss: ISSUER,
        aud: web.clientId,
        iat,
        exp: iat + 3600,
        jti: expect.stringMatching(/^ID\.[A-Za-z0-9_-]{22}$/),
        amr: ["pwd"],
        idp: ORG_IDP_ID,
        auth_time: iat,
        at_hash: computeTokenHash(res.body.access_token),
      });
    });

    it("openid and offline_access with profile and email: all three tokens; the ID token carries the scope claims", async () => {
      const res = await password(alice, { scope: "openid profile email offline_access" });
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token", "id_token"]);
      expect(res.body.scope).toBe("openid profile email offline_access");
      const { payload } = await t.verify(res.body.id_token);
      expect(payload).toMatchObject({
        sub: alice.id,
        name: "Alice Tester",
        family_name: "Tester",
        given_name: "Alice",
        preferred_username: alice.login,
        email: alice.login,
        email_verified: true,
      });
      expect(payload.nonce).toBeUndefined();
    });

    it("offline_access without the app's refresh_token grant: no refresh token", async () => {
      const noRefresh = await t.app("No Refresh", { application_type: "web", redirect_uris: ["https://nr.example.com/cb"], grant_types: ["authorization_code", "password"] });
      await t.assign(noRefresh.appId, alice.id);
      const res = await password(alice, { scope: "openid offline_access" }, noRefresh);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "id_token"]);
      expect(await t.f.db.refreshToken.count({ where: { family: { clientId: noRefresh.clientId } } })).toBe(0);
    });
  });

  it("finds the user by login case-insensitively, sets lastLogin and logs the grants with the user as actor", async () => {
    t.f.clock.advance(1_000);
    const mark = await t.mark();
    const res = await t.token({ grant_type: "password", username: alice.login.toUpperCase(), password: alice.password, scope: "openid offline_access" }, { basic: t.basic(web) });
    expect(res.status).toBe(200);
    const user = await t.f.db.user.findUniqueOrThrow({ where: { id: alice.id } });
    expect(user.lastLogin).toEqual(t.f.clock.now);
    const types = (await readLogEvents(t.f.db)).filter((row) => !mark.has(row.uuid)).map((row) => row.eventType).sort();
    expect(types).toEqual(["app.oauth2.as.token.grant.access_token", "app.oauth2.as.token.grant.id_token", "app.oauth2.as.token.grant.refresh_token"]);
    for (const type of types) {
      const [event] = await t.events(type, mark);
      expect(event!.outcomeResult).toBe("SUCCESS");
      expect(event!.actor).toEqual({ id: alice.id, type: "User", alternateId: alice.login, displayName: "Alice Tester" });
      expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ grantType: "password", clientAuthMethod: "client_secret_basic", policyId, ruleId });
    }
  });

  it("works for a public native client (token_endpoint_auth_method none)", async () => {
    const native = await t.app("Native", { application_type: "native", redirect_uris: ["com.example.app:/cb"], grant_types: ["authorization_code", "password"] }, { token_endpoint_auth_method: "none" });
    await t.assign(native.appId, alice.id);
    const res = await t.token({ grant_type: "password", client_id: native.clientId, username: alice.login, password: alice.password, scope: "openid" });
    expect(res.status).toBe(200);
    expect((await t.verify(res.body.access_token)).payload.cid).toBe(native.clientId);
  });

  describe("refusals", () => {
    it.each([
      ["username", { password: "x" }],
      ["password", { username: "x@example.com" }],
    ])("a missing %s: invalid_request", async (name, params) => {
      const res = await t.token({ grant_type: "password", ...params }, { basic: t.basic(web) });
      expectOAuthError(res, 400, "invalid_request", `The '${name}' parameter is required.`);
    });

    it("an unknown user and a wrong password get the same invalid_grant; the log tells them apart", async () => {
      const mark = await t.mark();
      const unknown = await t.token({ grant_type: "password", username: "nobody@example.com", password: "Whatever-123" }, { basic: t.basic(web) });
      expectOAuthError(unknown, 400, "invalid_grant", INVALID_CREDENTIALS);
      const wrong = await password({ ...alice, password: "Not-The-Password-1" });
      expectOAuthError(wrong, 400, "invalid_grant", INVALID_CREDENTIALS);
      const reasons = (await t.events("app.oauth2.as.token.grant.access_token", mark)).map((event) => event.outcomeReason).sort();
      expect(reasons).toEqual(["INVALID_CREDENTIALS: no user with this login", "INVALID_CREDENTIALS: wrong password"]);
      expect((await t.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts).toBe(1);
      // A success resets the count.
      expect((await password(alice)).status).toBe(200);
      expect((await t.f.db.user.findUniqueOrThrow({ where: { id: alice.id } })).failedAttempts).toBe(0);
    });

    it.each(["STAGED", "SUSPENDED", "DEPROVISIONED", "LOCKED_OUT", "PASSWORD_EXPIRED"])("a %s user with the right password: invalid_grant, nothing counted", async (status) => {
      const user = await t.user(`State${status}`);
      await t.assign(web.appId, user.id);
      await t.f.db.user.update({ where: { id: user.id }, data: { status } });
      const mark = await t.mark();
      const res = await password(user);
      expectOAuthError(res, 400, "invalid_grant", INVALID_CREDENTIALS);
      const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: status === "PASSWORD_EXPIRED" ? "INVALID_CREDENTIALS: the password has expired" : `INVALID_CREDENTIALS: the user is ${status}` });
      expect((await t.f.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedAttempts).toBe(0);
    });

    it("a user without a password: invalid_grant", async () => {
      const user = await t.user("NoPassword");
      await t.f.db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
      expectOAuthError(await password(user), 400, "invalid_grant", INVALID_CREDENTIALS);
    });

    it("locks the user out at the org's lockoutThreshold; the right password is then refused too, and nothing is revoked", async () => {
      await t.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: 3 } } });
      const bob = await t.user("Bob");
      await t.assign(web.appId, bob.id);
      const first = await password(bob, { scope: "offline_access" });
      expect(first.status).toBe(200);
      const mark = await t.mark();
      for (let attempt = 1; attempt <= 2; attempt++) {
        expectOAuthError(await password({ ...bob, password: "Wrong-Password-0" }), 400, "invalid_grant", INVALID_CREDENTIALS);
        expect(await t.f.db.user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({ status: "ACTIVE", failedAttempts: attempt, lastFailedAttempt: t.f.clock.now });
      }
      t.f.clock.advance(5_000);
      expectOAuthError(await password({ ...bob, password: "Wrong-Password-0" }), 400, "invalid_grant", INVALID_CREDENTIALS);
      expect(await t.f.db.user.findUniqueOrThrow({ where: { id: bob.id } })).toMatchObject({ status: "LOCKED_OUT", failedAttempts: 3, lockedOut: t.f.clock.now, statusChanged: t.f.clock.now });
      const [lock, ...moreLocks] = await t.events("user.account.lock", mark);
      expect(moreLocks).toEqual([]);
      expect(lock).toMatchObject({ outcomeResult: "SUCCESS", outcomeReason: "3 consecutive failed password checks (lockoutThreshold 3)" });
      expect(lock!.target).toEqual([{ id: bob.id, type: "User", alternateId: bob.login }]);

      const locked = await password(bob);
      expectOAuthError(locked, 400, "invalid_grant", INVALID_CREDENTIALS);
      expect((await t.f.db.user.findUniqueOrThrow({ where: { id: bob.id } })).failedAttempts).toBe(3);
      // The refresh token issued before the lockout is still ACTIVE (the grant refuses it while the user is locked).
      expect(await t.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(first.body.refresh_token) } })).toMatchObject({ status: "ACTIVE" });
      await t.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: DEFAULT_ORG_SETTINGS } });
    });

    it(`a public client spraying passwords from one address: 429 slow_down with Retry-After after ${SIGNIN_RATE_LIMITS.perIp} attempts, as the hosted page and /api/v1/authn answer`, async () => {
      const native = await t.app("Native Spray", { application_type: "native", redirect_uris: ["com.example.spray:/cb"], grant_types: ["authorization_code", "password"] }, { token_endpoint_auth_method: "none" });
      await t.assign(native.appId, alice.id);
      t.f.clock.advance(60_000);
      const spray = (i: number, user = `spray${i}@example.com`, secret = "Spray-Password-1") =>
        t.token({ grant_type: "password", client_id: native.clientId, username: user, password: secret }, { headers: { "X-Forwarded-For": "192.0.2.91" } });
      const mark = await t.mark();
      for (let i = 0; i < SIGNIN_RATE_LIMITS.perIp; i++) expectOAuthError(await spray(i), 400, "invalid_grant", INVALID_CREDENTIALS);
      for (let i = SIGNIN_RATE_LIMITS.perIp; i < 60; i++) {
        const limited = await spray(i);
        expectOAuthError(limited, 429, "slow_down", "Too many sign-in attempts. Wait before trying again.");
        expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(SIGNIN_RATE_LIMITS.windowSeconds);
      }
      // Even the right password of a real user is not checked from that address until the window ends.
      expectOAuthError(await spray(99, alice.login, alice.password), 429, "slow_down", "Too many sign-in attempts. Wait before trying again.");
      const reasons = (await t.events("app.oauth2.as.token.grant.access_token", mark)).map((event) => event.outcomeReason);
      expect(reasons.filter((reason) => reason?.startsWith("RATE_LIMITED: more than 50 sign-in attempts per IP address"))).toHaveLength(11);
      t.f.clock.advance(60_000);
      expect((await spray(100, alice.login, alice.password)).status).toBe(200);
    }, 120_000);

    it("per username for every client: a confidential client's many users from one address are not limited by address, but one username is, lockout or not", async () => {
      t.f.clock.advance(60_000);
      for (let i = 0; i < 60; i++) {
        const res = await t.token({ grant_type: "password", username: `backend${i}@example.com`, password: "Whatever-123" }, { basic: t.basic(web), headers: { "X-Forwarded-For": "192.0.2.92" } });
        expectOAuthError(res, 400, "invalid_grant", INVALID_CREDENTIALS);
      }
      // With lockout off, guessing one user's password is stopped by the per-username budget.
      await t.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: 0 } } });
      try {
        const erin = await t.user("Erin");
        await t.assign(web.appId, erin.id);
        for (let i = 0; i < SIGNIN_RATE_LIMITS.perUsername; i++) expectOAuthError(await password({ ...erin, password: `Guess-${i}-Password` }), 400, "invalid_grant", INVALID_CREDENTIALS);
        expectOAuthError(await password(erin), 429, "slow_down", "Too many sign-in attempts. Wait before trying again.");
        expect((await t.f.db.user.findUniqueOrThrow({ where: { id: erin.id } })).lastLogin).toBeNull();
        t.f.clock.advance(60_000);
        expect((await password(erin)).status).toBe(200);
      } finally {
        await t.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: DEFAULT_ORG_SETTINGS } });
      }
    }, 120_000);

    it("logs the attempted username only when it is a user's login: a password typed as the username never reaches the System Log", async () => {
      t.f.clock.advance(60_000);
      const mark = await t.mark();
      const typedPassword = "Correct-Horse-Battery-Staple-42";
      expectOAuthError(await t.token({ grant_type: "password", username: typedPassword, password: "x" }, { basic: t.basic(web) }), 400, "invalid_grant", INVALID_CREDENTIALS);
      expectOAuthError(await password({ ...alice, password: "Wrong-Password-9" }), 400, "invalid_grant", INVALID_CREDENTIALS);
      const events = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(events.map((event) => (event.debugContext as { debugData: Record<string, unknown> }).debugData.username).sort()).toEqual([alice.login, "unknown user"].sort());
      const everything = JSON.stringify(await readLogEvents(t.f.db));
      expect(everything).not.toContain(typedPassword);
      expect(everything).not.toContain("Wrong-Password-9");
    });

    it("an unassigned user: access_denied 'User is not assigned to the client application.' (DENY), after a right password", async () => {
      const carol = await t.user("Carol");
      const mark = await t.mark();
      const res = await password(carol);
      expectOAuthError(res, 400, "access_denied", "User is not assigned to the client application.");
      const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(event).toMatchObject({ outcomeResult: "DENY", outcomeReason: "USER_NOT_ASSIGNED" });
      expect(event!.actor).toMatchObject({ id: carol.id, type: "User" });
    });

    it("a user assigned through a group passes", async () => {
      const dave = await t.user("Dave");
      const group = await t.f.api("POST", "/api/v1/groups", { profile: { name: "Password Users" } });
      expect(group.status).toBe(200);
      expect((await t.f.api("PUT", `/api/v1/groups/${group.body.id}/users/${dave.id}`)).status).toBe(204);
      expect((await t.f.api("PUT", `/api/v1/apps/${web.appId}/groups/${group.body.id}`, {})).status).toBe(200);
      expect((await password(dave)).status).toBe(200);
    });

    it("an unknown scope: invalid_scope", async () => {
      expectOAuthError(await password(alice, { scope: "api:read api:delete" }), 400, "invalid_scope", "One or more scopes are not configured for the authorization server resource.");
    });

    it("no matching rule: access_denied with the policy in the log", async () => {
      const rule = await t.f.api("POST", `/api/v1/authorizationServers/default/policies/${policyId}/rules/${ruleId}/lifecycle/deactivate`);
      expect(rule.status).toBe(204);
      t.refreshCaches();
      const mark = await t.mark();
      expectOAuthError(await password(alice), 400, "access_denied", "Policy evaluation failed for this request, please check the policy configurations.");
      const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(event).toMatchObject({ outcomeResult: "DENY" });
      expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ policyId });
      expect((await t.f.api("POST", `/api/v1/authorizationServers/default/policies/${policyId}/rules/${ruleId}/lifecycle/activate`)).status).toBe(204);
      t.refreshCaches();
    });

    it("an app without the password grant: unauthorized_client naming its grant types", async () => {
      const codeOnly = await t.app("Code Only", { application_type: "web", redirect_uris: ["https://co.example.com/cb"], grant_types: ["authorization_code", "refresh_token"] });
      const res = await password(alice, {}, codeOnly);
      expectOAuthError(res, 400, "unauthorized_client", "The client is not authorized to use the provided grant type. Configured grant types: [authorization_code, refresh_token].");
    });
  });

  it("upgrades a weaker password hash after a successful check", async () => {
    const erin = await t.user("Erin");
    await t.assign(web.appId, erin.id);
    const weak = await hash(erin.password, { algorithm: 2, memoryCost: 8192, timeCost: 1, parallelism: 1 });
    await t.f.db.user.update({ where: { id: erin.id }, data: { passwordHash: weak } });
    expect((await password(erin)).status).toBe(200);
    const stored = (await t.f.db.user.findUniqueOrThrow({ where: { id: erin.id } })).passwordHash!;
    expect(stored).not.toBe(weak);
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(stored, erin.password)).toEqual({ ok: true, needsRehash: false });
  });

  it("adds custom claims (EXPRESSION, GROUPS) and logs a claim left out, never failing the request", async () => {
    await t.scope("claims:test");
    const frank = await t.user("Frank", { profile: { department: "R&D" } });
    await t.assign(web.appId, frank.id);
    const group = await t.f.api("POST", "/api/v1/groups", { profile: { name: "Engineering" } });
    expect((await t.f.api("PUT", `/api/v1/groups/${group.body.id}/users/${frank.id}`)).status).toBe(204);
    const claims = "/api/v1/authorizationServers/default/claims";
    const conditions = { scopes: ["claims:test"] };
    expect((await t.f.api("POST", claims, { name: "dept", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.department", conditions })).status).toBe(201);
    expect((await t.f.api("POST", claims, { name: "nick", claimType: "RESOURCE", valueType: "EXPRESSION", value: "user.nickName", conditions })).status).toBe(201);
    expect((await t.f.api("POST", claims, { name: "teams", claimType: "RESOURCE", valueType: "GROUPS", groupFilterType: "REGEX", value: ".*", conditions })).status).toBe(201);
    t.refreshCaches();
    const mark = await t.mark();
    const res = await password(frank, { scope: "claims:test" });
    expect(res.status).toBe(200);
    const { payload } = await t.verify(res.body.access_token);
    expect(payload.dept).toBe("R&D");
    expect(payload.teams).toEqual(["Everyone", "Engineering"]);
    expect(payload).not.toHaveProperty("nick");
    const [warning, ...more] = await t.events("app.oauth2.as.evaluate.claim", mark);
    expect(more).toEqual([]);
    expect(warning).toMatchObject({ outcomeResult: "FAILURE", severity: "WARN", outcomeReason: "claim.null_value" });
    expect((warning!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ claimName: "nick", tokenType: "access_token" });
  });
});
