import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReturnToSigninView } from "@/lib/hosted/load-signin-view";
import { safeReturnTo } from "@/lib/hosted/return-to";
import { signinFormToken } from "@/lib/hosted/hosted-form-token";
import { mintSigninCsrfToken, signinCsrfCookie } from "@/lib/hosted/signin-csrf";
import { DEFAULT_ORG_SETTINGS } from "@/lib/org-settings/org-settings-schema";
import { deriveKey } from "@/lib/crypto/derive-key";
import { createSession } from "@/lib/sessions/create-session";
import { readSession } from "@/lib/sessions/read-session";
import { SIGNIN_RATE_LIMITS } from "@/lib/signin/check-credentials";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { CookieJar, createAuthorizeFixture, type AuthorizeFixture } from "../oauth/authorize-fixture";
import type { TestUser } from "../oauth/token-fixture";

const SUBMIT = `${ORG_URL}/signin/submit`;

describe("safeReturnTo: /admin and /account paths on this origin only, else /", () => {
  it.each([
    ["/admin", "/admin"],
    ["/admin/", "/admin/"],
    ["/admin/users?status=ACTIVE#top", "/admin/users?status=ACTIVE#top"],
    ["/admin?x=1", "/admin?x=1"],
    ["/admin/../admin/apps", "/admin/apps"],
    ["/admin/..%2f..%2fevil", "/admin/..%2f..%2fevil"], // %2f is not a separator: still under /admin
    ["/account", "/account"],
    ["/account/sign-in-methods", "/account/sign-in-methods"],
  ])("%s -> %s", (value, expected) => {
    expect(safeReturnTo(value, ORG_URL)).toBe(expected);
  });

  it.each([
    null,
    "",
    "/",
    "/consent",
    "/administrator",
    "/admin-evil",
    "/accounts",
    "/account/../evil",
    "//evil.com/account",
    "//evil.com",
    "//evil.com/admin",
    "/\\evil.com",
    "/admin\\..\\..\\evil.com",
    "\\\\evil.com",
    "https://evil.com",
    "https://evil.com/admin",
    "http://idp.test/admin",
    "javascript:alert(1)",
    "/admin/../evil",
    "/admin\t//evil.com",
    "/admin\n",
    " /admin",
    "/%2f%2fevil.com",
    "/admin/" + "x".repeat(3000),
  ])("%j -> /", (value) => {
    expect(safeReturnTo(value, ORG_URL)).toBe("/");
  });
});

