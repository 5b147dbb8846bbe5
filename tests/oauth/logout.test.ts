import { generateKeyPairSync } from "node:crypto";
import { decodeProtectedHeader, decodeJwt, SignJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/hash-token";
import { ORG_URL, type ApiResult } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { createSessionFixture, type SessionFixture } from "../sessions/session-fixture";
import type { TestApp, TestUser } from "./token-fixture";

const LOGOUT = "/oauth2/default/v1/logout";
const SIGNED_OUT_URI = "https://web.example.com/signed-out";
const CLEAR = "sid=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax";
const CSP = "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; form-action *; base-uri 'none'; frame-ancestors 'none'";

describe.each(testProviders())("GET|POST /oauth2/:authServerId/v1/logout on %s", (provider) => {
  let s: SessionFixture;
  let web: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let cookie: string;

  const idToken = async (user: TestUser = alice, client: TestApp = web): Promise<string> => {
    const res = await s.token({ grant_type: "password", username: user.login, password: user.password, scope: "openid" }, { basic: s.basic(client) });
    expect(res.status, res.text).toBe(200);
    return res.body.id_token as string;
  };
  const logout = (params: Record<string, string> | string, options: { method?: "GET" | "POST"; cookie?: string | null; path?: string; headers?: Record<string, string> } = {}) => {
    const query = typeof params === "string" ? params : new URLSearchParams(params).toString();
    const headers: Record<string, string> = { ...(options.cookie === null ? {} : { Cookie: `sid=${options.cookie ?? cookie}` }), ...options.headers };
    if (options.method === "POST") {
      return s.call("POST", options.path ?? LOGOUT, { body: query, headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } });
    }
    return s.call("GET", `${options.path ?? LOGOUT}${query ? `?${query}` : ""}`, { headers });
  };
  const sessionRevoked = async (value: string) => (await s.f.db.userSession.findUniqueOrThrow({ where: { tokenHash: hashToken(value) } })).revoked;
  const expectSignedOutPage = (res: ApiResult) => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
    expect(res.headers.get("set-cookie")).toBe(CLEAR);
    expect(res.text).toContain("<h1>You have been signed out</h1>");
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!web\.example)/);
  };
  /** The "Sign out?" page: nothing ends, nothing is cleared; its form's hidden fields are returned. */
  const expectConfirmationPage = (res: ApiResult): Record<string, string> => {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("cache-control")).toBe("no-store");
    // a same-origin policy, else browsers post the form with `Origin: null`
    expect(res.headers.get("referrer-policy")).toBe("same-origin");
    expect(res.text).toContain('<meta name="referrer" content="same-origin">');
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.text).toContain("<h1>Sign out?</h1>");
    expect(res.text).toContain(`<form method="post" action="${ORG_URL}${LOGOUT}" aria-label="Sign out?">`);
    expect(res.text).toContain('<button class="hs-button" type="submit" autofocus>Sign out</button>');
    expect(res.text).not.toContain("<script");
    const fields: Record<string, string> = {};
    for (const [, name, value] of res.text.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[name!] = value!.replace(/&amp;/g, "&");
    expect(fields.csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    return fields;
  };
  const cancelHref = (res: ApiResult) => /<a href="([^"]+)">Cancel, stay signed in<\/a>/.exec(res.text)?.[1]?.replace(/&amp;/g, "&");
  const confirm = (fields: Record<string, string>, headers: Record<string, string> = { Origin: ORG_URL }, sid = cookie) => logout(fields, { method: "POST", headers, cookie: sid });
  const expectErrorPage = (res: ApiResult, message: string, status = 400) => {
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("location")).toBeNull();
    expect(res.headers.get("content-security-policy")).toBe(CSP);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.text).toContain(message);
  };

  beforeAll(async () => {
    s = await createSessionFixture(provider);
    web = await s.app("Logout Web", {
      application_type: "web",
      redirect_uris: ["https://web.example.com/cb"],
      post_logout_redirect_uris: [SIGNED_OUT_URI, "https://web.example.com/bye?from=idp"],
      grant_types: ["authorization_code", "password"],
    });
    alice = await s.user("Alice");
    bob = await s.user("Bob");
    await s.assign(web.appId, alice.id);
    await s.assign(web.appId, bob.id);
  });
  beforeEach(async () => {
    cookie = await s.signIn(alice);
  });
  afterAll(() => s.f.close());

  it("a valid hint and a registered URI: the session ends, the cookie is cleared, 302 with state appended", async () => {
    const hint = await idToken();
    const mark = await s.mark();
    const res = await logout({ id_token_hint: hint, post_logout_redirect_uri: SIGNED_OUT_URI, state: "st ate/1" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${SIGNED_OUT_URI}?state=st%20ate%2F1`);
    expect(res.headers.get("set-cookie")).toBe(CLEAR);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.text).toBe("");
    expect(await sessionRevoked(cookie)).toEqual(s.f.clock.now);
    const [event, ...more] = await s.events("user.session.end", mark);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: { id: alice.id, type: "User", alternateId: alice.login } });
    expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toEqual({
      via: "oidc_logout",
      authServerId: "default",
      clientId: web.clientId,
      idTokenSubjectMatches: true,
      confirmedByUser: false,
      postLogoutRedirectUri: SIGNED_OUT_URI,
    });
  });

  it("POST (form) works the same; a URI with a query gets &state", async () => {
    const res = await logout({ id_token_hint: await idToken(), post_logout_redirect_uri: "https://web.example.com/bye?from=idp", state: "xyz" }, { method: "POST" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("https://web.example.com/bye?from=idp&state=xyz");
    expect(await sessionRevoked(cookie)).not.toBeNull();
  });

  it("no state: the registered URI exactly", async () => {
    const res = await logout({ id_token_hint: await idToken(), post_logout_redirect_uri: SIGNED_OUT_URI });
    expect(res.headers.get("location")).toBe(SIGNED_OUT_URI);
  });

  it("an expired ID token is still a valid hint", async () => {
    const hint = await idToken();
    s.f.clock.advance(2 * 3_600_000);
    cookie = await s.signIn(alice);
    expect(decodeJwt(hint).exp! * 1000).toBeLessThan(s.f.clock.now.getTime());
    const res = await logout({ id_token_hint: hint, post_logout_redirect_uri: SIGNED_OUT_URI, state: "s" });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${SIGNED_OUT_URI}?state=s`);
    expect(await sessionRevoked(cookie)).not.toBeNull();
  });

  it("without a session it still redirects (nothing to end, no event)", async () => {
    const mark = await s.mark();
    const res = await logout({ id_token_hint: await idToken(), post_logout_redirect_uri: SIGNED_OUT_URI }, { cookie: null });
    expect(res.status).toBe(302);
    expect(res.headers.get("set-cookie")).toBe(CLEAR);
    expect(await s.events("user.session.end", mark)).toEqual([]);
  });

  it("a hint of another user: the user is asked (OIDC RP-Initiated Logout 2), confirming ends the session and then redirects", async () => {
    const hint = await idToken(bob);
    const asked = await logout({ id_token_hint: hint, post_logout_redirect_uri: SIGNED_OUT_URI, state: "s&1" });
    const fields = expectConfirmationPage(asked);
    expect(asked.text).toContain("a different user than the one signed in here");
    expect(fields).toEqual({ csrf: fields.csrf, id_token_hint: hint, post_logout_redirect_uri: SIGNED_OUT_URI, state: "s&1" });
    expect(cancelHref(asked)).toBe(`${SIGNED_OUT_URI}?state=s%261`);
    expect(await sessionRevoked(cookie)).toBeNull();

    const mark = await s.mark();
    const res = await confirm(fields);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${SIGNED_OUT_URI}?state=s%261`);
    expect(res.headers.get("set-cookie")).toBe(CLEAR);
    expect(await sessionRevoked(cookie)).not.toBeNull();
    const [event] = await s.events("user.session.end", mark);
    expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toMatchObject({ idTokenSubjectMatches: false, confirmedByUser: true, clientId: web.clientId });
  });

  describe("without a valid hint of the session's user: the session stays until the user confirms", () => {
    it("no parameters (GET or POST): the confirmation page, the session untouched, Cancel goes home", async () => {
      for (const res of [await logout({}), await logout({}, { method: "POST", headers: { Origin: ORG_URL } })]) {
        const fields = expectConfirmationPage(res);
        expect(Object.keys(fields)).toEqual(["csrf"]);
        expect(cancelHref(res)).toBe(`${ORG_URL}/`);
      }
      expect(await sessionRevoked(cookie)).toBeNull();
    });

    it("confirming with the session's token from our own page ends it: the signed-out page", async () => {
      const fields = expectConfirmationPage(await logout({}));
      const mark = await s.mark();
      expectSignedOutPage(await confirm(fields));
      expect(await sessionRevoked(cookie)).toEqual(s.f.clock.now);
      const [event, ...more] = await s.events("user.session.end", mark);
      expect(more).toEqual([]);
      expect((event!.debugContext as { debugData: Record<string, unknown> }).debugData).toEqual({
        via: "oidc_logout",
        authServerId: "default",
        clientId: null,
        idTokenSubjectMatches: null,
        confirmedByUser: true,
        postLogoutRedirectUri: null,
      });
    });

    it("a browser that sends Sec-Fetch-Site: same-origin instead of Origin may confirm", async () => {
      const fields = expectConfirmationPage(await logout({}));
      expectSignedOutPage(await confirm(fields, { "Sec-Fetch-Site": "same-origin" }));
      expect(await sessionRevoked(cookie)).not.toBeNull();
    });

    it.each<[string, (fields: Record<string, string>, other: string) => Record<string, string>, Record<string, string>]>([
      ["a forged token", (f) => ({ ...f, csrf: `${f.csrf!.slice(0, -2)}AA` }), { Origin: ORG_URL }],
      ["another session's token", (f, other) => ({ ...f, csrf: other }), { Origin: ORG_URL }],
      ["a cross-origin POST with the right token", (f) => f, { Origin: "https://evil.example.com" }],
      ["an opaque (null) Origin with the right token", (f) => f, { Origin: "null" }],
      ["a cross-site POST without Origin", (f) => f, { "Sec-Fetch-Site": "cross-site" }],
    ])("%s: refused (403), the session untouched", async (_name, change, headers) => {
      const fields = expectConfirmationPage(await logout({}));
      const otherSession = await s.signIn(bob);
      const other = expectConfirmationPage(await logout({}, { cookie: otherSession })).csrf!;
      expect(other).not.toBe(fields.csrf);
      const mark = await s.mark();
      const res = await confirm(change(fields, other), headers);
      expectErrorPage(res, "This sign-out was not confirmed on this browser&#39;s own page", 403);
      expect(res.text).toContain("<h1>Sign-out not confirmed</h1>");
      expect(await sessionRevoked(cookie)).toBeNull();
      expect(await sessionRevoked(otherSession)).toBeNull();
      expect(await s.events("user.session.end", mark)).toEqual([]);
    });

    it("a POST without the token field, or with an empty one (RFC 6749 3.1: as if omitted), is a request without a hint: the page again", async () => {
      expectConfirmationPage(await logout({ state: "x" }, { method: "POST", headers: { Origin: ORG_URL } }));
      expectConfirmationPage(await logout({ csrf: "" }, { method: "POST", headers: { Origin: ORG_URL } }));
      expect(await sessionRevoked(cookie)).toBeNull();
    });

    it("a token of a session that has since ended confirms nothing", async () => {
      const fields = expectConfirmationPage(await logout({}));
      expectSignedOutPage(await confirm(fields));
      const again = await s.signIn(alice);
      expectErrorPage(await confirm(fields, { Origin: ORG_URL }, again), "This sign-out was not confirmed", 403);
      expect(await sessionRevoked(again)).toBeNull();
    });
  });

  describe("no redirect", () => {
    it("no session and no parameters: the signed-out page (nothing to end)", async () => {
      expectSignedOutPage(await logout({}, { cookie: null }));
    });

    it("an unregistered post_logout_redirect_uri (even a prefix or a near miss): the signed-out page", async () => {
      const hint = await idToken();
      for (const uri of ["https://evil.example.com/", `${SIGNED_OUT_URI}/`, "https://web.example.com/signed-out?x=1", "https://WEB.example.com/signed-out", "https://web.example.com/cb"]) {
        const res = await logout({ id_token_hint: hint, post_logout_redirect_uri: uri, state: "s" });
        expectSignedOutPage(res);
      }
      expect(await sessionRevoked(cookie)).not.toBeNull();
    });

    it("a post_logout_redirect_uri without a hint: never a redirect; asked, then the signed-out page", async () => {
      const asked = await logout({ post_logout_redirect_uri: SIGNED_OUT_URI, state: "s" });
      const fields = expectConfirmationPage(asked);
      expect(Object.keys(fields)).toEqual(["csrf"]);
      expect(cancelHref(asked)).toBe(`${ORG_URL}/`);
      expect(await sessionRevoked(cookie)).toBeNull();
      expectSignedOutPage(await confirm({ ...fields, post_logout_redirect_uri: SIGNED_OUT_URI, state: "s" }));
      expect(await sessionRevoked(cookie)).not.toBeNull();
    });

    it("the hint's app is deactivated: no redirect", async () => {
      const other = await s.app("Logout Other", { application_type: "web", redirect_uris: ["https://o.example.com/cb"], post_logout_redirect_uris: ["https://o.example.com/out"], grant_types: ["authorization_code", "password"] });
      await s.assign(other.appId, alice.id);
      const hint = await idToken(alice, other);
      expect((await s.f.api("POST", `/api/v1/apps/${other.appId}/lifecycle/deactivate`)).status).toBe(200);
      expectSignedOutPage(await logout({ id_token_hint: hint, post_logout_redirect_uri: "https://o.example.com/out" }));
    });

    it("an invalid hint alone: the confirmation page, the session untouched", async () => {
      expectConfirmationPage(await logout({ id_token_hint: "not-a-jwt" }));
      expect(await sessionRevoked(cookie)).toBeNull();
    });
  });

  describe("an invalid hint with a post_logout_redirect_uri: a 400 error page, nothing changed", () => {
    const INVALID = "its ID token (id_token_hint) was not issued by this authorization server";

    it("a forged token (another key, the real kid)", async () => {
      const real = await idToken();
      const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
      const forged = await new SignJWT(decodeJwt(real)).setProtectedHeader({ alg: "RS256", kid: decodeProtectedHeader(real).kid! }).sign(privateKey);
      const res = await logout({ id_token_hint: forged, post_logout_redirect_uri: SIGNED_OUT_URI, state: "s" });
      expectErrorPage(res, INVALID);
      expect(await sessionRevoked(cookie)).toBeNull();
    });

    it("a tampered payload", async () => {
      const [header, , signature] = (await idToken()).split(".");
      const payload = Buffer.from(JSON.stringify({ ...decodeJwt(await idToken()), sub: bob.id })).toString("base64url");
      expectErrorPage(await logout({ id_token_hint: `${header}.${payload}.${signature}`, post_logout_redirect_uri: SIGNED_OUT_URI }), INVALID);
      expect(await sessionRevoked(cookie)).toBeNull();
    });

    it("an access token is not an ID token", async () => {
      const res = await s.token({ grant_type: "password", username: alice.login, password: alice.password, scope: "openid" }, { basic: s.basic(web) });
      expectErrorPage(await logout({ id_token_hint: res.body.access_token, post_logout_redirect_uri: SIGNED_OUT_URI }), INVALID);
    });

    it("an ID token of another authorization server", async () => {
      const server = await s.f.api("POST", "/api/v1/authorizationServers", { name: "Other AS", description: "x", audiences: ["api://other"] });
      expect(server.status, server.text).toBe(201);
      const res = await logout({ id_token_hint: await idToken(), post_logout_redirect_uri: SIGNED_OUT_URI }, { path: `/oauth2/${server.body.id}/v1/logout` });
      expectErrorPage(res, INVALID);
      expect(await sessionRevoked(cookie)).toBeNull();
    });
  });

  it("a repeated parameter: a 400 error page, nothing changed", async () => {
    const hint = await idToken();
    const res = await logout(`id_token_hint=${hint}&post_logout_redirect_uri=${encodeURIComponent(SIGNED_OUT_URI)}&state=a&state=b`);
    expectErrorPage(res, "The &#39;state&#39; parameter was given more than once.");
    expect(await sessionRevoked(cookie)).toBeNull();
  });

  it("a POST that is not a form: a 400 error page", async () => {
    const res = await s.call("POST", LOGOUT, { json: { id_token_hint: "x" }, headers: { Cookie: `sid=${cookie}` } });
    expectErrorPage(res, "Content-Type application/x-www-form-urlencoded");
    expect(await sessionRevoked(cookie)).toBeNull();
  });

  it.each([["an unknown server", "/oauth2/nope/v1/logout"]])("%s: 404 JSON like every protocol endpoint", async (_name, path) => {
    const res = await s.call("GET", `${path}?post_logout_redirect_uri=${encodeURIComponent(SIGNED_OUT_URI)}`, { headers: { Cookie: `sid=${cookie}` } });
    expect({ status: res.status, body: res.body }).toEqual({ status: 404, body: { error: "not_found", error_description: "The authorization server was not found or is not active." } });
    expect(await sessionRevoked(cookie)).toBeNull();
  });

  it("an INACTIVE server: 404", async () => {
    const server = await s.f.api("POST", "/api/v1/authorizationServers", { name: "Inactive AS", description: "x", audiences: ["api://inactive"] });
    expect((await s.f.api("POST", `/api/v1/authorizationServers/${server.body.id}/lifecycle/deactivate`)).status).toBe(204);
    s.refreshCaches();
    const res = await s.call("GET", `/oauth2/${server.body.id}/v1/logout`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/json");
  });

  it("the issuer's logout endpoint is what discovery advertises", async () => {
    const res = await s.call("GET", "/oauth2/default/.well-known/openid-configuration");
    expect(res.body.end_session_endpoint).toBe(`${ORG_URL}${LOGOUT}`);
  });
});
