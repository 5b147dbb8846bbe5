import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/lib/crypto/hash-token";
import { signinFormToken } from "@/lib/hosted/hosted-form-token";
import { loadRegisterView, loadVerifyEmailView, readRegisterErrors, registrationOffered } from "@/lib/hosted/registration-pages";
import { safeRecoveryNext } from "@/lib/hosted/recovery-urls";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { pruneExpiredRegistrations } from "@/lib/registration/prune-expired-registrations";
import { REGISTRATION_RATE_LIMITS } from "@/lib/registration/register-user";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { CookieJar, createAuthorizeFixture, type AuthorizeFixture } from "../oauth/authorize-fixture";

const PASSWORD = "correct-horse-battery";
const SENT = `${ORG_URL}/signin/register?return_to=%2F&sent=1`;

describe("registration form errors in the query", () => {
  it.each([
    ["email.invalid,firstName.blank", { fields: { email: "invalid", firstName: "blank" }, password: [] }],
    ["lastName.tooLong,TOO_SHORT", { fields: { lastName: "tooLong" }, password: ["TOO_SHORT"] }],
    ["rate_limited", { fields: {}, password: ["rate_limited"] }],
    ["email.<script>,nonsense,mismatch", { fields: {}, password: ["mismatch"] }],
    [null, { fields: {}, password: [] }],
  ])("%j", (value, expected) => {
    expect(readRegisterErrors(value)).toEqual(expected);
  });

  it.each([
    ["/signin/register?return_to=%2F", true],
    ["/signin/verify-email/abc_DEF-123", true],
    ["/signin/verify-email/a/b", false],
    ["/signin/registered", false],
  ])("/signin/begin may return to %j: %s", (value, ok) => {
    expect(safeRecoveryNext(value)).toBe(ok ? value : null);
  });
});