describe.each(testProviders())("sign-in with return_to (no authorization request) on %s", (provider) => {
  let a: AuthorizeFixture;
  let alice: TestUser;

  /** GET /signin/start like the page's redirect: the CSRF cookie and a 303 back to the page. */
  const start = async (returnTo: string, jar = new CookieJar()) => {
    const res = await a.get(`${ORG_URL}/signin/start?return_to=${encodeURIComponent(returnTo)}`, jar);
    return { res, jar, cookie: jar.cookies.get("signin_csrf") ?? "", csrf: signinFormToken(SECRETS_KEY, ORG_URL, jar.header()) ?? "" };
  };
  const view = (jar: CookieJar | null, extra: { returnTo?: string | null; error?: string | null; started?: boolean } = {}) =>
    loadReturnToSigninView({ returnTo: extra.returnTo ?? "/admin", error: extra.error ?? null, started: extra.started ?? false, cookieHeader: jar?.header() ?? null, secretsKey: SECRETS_KEY, orgUrl: ORG_URL });

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    alice = await a.user("Alice");
  });
  afterAll(() => a.f.close());

  describe("the page", () => {
    it("without the cookie: to /signin/start; after it (started=1) still none: the CSRF notice, no loop", () => {
      expect(view(null)).toEqual({ ok: false, reason: "start", startUrl: "/signin/start?return_to=%2Fadmin" });
      expect(view(null, { returnTo: "//evil.com" })).toEqual({ ok: false, reason: "start", startUrl: "/signin/start?return_to=%2F" });
      expect(view(null, { started: true })).toEqual({ ok: false, reason: "csrf" });
    });

    it("/signin/start sets an HttpOnly SameSite=Lax cookie on /signin and 303s back with the safe return_to", async () => {
      const { res, jar, csrf, cookie } = await start("/admin/users");
      expect(res.status).toBe(303);
      // the page's field binds the cookie to this browser; the cookie's value is never in the page
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(csrf).not.toBe(cookie);
      expect(res.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin%2Fusers&started=1`);
      expect(res.setCookies).toHaveLength(1);
      expect(res.setCookies[0]).toMatch(/^signin_csrf=[A-Za-z0-9_-]{32}\.[A-Za-z0-9_-]{43}; Path=\/signin; Max-Age=3600; HttpOnly; SameSite=Lax$/);
      expect(view(jar, { returnTo: "/admin/users", started: true })).toEqual({ ok: true, returnTo: "/admin/users", csrfToken: csrf, error: null });
      // a browser that has one keeps it
      const again = await start("/admin", jar);
      expect(again.res.setCookies).toEqual([]);
      expect(again.csrf).toBe(csrf);
      // an open-redirect attempt comes back as "/"
      expect((await start("https://evil.com")).res.location).toBe(`${ORG_URL}/signin?return_to=%2F&started=1`);
    });

    it("a cookie this server did not mint is not a token; errors are shown", async () => {
      const forged = new CookieJar();
      forged.cookies.set("signin_csrf", mintSigninCsrfToken(deriveKey("another-secret-another-secret-00", "secrets-at-rest")));
      expect(view(forged, { started: true })).toEqual({ ok: false, reason: "csrf" });
      const { jar } = await start("/admin");
      expect(view(jar, { error: "locked" })).toMatchObject({ ok: true, error: { kind: "locked", message: "Your account is locked. Please contact your administrator." } });
      expect(view(jar, { error: "<b>" })).toMatchObject({ ok: true, error: null });
    });
  });

  describe("POST /signin/submit without request", () => {
    it("success: a rotated session cookie and 303 to return_to on this origin", async () => {
      const { jar } = await start("/admin");
      jar.cookies.set("sid", "previous-session-cookie-value");
      const csrf = signinFormToken(SECRETS_KEY, ORG_URL, jar.header())!;
      const res = await a.post(SUBMIT, { return_to: "/admin", csrf, username: alice.login, password: alice.password }, jar);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${ORG_URL}/admin`);
      expect(res.setCookies).toHaveLength(1);
      expect(res.setCookies[0]).toMatch(/^sid=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
      const session = await readSession(a.f.db, jar.cookies.get("sid")!, a.f.clock.now);
      expect(session?.userId).toBe(alice.id);
    });

    it.each(["//evil.com", "/\\evil.com", "https://evil.com", "https://evil.com/admin", "/admin@evil.com/../..", "/signin"])("return_to %j: lands on / (never elsewhere)", async (returnTo) => {
      const { jar, csrf } = await start("/admin");
      const res = await a.post(SUBMIT, { return_to: returnTo, csrf, username: alice.login, password: alice.password }, jar);
      expect(res.status).toBe(303);
      const location = new URL(res.location!);
      expect(location.origin).toBe(ORG_URL);
      expect(location.pathname === "/" || location.pathname.startsWith("/admin")).toBe(true);
      if (!returnTo.startsWith("/admin")) expect(res.location).toBe(`${ORG_URL}/`);
    });

    it.each([
      ["a wrong password", (u: TestUser) => ({ username: u.login, password: "wrong-password-1" }), "invalid"],
      ["an unknown user", () => ({ username: "nobody@example.com", password: "whatever-1234" }), "invalid"],
      ["no password", (u: TestUser) => ({ username: u.login, password: "" }), "missing"],
    ])("%s: back to the page with error=%s, no session", async (_name, fields, error) => {
      const { jar, csrf } = await start("/admin");
      const res = await a.post(SUBMIT, { return_to: "/admin/users", csrf, ...fields(alice) }, jar);
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin%2Fusers&error=${error}`);
      expect(res.setCookies).toEqual([]);
    });

    it("a LOCKED_OUT user with the right password: error=locked; rate limits apply", async () => {
      const locked = await a.user("Locked");
      await a.f.db.user.update({ where: { id: locked.id }, data: { status: "LOCKED_OUT" } });
      const { jar, csrf } = await start("/admin");
      const res = await a.post(SUBMIT, { return_to: "/admin", csrf, username: locked.login, password: locked.password }, jar);
      expect(res.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=locked`);
      let last = "";
      for (let i = 0; i <= SIGNIN_RATE_LIMITS.perUsername; i++) last = (await a.post(SUBMIT, { return_to: "/admin", csrf, username: "flood-admin@example.com", password: `guess-${i}-xxxx` }, jar)).location!;
      expect(last).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=rate_limited`);
    });

    it("ten wrong passwords lock the user out (the same lockout as the authorize flow); the right one, in the same minute, says locked", async () => {
      const bob = await a.user("Bob");
      const { jar, csrf } = await start("/admin");
      for (let i = 0; i < DEFAULT_ORG_SETTINGS.lockoutThreshold; i++) await a.post(SUBMIT, { return_to: "/admin", csrf, username: bob.login, password: `wrong-${i}-xxxx` }, jar);
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: bob.id } })).status).toBe("LOCKED_OUT");
      // the per-username rate limit leaves room for this attempt
      const res = await a.post(SUBMIT, { return_to: "/admin", csrf, username: bob.login, password: bob.password }, jar);
      expect(res.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=locked`);
    });

    it("with a lockout threshold above the per-username budget, the attempt after the lockout still says locked", async () => {
      const threshold = SIGNIN_RATE_LIMITS.perUsername + 5;
      await a.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: { ...DEFAULT_ORG_SETTINGS, lockoutThreshold: threshold } } });
      try {
        const carl = await a.user("Carl");
        const { jar, csrf } = await start("/admin");
        for (let i = 0; i < threshold; i++) await a.post(SUBMIT, { return_to: "/admin", csrf, username: carl.login, password: `wrong-${i}-xxxx` }, jar);
        expect((await a.f.db.user.findUniqueOrThrow({ where: { id: carl.id } })).status).toBe("LOCKED_OUT");
        const res = await a.post(SUBMIT, { return_to: "/admin", csrf, username: carl.login, password: carl.password }, jar);
        expect(res.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=locked`);
      } finally {
        await a.f.db.orgSettings.update({ where: { id: "org" }, data: { settings: DEFAULT_ORG_SETTINGS } });
      }
    });

    it.each([
      ["a wrong CSRF field", (csrf: string) => ({ csrf: `${csrf}x` }), {}, false],
      ["no CSRF field", () => ({ csrf: "" }), {}, false],
      ["no cookie (another browser)", (csrf: string) => ({ csrf }), {}, true],
      ["a foreign Origin", (csrf: string) => ({ csrf }), { origin: "https://evil.example.com" }, false],
    ])("%s: 403, no session", async (_name, field, headers, dropCookie) => {
      const { jar, csrf } = await start("/admin");
      if (dropCookie) jar.cookies.delete("signin_csrf");
      const res = await a.post(SUBMIT, { return_to: "/admin", username: alice.login, password: alice.password, ...field(csrf) }, jar, headers);
      expect(res.status).toBe(403);
      expect(res.setCookies).toEqual([]);
      expect(res.text).toContain("We could not verify this request");
    });

    it("a forged cookie and field pair (not minted by this server): 403", async () => {
      const jar = new CookieJar();
      const forged = mintSigninCsrfToken(deriveKey("another-secret-another-secret-00", "secrets-at-rest"));
      jar.cookies.set("signin_csrf", forged);
      for (const csrf of [forged, signinFormToken(SECRETS_KEY, ORG_URL, `signin_csrf=${forged}`) ?? ""]) {
        const res = await a.post(SUBMIT, { return_to: "/admin", csrf, username: alice.login, password: alice.password }, jar);
        expect(res.status).toBe(403);
      }
    });

    describe("the token is bound to the browser (issue: a planted cookie from /signin/start passed)", () => {
      it("the cookie's own value as the field (the old double submit) no longer passes", async () => {
        const { jar, cookie } = await start("/admin");
        const res = await a.post(SUBMIT, { return_to: "/admin", csrf: cookie, username: alice.login, password: alice.password }, jar);
        expect(res.status).toBe(403);
      });

      it("an attacker's own valid cookie and field, planted in a victim's browser that has a session: 403, the victim's session kept", async () => {
        const attacker = await start("/admin");
        const victim = new CookieJar();
        const bob = await a.user("Bob");
        const { cookieValue: victimSid } = await createSession(a.f.db, { userId: bob.id, amr: ["pwd"], ipAddress: null, userAgent: null, now: a.f.clock.now, orgUrl: ORG_URL });
        victim.cookies.set("sid", victimSid);
        victim.cookies.set("signin_csrf", attacker.cookie);
        const res = await a.post(SUBMIT, { return_to: "/admin", csrf: attacker.csrf, username: alice.login, password: alice.password }, victim);
        expect(res.status).toBe(403);
        expect(res.setCookies).toEqual([]);
        expect(victim.cookies.get("sid")).toBe(victimSid);
        expect((await readSession(a.f.db, victimSid, a.f.clock.now))?.userId).toBe(bob.id);
      });

      it("a field made for one session does not pass with another (the browser signed in or out since)", async () => {
        const { jar, csrf } = await start("/admin");
        jar.cookies.set("sid", "b".repeat(43)); // well-formed (a malformed sid reads as none)
        expect((await a.post(SUBMIT, { return_to: "/admin", csrf, username: alice.login, password: alice.password }, jar)).status).toBe(403);
      });

      it("two signin_csrf cookies (one planted for a longer path is sent first): 403", async () => {
        const attacker = await start("/admin");
        const { jar } = await start("/admin");
        const res = await a.post(SUBMIT, { return_to: "/admin", csrf: attacker.csrf, username: alice.login, password: alice.password }, jar, {
          cookie: `signin_csrf=${attacker.cookie}; ${jar.header()}`,
        });
        expect(res.status).toBe(403);
      });

      it("a POST without Origin whose Fetch Metadata says cross-site: 403", async () => {
        const { jar, csrf } = await start("/admin");
        const body = new URLSearchParams({ return_to: "/admin", csrf, username: alice.login, password: alice.password }).toString();
        const res = await callRoute(new Request(SUBMIT, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), "sec-fetch-site": "cross-site" }, body }));
        expect(res.status).toBe(403);
      });

      it("on an https ORG_URL the cookie is __Host-signin_csrf (Secure, Path=/): a plain signin_csrf, which a sibling subdomain could set, is not read", () => {
        const token = mintSigninCsrfToken(SECRETS_KEY);
        expect(signinCsrfCookie(token, "https://idp.example.com")).toBe(`__Host-signin_csrf=${token}; Path=/; Max-Age=3600; HttpOnly; SameSite=Lax; Secure`);
        expect(signinFormToken(SECRETS_KEY, "https://idp.example.com", `signin_csrf=${token}`)).toBeNull();
        expect(signinFormToken(SECRETS_KEY, "https://idp.example.com", `__Host-signin_csrf=${token}`)).toMatch(/^[A-Za-z0-9_-]{43}$/);
      });
    });

    it("a form with a request field still goes the authorization way (unknown request: the expired page)", async () => {
      const { jar, csrf } = await start("/admin");
      const res = await a.post(SUBMIT, { request: "", return_to: "/admin", csrf, username: alice.login, password: alice.password }, jar);
      expect(res.status).toBe(400);
      expect(res.setCookies).toEqual([]);
    });
  });
});
