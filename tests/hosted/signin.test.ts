import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { pendingFormToken } from "@/lib/hosted/hosted-form-token";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { SIGNIN_ERROR_KINDS, SIGNIN_MESSAGES } from "@/lib/hosted/signin-messages";
import { SIGNIN_RATE_LIMITS } from "@/lib/signin/check-credentials";
import { readSession } from "@/lib/sessions/read-session";
import { APP_SECRET, ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

const SUBMIT = `${ORG_URL}/signin/submit`;
const KEY = deriveKey(APP_SECRET, "secrets-at-rest");

describe.each(testProviders())("hosted sign-in on %s", (provider) => {
  let a: AuthorizeFixture;
  let spa: TestApp;
  let alice: TestUser;

  const start = async (extra: Record<string, string> = {}, jar = new CookieJar()) => {
    const res = await a.authorize(
      { client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "s", code_challenge: CHALLENGE, code_challenge_method: "S256", ...extra },
      { jar },
    );
    expect(res.status).toBe(302);
    const id = requestIdOf(res.location!);
    const cookie = jar.cookies.get(`authz_${id}`)!;
    return { jar, id, cookie, csrf: pendingFormToken(KEY, { id, csrfHash: hashToken(cookie) }, jar.header())!, location: res.location! };
  };
  const view = (id: string, jar: CookieJar | null, error: string | null = null) => loadSigninView(a.f.db, { requestId: id, error, cookieHeader: jar?.header() ?? null, secretsKey: KEY, now: a.f.clock.now });

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    spa = await a.app("Spa Portal", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], logo_uri: "https://cdn.example.com/logo.png" }, { token_endpoint_auth_method: "none" });
    alice = await a.user("Alice");
    await a.assign(spa.appId, alice.id);
  });
  afterAll(() => a.f.close());

  describe("the page's data", () => {
    it("shows the app, pre-fills login_hint, and carries the browser's CSRF token", async () => {
      const { jar, id, csrf, cookie } = await start({ login_hint: "someone@example.com" });
      // the field binds the request's cookie to this browser; the cookie's value is never in the page
      expect(csrf).not.toBe(cookie);
      expect(await view(id, jar)).toEqual({ ok: true, requestId: id, appLabel: "Spa Portal", logoUri: "https://cdn.example.com/logo.png", username: "someone@example.com", csrfToken: csrf, error: null });
    });

    it.each(SIGNIN_ERROR_KINDS.map((kind) => [kind, SIGNIN_MESSAGES.en[`error.${kind}`]]))("error=%s: %s", async (kind, message) => {
      const { jar, id } = await start();
      expect(await view(id, jar, kind)).toMatchObject({ ok: true, error: { kind, message } });
    });

    it("an unknown error value shows nothing; an unknown or expired request is 'expired'; another browser is 'csrf'", async () => {
      const { jar, id } = await start();
      expect(await view(id, jar, "<script>")).toMatchObject({ ok: true, error: null });
      expect(await view("ftxNoSuchRequest0000", jar)).toEqual({ ok: false, reason: "expired" });
      expect(await view(id, new CookieJar())).toEqual({ ok: false, reason: "csrf" });
      a.f.clock.advance(10 * 60_000);
      expect(await view(id, jar)).toEqual({ ok: false, reason: "expired" });
    });
  });

  describe("POST /signin/submit", () => {
    it("success: 303 (not 307) to resume with the session cookie; the previous session is rotated out", async () => {
      const jar = await a.browserFor(alice, spa);
      const oldSid = jar.cookies.get("sid")!;
      const { id, csrf } = await start({ prompt: "login" }, jar);
      const res = await a.post(SUBMIT, { request: id, csrf, username: alice.login, password: alice.password }, jar);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${ORG_URL}/oauth2/default/v1/authorize/resume?request=${id}`);
      expect(res.setCookies).toHaveLength(1);
      expect(res.setCookies[0]).toMatch(/^sid=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
      expect(jar.cookies.get("sid")).not.toBe(oldSid);
      expect(await readSession(a.f.db, oldSid, a.f.clock.now)).toBeNull();
      const done = await a.get(res.location!, jar);
      expect(responseParams(done.location!).code).toBeTruthy();
    });

    it.each([
      ["a wrong password", (u: TestUser) => ({ username: u.login, password: "wrong-password-1" }), "invalid"],
      ["an unknown user (same answer)", () => ({ username: "nobody@example.com", password: "whatever-1234" }), "invalid"],
      ["no password", (u: TestUser) => ({ username: u.login, password: "" }), "missing"],
    ])("%s: 303 back to the page with error=%s, username kept", async (_name, fields, error) => {
      const { jar, id, csrf } = await start();
      const form = fields(alice);
      const res = await a.post(SUBMIT, { request: id, csrf, ...form }, jar);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${ORG_URL}/signin?request=${id}&error=${error}`);
      expect(res.setCookies).toEqual([]);
      expect(await view(id, jar, error)).toMatchObject({ ok: true, username: form.username });
    });

    it("a STAGED user cannot sign in: the generic error", async () => {
      const staged = await a.user("Staged", { activate: false });
      const { jar, id, csrf } = await start();
      const res = await a.post(SUBMIT, { request: id, csrf, username: staged.login, password: staged.password }, jar);
      expect(res.location).toBe(`${ORG_URL}/signin?request=${id}&error=invalid`);
    });

    it("a LOCKED_OUT user with the right password: error=locked", async () => {
      const locked = await a.user("Locked");
      await a.f.db.user.update({ where: { id: locked.id }, data: { status: "LOCKED_OUT" } });
      const { jar, id, csrf } = await start();
      const res = await a.post(SUBMIT, { request: id, csrf, username: locked.login, password: locked.password }, jar);
      expect(res.location).toBe(`${ORG_URL}/signin?request=${id}&error=locked`);
    });

    it("too many attempts for one username: error=rate_limited", async () => {
      const { jar, id, csrf } = await start();
      let last = "";
      for (let i = 0; i <= SIGNIN_RATE_LIMITS.perUsername; i++) last = (await a.post(SUBMIT, { request: id, csrf, username: "flood@example.com", password: `guess-${i}-xxxx` }, jar)).location!;
      expect(last).toBe(`${ORG_URL}/signin?request=${id}&error=rate_limited`);
    });

    it.each([
      ["a wrong CSRF field", (csrf: string) => ({ csrf: `${csrf}x` }), {}, false],
      ["no CSRF field", () => ({ csrf: "" }), {}, false],
      ["no request cookie (another browser)", (csrf: string) => ({ csrf }), {}, true],
      ["a foreign Origin", (csrf: string) => ({ csrf }), { origin: "https://evil.example.com" }, false],
    ])("%s: 403, no session", async (_name, field, headers, dropCookie) => {
      const { jar, id, csrf } = await start();
      if (dropCookie) jar.cookies.delete(`authz_${id}`);
      const res = await a.post(SUBMIT, { request: id, username: alice.login, password: alice.password, ...field(csrf) }, jar, headers);
      expect(res.status).toBe(403);
      expect(res.setCookies).toEqual([]);
      expect(res.text).toContain("We could not verify this request");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    });

    describe("the field is bound to the request and the browser's session (a planted pair does not pass)", () => {
      it("an attacker's own valid cookie/field pair from another pending request is refused for the victim's request", async () => {
        const victim = await start();
        const attacker = await start();
        // the victim's cookie with the attacker's field; the attacker's cookie planted as the victim's request's cookie
        const planted = new CookieJar();
        planted.cookies.set(`authz_${victim.id}`, attacker.cookie);
        for (const [jar, csrf] of [[victim.jar, attacker.csrf], [planted, attacker.csrf], [victim.jar, victim.cookie]] as const) {
          const res = await a.post(SUBMIT, { request: victim.id, csrf, username: alice.login, password: alice.password }, jar);
          expect(res.status).toBe(403);
          expect(res.setCookies).toEqual([]);
        }
        // the victim's own pair still works
        expect((await a.post(SUBMIT, { request: victim.id, csrf: victim.csrf, username: alice.login, password: alice.password }, victim.jar)).status).toBe(303);
      });

      it("the attacker's pair for their own request, planted in a browser with a session, is refused (no login CSRF over a session)", async () => {
        const attacker = await start();
        const victim = await a.browserFor(alice, spa);
        const sid = victim.cookies.get("sid")!;
        victim.cookies.set(`authz_${attacker.id}`, attacker.cookie);
        const res = await a.post(SUBMIT, { request: attacker.id, csrf: attacker.csrf, username: alice.login, password: alice.password }, victim);
        expect(res.status).toBe(403);
        expect(victim.cookies.get("sid")).toBe(sid);
      });

      it("a POST without Origin is judged by Fetch Metadata: cross-site refused, same-origin accepted", async () => {
        const post = async (site: string) => {
          const { jar, id, csrf } = await start();
          const body = new URLSearchParams({ request: id, csrf, username: alice.login, password: alice.password }).toString();
          return callRoute(new Request(SUBMIT, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), "sec-fetch-site": site }, body }));
        };
        expect((await post("cross-site")).status).toBe(403);
        expect((await post("same-site")).status).toBe(403);
        expect((await post("same-origin")).status).toBe(303);
      });
    });

    it("an expired request: the friendly page", async () => {
      const { jar, id, csrf } = await start();
      a.f.clock.advance(10 * 60_000 + 1);
      const res = await a.post(SUBMIT, { request: id, csrf, username: alice.login, password: alice.password }, jar);
      expect(res.status).toBe(400);
      expect(res.text).toContain("Go back to the application and sign in again.");
    });

    it("resume from another browser (no request cookie): 403", async () => {
      const { id } = await start();
      const res = await a.get(`${ORG_URL}/oauth2/default/v1/authorize/resume?request=${id}`, new CookieJar());
      expect(res.status).toBe(403);
    });
  });
});
