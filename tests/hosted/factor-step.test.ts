import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { loadFactorView } from "@/lib/hosted/load-factor-view";
import { resolveHostedLocale } from "@/lib/hosted/resolve-hosted-locale";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { loadPendingAuthorization } from "@/lib/pending-authorizations/load-pending-authorization";
import { createSession } from "@/lib/sessions/create-session";
import { ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { codeRequest, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, VERIFIER, type Answer, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

const FACTOR_URL = `${ORG_URL}/signin/factor/submit`;

/**
 * Issue 16 items 3 and 6 on the hosted pages: after the password the sign-in asks for the factor the
 * sign-on policy (or the app's acr_values) requires, enrolls one when the user has none, remembers
 * the device in DEVICE mode, and counts wrong codes toward the lockout; on both databases.
 */
describe.each(testProviders())("hosted factor step on %s", (provider) => {
  let a: AuthorizeFixture;
  let spa: TestApp;
  let dave: TestUser; // in the MFA group, with an ACTIVE TOTP factor
  let erin: TestUser; // in the MFA group, without a factor
  let frank: TestUser; // not in the group, with an ACTIVE TOTP factor
  const secrets = new Map<string, { factorId: string; secret: string }>();

  const codeParams = (extra: Record<string, string> = {}) => codeRequest(spa.clientId, extra);

  async function enrollTotp(user: TestUser) {
    const res = await a.f.api("POST", `/api/v1/users/${user.id}/factors?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(res.status).toBe(200);
    secrets.set(user.id, { factorId: res.body.id, secret: res.body._embedded.activation.sharedSecret });
  }

  /** The CSRF field the page of request `id` renders for the jar's browser: the sign-in page's, or the factor page's once at that step. */
  async function csrf(id: string, jar: CookieJar): Promise<string> {
    const factorPage = await view(id, jar);
    return factorPage.ok ? factorPage.csrfToken : a.signinCsrf(id, jar);
  }
  const code = (user: TestUser, offset = 0) => generateTotpCode(secrets.get(user.id)!.secret, new Date(a.f.clock.now.getTime() + offset));

  /** /authorize then the password: the 303 after /signin/submit. */
  async function password(user: TestUser, jar: CookieJar, extra: Record<string, string> = {}): Promise<{ id: string; answer: Answer }> {
    const first = await a.authorize(codeParams(extra), { jar });
    const id = requestIdOf(first.location!);
    const answer = await a.post(`${ORG_URL}/signin/submit`, { request: id, csrf: await csrf(id, jar), username: user.login, password: user.password }, jar);
    expect(answer.status, answer.text).toBe(303);
    return { id, answer };
  }

  const view = (id: string, jar: CookieJar, error: string | null = null) =>
    loadFactorView(a.f.db, { requestId: id, factorId: null, error, cookieHeader: jar.header(), ipAddress: null, secretsKey: getAppContext().secretsKey, orgUrl: ORG_URL, now: a.f.clock.now });

  async function idTokenAfterResume(resumeLocation: string, jar: CookieJar) {
    const resumed = await a.get(resumeLocation, jar);
    const authCode = responseParams(resumed.location!).code;
    expect(authCode, resumed.location ?? resumed.text).toBeTruthy();
    const token = await a.token({ grant_type: "authorization_code", code: authCode!, redirect_uri: REDIRECT_URI, client_id: spa.clientId, code_verifier: VERIFIER });
    return (await a.verify(token.body.id_token)).payload;
  }

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    spa = await a.app("SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] }, { token_endpoint_auth_method: "none" });
    dave = await a.user("Dave");
    erin = await a.user("Erin");
    frank = await a.user("Frank");
    for (const user of [dave, erin, frank]) await a.assign(spa.appId, user.id);
    await enrollTotp(dave);
    await enrollTotp(frank);
    const group = await a.f.api("POST", "/api/v1/groups", { profile: { name: "MFA" } });
    for (const user of [dave, erin]) expect((await a.f.api("PUT", `/api/v1/groups/${group.body.id}/users/${user.id}`)).status).toBe(204);
    const [policy] = (await a.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await a.f.api("POST", `/api/v1/policies/${policy.id}/rules`, {
      type: "SIGN_ON",
      name: "MFA group needs a factor",
      conditions: { people: { groups: { include: [group.body.id] } }, network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "DEVICE", factorLifetime: 15, rememberDeviceByDefault: true } },
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(200);
  });
  afterAll(() => a.f.close());

  it("the password of a user the policy asks a factor of leads to the factor page; the sign-in page sends there too", async () => {
    const jar = new CookieJar();
    const { id, answer } = await password(dave, jar);
    expect(answer.location).toBe(`${ORG_URL}/signin/factor?request=${id}`);
    expect(jar.cookies.get("sid")).toBeUndefined();
    const shown = await view(id, jar);
    expect(shown).toMatchObject({ ok: true, mode: "verify", selected: { id: secrets.get(dave.id)!.factorId, kind: "totp" }, remember: { offered: true, checked: true } });
    const signin = await loadSigninView(a.f.db, { requestId: id, error: null, cookieHeader: jar.header(), secretsKey: getAppContext().secretsKey, now: a.f.clock.now });
    expect(signin).toEqual({ ok: false, reason: "factor", url: `/signin/factor?request=${id}` });
  });

  it("the factor page in the request's language (ui_locales=de, kept by the pending request): every word of its view, the remember hint counted", async () => {
    const jar = new CookieJar();
    const { id } = await password(dave, jar, { ui_locales: "de-CH en" });
    const locale = await resolveHostedLocale(a.f.db, { requestId: id, acceptLanguage: "fr", now: a.f.clock.now });
    expect(locale).toBe("de");
    const shown = await loadFactorView(a.f.db, { requestId: id, factorId: null, error: "code", cookieHeader: jar.header(), ipAddress: null, secretsKey: getAppContext().secretsKey, orgUrl: ORG_URL, now: a.f.clock.now, locale });
    expect(shown).toMatchObject({
      ok: true,
      mode: "verify",
      locale: "de",
      error: { kind: "code", message: "Dieser Code hat nicht funktioniert. Geben Sie den aktuellen Code aus Ihrer Authenticator-App ein." },
      selected: { kind: "totp", label: "Authenticator-App (Google Authenticator)" },
      remember: { offered: true, checked: true, hint: "Auf diesem Gerät werden Sie 15 Minuten lang nicht nach einem zweiten Faktor gefragt." },
      text: { "verify.heading": "Bestätigen Sie Ihre Identität", "code.label": "6-stelliger Code", "verify.submit": "Bestätigen", passkeyFailed: expect.stringMatching(/^Ihr Passkey/) },
    });
    const english = await view(id, jar);
    expect(english).toMatchObject({ locale: "en", remember: { hint: "You will not be asked for a second factor on this device for 15 minutes." }, text: { "verify.heading": "Verify it's you" } });
  });

  it("a user the policy does not ask goes straight on", async () => {
    const jar = new CookieJar();
    const { answer } = await password(frank, jar);
    expect(answer.location).toMatch(/\/v1\/authorize\/resume\?request=/);
  });

  it("a wrong code comes back with the error; a missing one too; no session", async () => {
    const jar = new CookieJar();
    const { id } = await password(dave, jar);
    const token = await csrf(id, jar);
    const factorId = secrets.get(dave.id)!.factorId;
    const wrong = await a.post(FACTOR_URL, { request: id, csrf: token, action: "verify", factorId, passCode: "000000" === (await code(dave)) ? "111111" : "000000" }, jar);
    expect(wrong.status).toBe(303);
    expect(wrong.location).toBe(`${ORG_URL}/signin/factor?request=${id}&factor=${factorId}&error=code`);
    expect((await view(id, jar, "code")).ok && (await view(id, jar, "code"))).toMatchObject({ error: { kind: "code" } });
    const missing = await a.post(FACTOR_URL, { request: id, csrf: token, action: "verify", factorId, passCode: "" }, jar);
    expect(missing.location).toContain("error=code_missing");
    expect(jar.cookies.get("sid")).toBeUndefined();
  });

  it("a post without the CSRF field, or for a request not at its factor step: refused", async () => {
    const jar = new CookieJar();
    const { id } = await password(dave, jar);
    expect((await a.post(FACTOR_URL, { request: id, csrf: "forged", action: "verify", factorId: "x", passCode: "123456" }, jar)).status).toBe(403);
    const other = new CookieJar();
    const first = await a.authorize(codeParams(), { jar: other });
    const fresh = requestIdOf(first.location!);
    expect((await a.post(FACTOR_URL, { request: fresh, csrf: await csrf(fresh, other), action: "verify", factorId: "x", passCode: "123456" }, other)).status).toBe(400);
  });

  it("the right code with 'remember this device': the session (amr pwd otp mfa), the device cookie, and the code", async () => {
    const jar = new CookieJar();
    const { id } = await password(dave, jar);
    a.f.clock.advance(30_000);
    const ok = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "verify", factorId: secrets.get(dave.id)!.factorId, passCode: await code(dave), remember: "on" }, jar);
    expect(ok.status, ok.text).toBe(303);
    expect(ok.location).toMatch(/\/v1\/authorize\/resume\?request=/);
    expect(jar.cookies.get("sid")).toBeTruthy();
    expect(jar.cookies.get("idp_device")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await idTokenAfterResume(ok.location!, jar)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });

    // DEVICE mode: the remembered browser signs in with the password only
    const again = new CookieJar();
    again.cookies.set("idp_device", jar.cookies.get("idp_device")!);
    const { answer } = await password(dave, again);
    expect(answer.location).toMatch(/\/v1\/authorize\/resume\?request=/);
    // ... but not for another user
    const stranger = new CookieJar();
    stranger.cookies.set("idp_device", jar.cookies.get("idp_device")!);
    expect((await password(erin, stranger)).answer.location).toContain("/signin/factor?request=");
  });

  it("first-time enrollment: the QR code and secret, then the first code signs in", async () => {
    const jar = new CookieJar();
    const { id, answer } = await password(erin, jar);
    expect(answer.location).toBe(`${ORG_URL}/signin/factor?request=${id}`);
    const choose = await view(id, jar);
    expect(choose).toMatchObject({ ok: true, mode: "enroll", totp: null });
    const started = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "enroll", provider: "GOOGLE" }, jar);
    expect(started.location).toBe(`${ORG_URL}/signin/factor?request=${id}`);
    const shown = await view(id, jar);
    if (!shown.ok || shown.mode !== "enroll" || !shown.totp) throw new Error(`no enrollment shown: ${JSON.stringify(shown)}`);
    expect(shown.totp.qrDataUri).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(shown.totp.qrDataUri.split(",")[1]!, "base64").toString()).toContain("<svg");
    expect(shown.totp.secret).toMatch(/^[A-Z2-7]+$/);
    const wrong = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "activate", passCode: "12345" }, jar);
    expect(wrong.location).toContain("error=code_missing");
    const done = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "activate", passCode: await generateTotpCode(shown.totp.secret, a.f.clock.now) }, jar);
    expect(done.location, done.text).toMatch(/\/v1\/authorize\/resume\?request=/);
    expect((await a.f.api("GET", `/api/v1/users/${erin.id}/factors`)).body).toEqual([expect.objectContaining({ factorType: "token:software:totp", provider: "GOOGLE", status: "ACTIVE" })]);
    expect(await idTokenAfterResume(done.location!, jar)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
  });

  it("step-up: acr_values 2fa with a password session asks only for the factor; the ID token says mfa and the acr", async () => {
    const session = await createSession(a.f.db, { userId: frank.id, amr: ["pwd"], ipAddress: null, userAgent: "vitest", now: a.f.clock.now, orgUrl: ORG_URL });
    const jar = new CookieJar();
    jar.apply([session.cookie]);
    const first = await a.authorize(codeParams({ acr_values: "urn:okta:loa:2fa:any" }), { jar });
    const id = requestIdOf(first.location!);
    expect((await loadPendingAuthorization(a.f.db, id, a.f.clock.now))!.state.mfa).toMatchObject({ userId: frank.id, step: "verify", stepUp: true });
    expect(await view(id, jar)).toMatchObject({ ok: true, mode: "verify" });
    a.f.clock.advance(60_000);
    const ok = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "verify", factorId: secrets.get(frank.id)!.factorId, passCode: await code(frank) }, jar);
    expect(ok.location, ok.text).toMatch(/\/v1\/authorize\/resume\?request=/);
    expect(await idTokenAfterResume(ok.location!, jar)).toMatchObject({ amr: ["pwd", "otp", "mfa"], acr: "urn:okta:loa:2fa:any" });
  });

  it("without a session, acr_values 2fa asks a user the policy does not ask for a factor after the password", async () => {
    const jar = new CookieJar();
    const { id, answer } = await password(frank, jar, { acr_values: "urn:okta:loa:2fa:any" });
    expect(answer.location).toBe(`${ORG_URL}/signin/factor?request=${id}`);
  });

  it("wrong codes count toward the lockout", async () => {
    expect((await a.f.api("POST", "/api/v1/org/settings", { lockoutThreshold: 3 })).status).toBe(200);
    const jar = new CookieJar();
    const { id } = await password(dave, jar);
    const factorId = secrets.get(dave.id)!.factorId;
    const right = await code(dave);
    const bad = right === "000000" ? "111111" : "000000";
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) outcomes.push((await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "verify", factorId, passCode: bad }, jar)).location!);
    expect(outcomes.slice(0, 2).every((location) => location.endsWith("error=code"))).toBe(true);
    const locked = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "verify", factorId, passCode: right }, jar);
    expect(locked.location).toContain("error=locked");
    expect((await a.f.api("GET", `/api/v1/users/${dave.id}`)).body.status).toBe("LOCKED_OUT");
  });
  it("password ok, wrong code, password ok, wrong code ... reaches the lockout: a right password alone resets nothing", async () => {
    expect((await a.f.api("POST", "/api/v1/org/settings", { lockoutThreshold: 3 })).status).toBe(200);
    const gail = await a.user("Gail");
    await a.assign(spa.appId, gail.id);
    await enrollTotp(gail);
    const group = (await a.f.api("GET", "/api/v1/groups?q=MFA")).body[0];
    expect((await a.f.api("PUT", `/api/v1/groups/${group.id}/users/${gail.id}`)).status).toBe(204);
    const factorId = secrets.get(gail.id)!.factorId;
    const right = await code(gail);
    const bad = right === "000000" ? "111111" : "000000";
    for (let i = 1; i <= 3; i++) {
      const jar = new CookieJar();
      const { id, answer } = await password(gail, jar);
      expect(answer.location).toBe(`${ORG_URL}/signin/factor?request=${id}`);
      expect((await a.f.db.user.findUniqueOrThrow({ where: { id: gail.id } })).failedAttempts).toBe(i - 1);
      const wrong = await a.post(FACTOR_URL, { request: id, csrf: await csrf(id, jar), action: "verify", factorId, passCode: bad }, jar);
      expect(wrong.location).toContain("error=code");
    }
    const user = await a.f.db.user.findUniqueOrThrow({ where: { id: gail.id } });
    expect([user.status, user.failedAttempts]).toEqual(["LOCKED_OUT", 3]);
  });
});