describe.each(testProviders())("self-service registration on %s", (provider) => {
  let a: AuthorizeFixture;
  let ip = 0;
  let groupId = "";
  const app = () => ({ db: a.f.db, orgUrl: ORG_URL, secretsKey: SECRETS_KEY, now: () => a.f.clock.now });
  const mails = (to: string) => listMailMessages(a.f.db, { to });
  const csrfOf = (jar: CookieJar) => signinFormToken(SECRETS_KEY, ORG_URL, jar.header()) ?? "";
  const nextIp = () => `198.51.100.${(++ip % 250) + 1}`;
  async function browser(next = "/signin/register?return_to=%2F"): Promise<CookieJar> {
    const jar = new CookieJar();
    await a.get(`${ORG_URL}/signin/begin?next=${encodeURIComponent(next)}`, jar);
    return jar;
  }
  const person = (email: string, extra: Record<string, string> = {}) => ({ email, firstName: "Ada", lastName: "Lovelace", password: PASSWORD, confirm: PASSWORD, ...extra });
  function register(jar: CookieJar, form: Record<string, string>, from = nextIp()) {
    a.f.clock.advance(1000); // a second apart, so "the newest email" is one
    return a.post(`${ORG_URL}/signin/register/submit`, { return_to: "/", csrf: csrfOf(jar), ...form }, jar, { "x-forwarded-for": from });
  }
  const verify = (jar: CookieJar, token: string, password = PASSWORD, from = nextIp()) =>
    a.post(`${ORG_URL}/signin/verify-email/submit`, { token, csrf: csrfOf(jar), return_to: "/", password }, jar, { "x-forwarded-for": from });
  async function linkToken(to: string): Promise<string> {
    const [newest] = await mails(to);
    expect(newest?.template).toBe("email-verification");
    const match = new RegExp(`${ORG_URL}/signin/verify-email/([A-Za-z0-9_-]{43})`).exec(newest?.textBody ?? "");
    expect(match, newest?.textBody).not.toBeNull();
    return match![1]!;
  }
  const verifyView = (token: string, jar: CookieJar | null, error: string | null = null) => loadVerifyEmailView(app(), { token, fromUri: null, started: false, error, cookieHeader: jar?.header() ?? null });
  const settings = (body: Record<string, unknown>) => a.f.api("POST", "/api/v1/org/settings", body);
  const userOf = (login: string) => a.f.db.user.findUnique({ where: { loginLower: login.toLowerCase() } });

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
  });
  afterAll(() => a.f.close());

  it("is off by default: no link on the sign-in page, the pages are not found, a post is 404 and creates nothing", async () => {
    expect(await registrationOffered(a.f.db)).toBe(false);
    const jar = await browser();
    const input = { request: null, hasRequest: false, returnTo: "/", started: true, sent: false, error: null, values: {}, cookieHeader: jar.header() };
    expect(await loadRegisterView(app(), input)).toEqual({ ok: false, reason: "disabled" });
    expect(await verifyView("x".repeat(43), jar)).toEqual({ ok: false, reason: "disabled" });
    const res = await register(jar, person("off@example.com"));
    expect(res.status).toBe(404);
    expect(res.text).toContain("Page not found");
    expect(await userOf("off@example.com")).toBeNull();
    expect(await mails("off@example.com")).toEqual([]);
  });

  it("the admin turns it on (Org Settings API); the settings are validated", async () => {
    const group = await a.f.api("POST", "/api/v1/groups", { profile: { name: "Self-registered" } });
    groupId = group.body.id;
    const bad = await settings({ registrationDefaultGroupIds: ["not-a-group"] });
    expect(bad.status).toBe(400);
    expect(bad.body.errorCauses).toEqual([{ errorSummary: "registrationDefaultGroupIds: Must be an array of at most 20 distinct ids (00g...)." }]);
    const res = await settings({ selfServiceRegistration: true, registrationProfileAttributes: ["mobilePhone"], registrationDefaultGroupIds: [groupId], registrationsPerMinute: 1000 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ selfServiceRegistration: true, registrationProfileAttributes: ["mobilePhone"], registrationDefaultGroupIds: [groupId], registrationLinkLifetimeMinutes: 1440, registrationsPerMinute: 1000 });
    expect(await registrationOffered(a.f.db)).toBe(true);
  });

  it("the page asks for email, names, the chosen attribute and a password, bound to the sign-in CSRF cookie", async () => {
    const input = { request: null, hasRequest: false, returnTo: "/admin", started: false, sent: false, error: null, values: {}, cookieHeader: null };
    expect(await loadRegisterView(app(), input)).toEqual({ ok: false, reason: "start", url: "/signin/begin?next=%2Fsignin%2Fregister%3Freturn_to%3D%252Fadmin" });
    const jar = await browser();
    const view = await loadRegisterView(app(), { ...input, returnTo: "/", started: true, error: "firstName.invalid,TOO_SHORT", values: { email: "x@example.com", title: "ignored" }, cookieHeader: jar.header() });
    expect(view).toEqual({
      ok: true,
      fields: { return_to: "/" },
      csrfToken: csrfOf(jar),
      sent: false,
      minutes: 1440,
      required: ["email", "firstName", "lastName"],
      optional: ["mobilePhone"],
      values: { email: "x@example.com" },
      errors: { fields: { firstName: "invalid" }, password: ["TOO_SHORT"] },
      signinHref: "/signin?return_to=%2F",
    });
  });

  it("registers a new address: 'check your email', a PROVISIONED user holding only the token's hash, the verification email, user.lifecycle.create", async () => {
    const jar = await browser();
    const res = await register(jar, person("ada@example.com", { mobilePhone: "+44 20 7946 0000" }));
    expect({ status: res.status, location: res.location, cookies: res.setCookies }).toEqual({ status: 303, location: SENT, cookies: [] });
    const user = await userOf("ada@example.com");
    expect(user).toMatchObject({ status: "PROVISIONED", activated: null, email: "ada@example.com", profile: { login: "ada@example.com", email: "ada@example.com", firstName: "Ada", lastName: "Lovelace", mobilePhone: "+44 20 7946 0000" } });
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const token = await linkToken("ada@example.com");
    const rows = await a.f.db.userToken.findMany({ where: { userId: user!.id } });
    expect(rows).toEqual([expect.objectContaining({ tokenHash: hashToken(token), kind: "EMAIL_VERIFY", consumed: null, expiresAt: new Date(a.f.clock.now.getTime() + 1440 * 60_000) })]);
    const [event] = await readLogEvents(a.f.db, { where: { eventType: "user.lifecycle.create" }, orderBy: { published: "desc" } });
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: { id: user!.id, type: "User" }, debugContext: { debugData: { via: "self_service_registration", status: "PROVISIONED", replaced: false } } });
    // a PROVISIONED user cannot sign in before verifying
    expect((await a.f.db.user.findUniqueOrThrow({ where: { id: user!.id } })).status).toBe("PROVISIONED");
  });

  it("no account enumeration: a taken address gets the same answer; the account is untouched, its owner gets the account-exists notice, a SKIPPED event", async () => {
    const taken = await a.user("Taken");
    const before = await a.f.db.user.findUniqueOrThrow({ where: { id: taken.id } });
    const jar = await browser();
    const fresh = await register(jar, person("fresh@example.com"));
    const existing = await register(jar, person(taken.login));
    for (const res of [fresh, existing]) expect({ status: res.status, location: res.location, cookies: res.setCookies, text: res.text }).toEqual({ status: 303, location: SENT, cookies: [], text: fresh.text });
    expect(await a.f.db.user.findUniqueOrThrow({ where: { id: taken.id } })).toEqual(before);
    const notices = await mails(before.email);
    expect(notices.map((mail) => [mail.template, mail.subject])).toEqual([["account-exists", "Someone tried to sign up for Identity Provider with your email address"]]);
    expect(notices[0]!.textBody).toContain(`Sign in:\n${ORG_URL}/signin\n`);
    expect(notices[0]!.textBody).not.toContain("verify-email");
    expect(await a.f.db.userToken.count({ where: { userId: taken.id } })).toBe(0);
    const [event] = await readLogEvents(a.f.db, { where: { eventType: "user.lifecycle.create", outcomeResult: "SKIPPED" } });
    expect(event).toMatchObject({ outcomeReason: "the address is taken (its owner is told)", target: [{ id: taken.id }] });
  });

  it("refuses bad input with the reasons and writes nothing: CR/LF in a name or the address (header injection), a malformed address, the password policy, a mismatch", async () => {
    const jar = await browser();
    const cases: Array<[Record<string, string>, string]> = [
      [person("inject1@example.com", { firstName: "Ada\r\nBcc: victim@example.com" }), "firstName.invalid"],
      [person("inject2@example.com\r\nBcc: victim@example.com"), "email.invalid"],
      [person("not-an-address"), "email.invalid"],
      [person("inject3@example.com", { lastName: "" }), "lastName.blank"],
      [person("inject4@example.com", { password: "short", confirm: "short" }), "TOO_SHORT"],
      [person("inject5@example.com", { password: "inject5@example.com!", confirm: "inject5@example.com!" }), "CONTAINS_USERNAME"],
      [person("inject6@example.com", { confirm: "something-else-1" }), "mismatch"],
    ];
    for (const [form, error] of cases) {
      const res = await register(jar, form);
      expect(res.status).toBe(303);
      const location = new URL(res.location!);
      expect(location.pathname).toBe("/signin/register");
      expect(location.searchParams.get("error")).toBe(error);
      expect(location.searchParams.has("password")).toBe(false);
      expect(location.searchParams.has("confirm")).toBe(false);
    }
    expect(await a.f.db.user.count({ where: { emailLower: { startsWith: "inject" } } })).toBe(0);
    expect(await a.f.db.mailMessage.count({ where: { toAddress: { contains: "victim" } } })).toBe(0);
  });

  it("refuses a post without this browser's CSRF field or from another origin (403, nothing written)", async () => {
    const jar = await browser();
    const forged = await a.post(`${ORG_URL}/signin/register/submit`, { return_to: "/", csrf: "forged", ...person("csrf@example.com") }, jar);
    expect(forged.status).toBe(403);
    const crossSite = await a.post(`${ORG_URL}/signin/register/submit`, { return_to: "/", csrf: csrfOf(jar), ...person("csrf@example.com") }, jar, { origin: "https://evil.example" });
    expect(crossSite.status).toBe(403);
    expect(await userOf("csrf@example.com")).toBeNull();
  });

  it("the link: the page shows the login; a wrong password leaves it usable; the password activates, joins the default group, logs, and signs in; then it is used", async () => {
    const jar = await browser();
    await register(jar, person("grace@example.com"));
    const token = await linkToken("grace@example.com");
    const user = (await userOf("grace@example.com"))!;
    expect(await verifyView(token, null)).toEqual({ ok: false, reason: "start", url: `/signin/begin?next=${encodeURIComponent(`/signin/verify-email/${token}`)}` });
    expect(await verifyView(token, jar)).toEqual({ ok: true, token, login: "grace@example.com", csrfToken: csrfOf(jar), returnTo: "/", wrongPassword: false, errors: [] });
    const wrong = await verify(jar, token, "not-the-password");
    expect(wrong.location).toBe(`${ORG_URL}/signin/verify-email/${token}?error=wrong_password`);
    expect((await verifyView(token, jar, "wrong_password")).ok && (await verifyView(token, jar, "wrong_password"))).toMatchObject({ wrongPassword: true });
    expect((await userOf("grace@example.com"))!.status).toBe("PROVISIONED");

    const since = a.f.clock.now;
    const done = await verify(jar, token);
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${ORG_URL}/`);
    expect(jar.cookies.get("sid")).toBeTruthy();
    const after = (await userOf("grace@example.com"))!;
    expect(after).toMatchObject({ status: "ACTIVE", activated: since, statusChanged: since });
    expect(await a.f.db.groupMembership.findMany({ where: { userId: user.id }, select: { groupId: true } })).toEqual([{ groupId }]);
    const events = await readLogEvents(a.f.db, { where: { published: { gte: since } }, orderBy: { published: "asc" } });
    const mine = events.filter((event) => event.actor.id === user.id).map((event) => [event.eventType, event.outcomeResult]);
    expect(mine).toEqual(expect.arrayContaining([["user.account.verify_email", "SUCCESS"], ["user.lifecycle.activate", "SUCCESS"], ["group.user_membership.add", "SUCCESS"]]));

    expect(await verifyView(token, jar)).toEqual({ ok: false, reason: "link", refusal: "used" });
    const again = await verify(new CookieJar(), token);
    expect(again.status).toBe(403);
    const replay = await verify(jar, token);
    expect(replay.location).toBe(`${ORG_URL}/signin/verify-email/${token}`);
    // the same address again: taken now (its owner is told, no new link)
    expect((await register(jar, person("grace@example.com"))).location).toBe(SENT);
    expect((await mails("grace@example.com")).map((mail) => mail.template)).toEqual(["account-exists", "email-verification"]);
  });

  it("a registration of an unverified address replaces it: the old link stops working, the new one carries the new password", async () => {
    const jar = await browser();
    await register(jar, person("hopper@example.com"));
    const first = await linkToken("hopper@example.com");
    await register(jar, person("hopper@example.com", { firstName: "Grace", password: "another-password-2", confirm: "another-password-2" }));
    const second = await linkToken("hopper@example.com");
    expect(second).not.toBe(first);
    expect(await verifyView(first, jar)).toEqual({ ok: false, reason: "link", refusal: "invalid" });
    expect((await verify(jar, second)).location).toBe(`${ORG_URL}/signin/verify-email/${second}?error=wrong_password`);
    expect((await verify(jar, second, "another-password-2")).location).toBe(`${ORG_URL}/`);
    expect((await userOf("hopper@example.com"))!.profile).toMatchObject({ firstName: "Grace" });
  });

  it("a link expires; housekeeping then removes the registration (the address is free again) with an event", async () => {
    const jar = await browser();
    await register(jar, person("late@example.com"));
    const token = await linkToken("late@example.com");
    const user = (await userOf("late@example.com"))!;
    a.f.clock.advance(1440 * 60_000 + 1);
    expect(await verifyView(token, jar)).toEqual({ ok: false, reason: "link", refusal: "expired" });
    expect((await verify(jar, token)).location).toBe(`${ORG_URL}/signin/verify-email/${token}`);
    expect((await userOf("late@example.com"))!.status).toBe("PROVISIONED");
    const active = await a.user("Kept");
    expect(await pruneExpiredRegistrations(a.f.db, a.f.clock.now)).toBeGreaterThanOrEqual(1);
    expect(await userOf("late@example.com")).toBeNull();
    expect(await a.f.db.user.findUnique({ where: { id: active.id } })).not.toBeNull();
    const [event] = await readLogEvents(a.f.db, { where: { eventType: "user.lifecycle.delete.completed" }, orderBy: { published: "desc" } });
    expect(event).toMatchObject({ actor: { id: "system", type: "SystemPrincipal" }, target: [{ id: user.id }] });
  });

  it("rate limits: per address (alike for a taken one), per IP, and the org-wide cap per minute", async () => {
    const jar = await browser();
    const locations: Array<string | null> = [];
    for (let i = 0; i <= REGISTRATION_RATE_LIMITS.perAddress; i++) locations.push((await register(jar, person("spam@example.com"))).location);
    expect(locations.slice(0, -1)).toEqual(Array(REGISTRATION_RATE_LIMITS.perAddress).fill(SENT));
    expect(new URL(locations.at(-1)!).searchParams.get("error")).toBe("rate_limited");
    expect(await mails("spam@example.com")).toHaveLength(REGISTRATION_RATE_LIMITS.perAddress);

    const from = "192.0.2.77";
    const byIp: Array<string | null> = [];
    for (let i = 0; i <= REGISTRATION_RATE_LIMITS.perIp; i++) byIp.push(new URL((await register(jar, person(`ip${i}@example.com`), from)).location!).searchParams.get("error"));
    expect(byIp.filter((error) => error === "rate_limited")).toHaveLength(1);
    expect(byIp.at(-1)).toBe("rate_limited");

    a.f.clock.advance(60_000);
    await settings({ registrationsPerMinute: 2 });
    const global = [];
    for (let i = 0; i < 3; i++) global.push(new URL((await register(jar, person(`cap${i}@example.com`))).location!).searchParams.get("error"));
    expect(global).toEqual([null, null, "rate_limited"]);
    await settings({ registrationsPerMinute: 1000 });
  });

  it("no password or token in the System Log or the outbox's metadata", async () => {
    const events = JSON.stringify(await readLogEvents(a.f.db, {}));
    expect(events).not.toContain(PASSWORD);
    expect(events).not.toContain("another-password-2");
    const tokens = (await a.f.db.mailMessage.findMany({ where: { template: "email-verification" }, select: { textBody: true } })).flatMap((mail) => /verify-email\/([A-Za-z0-9_-]{43})/.exec(mail.textBody ?? "")?.[1] ?? []);
    expect(tokens.length).toBeGreaterThan(0);
    for (const token of tokens) expect(events).not.toContain(token);
  });
});
