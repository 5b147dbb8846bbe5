import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JWT_BEARER_ASSERTION_TYPE } from "@/lib/oauth/client-auth/read-client-credentials";
import { TOKEN_MESSAGES } from "@/lib/oauth/errors/token-messages";
import { OKTA_SCOPES } from "@/lib/admin-roles/permissions";
import { ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { callOAuth } from "../support/mint-test-tokens";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, CookieJar, createAuthorizeFixture, responseParams, VERIFIER, type AuthorizeFixture } from "./authorize-fixture";
import { expectOAuthError, ISSUER as DEFAULT_ISSUER, ORG_SERVER, REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const DAY_MS = 86_400_000;
const AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"];
/** The org server's published scopes, as listPublishedScopes orders them (others by name, then the OIDC ones). */
const ORG_SCOPES = ["groups", ...[...OKTA_SCOPES].sort(), "openid", "profile", "email", "address", "phone", "offline_access"];
const NOT_FOUND = { error: "not_found", error_description: "The authorization server was not found or is not active." };
const NOT_ALLOWED = (scopes: string) => `The following scopes are not allowed for this request: [${scopes}].`;
const UNKNOWN_SCOPE = "One or more scopes are not configured for the authorization server resource.";
const basic = (app: TestApp) => `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString("base64")}`;

describe.each(testProviders())("the org authorization server on %s", (provider) => {
  let a: AuthorizeFixture;
  let web: TestApp;
  let spa: TestApp;
  let service: TestApp;
  let keyService: TestApp;
  let serviceKey: { privateKey: CryptoKey; publicJwk: JWK };
  let alice: TestUser;
  let aliceJar: CookieJar;

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    web = await a.app("Org Web", {
      application_type: "web",
      redirect_uris: [REDIRECT_URI],
      post_logout_redirect_uris: ["https://app.example.com/signed-out"],
      grant_types: ["authorization_code", "refresh_token", "password"],
    });
    spa = await a.app("Org SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "implicit"], response_types: ["code", "token", "id_token"] }, { token_endpoint_auth_method: "none" });
    service = await a.app("Org Service", { application_type: "service", grant_types: ["client_credentials"] });
    const pair = await generateKeyPair("RS256", { extractable: true });
    serviceKey = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: "svc-1", use: "sig" } };
    keyService = await a.app("Org Key Service", { application_type: "service", grant_types: ["client_credentials"], jwks: { keys: [serviceKey.publicJwk] } }, { token_endpoint_auth_method: "private_key_jwt" });
    alice = await a.user("Alice");
    for (const app of [web, spa]) await a.assign(app.appId, alice.id);
    aliceJar = new CookieJar();
  });
  afterAll(() => a.f.close());

  /** A signed-in code + PKCE round trip at the org server: the redirect's parameters. */
  async function orgCode(app: TestApp, scope: string, jar = aliceJar): Promise<Record<string, string>> {
    const params = { client_id: app.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope, state: "st", nonce: "n", code_challenge: CHALLENGE, code_challenge_method: "S256" };
    let res = await a.authorize(params, { jar, server: ORG_SERVER });
    if (res.location?.startsWith(`${ORG_URL}/signin`)) {
      res = await a.signIn(res.location, alice, jar);
    }
    expect(res.status, res.text).toBe(302);
    expect(res.location!.startsWith(`${REDIRECT_URI}?`)).toBe(true);
    return responseParams(res.location!);
  }

  async function orgTokens(app: TestApp, scope: string) {
    const { code } = await orgCode(app, scope);
    const res = await a.token(
      { grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, ...(app.clientSecret ? {} : { client_id: app.clientId }) },
      { server: ORG_SERVER, basic: app.clientSecret ? a.basic(app) : null },
    );
    expect(res.status, res.text).toBe(200);
    return res.body as { access_token: string; id_token: string; refresh_token?: string; scope: string; token_type: string; expires_in: number };
  }

  async function defaultTokens() {
    const res = await a.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid offline_access" }, { basic: a.basic(web) });
    expect(res.status, res.text).toBe(200);
    return res.body as { access_token: string; id_token: string; refresh_token: string };
  }

  describe("metadata and keys", () => {
    it("/.well-known/openid-configuration: issuer exactly the org URL, endpoints under /oauth2/v1", async () => {
      const res = await callOAuth("GET", "/.well-known/openid-configuration");
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("public, max-age=300");
      expect(res.body).toEqual({
        issuer: ORG_URL,
        authorization_endpoint: `${ORG_URL}/oauth2/v1/authorize`,
        token_endpoint: `${ORG_URL}/oauth2/v1/token`,
        userinfo_endpoint: `${ORG_URL}/oauth2/v1/userinfo`,
        registration_endpoint: `${ORG_URL}/oauth2/v1/clients`,
        jwks_uri: `${ORG_URL}/oauth2/v1/keys`,
        response_types_supported: ["code", "id_token", "code id_token", "code token", "id_token token", "code id_token token"],
        response_modes_supported: ["query", "fragment", "form_post", "okta_post_message"],
        grant_types_supported: ["authorization_code", "implicit", "refresh_token", "password", "client_credentials"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        scopes_supported: ORG_SCOPES,
        token_endpoint_auth_methods_supported: AUTH_METHODS,
        claims_supported: res.body.claims_supported,
        acr_values_supported: ["urn:okta:loa:1fa:any", "urn:okta:loa:1fa:pwd", "urn:okta:loa:2fa:any", "urn:okta:loa:2fa:any:ifpossible"],
        code_challenge_methods_supported: ["S256"],
        introspection_endpoint: `${ORG_URL}/oauth2/v1/introspect`,
        introspection_endpoint_auth_methods_supported: AUTH_METHODS,
        revocation_endpoint: `${ORG_URL}/oauth2/v1/revoke`,
        revocation_endpoint_auth_methods_supported: AUTH_METHODS,
        end_session_endpoint: `${ORG_URL}/oauth2/v1/logout`,
        request_parameter_supported: false,
        request_uri_parameter_supported: false,
        authorization_response_iss_parameter_supported: true,
        ui_locales_supported: ["en", "de", "fr"],
      });
      expect(res.body.claims_supported).toContain("sub");
    });

    it("/.well-known/oauth-authorization-server: the same issuer and endpoints, no userinfo", async () => {
      const res = await callOAuth("GET", "/.well-known/oauth-authorization-server");
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ issuer: ORG_URL, token_endpoint: `${ORG_URL}/oauth2/v1/token`, jwks_uri: `${ORG_URL}/oauth2/v1/keys`, scopes_supported: ORG_SCOPES });
      expect(res.body.userinfo_endpoint).toBeUndefined();
    });

    it("is reachable under no /oauth2/:authServerId path", async () => {
      for (const path of ["/oauth2/org/.well-known/openid-configuration", "/oauth2/org/v1/keys"]) {
        const res = await callOAuth("GET", path);
        expect({ path, status: res.status, body: res.body }).toEqual({ path, status: 404, body: NOT_FOUND });
      }
      const token = await callOAuth("POST", "/oauth2/org/v1/token", { form: { grant_type: "client_credentials" } });
      expect({ status: token.status, body: token.body }).toEqual({ status: 404, body: NOT_FOUND });
      const query = new URLSearchParams({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid" });
      for (const path of ["/oauth2/org/v1/authorize", "/oauth2/org/v1/logout"]) expect((await a.get(`${ORG_URL}${path}?${query}`)).status).toBe(404);
    });

    it("/oauth2/v1/keys: its own keys (made on first use), none of another server's; rotated by the AUTO rotation", async () => {
      const first = await callOAuth("GET", "/oauth2/v1/keys");
      expect(first.status).toBe(200);
      expect(first.headers.get("cache-control")).toBe("public, max-age=300, must-revalidate");
      const kids = first.body.keys.map((key: JWK) => key.kid);
      expect(kids).toHaveLength(2);
      for (const key of first.body.keys) expect(Object.keys(key).sort()).toEqual(["alg", "e", "kid", "kty", "n", "use"]);
      const defaultKids = (await callOAuth("GET", "/oauth2/default/v1/keys")).body.keys.map((key: JWK) => key.kid);
      expect(kids.filter((kid: string) => defaultKids.includes(kid))).toEqual([]);
      const rows = await a.f.db.signingKey.findMany({ where: { authServerId: "org" }, select: { kid: true, status: true } });
      expect(rows.map((row) => row.status).sort()).toEqual(["ACTIVE", "NEXT"]);
      const [active, next] = [rows.find((row) => row.status === "ACTIVE")!.kid, rows.find((row) => row.status === "NEXT")!.kid];
      expect(kids).toEqual([active, next]);

      // 90 days on: NEXT signs, a fresh NEXT is published, the old ACTIVE stays published (expired)
      a.f.clock.advance(90 * DAY_MS + 1000);
      a.refreshCaches();
      const rotated = await callOAuth("GET", "/oauth2/v1/keys");
      const rotatedKids = rotated.body.keys.map((key: JWK) => key.kid);
      expect(rotatedKids).toHaveLength(3);
      expect(rotatedKids[0]).toBe(next);
      expect(rotatedKids[2]).toBe(active);
      expect([active, next]).not.toContain(rotatedKids[1]);
      const rollovers = (await readLogEvents(a.f.db, { where: { eventType: "app.oauth2.as.key.rollover" } })).filter((event) => (event.target as Array<{ id: string }>)[0]?.id === "org");
      expect(rollovers).toHaveLength(2);
      // the default server rotated too (its own 90 days), with keys of its own
      const defaultRotated = (await callOAuth("GET", "/oauth2/default/v1/keys")).body.keys.map((key: JWK) => key.kid);
      expect(rotatedKids.filter((kid: string) => defaultRotated.includes(kid))).toEqual([]);
      const { access_token } = await orgTokens(spa, "openid");
      expect(decodeProtectedHeader(access_token).kid).toBe(next);
    });
  });

  describe("the management API does not show it", () => {
    it("lists and counts only custom servers", async () => {
      const list = await a.f.api("GET", "/api/v1/authorizationServers");
      expect(list.status).toBe(200);
      expect(list.body.map((server: { id: string }) => server.id)).toEqual(["default"]);
    });

    it.each([
      ["GET", "/api/v1/authorizationServers/org"],
      ["PUT", "/api/v1/authorizationServers/org"],
      ["DELETE", "/api/v1/authorizationServers/org"],
      ["POST", "/api/v1/authorizationServers/org/lifecycle/deactivate"],
      ["GET", "/api/v1/authorizationServers/org/scopes"],
      ["POST", "/api/v1/authorizationServers/org/scopes"],
      ["GET", "/api/v1/authorizationServers/org/claims"],
      ["POST", "/api/v1/authorizationServers/org/claims"],
      ["GET", "/api/v1/authorizationServers/org/policies"],
      ["POST", "/api/v1/authorizationServers/org/policies"],
      ["GET", "/api/v1/authorizationServers/org/credentials/keys"],
      ["POST", "/api/v1/authorizationServers/org/credentials/lifecycle/keyRotate"],
      ["GET", "/api/v1/authorizationServers/org/clients"],
    ])("%s %s: 404 E0000007", async (method, path) => {
      const body = method === "PUT" ? { name: "org", audiences: ["api://x"] } : method === "POST" && !path.includes("lifecycle") ? { name: "x" } : method === "POST" ? { use: "sig" } : undefined;
      const res = await a.f.api(method, path, body);
      expect({ status: res.status, errorCode: res.body?.errorCode }).toEqual({ status: 404, errorCode: "E0000007" });
    });

    it("a scope, claim or policy id of the org server is unknown through the API too", async () => {
      const scope = await a.f.db.scope.findFirstOrThrow({ where: { authServerId: "org", name: "openid" } });
      const policy = await a.f.db.policy.findFirstOrThrow({ where: { authServerId: "org" } });
      const rule = await a.f.db.policyRule.findFirstOrThrow({ where: { policyId: policy.id } });
      for (const path of [`/api/v1/authorizationServers/org/scopes/${scope.id}`, `/api/v1/authorizationServers/org/policies/${policy.id}`, `/api/v1/authorizationServers/org/policies/${policy.id}/rules/${rule.id}`]) {
        const res = await a.f.api("GET", path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
      }
    });
  });

  describe("flows", () => {
    it("code + PKCE: sign-in and resume under /oauth2/v1, tokens issued by the org URL (access token audience the org URL)", async () => {
      const jar = new CookieJar();
      const first = await a.authorize(
        { client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid profile", state: "st", nonce: "n", code_challenge: CHALLENGE, code_challenge_method: "S256" },
        { jar, server: ORG_SERVER },
      );
      expect(first.status).toBe(302);
      expect(first.location!.startsWith(`${ORG_URL}/signin?request=`)).toBe(true);
      const id = new URL(first.location!).searchParams.get("request")!;
      const submitted = await a.post(`${ORG_URL}/signin/submit`, { request: id, csrf: await a.signinCsrf(id, jar), username: alice.login, password: alice.password }, jar);
      expect(submitted.status).toBe(303);
      expect(submitted.location).toBe(`${ORG_URL}/oauth2/v1/authorize/resume?request=${id}`);
      const done = await a.get(submitted.location!, jar);
      expect(done.status).toBe(302);
      const params = responseParams(done.location!);
      expect(params).toEqual({ code: params.code, state: "st", iss: ORG_URL });
      aliceJar = jar;

      const res = await a.token({ grant_type: "authorization_code", code: params.code!, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: spa.clientId }, { server: ORG_SERVER });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "openid profile" });
      const access = await a.verify(res.body.access_token, ORG_SERVER);
      expect(access.payload).toMatchObject({ iss: ORG_URL, aud: ORG_URL, cid: spa.clientId, uid: alice.id, scp: ["openid", "profile"], sub: alice.login });
      const idToken = await a.verify(res.body.id_token, ORG_SERVER);
      expect(idToken.payload).toMatchObject({ iss: ORG_URL, aud: spa.clientId, sub: alice.id, nonce: "n", preferred_username: alice.login });
      // not verifiable with the default server's keys
      await expect(a.verify(res.body.id_token, "default")).rejects.toThrow();
    });

    it("the implicit flow and okta_post_message (what okta-auth-js's popup and iframe use)", async () => {
      const implicit = await a.authorize({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "id_token token", scope: "openid", state: "s", nonce: "n2" }, { jar: aliceJar, server: ORG_SERVER });
      expect(implicit.status).toBe(302);
      const fragment = responseParams(implicit.location!);
      expect(decodeJwt(fragment.id_token!)).toMatchObject({ iss: ORG_URL, aud: spa.clientId, nonce: "n2" });
      expect(decodeJwt(fragment.access_token!)).toMatchObject({ iss: ORG_URL, aud: ORG_URL });

      const message = await a.authorize(
        { client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", response_mode: "okta_post_message", scope: "openid", state: "pm", nonce: "n3", code_challenge: CHALLENGE, code_challenge_method: "S256", prompt: "none" },
        { jar: aliceJar, server: ORG_SERVER },
      );
      expect(message.status).toBe(200);
      expect(message.headers.get("content-security-policy")).toContain("frame-ancestors https://app.example.com");
      expect(message.text).toContain('"state":"pm"');
    });

    it("refresh tokens: offline_access at the org server, refreshed there, refused elsewhere", async () => {
      const tokens = await orgTokens(web, "openid offline_access");
      expect(tokens.refresh_token).toBeTruthy();
      a.f.clock.advance(1000);
      const refreshed = await a.token({ grant_type: "refresh_token", refresh_token: tokens.refresh_token! }, { server: ORG_SERVER, basic: a.basic(web) });
      expect(refreshed.status, refreshed.text).toBe(200);
      expect(decodeJwt(refreshed.body.access_token)).toMatchObject({ iss: ORG_URL, aud: ORG_URL });
      const elsewhere = await a.token({ grant_type: "refresh_token", refresh_token: refreshed.body.refresh_token }, { basic: a.basic(web) });
      expectOAuthError(elsewhere, 400, "invalid_grant", TOKEN_MESSAGES.refreshInvalid);
    });

    it("the password grant", async () => {
      const res = await a.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid email" }, { server: ORG_SERVER, basic: a.basic(web) });
      expect(res.status, res.text).toBe(200);
      expect(decodeJwt(res.body.id_token)).toMatchObject({ iss: ORG_URL, email: alice.login });
    });

    it("userinfo: its own access tokens only", async () => {
      const org = await orgTokens(spa, "openid email");
      const info = await callOAuth("GET", "/oauth2/v1/userinfo", { headers: { Authorization: `Bearer ${org.access_token}` } });
      expect({ status: info.status, body: info.body }).toEqual({ status: 200, body: { sub: alice.id, email: alice.login, email_verified: info.body.email_verified } });
      const other = await defaultTokens();
      const refused = await callOAuth("GET", "/oauth2/v1/userinfo", { headers: { Authorization: `Bearer ${other.access_token}` } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toContain('error="invalid_token"');
      const refusedAtDefault = await callOAuth("GET", "/oauth2/default/v1/userinfo", { headers: { Authorization: `Bearer ${org.access_token}` } });
      expect(refusedAtDefault.status).toBe(401);
    });

    it("introspection: active at the org server, inactive at another issuer's, and the other way round", async () => {
      const org = await orgTokens(web, "openid offline_access");
      const other = await defaultTokens();
      const introspect = (server: string, token: string) =>
        callOAuth("POST", server === ORG_SERVER ? "/oauth2/v1/introspect" : `/oauth2/${server}/v1/introspect`, { headers: { Authorization: basic(web) }, form: { token } });
      const access = await introspect(ORG_SERVER, org.access_token);
      expect(access.body).toMatchObject({ active: true, iss: ORG_URL, aud: ORG_URL, client_id: web.clientId, uid: alice.id, scope: "openid offline_access" });
      expect((await introspect(ORG_SERVER, org.refresh_token!)).body).toMatchObject({ active: true, client_id: web.clientId });
      expect((await introspect(ORG_SERVER, org.id_token)).body).toMatchObject({ active: true, iss: ORG_URL });
      for (const token of [org.access_token, org.refresh_token!, org.id_token]) expect((await introspect("default", token)).body).toEqual({ active: false });
      for (const token of [other.access_token, other.refresh_token, other.id_token]) expect((await introspect(ORG_SERVER, token)).body).toEqual({ active: false });
      expect((await introspect("default", other.access_token)).body).toMatchObject({ active: true, iss: DEFAULT_ISSUER });
    });

    it("revocation at the org server: its refresh token and the grant's access tokens die; another issuer's are left alone", async () => {
      const org = await orgTokens(web, "openid offline_access");
      const other = await defaultTokens();
      const revoke = (token: string) => callOAuth("POST", "/oauth2/v1/revoke", { headers: { Authorization: basic(web) }, form: { token } });
      expect((await revoke(other.refresh_token)).status).toBe(200);
      expect((await revoke(org.refresh_token!)).status).toBe(200);
      const introspect = (path: string, token: string) => callOAuth("POST", path, { headers: { Authorization: basic(web) }, form: { token } });
      expect((await introspect("/oauth2/v1/introspect", org.refresh_token!)).body).toEqual({ active: false });
      expect((await introspect("/oauth2/v1/introspect", org.access_token)).body).toEqual({ active: false });
      expect((await introspect("/oauth2/default/v1/introspect", other.refresh_token)).body).toMatchObject({ active: true });
    });

    it("logout: an org ID token as the hint signs out to the registered URI; another issuer's ID token is no hint", async () => {
      const jar = new CookieJar();
      const { code } = await orgCode(web, "openid", jar);
      const tokens = await a.token({ grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER }, { server: ORG_SERVER, basic: a.basic(web) });
      const other = await defaultTokens();
      const foreign = await a.get(`${ORG_URL}/oauth2/v1/logout?${new URLSearchParams({ id_token_hint: other.id_token, post_logout_redirect_uri: "https://app.example.com/signed-out" })}`, jar);
      expect(foreign.status).toBe(400);
      expect(jar.cookies.get("sid")).toBeTruthy();
      const res = await a.get(`${ORG_URL}/oauth2/v1/logout?${new URLSearchParams({ id_token_hint: tokens.body.id_token, post_logout_redirect_uri: "https://app.example.com/signed-out", state: "bye" })}`, jar);
      expect(res.status).toBe(302);
      expect(res.location).toBe("https://app.example.com/signed-out?state=bye");
      expect(jar.cookies.get("sid")).toBeUndefined();
    });
  });

  describe("openid-client 6 with issuer = the org URL", () => {
    /** openid-client's requests, answered by the real route handlers. */
    const viaRoutes: oidc.CustomFetch = (url, options) =>
      callRoute(new Request(url, { method: options.method, headers: options.headers as HeadersInit, body: options.body as BodyInit | undefined, redirect: "manual" }));

    it("discovers the org server, runs the code flow with PKCE and nonce (iss checked), userinfo, introspection, revocation, end-session", async () => {
      // the tokens carry the fixture's fixed clock: openid-client's clock is set to it
      const clockSkew = Math.round((a.f.clock.now.getTime() - Date.now()) / 1000);
      const metadata = { client_secret: web.clientSecret!, [oidc.clockSkew]: clockSkew };
      const config = await oidc.discovery(new URL(ORG_URL), web.clientId, metadata, oidc.ClientSecretBasic(web.clientSecret!), {
        execute: [oidc.allowInsecureRequests],
        [oidc.customFetch]: viaRoutes,
      });
      expect(config.serverMetadata()).toMatchObject({ issuer: ORG_URL, token_endpoint: `${ORG_URL}/oauth2/v1/token`, authorization_response_iss_parameter_supported: true });
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: REDIRECT_URI,
        scope: "openid email offline_access",
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      expect(url.origin + url.pathname).toBe(`${ORG_URL}/oauth2/v1/authorize`);
      const answer = await a.get(url.href, aliceJar);
      expect(answer.status, answer.text).toBe(302);
      const callback = new URL(answer.location!);
      expect(callback.searchParams.get("iss")).toBe(ORG_URL);

      const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: codeVerifier, expectedState: state, expectedNonce: nonce, idTokenExpected: true });
      expect(tokens.claims()).toMatchObject({ iss: ORG_URL, aud: web.clientId, sub: alice.id, nonce, email: alice.login });
      expect(await oidc.fetchUserInfo(config, tokens.access_token, alice.id)).toMatchObject({ sub: alice.id, email: alice.login });
      expect(await oidc.tokenIntrospection(config, tokens.access_token)).toMatchObject({ active: true, iss: ORG_URL, aud: ORG_URL });
      a.f.clock.advance(1000);
      const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
      expect(refreshed.claims()).toMatchObject({ iss: ORG_URL, sub: alice.id });
      await oidc.tokenRevocation(config, refreshed.refresh_token!);
      expect(await oidc.tokenIntrospection(config, refreshed.access_token)).toEqual({ active: false });
      const endSession = oidc.buildEndSessionUrl(config, { id_token_hint: refreshed.id_token!, post_logout_redirect_uri: "https://app.example.com/signed-out" });
      expect(endSession.origin + endSession.pathname).toBe(`${ORG_URL}/oauth2/v1/logout`);
    });

    it("discovery of a custom server refuses the org issuer's metadata (issuers are compared exactly)", async () => {
      const refused = await oidc
        .discovery(new URL(`${ORG_URL}/oauth2/default`), web.clientId, web.clientSecret!, oidc.ClientSecretBasic(web.clientSecret!), {
          execute: [oidc.allowInsecureRequests],
          [oidc.customFetch]: (url, options) => viaRoutes(url.replace("/oauth2/default/.well-known/", "/.well-known/"), options),
        })
        .catch((error: Error) => error);
      expect(refused).toBeInstanceOf(Error);
      expect((refused as Error).message).toContain("issuer");
    });
  });

  describe("Okta API scopes", () => {
    it("at the org server: invalid_scope until the app is granted them (authorize, password)", async () => {
      const res = await a.authorize(
        { client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid okta.users.read", state: "st", code_challenge: CHALLENGE, code_challenge_method: "S256" },
        { jar: aliceJar, server: ORG_SERVER },
      );
      expect(res.status).toBe(302);
      expect(responseParams(res.location!)).toEqual({ error: "invalid_scope", error_description: NOT_ALLOWED("okta.users.read"), state: "st", iss: ORG_URL });
      const password = await a.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid okta.users.read okta.groups.manage" }, { server: ORG_SERVER, basic: a.basic(web) });
      expectOAuthError(password, 400, "invalid_scope", NOT_ALLOWED("okta.users.read, okta.groups.manage"));
    });

    it("at a custom server: unknown scopes (invalid_scope)", async () => {
      const password = await a.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid okta.users.read" }, { basic: a.basic(web) });
      expectOAuthError(password, 400, "invalid_scope", UNKNOWN_SCOPE);
      const res = await a.authorize({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid okta.users.read", state: "st", code_challenge: CHALLENGE, code_challenge_method: "S256" }, { jar: aliceJar });
      expect(responseParams(res.location!)).toMatchObject({ error: "invalid_scope", iss: DEFAULT_ISSUER });
    });

    it("client_credentials at the org server: private_key_jwt only, and then only granted okta.* scopes", async () => {
      const secret = await a.token({ grant_type: "client_credentials", scope: "okta.users.read" }, { server: ORG_SERVER, basic: a.basic(service) });
      expectOAuthError(secret, 401, "invalid_client", TOKEN_MESSAGES.orgClientCredentialsNeedsPrivateKeyJwt, `Basic realm="IdP", error="invalid_client", error_description="${TOKEN_MESSAGES.orgClientCredentialsNeedsPrivateKeyJwt}"`);
      const assertion = async (aud: string) => {
        const now = Math.floor(a.f.clock.now.getTime() / 1000);
        return new SignJWT({ iss: keyService.clientId, sub: keyService.clientId, aud, iat: now, exp: now + 300, jti: crypto.randomUUID() }).setProtectedHeader({ alg: "RS256", kid: "svc-1" }).sign(serviceKey.privateKey);
      };
      const keyed = async (scope: string | null, aud = `${ORG_URL}/oauth2/v1/token`) =>
        a.token({ grant_type: "client_credentials", ...(scope ? { scope } : {}), client_assertion_type: JWT_BEARER_ASSERTION_TYPE, client_assertion: await assertion(aud) }, { server: ORG_SERVER });
      expectOAuthError(await keyed("okta.users.read"), 400, "invalid_scope", NOT_ALLOWED("okta.users.read"));
      // the assertion may name the org URL itself (the issuer)
      expectOAuthError(await keyed("okta.apps.read", ORG_URL), 400, "invalid_scope", NOT_ALLOWED("okta.apps.read"));
      expectOAuthError(await keyed(null), 400, "invalid_scope", "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
      expectOAuthError(await keyed("openid"), 400, "invalid_scope", "Cannot request 'openid' scopes using client credentials");
      // an assertion for another server's token endpoint is refused
      const wrongAudience = await keyed("okta.users.read", `${ORG_URL}/oauth2/default/v1/token`);
      expect(wrongAudience.status).toBe(401);
    });
  });
});
