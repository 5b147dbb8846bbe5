import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/hash-token";
import { computeTokenHash } from "@/lib/oauth/claims/compute-token-hash";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { createSessionToken } from "@/lib/sessions/session-tokens";
import { ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, VERIFIER, type AuthorizeFixture } from "./authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

describe.each(testProviders())("authorize endpoint on %s", (provider) => {
  let a: AuthorizeFixture;
  let web: TestApp;
  let spa: TestApp;
  let codeOnly: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let aliceJar: CookieJar;

  const codeParams = (extra: Record<string, string> = {}, app: TestApp = spa) => ({
    client_id: app.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid email",
    state: "st-1",
    nonce: "n-1",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    ...extra,
  });
  const expectRedirectError = (res: { status: number; location: string | null }, error: string, description: string, mode: "query" | "fragment" = "query", state: string | null = "st-1") => {
    expect(res.status).toBe(302);
    expect(res.location!.startsWith(`${REDIRECT_URI}${mode === "query" ? "?" : "#"}`)).toBe(true);
    expect(responseParams(res.location!)).toEqual({ error, error_description: description, ...(state !== null ? { state } : {}), iss: ISSUER });
  };

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    web = await a.app("Web App", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "implicit", "refresh_token"], response_types: ["code", "token", "id_token"] });
    spa = await a.app("SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "implicit"], response_types: ["code", "token", "id_token"] }, { token_endpoint_auth_method: "none" });
    codeOnly = await a.app("Code Only", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"] });
    alice = await a.user("Alice");
    bob = await a.user("Bob");
    for (const app of [web, spa, codeOnly]) await a.assign(app.appId, alice.id);
    aliceJar = await a.browserFor(alice, spa);
  });
  afterAll(() => a.f.close());

  describe("what cannot go back to the client", () => {
    it("an unknown or inactive authorization server: 404", async () => {
      const res = await a.authorize(codeParams(), { server: "ausNope" });
      expect(res.status).toBe(404);
      expect(JSON.parse(res.text)).toEqual({ error: "not_found", error_description: M.serverNotFound });
    });

    it.each([
      ["no client_id", { client_id: "" }, "invalid_request", M.clientIdMissing],
      ["an unknown client_id", { client_id: "0oaUnknown" }, "invalid_client", M.clientInvalid],
      ["no redirect_uri", { redirect_uri: "" }, "invalid_request", M.redirectUriMissing],
      ["an unregistered redirect_uri", { redirect_uri: "https://evil.example.com/cb" }, "invalid_request", M.redirectUriInvalid],
      ["a redirect_uri differing by a trailing slash", { redirect_uri: `${REDIRECT_URI}/` }, "invalid_request", M.redirectUriInvalid],
    ])("%s: an HTML error page (400), never a redirect", async (_name, override, code, description) => {
      const res = await a.authorize({ ...codeParams(), ...override });
      expect(res.status).toBe(400);
      expect(res.location).toBeNull();
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.text).toContain(`<code>${code}</code>`);
      expect(res.text).toContain(description.replace(/'/g, "&#39;"));
    });

    it("a repeated redirect_uri or client_id: an error page", async () => {
      const res = await a.authorize(`${new URLSearchParams(codeParams())}&redirect_uri=${encodeURIComponent("https://evil.example.com/cb")}`);
      expect(res.status).toBe(400);
      expect(res.text).toContain(M.duplicate("redirect_uri").replace(/'/g, "&#39;"));
    });

    it("an inactive app: an error page", async () => {
      const inactive = await a.app("Inactive", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"] });
      expect((await a.f.api("POST", `/api/v1/apps/${inactive.appId}/lifecycle/deactivate`)).status).toBe(200);
      const res = await a.authorize(codeParams({}, inactive));
      expect(res.status).toBe(400);
      expect(res.text).toContain("<code>invalid_client</code>");
    });
  });

  describe("errors through the response mode (with state and iss)", () => {
    it.each([
      ["missing state without PKCE", { state: "", code_challenge: "", code_challenge_method: "" }, "invalid_request", M.stateMissing, "query", null],
      ["unknown scope", { scope: "openid nope" }, "invalid_scope", M.invalidScopeUnknown, "query", "st-1"],
      ["unsupported response_type", { response_type: "code device" }, "unsupported_response_type", M.responseTypeUnsupported, "query", "st-1"],
      ["query with token", { response_type: "token", response_mode: "query" }, "unsupported_response_mode", M.responseModeQueryWithTokens, "fragment", "st-1"],
      ["plain PKCE", { code_challenge_method: "plain" }, "invalid_request", M.challengeMethodInvalid, "query", "st-1"],
      ["public client without PKCE", { code_challenge: "", code_challenge_method: "" }, "invalid_request", M.pkceRequired, "query", "st-1"],
      ["id_token without nonce", { response_type: "id_token", nonce: "" }, "invalid_request", M.nonceMissing, "fragment", "st-1"],
      ["prompt none with login", { prompt: "none login" }, "invalid_request", M.promptNoneWithOthers, "query", "st-1"],
      ["another idp", { idp: "0oaGoogle" }, "invalid_request", M.idpInvalid, "query", "st-1"],
      ["a malformed id_token_hint", { id_token_hint: "not.a.jwt" }, "invalid_request", M.idTokenHintInvalid, "query", "st-1"],
    ] as const)("%s", async (_name, override, error, description, mode, state) => {
      const res = await a.authorize(codeParams(override));
      expectRedirectError(res, error, description, mode, state);
      expect(res.headers.get("cache-control")).toBe("no-store");
    });

    it("unauthorized_client: token for an app without the implicit grant", async () => {
      const res = await a.authorize(codeParams({ response_type: "token", code_challenge: "", code_challenge_method: "" }, codeOnly));
      expectRedirectError(res, "unauthorized_client", M.grantNotAllowed("implicit"), "fragment");
    });

    it("form_post error: the form carries error, error_description, state and iss", async () => {
      const res = await a.authorize(codeParams({ response_mode: "form_post", scope: "nope" }));
      expect(res.status).toBe(200);
      expect(res.text).toContain(`<form method="post" action="${REDIRECT_URI}">`);
      for (const [name, value] of [["error", "invalid_scope"], ["error_description", M.invalidScopeUnknown], ["state", "st-1"], ["iss", ISSUER]]) {
        expect(res.text).toContain(`<input type="hidden" name="${name}" value="${value}">`);
      }
      const nonce = /<script nonce="([^"]+)">document\.forms\[0\]\.submit\(\);<\/script>/.exec(res.text)?.[1];
      expect(res.headers.get("content-security-policy")).toContain(`script-src 'nonce-${nonce}'`);
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    });

    it("logs the refusal with its reason", async () => {
      const mark = await a.mark();
      await a.authorize(codeParams({ scope: "openid nope" }));
      const [event] = await a.events("app.oauth2.as.authorize", mark);
      expect(event).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: `INVALID_REQUEST: ${M.invalidScopeUnknown}` });
    });
  });

  describe("sign-in and the code flow", () => {
    it("no session: 302 to /signin with a pending request bound to the browser; sign-in resumes to the code; PKCE exchange", async () => {
      const jar = new CookieJar();
      const first = await a.authorize(codeParams({ login_hint: alice.login }), { jar });
      expect(first.status).toBe(302);
      expect(first.location).toMatch(new RegExp(`^${ORG_URL}/signin\\?request=ftx`));
      const id = requestIdOf(first.location!);
      const pending = await a.f.db.pendingAuthorization.findUniqueOrThrow({ where: { id } });
      expect(pending.expiresAt).toEqual(new Date(a.f.clock.now.getTime() + 10 * 60_000));
      const csrf = jar.cookies.get(`authz_${id}`)!;
      expect(pending.csrfHash).toBe(hashToken(csrf));
      expect(first.setCookies[0]).toBe(`authz_${id}=${csrf}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax`);

      const done = await a.signIn(first.location!, alice, jar);
      expect(done.status).toBe(302);
      expect(done.location!.startsWith(`${REDIRECT_URI}?`)).toBe(true);
      const params = responseParams(done.location!);
      expect(Object.keys(params)).toEqual(["code", "state", "iss"]);
      expect(params).toMatchObject({ state: "st-1", iss: ISSUER });
      expect(await a.f.db.pendingAuthorization.findUnique({ where: { id } })).toBeNull();

      const token = await a.token({ grant_type: "authorization_code", code: params.code!, redirect_uri: REDIRECT_URI, client_id: spa.clientId, code_verifier: VERIFIER });
      expect(token.status, token.text).toBe(200);
      const { payload } = await a.verify(token.body.id_token);
      expect(payload).toMatchObject({ sub: alice.id, aud: spa.clientId, nonce: "n-1", auth_time: seconds(a.f.clock.now), amr: ["pwd"] });

      // the pending request is gone: resuming it again is refused
      const again = await a.get(`${ORG_URL}/oauth2/default/v1/authorize/resume?request=${id}`, jar);
      expect(again.status).toBe(400);
      expect(again.text).toContain("This sign-in link has expired");
    });

    it("with a session: the code comes at once (SSO), logged with the policy decision", async () => {
      const mark = await a.mark();
      const res = await a.authorize(codeParams(), { jar: aliceJar });
      expect(res.status).toBe(302);
      expect(responseParams(res.location!).code).toBeTruthy();
      const [event] = await a.events("app.oauth2.as.authorize.code", mark);
      expect(event!.outcomeResult).toBe("SUCCESS");
      expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ policyId: expect.any(String), ruleId: expect.any(String), scopes: "openid email", pkce: true });
    });

    it("POST /authorize works like GET", async () => {
      const res = await a.authorize(codeParams(), { jar: aliceJar, method: "POST" });
      expect(res.status).toBe(302);
      expect(responseParams(res.location!).code).toBeTruthy();
    });

    it("PKCE without state (RFC 9700 2.1.1): the code comes without a state parameter and exchanges", async () => {
      const res = await a.authorize(codeParams({ state: "" }), { jar: aliceJar });
      expect(res.status).toBe(302);
      const params = responseParams(res.location!);
      expect(Object.keys(params)).toEqual(["code", "iss"]);
      const token = await a.token({ grant_type: "authorization_code", code: params.code!, redirect_uri: REDIRECT_URI, client_id: spa.clientId, code_verifier: VERIFIER });
      expect(token.status, token.text).toBe(200);
    });

    it("a confidential client without PKCE gets a code too", async () => {
      const res = await a.authorize(codeParams({ code_challenge: "", code_challenge_method: "" }, web), { jar: aliceJar });
      const code = responseParams(res.location!).code!;
      const token = await a.token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }, { basic: a.basic(web) });
      expect(token.status, token.text).toBe(200);
    });

    it("prompt=none without a session: login_required through the mode", async () => {
      expectRedirectError(await a.authorize(codeParams({ prompt: "none" })), "login_required", M.loginRequired);
    });

    it("prompt=none with a session: the code", async () => {
      const res = await a.authorize(codeParams({ prompt: "none" }), { jar: aliceJar });
      expect(responseParams(res.location!).code).toBeTruthy();
    });

    it("prompt=login forces the sign-in page even with a session, then succeeds", async () => {
      const jar = await a.browserFor(alice, spa);
      const res = await a.authorize(codeParams({ prompt: "login" }), { jar });
      expect(res.location).toMatch(/\/signin\?request=/);
      a.f.clock.advance(1000);
      const done = await a.signIn(res.location!, alice, jar);
      expect(responseParams(done.location!).code).toBeTruthy();
    });

    it("max_age: an older authentication needs a new sign-in; prompt=none then gives login_required; auth_time is the new one", async () => {
      const jar = await a.browserFor(alice, spa);
      a.f.clock.advance(120_000);
      expectRedirectError(await a.authorize(codeParams({ max_age: "60", prompt: "none" }), { jar }), "login_required", M.loginRequired);
      expect(responseParams((await a.authorize(codeParams({ max_age: "600" }), { jar })).location!).code).toBeTruthy();
      const res = await a.authorize(codeParams({ max_age: "60" }), { jar });
      expect(res.location).toMatch(/\/signin\?request=/);
      const done = await a.signIn(res.location!, alice, jar);
      const code = responseParams(done.location!).code!;
      const token = await a.token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, client_id: spa.clientId, code_verifier: VERIFIER });
      expect((await a.verify(token.body.id_token)).payload.auth_time).toBe(seconds(a.f.clock.now));
    });

    it("max_age=0 after a fresh sign-in does not loop", async () => {
      const jar = new CookieJar();
      const res = await a.authorize(codeParams({ max_age: "0" }), { jar });
      a.f.clock.advance(5_000);
      const done = await a.signIn(res.location!, alice, jar);
      expect(responseParams(done.location!).code).toBeTruthy();
    });

    it("id_token_hint naming the session's user with prompt=none: the code", async () => {
      const implicit = await a.authorize(codeParams({ response_type: "id_token", code_challenge: "", code_challenge_method: "" }), { jar: aliceJar });
      const aliceIdToken = responseParams(implicit.location!).id_token!;
      expect(responseParams((await a.authorize(codeParams({ prompt: "none", id_token_hint: aliceIdToken }), { jar: aliceJar })).location!).code).toBeTruthy();
    });

    it("id_token_hint of another user than the session's: login_required", async () => {
      await a.assign(spa.appId, bob.id);
      const bobJar = await a.browserFor(bob, spa);
      const implicit = await a.authorize(codeParams({ response_type: "id_token", code_challenge: "", code_challenge_method: "" }), { jar: aliceJar });
      const aliceIdToken = responseParams(implicit.location!).id_token!;
      expectRedirectError(await a.authorize(codeParams({ prompt: "none", id_token_hint: aliceIdToken }), { jar: bobJar }), "login_required", M.loginRequired);
    });

    it("sessionToken: signs in without UI and sets the session cookie", async () => {
      const { sessionToken: token } = await createSessionToken(a.f.db, { userId: alice.id, now: a.f.clock.now });
      const jar = new CookieJar();
      const res = await a.authorize(codeParams({ prompt: "none", response_mode: "okta_post_message", sessionToken: token }), { jar });
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/var data = \{"code":"[A-Za-z0-9_-]{43}","state":"st-1"\};/);
      expect(jar.cookies.get("sid")).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // single use
      const replay = await a.authorize(codeParams({ prompt: "none", sessionToken: token }), { jar: new CookieJar() });
      expectRedirectError(replay, "login_required", M.loginRequired);
    });
  });

  describe("implicit and hybrid", () => {
    it("id_token token (fragment): the ID token has the nonce and at_hash; the access token verifies", async () => {
      const res = await a.authorize(codeParams({ response_type: "id_token token", code_challenge: "", code_challenge_method: "" }, web), { jar: aliceJar });
      expect(res.location!.startsWith(`${REDIRECT_URI}#`)).toBe(true);
      const params = responseParams(res.location!);
      expect(Object.keys(params)).toEqual(["access_token", "token_type", "expires_in", "scope", "id_token", "state", "iss"]);
      expect(params).toMatchObject({ token_type: "Bearer", expires_in: "3600", scope: "openid email", state: "st-1" });
      const id = await a.verify(params.id_token!);
      expect(id.payload).toMatchObject({ sub: alice.id, aud: web.clientId, nonce: "n-1", at_hash: computeTokenHash(params.access_token!), iss: ISSUER });
      const access = await a.verify(params.access_token!);
      expect(access.payload).toMatchObject({ cid: web.clientId, uid: alice.id, scp: ["openid", "email"] });
    });

    it("id_token alone carries the scope claims (email)", async () => {
      const res = await a.authorize(codeParams({ response_type: "id_token", code_challenge: "", code_challenge_method: "" }, web), { jar: aliceJar });
      const { payload } = await a.verify(responseParams(res.location!).id_token!);
      expect(payload.email).toBe(alice.login);
      expect(payload.at_hash).toBeUndefined();
    });

    it("code id_token: c_hash", async () => {
      const res = await a.authorize(codeParams({ response_type: "code id_token" }, web), { jar: aliceJar });
      const params = responseParams(res.location!);
      const { payload } = await a.verify(params.id_token!);
      expect(payload.c_hash).toBe(computeTokenHash(params.code!));
    });

    it("okta_post_message implicit: DATA {access_token, token_type, expires_in, scope, id_token, state}, frameable by the redirect origin only", async () => {
      const res = await a.authorize(codeParams({ response_type: "id_token token", response_mode: "okta_post_message", prompt: "none", code_challenge: "", code_challenge_method: "" }, web), { jar: aliceJar });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const data = JSON.parse(/var data = (\{.*?\});/.exec(res.text)![1]!);
      expect(Object.keys(data)).toEqual(["access_token", "token_type", "expires_in", "scope", "id_token", "state"]);
      expect(data).toMatchObject({ token_type: "Bearer", expires_in: 3600, scope: "openid email", state: "st-1" });
      expect(res.text).toContain('(window.opener || window.parent).postMessage(data, "https://app.example.com");');
      expect(res.headers.get("content-security-policy")).toContain("frame-ancestors https://app.example.com");
      expect(res.headers.get("x-frame-options")).toBeNull();
      expect(res.headers.get("cache-control")).toBe("no-store");
    });

    it("okta_post_message error: {error, error_description, state}", async () => {
      const res = await a.authorize(codeParams({ response_mode: "okta_post_message", prompt: "none" }));
      const data = JSON.parse(/var data = (\{.*?\});/.exec(res.text)![1]!);
      expect(data).toEqual({ error: "login_required", error_description: M.loginRequired, state: "st-1" });
    });

    it("form_post success", async () => {
      const res = await a.authorize(codeParams({ response_mode: "form_post" }), { jar: aliceJar });
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/<input type="hidden" name="code" value="[A-Za-z0-9_-]{43}"><input type="hidden" name="state" value="st-1"><input type="hidden" name="iss" value="http:\/\/idp.test\/oauth2\/default">/);
    });
  });

  describe("access decisions", () => {
    it("a user not assigned to the app: access_denied, logged as DENY", async () => {
      const other = await a.app("Nobody's", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"] }, { token_endpoint_auth_method: "none" });
      const mark = await a.mark();
      const res = await a.authorize(codeParams({}, other), { jar: aliceJar });
      expectRedirectError(res, "access_denied", M.notAssigned);
      const [event] = await a.events("app.oauth2.as.authorize", mark);
      expect(event).toMatchObject({ outcomeResult: "DENY", outcomeReason: "USER_NOT_ASSIGNED" });
    });

    it("no policy rule for the grant: access_denied with Okta's description", async () => {
      const rule = await a.f.db.policyRule.findFirstOrThrow({ where: { name: "Default Policy Rule" } });
      await a.f.db.policyRule.update({ where: { id: rule.id }, data: { status: "INACTIVE" } });
      a.refreshCaches();
      const res = await a.authorize(codeParams(), { jar: aliceJar });
      await a.f.db.policyRule.update({ where: { id: rule.id }, data: { status: "ACTIVE" } });
      a.refreshCaches();
      expectRedirectError(res, "access_denied", "Policy evaluation failed for this request, please check the policy configurations.");
    });

    it("a user suspended after signing in: the session no longer counts", async () => {
      const carol = await a.user("Carol");
      await a.assign(spa.appId, carol.id);
      const jar = await a.browserFor(carol, spa);
      expect((await a.f.api("POST", `/api/v1/users/${carol.id}/lifecycle/suspend`)).status).toBe(200);
      expectRedirectError(await a.authorize(codeParams({ prompt: "none" }), { jar }), "login_required", M.loginRequired);
    });
  });
});

