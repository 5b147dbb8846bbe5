import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/hash-token";
import { signinFormToken } from "@/lib/hosted/hosted-form-token";
import { loadExpiredPasswordView, loadForgotPasswordView, loadTokenPageView } from "@/lib/hosted/load-recovery-views";
import { safeRecoveryNext } from "@/lib/hosted/recovery-urls";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { createSession } from "@/lib/sessions/create-session";
import { readSession } from "@/lib/sessions/read-session";
import { SIGNIN_RATE_LIMITS } from "@/lib/signin/check-credentials";
import { RECOVERY_RATE_LIMITS } from "@/lib/user-tokens/request-password-recovery";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { CookieJar, createAuthorizeFixture, type Answer, type AuthorizeFixture } from "../oauth/authorize-fixture";
import type { TestUser } from "../oauth/token-fixture";

const HOUR = 60 * 60_000;

describe("safeRecoveryNext: only the account pages on this origin", () => {
  it.each([
    ["/signin/forgot-password", true],
    ["/signin/forgot-password?return_to=%2Fadmin", true],
    ["/signin/reset-password/abc_DEF-123", true],
    ["/signin/welcome/abc?fromURI=%2Fadmin", true],
    ["/signin/expired-password?request=ftx1&username=a%40b.c", true],
    ["//evil.com/signin/forgot-password", false],
    ["https://evil.com/signin/forgot-password", false],
    ["/signin/reset-password/../../admin", false],
    ["/signin/reset-password/a/b", false],
    ["/signin/welcome/", false],
    ["/signin", false],
    ["/admin", false],
    ["/signin/forgot-password\\evil", false],
    ["/signin/forgot-password?x=1\n", false],
    [null, false],
  ])("%j -> %s", (value, ok) => {
    expect(safeRecoveryNext(value)).toBe(ok ? value : null);
  });
});

