import { decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoleType } from "@/lib/admin-roles/role-types";
import { newId } from "@/lib/ids/new-id";
import { JWT_BEARER_ASSERTION_TYPE } from "@/lib/oauth/client-auth/read-client-credentials";
import { ORG_URL, type ApiResult } from "../support/admin-fixture";
import { setUserRoles } from "../support/admin-roles";
import { callOAuth } from "../support/mint-test-tokens";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { createTokenFixture, expectOAuthError, ORG_SERVER, type TestApp, type TestUser, type TokenFixture } from "./token-fixture";

const NOT_ALLOWED = (scopes: string) => `The following scopes are not allowed for this request: [${scopes}].`;
const UNKNOWN_SCOPE = "One or more scopes are not configured for the authorization server resource.";
const INVALID_TOKEN = {
  status: 401,
  challenge: 'Bearer realm="IdP", error="invalid_token", error_description="The access token is invalid."',
  body: { errorCode: "E0000011", errorSummary: "Invalid token provided", errorLink: "E0000011", errorCauses: [] },
};
const FORBIDDEN = { errorCode: "E0000006", errorSummary: "You do not have permission to perform the requested action", errorLink: "E0000006", errorCauses: [] };
const HOUR_MS = 3_600_000;

type KeyedApp = TestApp & { key: { privateKey: CryptoKey; publicJwk: JWK } };

