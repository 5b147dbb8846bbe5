import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { accountFormToken } from "@/lib/account/account-csrf";
import { loadAccountView } from "@/lib/account/load-account-view";
import { grantConsent } from "@/lib/consents/grant-consent";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { readSession } from "@/lib/sessions/read-session";
import { verifyPassword } from "@/lib/passwords/verify-password";
import { callRoute } from "../support/call-route";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { CookieJar, createAuthorizeFixture, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

let ipCounter = 0;
const freshIp = () => ({ "X-Forwarded-For": `198.51.100.${++ipCounter % 250}` });
const sidOf = (jar: CookieJar) => jar.cookies.get("sid")!;

/**
 * Issue 17 item 5: My Account (/account) for a signed-in user: profile, password, email change,
 * sessions, apps (consents) and sign-in methods, each form CSRF-checked and scoped to the user.
 * Both databases.
 */
describe.each(testProviders())("My Account on %s", (provider) => {
  let a: AuthorizeFixture;
  let web: TestApp;
  let pat: TestUser;
  let sam: TestUser;

  const submit = (page: string, form: Record<string, string>, jar: CookieJar, headers: Record<string, string> = {}) =>
    a.post(`${ORG_URL}/account/${page}/submit`, { csrf: accountFormToken(SECRETS_KEY, sidOf(jar)), ...form }, jar, { ...freshIp(), ...headers });
  const view = <P extends Parameters<typeof loadAccountView>[2]>(page: P, jar: CookieJar | null, query: Record<string, string> = {}) =>
    loadAccountView(getAppContext(), { cookieHeader: jar?.header() ?? null, acceptLanguage: null, query: (name) => query[name] ?? null }, page);
  const user = (id: string) => a.f.db.user.findUniqueOrThrow({ where: { id } });
  const introspect = async (token: string) => {
    const body = new URLSearchParams({ token, token_type_hint: "refresh_token" }).toString();
    const basic = Buffer.from(`${web.clientId}:${web.clientSecret}`).toString("base64");
    const res = await callRoute(new Request(`${ISSUER}/v1/introspect`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", authorization: `Basic ${basic}`, accept: "application/json" }, body }));
    return (await res.json()).active as boolean;
  };
  /** A refresh token of `who` for the web app (a code exchanged at /token, offline_access). */
  const refreshTokenFor = async (who: TestUser) => {
    const code = await a.code({ clientId: web.clientId, userId: who.id, scopes: ["openid", "offline_access"] });
    const res = await a.token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI }, { basic: a.basic(web) });
    expect(res.status, res.text).toBe(200);
    return (res.body as { refresh_token: string }).refresh_token;
  };

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    web = await a.app("Web Portal", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] });
    pat = await a.user("Pat");
    sam = await a.user("Sam");
    await a.assign(web.appId, pat.id);
    await a.assign(web.appId, sam.id);
  });
  afterAll(() => a.f.close());

  it("without a session: every page sends the browser to the hosted sign-in, back to the page; a post does too, changing nothing", async () => {
    expect(await view("profile", null)).toEqual({ kind: "signin", url: "/signin?return_to=%2Faccount" });
    expect(await view("methods", new CookieJar())).toEqual({ kind: "signin", url: "/signin?return_to=%2Faccount%2Fsign-in-methods" });
    const res = await a.post(`${ORG_URL}/account/password/submit`, { csrf: "x", current: pat.password, password: "Another-Long-Secret-1", confirm: "Another-Long-Secret-1" }, new CookieJar());
    expect({ status: res.status, location: res.location }).toEqual({ status: 303, location: `${ORG_URL}/signin?return_to=%2Faccount%2Fpassword` });
    expect(await verifyPassword((await user(pat.id)).passwordHash!, pat.password)).toMatchObject({ ok: true });
  });

  it("CSRF: a missing or foreign field, or another origin, is refused with 403 and nothing changes", async () => {
    const jar = await a.browserFor(pat, web);
    const other = await a.browserFor(sam, web);
    const before = (await user(pat.id)).profile;
    const forms: Array<[Record<string, string>, Record<string, string>]> = [
      [{ csrf: "" }, {}],
      [{ csrf: accountFormToken(SECRETS_KEY, sidOf(other)) }, {}],
      [{}, { origin: "https://evil.example" }],
    ];
    for (const [override, headers] of forms) {
      const res = await submit("profile", { firstName: "Mallory", ...override }, jar, headers);
      expect(res.status).toBe(403);
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
    expect((await user(pat.id)).profile).toEqual(before);
  });

  it("profile: the org's editable attributes only, the Users API's rules, logged with the user as actor", async () => {
    const jar = await a.browserFor(pat, web);
    const mark = await a.mark();
    const saved = await submit("profile", { firstName: " Patricia ", displayName: "Pat P.", nickName: "ignored", email: "evil@example.com" }, jar);
    expect({ status: saved.status, location: saved.location }).toEqual({ status: 303, location: `${ORG_URL}/account?done=saved` });
    const profile = (await user(pat.id)).profile as Record<string, unknown>;
    expect(profile).toMatchObject({ firstName: "Patricia", displayName: "Pat P.", email: pat.login });
    expect(profile.nickName).toBeUndefined();
    const [event, ...more] = await a.events("user.account.update_profile", mark);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: expect.objectContaining({ id: pat.id }) });

    const blank = await submit("profile", { firstName: "Patricia", lastName: "  " }, jar);
    expect(blank.location).toBe(`${ORG_URL}/account?error=invalid&fields=lastName%3Ablank`);
    const again = await submit("profile", { firstName: "Patricia" }, jar);
    expect(again.location).toBe(`${ORG_URL}/account?done=unchanged`);

    expect((await a.f.api("POST", "/api/v1/org/settings", { selfServiceProfileAttributes: ["firstName", "timezone"] })).status).toBe(200);
    const zone = await submit("profile", { timezone: "Mars/Olympus", lastName: "Changed" }, jar);
    expect(zone.location).toBe(`${ORG_URL}/account?error=invalid&fields=timezone%3Ainvalid`);
    const page = await view("profile", jar, { error: "invalid", fields: "timezone:invalid" });
    expect(page.kind === "page" && page.data.fields.map((field) => [field.name, field.problem])).toEqual([
      ["firstName", null],
      ["timezone", "This value is not in the expected format."],
    ]);
    expect(page.kind === "page" && page.frame.notice).toEqual({ tone: "error", text: "Your profile was not saved. Correct the fields marked below." });
    expect((await user(pat.id)).profile).toMatchObject({ lastName: "Tester" });
    await a.f.api("POST", "/api/v1/org/settings", { selfServiceProfileAttributes: ["firstName", "lastName", "displayName"] });
  });

  it("password: a wrong current password is refused and counted toward the lockout; mismatch and policy refused without an attempt", async () => {
    const jar = await a.browserFor(pat, web);
    const mark = await a.mark();
    const wrong = await submit("password", { current: "not-my-password", password: "Brand-New-Secret-42", confirm: "Brand-New-Secret-42" }, jar);
    expect(wrong.location).toBe(`${ORG_URL}/account/password?error=wrong`);
    expect((await user(pat.id)).failedAttempts).toBe(1);
    const [failure] = await a.events("user.account.update_password", mark);
    expect(failure).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: "INVALID_CREDENTIALS: the current password was not confirmed" });
    expect((await submit("password", { current: pat.password, password: "Brand-New-Secret-42", confirm: "Brand-New-Secret-43" }, jar)).location).toBe(`${ORG_URL}/account/password?error=mismatch`);
    expect((await submit("password", { current: pat.password, password: "short", confirm: "short" }, jar)).location).toBe(`${ORG_URL}/account/password?error=policy`);
    expect((await submit("password", { current: "", password: "x", confirm: "x" }, jar)).location).toBe(`${ORG_URL}/account/password?error=missing`);
    expect((await user(pat.id)).failedAttempts).toBe(1);
    expect(await verifyPassword((await user(pat.id)).passwordHash!, pat.password)).toMatchObject({ ok: true });
  });

  it("password: changed with the current one; other sessions end, refresh tokens inactive, this session stays, the email queued, no password in any log", async () => {
    const jar = await a.browserFor(sam, web);
    const elsewhere = await a.browserFor(sam, web);
    const refreshToken = await refreshTokenFor(sam);
    expect(await introspect(refreshToken)).toBe(true);
    const mark = await a.mark();
    const next = "Brand-New-Secret-42";
    const res = await submit("password", { current: sam.password, password: next, confirm: next }, jar);
    expect({ status: res.status, location: res.location }).toEqual({ status: 303, location: `${ORG_URL}/account/password?done=changedEverywhere` });
    expect(await verifyPassword((await user(sam.id)).passwordHash!, next)).toMatchObject({ ok: true });
    const oldPassword = sam.password;
    sam = { ...sam, password: next };
    expect(await readSession(a.f.db, sidOf(jar), a.f.clock.now)).not.toBeNull();
    expect(await readSession(a.f.db, sidOf(elsewhere), a.f.clock.now)).toBeNull();
    expect(await introspect(refreshToken)).toBe(false);
    const [mail, ...moreMail] = await listMailMessages(a.f.db, { to: sam.login });
    expect(moreMail).toEqual([]);
    expect(mail).toMatchObject({ template: "password-changed", userId: sam.id, status: "QUEUED" });
    const [event] = await a.events("user.account.update_password", mark);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: expect.objectContaining({ id: sam.id }) });
    const logged = JSON.stringify(await a.f.db.systemLogEvent.findMany({}), (_key, value) => (typeof value === "bigint" ? String(value) : value));
    expect(logged).not.toContain(next);
    expect(logged).not.toContain(oldPassword);
  });

  it("sessions: end another of one's own sessions, or all others; another user's session id changes nothing", async () => {
    const jar = await a.browserFor(pat, web);
    const second = await a.browserFor(pat, web);
    const third = await a.browserFor(pat, web);
    const samJar = await a.browserFor(sam, web);
    const samSession = (await readSession(a.f.db, sidOf(samJar), a.f.clock.now))!;
    const foreign = await submit("sessions", { action: "end", session: samSession.id }, jar);
    expect(foreign.location).toBe(`${ORG_URL}/account/sessions?error=gone`);
    expect(await readSession(a.f.db, sidOf(samJar), a.f.clock.now)).not.toBeNull();

    const secondSession = (await readSession(a.f.db, sidOf(second), a.f.clock.now))!;
    const listed = await view("sessions", jar);
    expect(listed.kind === "page" && listed.data.sessions.filter((session) => session.current).length).toBe(1);
    expect(listed.kind === "page" && listed.data.sessions.some((session) => session.id === secondSession.id)).toBe(true);
    const ended = await submit("sessions", { action: "end", session: secondSession.id }, jar);
    expect(ended.location).toBe(`${ORG_URL}/account/sessions?done=ended`);
    expect(await readSession(a.f.db, sidOf(second), a.f.clock.now)).toBeNull();

    const others = await submit("sessions", { action: "end-others" }, jar);
    expect(others.location).toMatch(new RegExp(`^${ORG_URL}/account/sessions\\?done=endedOthers&count=[1-9]\\d*$`));
    expect(await readSession(a.f.db, sidOf(third), a.f.clock.now)).toBeNull();
    expect(await readSession(a.f.db, sidOf(jar), a.f.clock.now)).not.toBeNull();

    const signOut = await submit("sessions", { action: "end", session: (await readSession(a.f.db, sidOf(jar), a.f.clock.now))!.id }, jar);
    expect(signOut.location).toBe(`${ORG_URL}/`);
    expect(jar.cookies.has("sid")).toBe(false);
  });

  it("apps: the consents with their scopes in plain words; revoking one ends its refresh tokens; another user's consent is not touched", async () => {
    const jar = await a.browserFor(pat, web);
    await grantConsent(a.f.db, { userId: pat.id, clientId: web.clientId, authServerId: "default", scopes: ["openid", "email"], now: a.f.clock.now });
    await grantConsent(a.f.db, { userId: sam.id, clientId: web.clientId, authServerId: "default", scopes: ["openid"], now: a.f.clock.now });
    const patToken = await refreshTokenFor(pat);
    const samToken = await refreshTokenFor(sam);
    const listed = await view("apps", jar);
    expect(listed.kind === "page" && listed.data.apps.map((app) => [app.appLabel, app.scopeTexts])).toEqual([["Web Portal", ["See your email address", "Sign you in"]]]);

    const unknown = await submit("apps", { client: "0oaNotConsented0000", server: "default", label: "x" }, jar);
    expect(unknown.location).toBe(`${ORG_URL}/account/apps?error=gone`);
    const mark = await a.mark();
    const revoked = await submit("apps", { client: web.clientId, server: "default", label: "Web Portal" }, jar);
    expect(revoked.location).toBe(`${ORG_URL}/account/apps?done=revoked`);
    expect(await introspect(patToken)).toBe(false);
    expect(await introspect(samToken)).toBe(true);
    expect(await a.f.db.consentGrant.count({ where: { userId: pat.id } })).toBe(0);
    expect(await a.f.db.consentGrant.count({ where: { userId: sam.id } })).toBe(1);
    const [event] = await a.events("app.oauth2.as.consent.revoke", mark);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: expect.objectContaining({ id: pat.id }) });
    const again = await submit("apps", { client: web.clientId, server: "default", label: "Web Portal" }, jar);
    expect(again.location).toBe(`${ORG_URL}/account/apps?error=gone`);
  });

  it("sign-in methods: listed; removal refused while the sign-on policy needs the last factor; after 5 minutes the password is asked again; another user's factor refused", async () => {
    const enrolled = await a.f.api("POST", `/api/v1/users/${pat.id}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.status, enrolled.text).toBe(200);
    const secret = enrolled.body._embedded.activation.sharedSecret as string;
    const activated = await a.f.api("POST", `/api/v1/users/${pat.id}/factors/${enrolled.body.id}/lifecycle/activate`, { passCode: await generateTotpCode(secret, a.f.clock.now) });
    expect(activated.status, activated.text).toBe(200);
    const samFactor = await a.f.api("POST", `/api/v1/users/${sam.id}/factors`, { factorType: "token:software:totp", provider: "GOOGLE" });
    const jar = await a.browserFor(pat, web);
    const listed = await view("methods", jar);
    expect(listed.kind === "page" && listed.data.factors.map((factor) => [factor.id, factor.name, factor.active])).toEqual([[enrolled.body.id, "Authenticator app (Google Authenticator)", true]]);
    expect(listed.kind === "page" && listed.data.reauth).toBeNull();

    expect((await submit("sign-in-methods", { factor: samFactor.body.id }, jar)).location).toBe(`${ORG_URL}/account/sign-in-methods?error=gone`);
    expect(await a.f.db.userFactor.count({ where: { id: samFactor.body.id } })).toBe(1);

    const [policy] = (await a.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await a.f.api("POST", `/api/v1/policies/${policy.id}/rules`, {
      type: "SIGN_ON",
      name: "Factor for everyone",
      conditions: { network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "SESSION", factorLifetime: 15 } },
    });
    expect(rule.status, rule.text).toBe(200);
    const refused = await submit("sign-in-methods", { factor: enrolled.body.id }, jar);
    expect(refused.location).toBe(`${ORG_URL}/account/sign-in-methods?error=last-required-factor`);
    expect(await a.f.db.userFactor.count({ where: { id: enrolled.body.id } })).toBe(1);
    expect((await a.f.api("DELETE", `/api/v1/policies/${policy.id}/rules/${rule.body.id}`)).status).toBe(204);

    a.f.clock.advance(6 * 60_000);
    const stale = await view("methods", jar);
    expect(stale.kind === "page" && stale.data.reauth).toBe("For your security, confirm with your password: you signed in more than 5 minutes ago.");
    expect((await submit("sign-in-methods", { factor: enrolled.body.id }, jar)).location).toBe(`${ORG_URL}/account/sign-in-methods?error=reauth`);
    expect((await submit("sign-in-methods", { factor: enrolled.body.id, password: "wrong-password" }, jar)).location).toBe(`${ORG_URL}/account/sign-in-methods?error=reauth`);
    expect((await user(pat.id)).failedAttempts).toBeGreaterThan(0);
    const mark = await a.mark();
    const removed = await submit("sign-in-methods", { factor: enrolled.body.id, password: pat.password }, jar);
    expect(removed.location).toBe(`${ORG_URL}/account/sign-in-methods?done=removed`);
    expect(await a.f.db.userFactor.count({ where: { id: enrolled.body.id } })).toBe(0);
    const [event] = await a.events("user.mfa.factor.deactivate", mark);
    expect(event).toMatchObject({ outcomeResult: "SUCCESS", actor: expect.objectContaining({ id: pat.id }) });
  });

  it("email: validated; a valid new address gets a confirmation link, the stored address stays until it is confirmed (tests/account/email-change.test.ts)", async () => {
    const jar = await a.browserFor(pat, web);
    expect((await submit("email", { email: "not-an-address" }, jar)).location).toBe(`${ORG_URL}/account/email?error=invalid`);
    expect((await submit("email", { email: pat.login.toUpperCase() }, jar)).location).toBe(`${ORG_URL}/account/email?error=same`);
    expect(await listMailMessages(a.f.db, { to: pat.login.toUpperCase() })).toEqual([]);
    expect((await submit("email", { email: "pat.new@example.com" }, jar)).location).toBe(`${ORG_URL}/account/email?done=sent`);
    expect((await user(pat.id)).email).toBe(pat.login);
    expect((await listMailMessages(a.f.db, { to: "pat.new@example.com" })).map((mail) => mail.template)).toEqual(["email-change"]);
  });

  it("the pages speak the browser's language (Accept-Language), English by default", async () => {
    const jar = await a.browserFor(pat, web);
    const de = await loadAccountView(getAppContext(), { cookieHeader: jar.header(), acceptLanguage: "de-CH, fr;q=0.5", query: () => null }, "password");
    expect(de.kind === "page" && [de.frame.title, de.frame.locale]).toEqual(["Passwort ändern", "de"]);
    const fr = await loadAccountView(getAppContext(), { cookieHeader: jar.header(), acceptLanguage: "fr", query: (name) => (name === "done" ? "changed" : null) }, "password");
    expect(fr.kind === "page" && fr.frame.notice).toEqual({ tone: "success", text: "Votre mot de passe a été changé." });
  });

  it("the language: the user's profile locale, then Accept-Language, then the org default (negotiateOrgLocale)", async () => {
    const jar = await a.browserFor(sam, web);
    const locale = async (acceptLanguage: string | null) => {
      const page = await loadAccountView(getAppContext(), { cookieHeader: jar.header(), acceptLanguage, query: () => null }, "password");
      return page.kind === "page" ? [page.frame.locale, page.frame.title] : page.kind;
    };
    expect(await locale("es")).toEqual(["en", "Change password"]);
    await a.f.api("POST", "/api/v1/org/settings", { defaultLocale: "fr" });
    try {
      expect(await locale("es")).toEqual(["fr", "Changer le mot de passe"]);
      expect(await locale(null)).toEqual(["fr", "Changer le mot de passe"]);
      expect(await locale("de")).toEqual(["de", "Passwort ändern"]);
      const profile = (await user(sam.id)).profile as Record<string, string>;
      await a.f.db.user.update({ where: { id: sam.id }, data: { profile: { ...profile, locale: "de_CH" } } });
      expect(await locale("fr")).toEqual(["de", "Passwort ändern"]);
      await a.f.db.user.update({ where: { id: sam.id }, data: { profile: { ...profile, locale: "ja_JP" } } });
      expect(await locale("es")).toEqual(["fr", "Changer le mot de passe"]);
      await a.f.db.user.update({ where: { id: sam.id }, data: { profile } });
    } finally {
      await a.f.api("POST", "/api/v1/org/settings", { defaultLocale: "en" });
    }
  });
});