describe.each(testProviders())("account pages (forgot password, reset link, welcome, expired password) on %s", (provider) => {
  let a: AuthorizeFixture;
  let counter = 0;
  const app = () => ({ db: a.f.db, orgUrl: ORG_URL, secretsKey: SECRETS_KEY, now: () => a.f.clock.now });
  const mails = (to: string) => listMailMessages(a.f.db, { to });
  const csrfOf = (jar: CookieJar) => signinFormToken(SECRETS_KEY, ORG_URL, jar.header()) ?? "";
  /** A browser holding the sign-in CSRF cookie, from GET /signin/begin. */
  async function browser(next = "/signin/forgot-password"): Promise<{ jar: CookieJar; res: Answer }> {
    const jar = new CookieJar();
    const res = await a.get(`${ORG_URL}/signin/begin?next=${encodeURIComponent(next)}`, jar);
    return { jar, res };
  }
  async function linkToken(to: string, path: "welcome" | "signin/reset-password"): Promise<string> {
    const [newest] = await mails(to);
    const match = new RegExp(`${ORG_URL}/${path}/([A-Za-z0-9_-]{43})`).exec(newest?.textBody ?? "");
    expect(match, newest?.textBody).not.toBeNull();
    return match![1]!;
  }
  const forgot = (jar: CookieJar, username: string, fields: Record<string, string> = { return_to: "/" }, ip = `203.0.113.${++counter % 250}`) =>
    a.post(`${ORG_URL}/signin/forgot-password/submit`, { ...fields, csrf: csrfOf(jar), username }, jar, { "x-forwarded-for": ip });
  const tokenView = (kind: "RECOVERY" | "ACTIVATION", token: string, jar: CookieJar | null, extra: { fromUri?: string | null; error?: string | null; started?: boolean } = {}) =>
    loadTokenPageView(app(), { kind, token, fromUri: extra.fromUri ?? null, started: extra.started ?? false, error: extra.error ?? null, cookieHeader: jar?.header() ?? null });

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
  });
  afterAll(() => a.f.close());

  describe("Forgot password?", () => {
    it("the page without the CSRF cookie goes through /signin/begin, which sets it and comes back with started=1; a foreign next is refused", async () => {
      const input = { request: null, hasRequest: false, returnTo: "/admin", started: false, sent: false, error: null, cookieHeader: null };
      const start = await loadForgotPasswordView(app(), input);
      expect(start).toEqual({ ok: false, reason: "start", url: "/signin/begin?next=%2Fsignin%2Fforgot-password%3Freturn_to%3D%252Fadmin" });
      expect(await loadForgotPasswordView(app(), { ...input, started: true })).toEqual({ ok: false, reason: "csrf" });
      const { jar, res } = await browser("/signin/forgot-password?return_to=%2Fadmin");
      expect(res.status).toBe(303);
      expect(res.location).toBe(`${ORG_URL}/signin/forgot-password?return_to=%2Fadmin&started=1`);
      expect(res.setCookies[0]).toMatch(/^signin_csrf=[A-Za-z0-9_.-]+; Path=\/signin; Max-Age=3600; HttpOnly; SameSite=Lax$/);
      expect(await loadForgotPasswordView(app(), { ...input, started: true, cookieHeader: jar.header() })).toEqual({
        ok: true,
        fields: { return_to: "/admin" },
        csrfToken: csrfOf(jar),
        sent: false,
        minutes: 60,
        errors: [],
        signinHref: "/signin?return_to=%2Fadmin",
      });
      const evil = await a.get(`${ORG_URL}/signin/begin?next=${encodeURIComponent("https://evil.com/")}`, new CookieJar());
      expect(evil.status).toBe(403);
      expect(evil.location).toBeNull();
    });

    it("a known user, an unknown username and a STAGED user: the same 303 to the 'check your email' page; only the user gets the email", async () => {
      const { jar } = await browser();
      const ann = await a.user("Ann");
      const staged = await a.user("Stella", { activate: false });
      const answers = [await forgot(jar, ann.login), await forgot(jar, "nobody@example.com"), await forgot(jar, staged.login)];
      for (const res of answers) {
        expect({ status: res.status, location: res.location, cookies: res.setCookies }).toEqual({ status: 303, location: `${ORG_URL}/signin/forgot-password?return_to=%2F&sent=1`, cookies: [] });
      }
      expect((await mails(ann.login))[0]).toMatchObject({ template: "password-reset", userId: ann.id });
      expect(await mails("nobody@example.com")).toEqual([]);
      expect(await mails(staged.login)).toEqual([]);
    });

    it("refuses a post without this browser's CSRF field or from another origin (403, nothing sent); an empty username and too many requests come back to the form", async () => {
      const ben = await a.user("Ben");
      const { jar } = await browser();
      const noCsrf = await a.post(`${ORG_URL}/signin/forgot-password/submit`, { return_to: "/", csrf: "forged", username: ben.login }, jar);
      expect(noCsrf.status).toBe(403);
      const crossSite = await a.post(`${ORG_URL}/signin/forgot-password/submit`, { return_to: "/", csrf: csrfOf(jar), username: ben.login }, jar, { origin: "https://evil.example" });
      expect(crossSite.status).toBe(403);
      expect(await mails(ben.login)).toEqual([]);
      expect((await forgot(jar, "  ")).location).toBe(`${ORG_URL}/signin/forgot-password?return_to=%2F&error=username_missing`);
      const statuses = [];
      for (let i = 0; i <= RECOVERY_RATE_LIMITS.perUsername; i++) statuses.push((await forgot(jar, "spam-target@example.com")).location);
      expect(statuses.at(-1)).toBe(`${ORG_URL}/signin/forgot-password?return_to=%2F&error=rate_limited`);
    });

    it("keeps an authorization request: back to its sign-in page, the form bound to the request's cookie", async () => {
      const { jar } = await browser();
      const view = await loadForgotPasswordView(app(), { request: "ftxNoSuchRequest0000", hasRequest: true, returnTo: null, started: false, sent: false, error: null, cookieHeader: jar.header() });
      expect(view).toEqual({ ok: false, reason: "expired" });
    });
  });

  describe("the reset link", () => {
    async function linkFor(user: TestUser): Promise<{ jar: CookieJar; token: string }> {
      const { jar } = await browser();
      await forgot(jar, user.login);
      return { jar, token: await linkToken(user.login, "signin/reset-password") };
    }
    const submit = (jar: CookieJar, token: string, password: string, confirm = password) => a.post(`${ORG_URL}/signin/reset-password/submit`, { token, csrf: csrfOf(jar), return_to: "/", password, confirm }, jar);

    it("shows the form; mismatch and the policy come back with the reasons and change nothing; the right password signs in, ends the other sessions and emails a notice", async () => {
      const cal = await a.user("Cal");
      const otherSid = (await createSession(a.f.db, { userId: cal.id, amr: ["pwd"], ipAddress: "203.0.113.9", userAgent: "other", now: a.f.clock.now, orgUrl: ORG_URL })).cookieValue;
      const { jar, token } = await linkFor(cal);
      expect(await tokenView("RECOVERY", token, jar)).toEqual({ ok: true, kind: "RECOVERY", token, login: cal.login, profileLocale: null, csrfToken: csrfOf(jar), returnTo: "/", errors: [] });
      const before = await a.f.db.user.findUniqueOrThrow({ where: { id: cal.id } });

      const mismatch = await submit(jar, token, "One-password-1", "Other-password-2");
      expect(mismatch.location).toBe(`${ORG_URL}/signin/reset-password/${token}?error=mismatch`);
      const short = await submit(jar, token, "short");
      expect(short.location).toBe(`${ORG_URL}/signin/reset-password/${token}?error=TOO_SHORT`);
      expect(await tokenView("RECOVERY", token, jar, { error: "TOO_SHORT,<script>" })).toMatchObject({ ok: true, errors: ["TOO_SHORT"] });
      expect((await submit(jar, token, cal.password)).location).toBe(`${ORG_URL}/signin/reset-password/${token}?error=unchanged`);
      expect(await a.f.db.user.findUniqueOrThrow({ where: { id: cal.id } })).toEqual(before);

      const done = await submit(jar, token, "Brand-new-password-1");
      expect(done.status).toBe(303);
      expect(done.location).toBe(`${ORG_URL}/`);
      const sid = jar.cookies.get("sid");
      expect((await readSession(a.f.db, sid!, a.f.clock.now))?.userId).toBe(cal.id);
      expect(await readSession(a.f.db, otherSid, a.f.clock.now)).toBeNull();
      expect((await mails(cal.login)).map((mail) => mail.template)).toContain("password-changed");
      // used: the page says so, and a second post changes nothing
      expect(await tokenView("RECOVERY", token, jar)).toEqual({ ok: false, reason: "link", refusal: "used", kind: "RECOVERY" });
      const again = await submit(jar, token, "Another-password-2");
      expect(again.location).toBe(`${ORG_URL}/signin/reset-password/${token}`);
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: cal.id } })).passwordChanged).toEqual(a.f.clock.now);
    });

    it("expired, forged and foreign (activation) tokens: the link's notice, nothing changed", async () => {
      const dee = await a.user("Dee");
      const { jar, token } = await linkFor(dee);
      expect(await tokenView("RECOVERY", "not-a-token", jar)).toEqual({ ok: false, reason: "link", refusal: "invalid", kind: "RECOVERY" });
      expect(await tokenView("ACTIVATION", token, jar)).toEqual({ ok: false, reason: "link", refusal: "invalid", kind: "ACTIVATION" });
      expect((await a.post(`${ORG_URL}/signin/welcome/submit`, { token, csrf: csrfOf(jar), return_to: "/", password: "Whatever-pass-1", confirm: "Whatever-pass-1" }, jar)).location).toBe(`${ORG_URL}/signin/welcome/${token}`);
      a.f.clock.advance(HOUR);
      expect(await tokenView("RECOVERY", token, jar)).toEqual({ ok: false, reason: "link", refusal: "expired", kind: "RECOVERY" });
      expect((await submit(jar, token, "Too-late-password-1")).location).toBe(`${ORG_URL}/signin/reset-password/${token}`);
      const row = await a.f.db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
      expect(row.consumed).toBeNull();
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: dee.id } })).status).toBe("ACTIVE");
    });

    it("a browser without the CSRF cookie is sent through /signin/begin first; a post without it is refused", async () => {
      const eli = await a.user("Eli");
      const { token } = await linkFor(eli);
      expect(await tokenView("RECOVERY", token, null)).toEqual({ ok: false, reason: "start", url: `/signin/begin?next=${encodeURIComponent(`/signin/reset-password/${token}`)}` });
      expect(await tokenView("RECOVERY", token, null, { started: true })).toEqual({ ok: false, reason: "csrf" });
      const stranger = new CookieJar();
      expect((await submit(stranger, token, "Stranger-password-1")).status).toBe(403);
      expect((await a.f.db.userToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } })).consumed).toBeNull();
    });
  });

  describe("the welcome (activation) link", () => {
    it("/welcome/{token}?fromURI=/admin -> the welcome page with the CSRF cookie; setting the password activates, signs in and lands on fromURI", async () => {
      const login = `fred.${++counter}@example.com`;
      const created = await a.f.api("POST", "/api/v1/users?activate=true", { profile: { firstName: "Fred", lastName: "Tester", email: login, login, locale: "fr_FR" } });
      expect(created.body.status).toBe("PROVISIONED");
      expect((await mails(login))[0]?.locale).toBe("fr");
      const token = await linkToken(login, "welcome");
      const jar = new CookieJar();
      const opened = await a.get(`${ORG_URL}/welcome/${token}?fromURI=${encodeURIComponent("/admin")}`, jar);
      expect(opened.status).toBe(303);
      expect(opened.location).toBe(`${ORG_URL}/signin/welcome/${token}?fromURI=%2Fadmin&started=1`);
      expect(await tokenView("ACTIVATION", token, jar, { fromUri: "/admin", started: true })).toEqual({ ok: true, kind: "ACTIVATION", token, login, profileLocale: "fr_FR", csrfToken: csrfOf(jar), returnTo: "/admin", errors: [] });
      const weak = await a.post(`${ORG_URL}/signin/welcome/submit`, { token, csrf: csrfOf(jar), return_to: "/admin", password: "fred", confirm: "fred" }, jar);
      expect(weak.location).toBe(`${ORG_URL}/signin/welcome/${token}?fromURI=%2Fadmin&error=TOO_SHORT`);
      const done = await a.post(`${ORG_URL}/signin/welcome/submit`, { token, csrf: csrfOf(jar), return_to: "/admin", password: "Welcome-aboard-1", confirm: "Welcome-aboard-1" }, jar);
      expect(done.status).toBe(303);
      expect(done.location).toBe(`${ORG_URL}/admin`);
      const user = await a.f.db.user.findUniqueOrThrow({ where: { id: created.body.id } });
      expect(user).toMatchObject({ status: "ACTIVE", activated: a.f.clock.now, passwordChanged: a.f.clock.now });
      expect((await readSession(a.f.db, jar.cookies.get("sid")!, a.f.clock.now))?.userId).toBe(user.id);
      expect(await tokenView("ACTIVATION", token, jar)).toEqual({ ok: false, reason: "link", refusal: "used", kind: "ACTIVATION" });
      // a foreign fromURI never leaves the origin
      expect((await a.get(`${ORG_URL}/welcome/${token}?fromURI=${encodeURIComponent("https://evil.com")}`, new CookieJar())).location).toBe(`${ORG_URL}/signin/welcome/${token}?fromURI=https%3A%2F%2Fevil.com&started=1`);
      expect(await tokenView("ACTIVATION", token, jar, { fromUri: "https://evil.com" })).toMatchObject({ refusal: "used" });
    });
  });

  describe("the welcome link with an MFA enrollment policy", () => {
    it("a REQUIRED factor: after the password the existing factor step enrolls it before any session starts", async () => {
      const group = await a.f.api("POST", "/api/v1/groups", { profile: { name: `Enrollers ${++counter}` } });
      expect(group.status, group.text).toBe(200);
      const policy = await a.f.api("POST", "/api/v1/policies", {
        type: "MFA_ENROLL",
        name: `TOTP for enrollers ${counter}`,
        conditions: { people: { groups: { include: [group.body.id] } } },
        settings: { type: "FACTORS", factors: { google_otp: { enroll: { self: "REQUIRED" } } } },
      });
      expect(policy.status, policy.text).toBe(200);
      const rule = await a.f.api("POST", `/api/v1/policies/${policy.body.id}/rules`, { name: "Enroll at sign-in", actions: { enroll: { self: "LOGIN" } } });
      expect(rule.status, rule.text).toBe(200);
      a.refreshCaches();
      try {
        const login = `hana.${counter}@example.com`;
        const created = await a.f.api("POST", "/api/v1/users?activate=true", { profile: { firstName: "Hana", lastName: "Tester", email: login, login }, groupIds: [group.body.id] });
        expect(created.status, created.text).toBe(200);
        const token = await linkToken(login, "welcome");
        const jar = new CookieJar();
        await a.get(`${ORG_URL}/welcome/${token}`, jar);
        const done = await a.post(`${ORG_URL}/signin/welcome/submit`, { token, csrf: csrfOf(jar), return_to: "/", password: "Enroll-me-first-1", confirm: "Enroll-me-first-1" }, jar);
        expect(done.status).toBe(303);
        expect(done.location).toBe(`${ORG_URL}/signin/factor?return_to=%2F`);
        expect(jar.cookies.has("signin_mfa")).toBe(true);
        expect(jar.cookies.has("sid")).toBe(false);
        expect((await a.f.db.user.findUniqueOrThrow({ where: { id: created.body.id } })).status).toBe("ACTIVE");
      } finally {
        await a.f.api("DELETE", `/api/v1/policies/${policy.body.id}`);
        a.refreshCaches();
      }
    });
  });

  describe("the expired password step", () => {
    it("the sign-in sends an expired password's owner to the step; the current password again, the new one twice; then signed in at return_to", async () => {
      const gus = await a.user("Gus");
      expect((await a.f.api("POST", `/api/v1/users/${gus.id}/lifecycle/expire_password`)).status).toBe(200);
      const jar = new CookieJar();
      await a.get(`${ORG_URL}/signin/start?return_to=%2Fadmin`, jar);
      const signin = await a.post(`${ORG_URL}/signin/submit`, { return_to: "/admin", csrf: csrfOf(jar), username: gus.login, password: gus.password }, jar);
      expect(signin.status).toBe(303);
      expect(signin.location).toBe(`${ORG_URL}/signin/expired-password?return_to=%2Fadmin&username=${encodeURIComponent(gus.login)}`);
      expect(jar.cookies.has("sid")).toBe(false);
      const view = await loadExpiredPasswordView(app(), { request: null, hasRequest: false, returnTo: "/admin", username: gus.login, started: false, error: null, cookieHeader: jar.header() });
      expect(view).toEqual({ ok: true, fields: { return_to: "/admin" }, csrfToken: csrfOf(jar), username: gus.login, errors: [], signinHref: "/signin?return_to=%2Fadmin" });
      const post = (current: string, password: string, confirm = password) =>
        a.post(`${ORG_URL}/signin/expired-password/submit`, { return_to: "/admin", csrf: csrfOf(jar), username: gus.login, current_password: current, password, confirm }, jar);
      const back = (error: string) => `${ORG_URL}/signin/expired-password?return_to=%2Fadmin&username=${encodeURIComponent(gus.login)}&error=${error}`;
      expect((await post("Wrong-current-1", "Next-password-1")).location).toBe(back("wrong"));
      expect((await post(gus.password, "Next-password-1", "Next-password-2")).location).toBe(back("mismatch"));
      expect((await post(gus.password, gus.password)).location).toBe(back("unchanged"));
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: gus.id } })).status).toBe("PASSWORD_EXPIRED");
      const done = await post(gus.password, "Next-password-1");
      expect(done.location).toBe(`${ORG_URL}/admin`);
      expect((await readSession(a.f.db, jar.cookies.get("sid")!, a.f.clock.now))?.userId).toBe(gus.id);
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: gus.id } })).status).toBe("ACTIVE");
      expect((await mails(gus.login)).map((mail) => mail.template)).toContain("password-changed");
    });

    it("the current password goes through the sign-in's one check (checkCredentials): the same per-username budget as /signin/submit, then rate_limited even when right", async () => {
      const hal = await a.user("Hal");
      expect((await a.f.api("POST", `/api/v1/users/${hal.id}/lifecycle/expire_password`)).status).toBe(200);
      const jar = new CookieJar();
      await a.get(`${ORG_URL}/signin/start?return_to=%2Fadmin`, jar);
      const ip = () => ({ "x-forwarded-for": `198.51.100.${++counter % 250}` });
      const signin = (password: string) => a.post(`${ORG_URL}/signin/submit`, { return_to: "/admin", csrf: csrfOf(jar), username: hal.login, password }, jar, ip());
      const post = (current: string) =>
        a.post(`${ORG_URL}/signin/expired-password/submit`, { return_to: "/admin", csrf: csrfOf(jar), username: hal.login, current_password: current, password: "Next-password-1", confirm: "Next-password-1" }, jar, ip());
      const back = (error: string) => `${ORG_URL}/signin/expired-password?return_to=%2Fadmin&username=${encodeURIComponent(hal.login)}&error=${error}`;
      for (let i = 0; i < SIGNIN_RATE_LIMITS.perUsername - 2; i++) expect((await signin(`Wrong-${i}`)).status).toBe(303);
      expect((await post("Wrong-current-1")).location).toBe(back("wrong"));
      expect((await post("Wrong-current-2")).location).toBe(back("wrong"));
      // the budget is the sign-in's: spent by both forms together, the right password is refused too
      expect((await post(hal.password)).location).toBe(back("rate_limited"));
      expect((await signin(hal.password)).location).not.toMatch(/expired-password\?/);
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: hal.id } })).status).toBe("PASSWORD_EXPIRED");
      a.f.clock.advance(SIGNIN_RATE_LIMITS.windowSeconds * 1000 + 1000);
      expect((await post(hal.password)).location).toBe(`${ORG_URL}/admin`);
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: hal.id } })).status).toBe("ACTIVE");
    });
  });
});
