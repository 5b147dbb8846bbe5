import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { accountFormToken } from "@/lib/account/account-csrf";
import { loadEmailVerifyView } from "@/lib/account/confirm-email";
import { listMailMessages } from "@/lib/mail/list-mail-messages";
import { EMAIL_CHANGE_RATE_LIMITS } from "@/lib/user-tokens/request-email-change";
import { EMAIL_CHANGE_TOKEN_LIFETIME_MS } from "@/lib/user-tokens/user-token-kinds";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { CookieJar, createAuthorizeFixture, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

let ipCounter = 0;
const freshIp = () => ({ "X-Forwarded-For": `203.0.113.${++ipCounter % 250}` });
const csrfOf = (jar: CookieJar) => accountFormToken(SECRETS_KEY, jar.cookies.get("sid")!);
const VERIFY_LINK = new RegExp(`${ORG_URL.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/account/email/verify\\?token=([A-Za-z0-9_-]{43})`);

/**
 * Issue 17 item 5: changing the email address on My Account, proven by a link to the new address
 * (an EMAIL_CHANGE user token) and confirmed by a form post of the signed-in owner. Both databases.
 */
describe.each(testProviders())("My Account email change on %s", (provider) => {
  let a: AuthorizeFixture;
  let web: TestApp;
  let counter = 0;

  const signedIn = async (name: string): Promise<{ who: TestUser; jar: CookieJar }> => {
    const who = await a.user(`${name}${++counter}`);
    await a.assign(web.appId, who.id);
    return { who, jar: await a.browserFor(who, web) };
  };
  const request = (jar: CookieJar, email: string, form: Record<string, string> = {}) => a.post(`${ORG_URL}/account/email/submit`, { csrf: csrfOf(jar), email, ...form }, jar, freshIp());
  const confirm = (jar: CookieJar, token: string, form: Record<string, string> = {}, headers: Record<string, string> = {}) =>
    a.post(`${ORG_URL}/account/email/verify/confirm`, { csrf: csrfOf(jar), token, ...form }, jar, { ...freshIp(), ...headers });
  const view = (jar: CookieJar | null, token: string | null) => loadEmailVerifyView(getAppContext(), { cookieHeader: jar?.header() ?? null, acceptLanguage: null, token });
  const stored = (id: string) => a.f.db.user.findUniqueOrThrow({ where: { id } });
  /** Asks for a change to `email`, returning the token of the link mailed to that address. */
  const linkFor = async (jar: CookieJar, email: string): Promise<string> => {
    const res = await request(jar, email);
    expect({ status: res.status, location: res.location }).toEqual({ status: 303, location: `${ORG_URL}/account/email?done=sent` });
    const [mail] = await listMailMessages(a.f.db, { to: email, limit: 1 });
    expect(mail).toMatchObject({ template: "email-change", toAddress: email });
    const token = VERIFY_LINK.exec(mail!.textBody)?.[1];
    expect(token).toBeDefined();
    return token!;
  };
  const unchanged = async (who: TestUser) => {
    const row = await stored(who.id);
    expect([row.email, (row.profile as Record<string, unknown>).email, row.login]).toEqual([who.login, who.login, who.login]);
  };

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    web = await a.app("Web Portal", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] });
  });
  afterAll(() => a.f.close());

  it("request -> link to the new address -> the page changes nothing -> confirm: email changed, login kept, old address told, logged; a second confirm is refused", async () => {
    const { who, jar } = await signedIn("Pat");
    const mark = await a.mark();
    const token = await linkFor(jar, "pat.new@example.com");
    const [requested] = await a.events("user.account.update_profile", mark);
    expect(requested).toMatchObject({ outcomeResult: "SUCCESS", actor: expect.objectContaining({ id: who.id }) });
    const row = await a.f.db.userToken.findFirstOrThrow({ where: { userId: who.id, kind: "EMAIL_CHANGE" } });
    expect(row).toMatchObject({ newEmail: "pat.new@example.com", consumed: null, expiresAt: new Date(a.f.clock.now.getTime() + EMAIL_CHANGE_TOKEN_LIFETIME_MS) });
    expect(row.tokenHash).not.toContain(token);

    // opening the link (or a mail scanner fetching it) only shows the button, as often as it likes
    for (let i = 0; i < 2; i++) {
      const page = await view(jar, token);
      expect(page.kind === "page" && page.state).toEqual({ kind: "confirm", token, intro: "Make pat.new@example.com the email address of your account?", login: `Your username stays ${who.login}.` });
    }
    await unchanged(who);
    expect(await view(null, token)).toEqual({ kind: "signin", url: `/signin?return_to=${encodeURIComponent(`/account/email/verify?token=${token}`)}` });

    const done = await confirm(jar, token);
    expect({ status: done.status, location: done.location }).toEqual({ status: 303, location: `${ORG_URL}/account/email?done=changed` });
    const after = await stored(who.id);
    expect([after.email, after.emailLower, (after.profile as Record<string, unknown>).email, after.login]).toEqual(["pat.new@example.com", "pat.new@example.com", "pat.new@example.com", who.login]);
    const [notice, ...more] = await listMailMessages(a.f.db, { to: who.login });
    expect(more.filter((mail) => mail.template === "email-changed")).toEqual([]);
    expect(notice).toMatchObject({ template: "email-changed", userId: who.id });
    expect(notice!.textBody).toContain("pat.new@example.com");
    const changed = (await a.events("user.account.update_profile", mark)).filter((event) => event.displayMessage === "User changed their email address");
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ outcomeResult: "SUCCESS", actor: expect.objectContaining({ id: who.id }) });
    // the session goes on
    expect((await view(jar, token)).kind).toBe("page");

    const again = await confirm(jar, token);
    expect(again.location).toBe(`${ORG_URL}/account/email?error=linkUsed`);
    const page = await view(jar, token);
    expect(page.kind === "page" && page.state).toEqual({ kind: "refused", text: "This confirmation link was already used. Your email address was not changed again." });
    expect((await stored(who.id)).lastUpdated).toEqual(after.lastUpdated);
    expect(await listMailMessages(a.f.db, { to: who.login })).toHaveLength(1);
  });

  it("single use under concurrency: of several confirms of one link at once exactly one changes the address (one conditional update), one notice, one event", async () => {
    const { who, jar } = await signedIn("Ava");
    const token = await linkFor(jar, "ava.race@example.com");
    const mark = await a.mark();
    const results = await Promise.all([1, 2, 3, 4].map(() => confirm(jar, token)));
    expect(results.map((res) => res.status)).toEqual([303, 303, 303, 303]);
    expect(results.map((res) => res.location).sort()).toEqual([
      `${ORG_URL}/account/email?done=changed`,
      `${ORG_URL}/account/email?error=linkUsed`,
      `${ORG_URL}/account/email?error=linkUsed`,
      `${ORG_URL}/account/email?error=linkUsed`,
    ]);
    expect((await stored(who.id)).email).toBe("ava.race@example.com");
    expect((await listMailMessages(a.f.db, { to: who.login })).filter((mail) => mail.template === "email-changed")).toHaveLength(1);
    expect((await a.events("user.account.update_profile", mark)).filter((event) => event.displayMessage === "User changed their email address")).toHaveLength(1);
    expect(await a.f.db.userToken.count({ where: { userId: who.id, kind: "EMAIL_CHANGE", consumed: { not: null } } })).toBe(1);
  });

  it("a new request replaces the previous link; a forged or missing token changes nothing", async () => {
    const { who, jar } = await signedIn("Ray");
    const first = await linkFor(jar, "ray.first@example.com");
    const second = await linkFor(jar, "ray.second@example.com");
    expect((await confirm(jar, first)).location).toBe(`${ORG_URL}/account/email?error=linkInvalid`);
    expect((await confirm(jar, "x".repeat(43))).location).toBe(`${ORG_URL}/account/email?error=linkInvalid`);
    expect((await confirm(jar, "")).location).toBe(`${ORG_URL}/account/email?error=linkInvalid`);
    const forged = await view(jar, "y".repeat(43));
    expect(forged.kind === "page" && forged.state).toEqual({ kind: "refused", text: "This confirmation link is not valid. Ask for a new one on the Email page." });
    await unchanged(who);
    expect((await confirm(jar, second)).location).toBe(`${ORG_URL}/account/email?done=changed`);
    expect((await stored(who.id)).email).toBe("ray.second@example.com");
  });

  it("an expired link is refused and changes nothing", async () => {
    const { who, jar: before } = await signedIn("Eve");
    const token = await linkFor(before, "eve.new@example.com");
    a.f.clock.advance(EMAIL_CHANGE_TOKEN_LIFETIME_MS);
    const jar = await a.browserFor(who, web);
    const page = await view(jar, token);
    expect(page.kind === "page" && page.state).toEqual({ kind: "refused", text: "This confirmation link has expired. Ask for a new one on the Email page." });
    expect((await confirm(jar, token)).location).toBe(`${ORG_URL}/account/email?error=linkExpired`);
    await unchanged(who);
    expect(await listMailMessages(a.f.db, { to: who.login })).toEqual([]);
  });

  it("another user's session cannot confirm someone's link (refused, nothing used); the owner still can", async () => {
    const { who, jar } = await signedIn("Ann");
    const other = await signedIn("Bob");
    const token = await linkFor(jar, "ann.new@example.com");
    const page = await view(other.jar, token);
    expect(page.kind === "page" && page.state).toMatchObject({ kind: "refused", text: expect.stringContaining("belongs to another account") });
    expect((await confirm(other.jar, token)).location).toBe(`${ORG_URL}/account/email?error=linkOtherUser`);
    await unchanged(who);
    await unchanged(other.who);
    expect((await confirm(jar, token)).location).toBe(`${ORG_URL}/account/email?done=changed`);
    expect((await stored(who.id)).email).toBe("ann.new@example.com");
  });

  it("an address another account took in between (as email or as login) is refused, nothing changes", async () => {
    const { who, jar } = await signedIn("Kim");
    const token = await linkFor(jar, "Shared.Box@example.com");
    const taker = await a.user("Taker", { profile: { email: "shared.box@EXAMPLE.com" } });
    const page = await view(jar, token);
    expect(page.kind === "page" && page.state).toMatchObject({ kind: "refused", text: expect.stringContaining("Another account uses this email address") });
    expect((await confirm(jar, token)).location).toBe(`${ORG_URL}/account/email?error=linkTaken`);
    await unchanged(who);
    expect(await a.f.db.userToken.count({ where: { userId: who.id, kind: "EMAIL_CHANGE", consumed: null } })).toBe(1);

    // the other account moves away: the same link works
    expect((await a.f.api("POST", `/api/v1/users/${taker.id}`, { profile: { email: "taker.elsewhere@example.com" } })).status).toBe(200);
    await a.user("Login", { profile: { login: "login.box@example.com", email: "login.owner@example.com" } });
    expect((await confirm(jar, token)).location).toBe(`${ORG_URL}/account/email?done=changed`);
    expect((await stored(who.id)).email).toBe("Shared.Box@example.com");

    const second = await linkFor(jar, "LOGIN.BOX@example.com");
    expect((await confirm(jar, second)).location).toBe(`${ORG_URL}/account/email?error=linkTaken`);
  });

  it("CSRF: a missing or foreign field, or another origin, is refused with 403; the link stays usable", async () => {
    const { who, jar } = await signedIn("Cy");
    const other = await signedIn("Di");
    const token = await linkFor(jar, "cy.new@example.com");
    for (const [form, headers] of [
      [{ csrf: "" }, {}],
      [{ csrf: csrfOf(other.jar) }, {}],
      [{}, { origin: "https://evil.example" }],
    ] as Array<[Record<string, string>, Record<string, string>]>) {
      const res = await confirm(jar, token, form, headers);
      expect([res.status, res.headers.get("cache-control")]).toEqual([403, "no-store"]);
    }
    const anonymous = await a.post(`${ORG_URL}/account/email/verify/confirm`, { csrf: "x", token }, new CookieJar(), freshIp());
    expect({ status: anonymous.status, location: anonymous.location }).toEqual({ status: 303, location: `${ORG_URL}/signin?return_to=%2Faccount%2Femail` });
    await unchanged(who);
    expect((await confirm(jar, token)).location).toBe(`${ORG_URL}/account/email?done=changed`);
  });

  it("requests are rate limited per user", async () => {
    const { who, jar } = await signedIn("Lim");
    for (let i = 0; i < EMAIL_CHANGE_RATE_LIMITS.perUser; i++) expect((await request(jar, `lim.${i}@example.com`)).location).toBe(`${ORG_URL}/account/email?done=sent`);
    expect((await request(jar, "lim.more@example.com")).location).toBe(`${ORG_URL}/account/email?error=rateLimited`);
    expect(await listMailMessages(a.f.db, { to: "lim.more@example.com" })).toEqual([]);
    expect(await a.f.db.userToken.count({ where: { userId: who.id, kind: "EMAIL_CHANGE" } })).toBe(1);
  });
});
