import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { signinFormToken } from "@/lib/hosted/hosted-form-token";
import { loadFactorView } from "@/lib/hosted/load-factor-view";
import { readSession } from "@/lib/sessions/read-session";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { CookieJar, createAuthorizeFixture, type AuthorizeFixture } from "../oauth/authorize-fixture";
import type { TestUser } from "../oauth/token-fixture";

const SUBMIT = `${ORG_URL}/signin/submit`;
const FACTOR_SUBMIT = `${ORG_URL}/signin/factor/submit`;

/**
 * The admin console's sign-in (`/signin?return_to=/admin`, no authorization request) goes through
 * the same factor step as the authorize flow: with an OKTA_SIGN_ON rule requiring a factor, the
 * password alone sets no session cookie; the TOTP code does. Both databases.
 */
describe.each(testProviders())("the return_to sign-in asks for the factor on %s", (provider) => {
  let a: AuthorizeFixture;
  let admin: TestUser;
  let secret: { factorId: string; secret: string };

  const start = async (jar = new CookieJar()) => {
    await a.get(`${ORG_URL}/signin/start?return_to=%2Fadmin%2Fusers`, jar);
    return jar;
  };
  const csrf = (jar: CookieJar) => signinFormToken(SECRETS_KEY, ORG_URL, jar.header())!;
  const view = (jar: CookieJar, returnTo = "/admin/users") =>
    loadFactorView(a.f.db, { requestId: null, returnTo, factorId: null, error: null, cookieHeader: jar.header(), ipAddress: null, secretsKey: SECRETS_KEY, orgUrl: ORG_URL, now: a.f.clock.now });
  const code = (offset = 0) => generateTotpCode(secret.secret, new Date(a.f.clock.now.getTime() + offset));
  const password = (jar: CookieJar, user = admin) => a.post(SUBMIT, { return_to: "/admin/users", csrf: csrf(jar), username: user.login, password: user.password }, jar);

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    admin = await a.user("Admin");
    const enrolled = await a.f.api("POST", `/api/v1/users/${admin.id}/factors?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.status).toBe(200);
    secret = { factorId: enrolled.body.id, secret: enrolled.body._embedded.activation.sharedSecret };
    const [policy] = (await a.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await a.f.api("POST", `/api/v1/policies/${policy.id}/rules`, {
      type: "SIGN_ON",
      name: "Everyone needs a factor",
      conditions: { network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(200);
  });
  afterAll(() => a.f.close());

  it("the password leads to the factor page with no session cookie; the code then signs in and lands on return_to", async () => {
    const jar = await start();
    jar.cookies.set("sid", "previous-session-cookie-value");
    const first = await password(jar);
    expect(first.status, first.text).toBe(303);
    expect(first.location).toBe(`${ORG_URL}/signin/factor?return_to=%2Fadmin%2Fusers`);
    expect(first.setCookies).toHaveLength(1);
    expect(first.setCookies[0]).toMatch(/^signin_mfa=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}; Path=\/signin; HttpOnly; SameSite=Lax; Max-Age=600$/);
    expect(jar.cookies.get("sid")).toBe("previous-session-cookie-value");

    const shown = await view(jar);
    expect(shown).toMatchObject({ ok: true, mode: "verify", flowFields: { return_to: "/admin/users" }, appLabel: undefined, selected: { id: secret.factorId, kind: "totp" }, csrfToken: csrf(jar) });

    const wrong = await a.post(FACTOR_SUBMIT, { return_to: "/admin/users", csrf: csrf(jar), action: "verify", factorId: secret.factorId, passCode: (await code()) === "000000" ? "111111" : "000000" }, jar);
    expect(wrong.location).toBe(`${ORG_URL}/signin/factor?return_to=%2Fadmin%2Fusers&factor=${secret.factorId}&error=code`);
    expect(wrong.setCookies).toEqual([]);

    const ok = await a.post(FACTOR_SUBMIT, { return_to: "/admin/users", csrf: csrf(jar), action: "verify", factorId: secret.factorId, passCode: await code() }, jar);
    expect(ok.status, ok.text).toBe(303);
    expect(ok.location).toBe(`${ORG_URL}/admin/users`);
    expect(ok.setCookies).toHaveLength(2);
    expect(ok.setCookies[0]).toMatch(/^sid=[A-Za-z0-9_-]{43}; /);
    expect(ok.setCookies[1]).toBe("signin_mfa=; Path=/signin; HttpOnly; SameSite=Lax; Max-Age=0");
    const session = await readSession(a.f.db, jar.cookies.get("sid")!, a.f.clock.now);
    expect(session).toMatchObject({ userId: admin.id, amr: ["pwd", "otp", "mfa"] });
    expect(jar.cookies.has("signin_mfa")).toBe(false);
  });

  it("the factor step without the password's cookie, with another browser's, or with a forged one: no session", async () => {
    const jar = await start();
    // no password yet: the page sends back to the sign-in page, the form is refused as expired
    expect(await view(jar)).toEqual({ ok: false, reason: "signin", signinUrl: "/signin?return_to=%2Fadmin%2Fusers" });
    a.f.clock.advance(30_000);
    const early = await a.post(FACTOR_SUBMIT, { return_to: "/admin/users", csrf: csrf(jar), action: "verify", factorId: secret.factorId, passCode: await code() }, jar);
    expect(early.status).toBe(400);
    expect(early.setCookies).toEqual([]);

    // the cookie of another browser (bound to its CSRF cookie) does not pass with this one
    const other = await start();
    await password(other);
    jar.cookies.set("signin_mfa", other.cookies.get("signin_mfa")!);
    expect(await view(jar)).toMatchObject({ ok: false, reason: "signin" });
    // a changed value is not this server's
    const [payload, signature] = other.cookies.get("signin_mfa")!.split(".");
    other.cookies.set("signin_mfa", `${payload}x.${signature}`);
    expect(await view(other)).toMatchObject({ ok: false, reason: "signin" });
    // ten minutes later the step has expired
    const late = await start();
    await password(late);
    a.f.clock.advance(10 * 60_000 + 1);
    expect(await view(late)).toMatchObject({ ok: false, reason: "signin" });
  });

  it("return_to stays safe through the factor step", async () => {
    const jar = await start();
    const first = await a.post(SUBMIT, { return_to: "//evil.com", csrf: csrf(jar), username: admin.login, password: admin.password }, jar);
    expect(first.location).toBe(`${ORG_URL}/signin/factor?return_to=%2F`);
    a.f.clock.advance(30_000);
    const ok = await a.post(FACTOR_SUBMIT, { return_to: "https://evil.com/admin", csrf: csrf(jar), action: "verify", factorId: secret.factorId, passCode: await code() }, jar);
    expect(ok.location).toBe(`${ORG_URL}/`);
  });
});
