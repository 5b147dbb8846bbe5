import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken, hashTokenBytes } from "@/lib/crypto/hash-token";
import { computeTokenHash } from "@/lib/oauth/claims/compute-token-hash";
import { ORG_IDP_ID } from "@/lib/oauth/claims/org-idp-id";
import { grantRevocationKey } from "@/lib/oauth/tokens/access-token-id";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectNoStoreJson, expectOAuthError, ISSUER, REDIRECT_URI, type TestApp, type TestUser, type TokenFixture } from "./token-fixture";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const INVALID_CODE = "The authorization code is invalid or has expired.";
/** RFC 7636 Appendix B's example pair. */
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe.each(testProviders())("token endpoint, authorization_code grant on %s", (provider) => {
  let t: TokenFixture;
  let web: TestApp;
  let spa: TestApp;
  let alice: TestUser;

  const exchange = (code: string, extra: Record<string, string> = {}, client: TestApp = web) =>
    t.token(
      { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, ...(client.clientSecret ? {} : { client_id: client.clientId }), ...extra },
      client.clientSecret ? { basic: t.basic(client) } : {},
    );

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    web = await t.app("Code Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] });
    spa = await t.app("SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] }, { token_endpoint_auth_method: "none" });
    alice = await t.user("Alice");
    await t.assign(web.appId, alice.id);
    await t.assign(spa.appId, alice.id);
  });
  afterAll(() => t.f.close());

  it("verifies the RFC 7636 example pair", () => {
    expect(createHash("sha256").update(VERIFIER).digest("base64url")).toBe(CHALLENGE);
  });

  describe("the spec's response table", () => {
    it("no OIDC scope: an access token with the code's scopes, lifetimes from the stored decision (policy not re-evaluated)", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id, scopes: [] });
      // Even with every rule deactivated, the decision taken at /authorize applies.
      const rule = await t.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } });
      await t.f.db.policyRule.update({ where: { id: rule.id }, data: { status: "INACTIVE" } });
      t.refreshCaches();
      const res = await exchange(code);
      await t.f.db.policyRule.update({ where: { id: rule.id }, data: { status: "ACTIVE" } });
      t.refreshCaches();
      expect(res.status).toBe(200);
      expectNoStoreJson(res);
      expect(res.body).toEqual({ token_type: "Bearer", expires_in: 1800, access_token: expect.any(String), scope: "" });
      const { payload } = await t.verify(res.body.access_token);
      const iat = seconds(t.f.clock.now);
      expect(payload).toEqual({
        ver: 1,
        jti: expect.stringMatching(/^AT\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/),
        iss: ISSUER,
        aud: "api://default",
        iat,
        exp: iat + 1800,
        cid: web.clientId,
        uid: alice.id,
        scp: [],
        auth_time: iat - 5,
        sub: alice.login,
      });
      const stored = await t.f.db.authorizationCode.findUniqueOrThrow({ where: { codeHash: hashToken(code) } });
      expect(stored.consumed).toEqual(t.f.clock.now);
      expect(stored.familyId).toBe((payload.jti as string).split(".")[2]);
    });

    it("openid: access token and ID token with the request's nonce, auth_time from the code and at_hash", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id, scopes: ["openid", "email"], nonce: "n-0S6_WzA2Mj" });
      const res = await exchange(code);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "id_token"]);
      expect(res.body.scope).toBe("openid email");
      const iat = seconds(t.f.clock.now);
      const { header, payload } = await t.verify(res.body.id_token);
      expect(header.alg).toBe("RS256");
      expect(payload).toEqual({
        sub: alice.id,
        email: alice.login,
        email_verified: true,
        ver: 1,
        iss: ISSUER,
        aud: web.clientId,
        iat,
        exp: iat + 3600,
        jti: expect.stringMatching(/^ID\.[A-Za-z0-9_-]{22}$/),
        amr: ["pwd"],
        idp: ORG_IDP_ID,
        nonce: "n-0S6_WzA2Mj",
        auth_time: iat - 5,
        at_hash: computeTokenHash(res.body.access_token),
      });
    });

    it("offline_access: access token and refresh token of the code's grant", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id, scopes: ["offline_access"] });
      const res = await exchange(code);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token"]);
      const { payload } = await t.verify(res.body.access_token);
      const row = await t.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(res.body.refresh_token) }, include: { family: true } });
      expect(row).toMatchObject({ familyId: (payload.jti as string).split(".")[2], status: "ACTIVE", windowEndsAt: new Date(t.f.clock.now.getTime() + 60 * 60_000) });
      expect(row.family).toMatchObject({
        id: row.familyId,
        clientId: web.clientId,
        userId: alice.id,
        scopes: ["offline_access"],
        authTime: new Date(t.f.clock.now.getTime() - 5_000),
        decision: { policyId: "00pStoredPolicy00000", ruleId: "0prStoredRule0000000", accessTokenLifetimeMinutes: 30, refreshTokenLifetimeMinutes: 0, refreshTokenWindowMinutes: 60 },
        expiresAt: null,
      });
    });

    it("openid and offline_access from a public client with PKCE (as okta-auth-js sends it): all three tokens", async () => {
      const code = await t.code({ clientId: spa.clientId, userId: alice.id, scopes: ["openid", "profile", "offline_access"], nonce: "abc", codeChallenge: CHALLENGE, codeChallengeMethod: "S256" });
      const res = await exchange(code, { code_verifier: VERIFIER }, spa);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body)).toEqual(["token_type", "expires_in", "access_token", "scope", "refresh_token", "id_token"]);
      const { payload } = await t.verify(res.body.id_token);
      expect(payload).toMatchObject({ aud: spa.clientId, nonce: "abc", name: "Alice Tester", preferred_username: alice.login });
    });
  });

  describe("PKCE (RFC 7636 4.6)", () => {
    const pkceCode = (client: TestApp = spa) => t.code({ clientId: client.clientId, userId: alice.id, codeChallenge: CHALLENGE, codeChallengeMethod: "S256" });

    it("a wrong verifier: invalid_grant, and the code stays usable with the right one", async () => {
      const code = await pkceCode();
      expectOAuthError(await exchange(code, { code_verifier: VERIFIER.replace("d", "e") }, spa), 400, "invalid_grant", "PKCE verification failed.");
      expect((await exchange(code, { code_verifier: VERIFIER }, spa)).status).toBe(200);
    });

    it("a missing verifier when a challenge was stored: invalid_grant", async () => {
      expectOAuthError(await exchange(await pkceCode(), {}, spa), 400, "invalid_grant", "The 'code_verifier' parameter is required: the authorization request used PKCE.");
    });

    it("a verifier when no challenge was stored (downgrade): invalid_grant", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id });
      expectOAuthError(await exchange(code, { code_verifier: VERIFIER }), 400, "invalid_grant", "A 'code_verifier' was sent, but the authorization request had no code_challenge.");
    });

    it.each([
      ["too short (42)", "a".repeat(42)],
      ["too long (129)", "a".repeat(129)],
      ["outside the unreserved set", `${"a".repeat(42)}+`],
    ])("a verifier %s: invalid_grant", async (_name, verifier) => {
      expectOAuthError(await exchange(await pkceCode(), { code_verifier: verifier }, spa), 400, "invalid_grant", "The 'code_verifier' must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~'.");
    });

    it("a verifier of 43 and of 128 characters is accepted", async () => {
      for (const verifier of ["A".repeat(43), "~._-".repeat(32)]) {
        const code = await t.code({ clientId: spa.clientId, userId: alice.id, codeChallenge: createHash("sha256").update(verifier).digest("base64url"), codeChallengeMethod: "S256" });
        expect((await exchange(code, { code_verifier: verifier }, spa)).status).toBe(200);
      }
    });

    it("a plain challenge is not supported", async () => {
      const code = await t.code({ clientId: spa.clientId, userId: alice.id, codeChallenge: VERIFIER, codeChallengeMethod: "plain" });
      expectOAuthError(await exchange(code, { code_verifier: VERIFIER }, spa), 400, "invalid_grant", "PKCE verification failed.");
    });

    it("a public client whose code was issued without PKCE: invalid_grant", async () => {
      const code = await t.code({ clientId: spa.clientId, userId: alice.id });
      expectOAuthError(await exchange(code, {}, spa), 400, "invalid_grant", "PKCE is required for this client, but the authorization request had no code_challenge.");
    });

    it("a confidential client may use PKCE too", async () => {
      expect((await exchange(await pkceCode(web), { code_verifier: VERIFIER })).status).toBe(200);
    });
  });

  describe("refusals", () => {
    it.each([
      ["code", { redirect_uri: REDIRECT_URI }],
      ["redirect_uri", { code: "abc" }],
    ])("a missing %s: invalid_request", async (name, params) => {
      const res = await t.token({ grant_type: "authorization_code", ...params }, { basic: t.basic(web) });
      expectOAuthError(res, 400, "invalid_request", `The '${name}' parameter is required.`);
    });

    it("an unknown code: invalid_grant", async () => {
      expectOAuthError(await exchange("not-a-code"), 400, "invalid_grant", INVALID_CODE);
    });

    it("another client's code: invalid_grant, and the code stays usable by its client", async () => {
      const other = await t.app("Other Web", { application_type: "web", redirect_uris: [REDIRECT_URI] });
      const code = await t.code({ clientId: web.clientId, userId: alice.id });
      expectOAuthError(await exchange(code, {}, other), 400, "invalid_grant", INVALID_CODE);
      expect((await exchange(code)).status).toBe(200);
    });

    it("a code of another authorization server: invalid_grant", async () => {
      const server = await t.f.api("POST", "/api/v1/authorizationServers", { name: "Other AS", description: "x", audiences: ["api://other"] });
      expect(server.status).toBe(201);
      const code = await t.code({ clientId: web.clientId, userId: alice.id, authServerId: server.body.id });
      expectOAuthError(await exchange(code), 400, "invalid_grant", INVALID_CODE);
    });

    it("a redirect_uri that differs from the authorization request's (even by a trailing slash): invalid_grant", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id });
      expectOAuthError(await exchange(code, { redirect_uri: `${REDIRECT_URI}/` }), 400, "invalid_grant", "The 'redirect_uri' does not match the redirection URI used in the authorization request.");
    });

    it("expires after 60 seconds", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id });
      const fresh = await t.code({ clientId: web.clientId, userId: alice.id });
      t.f.clock.advance(59_999);
      expect((await exchange(fresh)).status).toBe(200);
      t.f.clock.advance(1);
      const mark = await t.mark();
      expectOAuthError(await exchange(code), 400, "invalid_grant", INVALID_CODE);
      const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: "INVALID_CODE: the code expired" });
    });

    it("a user who is no longer ACTIVE: invalid_grant", async () => {
      const bob = await t.user("Bob");
      await t.assign(web.appId, bob.id);
      const code = await t.code({ clientId: web.clientId, userId: bob.id });
      await t.f.db.user.update({ where: { id: bob.id }, data: { status: "SUSPENDED" } });
      expectOAuthError(await exchange(code), 400, "invalid_grant", INVALID_CODE);
    });

    it("an app without the authorization_code grant: unauthorized_client", async () => {
      const service = await t.app("Service", { application_type: "service" });
      const code = await t.code({ clientId: service.clientId, userId: alice.id });
      expectOAuthError(await exchange(code, {}, service), 400, "unauthorized_client", "The client is not authorized to use the provided grant type. Configured grant types: [client_credentials].");
    });
  });

  describe("single use", () => {
    it("a replayed code is refused and revokes everything the first exchange issued (refresh tokens and the grant's access tokens)", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id, scopes: ["openid", "offline_access"] });
      const first = await exchange(code);
      expect(first.status).toBe(200);
      const grantId = ((await t.verify(first.body.access_token)).payload.jti as string).split(".")[2]!;
      // The first refresh token works and is rotated once: the family now has two tokens.
      const refreshed = await t.token({ grant_type: "refresh_token", refresh_token: first.body.refresh_token }, { basic: t.basic(web) });
      expect(refreshed.status).toBe(200);

      t.f.clock.advance(2_000);
      const mark = await t.mark();
      const replay = await exchange(code);
      expectOAuthError(replay, 400, "invalid_grant", INVALID_CODE);
      const family = await t.f.db.refreshToken.findMany({ where: { familyId: grantId } });
      expect(family.map((row) => [row.status, row.revoked])).toEqual([
        ["REVOKED", t.f.clock.now],
        ["REVOKED", t.f.clock.now],
      ]);
      expect(await t.f.db.revokedAccessToken.findUnique({ where: { jti: grantRevocationKey(grantId) } })).toMatchObject({ authServerId: "default" });
      const [event] = await t.events("app.oauth2.as.token.grant.access_token", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: `CODE_REPLAYED: the code was already used; grant ${grantId} revoked` });
      // The refresh token from the first exchange is dead.
      const dead = await t.token({ grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token }, { basic: t.basic(web) });
      expectOAuthError(dead, 400, "invalid_grant", "The refresh token is invalid or expired.");
    });

    it("parallel exchanges of one code: exactly one succeeds, and the loser revokes the winner's grant", async () => {
      const code = await t.code({ clientId: web.clientId, userId: alice.id, scopes: ["offline_access"] });
      const results = await Promise.all([exchange(code), exchange(code), exchange(code)]);
      const statuses = results.map((res) => res.status).sort();
      expect(statuses).toEqual([200, 400, 400]);
      const winner = results.find((res) => res.status === 200)!;
      const row = await t.f.db.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashTokenBytes(winner.body.refresh_token) } });
      expect(row.status).toBe("REVOKED");
      for (const loser of results.filter((res) => res.status !== 200)) expect(loser.body).toEqual({ error: "invalid_grant", error_description: INVALID_CODE });
    });
  });
});