describe.each(testProviders())("OAuth 2.0 for the management API (org authorization server tokens at /api/v1) on %s", (provider) => {
  let t: TokenFixture;
  let service: KeyedApp;
  let roleless: KeyedApp;
  let web: TestApp;
  let alice: TestUser;

  /** A /api/v1 request with `Authorization: Bearer <token>`. */
  async function bearer(method: string, path: string, token: string, body?: unknown): Promise<ApiResult> {
    const headers = new Headers({ Accept: "application/json", Authorization: `Bearer ${token}` });
    if (body !== undefined) headers.set("Content-Type", "application/json");
    const response = await callRoute(new Request(`${ORG_URL}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined, text };
  }

  async function keyedApp(label: string, kid: string): Promise<KeyedApp> {
    const pair = await generateKeyPair("RS256", { extractable: true });
    const publicJwk = { ...(await exportJWK(pair.publicKey)), kid, use: "sig" };
    const app = await t.app(label, { application_type: "service", grant_types: ["client_credentials"], jwks: { keys: [publicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" });
    return { ...app, key: { privateKey: pair.privateKey, publicJwk } };
  }

  /** client_credentials at {ORG_URL}/oauth2/v1/token with private_key_jwt (what okta-sdk-nodejs sends). */
  async function orgToken(app: KeyedApp, scope: string): Promise<ApiResult> {
    const now = Math.floor(t.f.clock.now.getTime() / 1000);
    const assertion = await new SignJWT({ iss: app.clientId, sub: app.clientId, aud: `${ORG_URL}/oauth2/v1/token`, iat: now, exp: now + 300, jti: crypto.randomUUID() })
      .setProtectedHeader({ alg: "RS256", kid: app.key.publicJwk.kid! })
      .sign(app.key.privateKey);
    return t.token({ grant_type: "client_credentials", scope, client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: assertion }, { server: ORG_SERVER });
  }

  async function accessToken(app: KeyedApp, scope: string): Promise<string> {
    const res = await orgToken(app, scope);
    expect(res.status, res.text).toBe(200);
    return res.body.access_token as string;
  }

  async function grant(app: TestApp, scopeId: string): Promise<string> {
    const res = await t.f.api("POST", `/api/v1/apps/${app.appId}/grants`, { scopeId, issuer: ORG_URL });
    expect(res.status, res.text).toBe(201);
    return res.body.id as string;
  }

  /** The app's admin role, assigned through the Roles API as an admin would. */
  async function giveAppRole(app: TestApp, type: RoleType): Promise<void> {
    const res = await t.f.api("POST", `/api/v1/apps/${app.appId}/roles`, { type });
    expect(res.status, res.text).toBe(201);
  }

  /** The admin_privilege.denied events whose actor is `app`. */
  const deniedFor = async (app: TestApp) => (await t.events("core.user.admin_privilege.denied")).filter((event) => (event.actor as { id: string }).id === app.appId);

  function expectInvalidToken(res: ApiResult) {
    expect(res.status, res.text).toBe(INVALID_TOKEN.status);
    expect(res.headers.get("www-authenticate")).toBe(INVALID_TOKEN.challenge);
    expect(res.body).toMatchObject(INVALID_TOKEN.body);
  }

  beforeAll(async () => {
    t = await createTokenFixture(provider);
    service = await keyedApp("Directory Sync", "sync-1");
    roleless = await keyedApp("Roleless Service", "roleless-1");
    web = await t.app("Admin Console", { application_type: "web", redirect_uris: ["https://console.example.com/cb"], grant_types: ["authorization_code", "password"] });
    alice = await t.user("Alice");
    await t.assign(web.appId, alice.id);
    await giveAppRole(service, "USER_ADMIN");
  });
  afterAll(() => t.f.close());

  it("without a grant the org server refuses okta.* scopes with invalid_scope, naming them", async () => {
    expectOAuthError(await orgToken(service, "okta.users.read okta.groups.read"), 400, "invalid_scope", NOT_ALLOWED("okta.users.read, okta.groups.read"));
  });

  it("a granted scope is issued at once (the cached client follows the grant); the token is the org server's, for the org", async () => {
    const warm = await orgToken(service, "okta.users.read");
    expect(warm.status).toBe(400); // the client is now cached without grants
    await grant(service, "okta.users.read");
    const res = await orgToken(service, "okta.users.read");
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "okta.users.read" });
    expect(decodeJwt(res.body.access_token)).toMatchObject({ iss: ORG_URL, aud: ORG_URL, cid: service.clientId, sub: service.clientId, scp: ["okta.users.read"] });
    expect(decodeJwt(res.body.access_token).uid).toBeUndefined();
    // only what was granted: okta.users.manage is still refused
    expectOAuthError(await orgToken(service, "okta.users.read okta.users.manage"), 400, "invalid_scope", NOT_ALLOWED("okta.users.manage"));
  });

  it("the service app's token lists users at /api/v1/users with the app's roles", async () => {
    const token = await accessToken(service, "okta.users.read");
    const res = await bearer("GET", "/api/v1/users?limit=200", token);
    expect(res.status, res.text).toBe(200);
    expect((res.body as { id: string }[]).map((user) => user.id)).toContain(alice.id);
    const one = await bearer("GET", `/api/v1/users/${alice.id}`, token);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: alice.id, profile: { login: alice.login } });
  });

  it("a route needing a scope the token lacks: 403 E0000006 with WWW-Authenticate insufficient_scope (RFC 6750 3.1), nothing written", async () => {
    const token = await accessToken(service, "okta.users.read");
    const before = await t.f.db.user.count();
    const deniedBefore = (await deniedFor(service)).length;
    const res = await bearer("POST", "/api/v1/users?activate=false", token, { profile: { firstName: "No", lastName: "Scope", email: "noscope@example.com", login: "noscope@example.com" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="okta.users.manage"');
    expect(res.body).toMatchObject({ ...FORBIDDEN, errorCauses: [{ errorSummary: "The access token lacks the scope okta.users.manage." }] });
    expect(await t.f.db.user.count()).toBe(before);
    // a scope of another resource does not stand in for the route's
    const groups = await bearer("GET", "/api/v1/groups", token);
    expect(groups.status).toBe(403);
    expect(groups.headers.get("www-authenticate")).toBe('Bearer error="insufficient_scope", scope="okta.groups.read"');
    // each refusal is in the System Log
    expect((await deniedFor(service)).length).toBe(deniedBefore + 2);
  });

  it("a scope never widens the principal's roles: okta.groups.manage on a READ_ONLY_ADMIN app reads groups, cannot write (403 E0000006, no challenge), nothing written", async () => {
    const reader = await keyedApp("Read Only Sync", "readonly-1");
    await giveAppRole(reader, "READ_ONLY_ADMIN");
    await grant(reader, "okta.groups.manage");
    const token = await accessToken(reader, "okta.groups.manage");
    expect((await bearer("GET", "/api/v1/groups", token)).status).toBe(200);
    const write = await bearer("POST", "/api/v1/groups", token, { profile: { name: "Not Written" } });
    expect(write.status).toBe(403);
    expect(write.headers.get("www-authenticate")).toBeNull(); // the token has the scope; the role is what lacks
    expect(write.body).toMatchObject({ errorCode: "E0000006" });
    expect(await t.f.db.group.count({ where: { name: "Not Written" } })).toBe(0);
    expect(await deniedFor(reader)).toHaveLength(1);
  });

  it("creates a user with okta.users.manage; the System Log names the service app as the actor", async () => {
    await grant(service, "okta.users.manage");
    const token = await accessToken(service, "okta.users.manage");
    const res = await bearer("POST", "/api/v1/users?activate=false", token, { profile: { firstName: "Sam", lastName: "Synced", email: "sam@example.com", login: "sam@example.com" } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: "STAGED", profile: { login: "sam@example.com" } });
    const event = (await t.events("user.lifecycle.create")).at(-1);
    expect(event?.target).toMatchObject([{ id: res.body.id, alternateId: "sam@example.com" }]);
    expect(event?.actor).toEqual({ id: service.appId, type: "PublicClientApp", alternateId: service.clientId, displayName: "Directory Sync" });
    // the OAuth client stands for the API token: one rate-limit budget however many tokens it mints
    expect(event?.debugContext).toMatchObject({ debugData: { apiTokenId: `oauth:${service.clientId}` } });
    expect(res.headers.get("x-rate-limit-limit")).toBe("1200");
  });

  it("a service app without an admin role: 403 E0000006 for every route, even with the scope", async () => {
    await grant(roleless, "okta.users.read");
    const token = await accessToken(roleless, "okta.users.read");
    const res = await bearer("GET", "/api/v1/users", token);
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject(FORBIDDEN);
  });

  it("a user's org server token acts as that user with their roles (none: 403), never as the app", async () => {
    await grant(web, "okta.users.read");
    const tokenFor = async () => {
      const res = await t.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid okta.users.read" }, { server: ORG_SERVER, basic: t.basic(web) });
      expect(res.status, res.text).toBe(200);
      expect(decodeJwt(res.body.access_token)).toMatchObject({ uid: alice.id, scp: ["openid", "okta.users.read"], aud: ORG_URL });
      return res.body.access_token as string;
    };
    const token = await tokenFor();
    const refused = await bearer("GET", "/api/v1/users", token);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject(FORBIDDEN);
    await setUserRoles(t.f.db, alice.id, ["READ_ONLY_ADMIN"]);
    const allowed = await bearer("GET", `/api/v1/users/${alice.id}`, token);
    expect(allowed.status, allowed.text).toBe(200);
    // a suspended user's token is dead at once (liveness), 401
    expect((await t.f.api("POST", `/api/v1/users/${alice.id}/lifecycle/suspend`)).status).toBe(200);
    expectInvalidToken(await bearer("GET", `/api/v1/users/${alice.id}`, token));
    expect((await t.f.api("POST", `/api/v1/users/${alice.id}/lifecycle/unsuspend`)).status).toBe(200);
    await setUserRoles(t.f.db, alice.id, []);
  });

  it("revoking a grant stops new tokens at once; a token issued before keeps working until it expires", async () => {
    const app = await keyedApp("Short Lived", "short-1");
    await giveAppRole(app, "READ_ONLY_ADMIN");
    const grantId = await grant(app, "okta.users.read");
    const before = await accessToken(app, "okta.users.read");
    expect((await t.f.api("DELETE", `/api/v1/apps/${app.appId}/grants/${grantId}`)).status).toBe(204);
    expectOAuthError(await orgToken(app, "okta.users.read"), 400, "invalid_scope", NOT_ALLOWED("okta.users.read"));
    expect((await bearer("GET", "/api/v1/users", before)).status).toBe(200);
    t.f.clock.advance(HOUR_MS);
    expectInvalidToken(await bearer("GET", "/api/v1/users", before));
  });

  it("a refresh token no longer carries an okta.* scope the app lost into new access tokens", async () => {
    const consoleApp = await t.app("Console With Refresh", { application_type: "web", redirect_uris: ["https://console.example.com/cb"], grant_types: ["authorization_code", "password", "refresh_token"] });
    const bob = await t.user("Bob");
    await t.assign(consoleApp.appId, bob.id);
    const grantId = await grant(consoleApp, "okta.users.read");
    const issued = await t.token({ grant_type: "password", username: bob.login, password: bob.password, scope: "openid offline_access okta.users.read" }, { server: ORG_SERVER, basic: t.basic(consoleApp) });
    expect(issued.status, issued.text).toBe(200);
    const refresh = (token: string, scope?: string) => t.token({ grant_type: "refresh_token", refresh_token: token, ...(scope ? { scope } : {}) }, { server: ORG_SERVER, basic: t.basic(consoleApp) });
    const before = await refresh(issued.body.refresh_token);
    expect(before.status, before.text).toBe(200);
    expect(before.body.scope).toBe("openid offline_access okta.users.read");
    expect((await t.f.api("DELETE", `/api/v1/apps/${consoleApp.appId}/grants/${grantId}`)).status).toBe(204);
    const after = await refresh(before.body.refresh_token);
    expect(after.status, after.text).toBe(200);
    expect(after.body.scope).toBe("openid offline_access");
    expect(decodeJwt(after.body.access_token).scp).toEqual(["openid", "offline_access"]);
    expectOAuthError(await refresh(after.body.refresh_token, "okta.users.read"), 400, "invalid_scope", NOT_ALLOWED("okta.users.read"));
  });

  describe("bad input", () => {
    it("a custom authorization server's access token: 401 invalid_token", async () => {
      await t.scope("sync:read");
      const custom = await t.app("Custom Client", { application_type: "service", grant_types: ["client_credentials"] });
      const res = await t.token({ grant_type: "client_credentials", scope: "sync:read" }, { basic: t.basic(custom) });
      expect(res.status, res.text).toBe(200);
      expectInvalidToken(await bearer("GET", "/api/v1/users", res.body.access_token));
    });

    it("an expired, a tampered and a malformed token: 401 invalid_token", async () => {
      const token = await accessToken(service, "okta.users.read");
      const [head, payload, signature] = token.split(".") as [string, string, string];
      const forged = Buffer.from(JSON.stringify({ ...decodeJwt(token), scp: ["okta.users.manage"] })).toString("base64url");
      expectInvalidToken(await bearer("GET", "/api/v1/users", `${head}.${forged}.${signature}`));
      expectInvalidToken(await bearer("GET", "/api/v1/users", "not-a-jwt"));
      expectInvalidToken(await bearer("GET", "/api/v1/users", `${head}.${payload}`));
      t.f.clock.advance(HOUR_MS);
      expectInvalidToken(await bearer("GET", "/api/v1/users", token));
    });

    it("an org server token introspected at a custom server is inactive", async () => {
      const token = await accessToken(service, "okta.users.read");
      const custom = await t.app("Introspector", { application_type: "service", grant_types: ["client_credentials"] });
      const res = await callOAuth("POST", "/oauth2/default/v1/introspect", {
        headers: { Authorization: `Basic ${Buffer.from(`${custom.clientId}:${custom.clientSecret}`).toString("base64")}` },
        form: { token, token_type_hint: "access_token" },
      });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ active: false });
    });

    it("okta.* scopes requested from a custom server: invalid_scope (no custom server has them)", async () => {
      const custom = await t.app("Greedy Client", { application_type: "service", grant_types: ["client_credentials"] });
      await t.f.db.appScopeGrant.create({ data: { id: newId("appScopeGrant"), appId: custom.appId, scopeId: "okta.users.read", issuer: ORG_URL } });
      expectOAuthError(await t.token({ grant_type: "client_credentials", scope: "okta.users.read" }, { basic: t.basic(custom) }), 400, "invalid_scope", UNKNOWN_SCOPE);
    });

    it("the org server still refuses client_credentials with a client secret, even for a granted app", async () => {
      const secretApp = await t.app("Secret Service", { application_type: "service", grant_types: ["client_credentials"] });
      await grant(secretApp, "okta.users.read");
      const res = await t.token({ grant_type: "client_credentials", scope: "okta.users.read" }, { server: ORG_SERVER, basic: t.basic(secretApp) });
      expect(res.status).toBe(401);
      expect(res.body.error).toBe("invalid_client");
    });

    it("an app cannot grant itself scopes: 403, logged as DENY, nothing granted", async () => {
      const admin = await keyedApp("Grant Manager", "grants-1");
      await giveAppRole(admin, "SUPER_ADMIN");
      await grant(admin, "okta.appGrants.manage");
      const token = await accessToken(admin, "okta.appGrants.manage");
      const self = await bearer("POST", `/api/v1/apps/${admin.appId}/grants`, token, { scopeId: "okta.users.manage", issuer: ORG_URL });
      expect(self.status).toBe(403);
      expect(self.body).toMatchObject({ ...FORBIDDEN, errorCauses: [{ errorSummary: "An app cannot change its own admin roles or scope grants." }] });
      expect(await t.f.db.appScopeGrant.count({ where: { appId: admin.appId, scopeId: "okta.users.manage" } })).toBe(0);
      const denied = await deniedFor(admin);
      expect(denied).toHaveLength(1);
      expect(denied[0]).toMatchObject({ outcomeResult: "DENY", outcomeReason: "An app cannot change its own admin roles or scope grants.", actor: { id: admin.appId, type: "PublicClientApp" } });
      // another app it may grant: the grant records the app as its creator
      const other = await t.app("Granted By App", { application_type: "service", grant_types: ["client_credentials"] });
      const granted = await bearer("POST", `/api/v1/apps/${other.appId}/grants`, token, { scopeId: "okta.groups.read", issuer: ORG_URL });
      expect(granted.status, granted.text).toBe(201);
      expect(granted.body.createdBy).toEqual({ id: admin.appId, type: "PublicClientApp" });
    });
  });
});
