import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signinFormToken } from "@/lib/hosted/hosted-form-token";
import { passwordlessOffered } from "@/lib/hosted/load-signin-view";
import { readSession } from "@/lib/sessions/read-session";
import { PASSWORDLESS_RATE_LIMIT } from "@/lib/signin/consume-passwordless-attempt";
import { ORG_URL } from "../support/admin-fixture";
import { SECRETS_KEY } from "../support/mint-test-tokens";
import { testProviders } from "../support/test-databases";
import { SoftwareAuthenticator } from "../admin/factors-authenticator";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

const OPTIONS = `${ORG_URL}/signin/passkey/options`;
const SUBMIT = `${ORG_URL}/signin/submit`;
let ipCounter = 0;
const freshIp = () => ({ "X-Forwarded-For": `192.0.2.${++ipCounter}` });

/**
 * Issue 16 item 4: "Sign in with a passkey" on the hosted sign-in page (a discoverable credential,
 * no password), behind the org setting passwordlessPasskeys; the passkey satisfies the sign-on
 * policy's factor requirement; amr ["hwk", "user"]; rate-limited per IP. Both databases.
 */
describe.each(testProviders())("passwordless passkey sign-in on %s", (provider) => {
  let a: AuthorizeFixture;
  let spa: TestApp;
  let pat: TestUser;
  let authenticator: SoftwareAuthenticator;
  let counter = 1;

  const setting = (on: boolean) => a.f.api("POST", "/api/v1/org/settings", { passwordlessPasskeys: on });
  const start = async () => {
    const jar = new CookieJar();
    await a.get(`${ORG_URL}/signin/start?return_to=%2Fadmin`, jar);
    return { jar, csrf: signinFormToken(SECRETS_KEY, ORG_URL, jar.header())! };
  };
  const options = (jar: CookieJar, csrf: string, headers = freshIp()) => a.post(OPTIONS, { return_to: "/admin", csrf, purpose: "passwordless" }, jar, headers);
  /** @simplewebauthn/browser's AuthenticationResponseJSON for the software authenticator's assertion. */
  const assertion = (challenge: string, by = authenticator) => by.assertionJson(challenge, ++counter);

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    spa = await a.app("SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] }, { token_endpoint_auth_method: "none" });
    pat = await a.user("Pat");
    await a.assign(spa.appId, pat.id);
    authenticator = new SoftwareAuthenticator("idp.test", ORG_URL);
    const enrolled = await a.f.api("POST", `/api/v1/users/${pat.id}/factors`, { factorType: "webauthn", provider: "FIDO" });
    const activated = await a.f.api("POST", `/api/v1/users/${pat.id}/factors/${enrolled.body.id}/lifecycle/activate`, authenticator.register(enrolled.body._embedded.activation.challenge, { counter: 1 }));
    expect(activated.status, activated.text).toBe(200);
    // everyone must verify a factor: the passkey is one
    const [policy] = (await a.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await a.f.api("POST", `/api/v1/policies/${policy.id}/rules`, {
      type: "SIGN_ON",
      name: "Everyone verifies a factor",
      conditions: { network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
    });
    expect(rule.status, rule.text).toBe(200);
  });
  afterAll(() => a.f.close());

  it("off by default: not offered, no challenge (404), a posted assertion refused", async () => {
    expect(await passwordlessOffered(a.f.db)).toBe(false);
    const { jar, csrf } = await start();
    const res = await options(jar, csrf);
    expect({ status: res.status, body: JSON.parse(res.text) }).toEqual({ status: 404, body: { error: "disabled" } });
    const posted = await a.post(SUBMIT, { return_to: "/admin", csrf, action: "passkey", response: assertion("x"), challengeId: "x" }, jar, freshIp());
    expect(posted.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=passkey`);
    expect(posted.setCookies).toEqual([]);
  });

  it("on: a challenge for any passkey (no allowCredentials, user verification required); the assertion signs in with amr [hwk, user], no password, no factor page", async () => {
    expect((await setting(true)).status).toBe(200);
    expect(await passwordlessOffered(a.f.db)).toBe(true);
    const { jar, csrf } = await start();
    const res = await options(jar, csrf);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const body = JSON.parse(res.text);
    expect(body.options).toMatchObject({ rpId: "idp.test", userVerification: "required", challenge: body.challengeId });
    expect(body.options.allowCredentials ?? []).toEqual([]);
    const signedIn = await a.post(SUBMIT, { return_to: "/admin", csrf, action: "passkey", response: assertion(body.challengeId), challengeId: body.challengeId }, jar, freshIp());
    expect(signedIn.status, signedIn.text).toBe(303);
    expect(signedIn.location).toBe(`${ORG_URL}/admin`);
    const session = await readSession(a.f.db, jar.cookies.get("sid")!, a.f.clock.now);
    expect(session).toMatchObject({ userId: pat.id, amr: ["hwk", "user"] });
    expect(session?.factorVerifiedAt).toEqual(a.f.clock.now);

    // the challenge is single use
    const replay = await a.post(SUBMIT, { return_to: "/admin", csrf: signinFormToken(SECRETS_KEY, ORG_URL, jar.header())!, action: "passkey", response: assertion(body.challengeId), challengeId: body.challengeId }, jar, freshIp());
    expect(replay.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=passkey`);
  });

  it("in an authorization request too: straight to the resume step", async () => {
    await setting(true);
    const jar = new CookieJar();
    const first = await a.authorize({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "s", code_challenge: CHALLENGE, code_challenge_method: "S256" }, { jar });
    const id = requestIdOf(first.location!);
    const csrf = await a.signinCsrf(id, jar);
    const res = await a.post(OPTIONS, { request: id, csrf, purpose: "passwordless" }, jar, freshIp());
    const { challengeId } = JSON.parse(res.text);
    const signedIn = await a.post(SUBMIT, { request: id, csrf, action: "passkey", response: assertion(challengeId), challengeId }, jar, freshIp());
    expect(signedIn.location, signedIn.text).toMatch(/\/v1\/authorize\/resume\?request=/);
  });

  it("an unknown passkey, a malformed answer or a forged CSRF field: refused, no session", async () => {
    await setting(true);
    const { jar, csrf } = await start();
    const { challengeId } = JSON.parse((await options(jar, csrf)).text);
    const stranger = new SoftwareAuthenticator("idp.test", ORG_URL);
    const unknown = await a.post(SUBMIT, { return_to: "/admin", csrf, action: "passkey", response: assertion(challengeId, stranger), challengeId }, jar, freshIp());
    expect(unknown.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=passkey`);
    const malformed = await a.post(SUBMIT, { return_to: "/admin", csrf, action: "passkey", response: "{not json", challengeId }, jar, freshIp());
    expect(malformed.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=passkey`);
    expect((await a.post(SUBMIT, { return_to: "/admin", csrf: `${csrf}x`, action: "passkey", response: assertion(challengeId), challengeId }, jar, freshIp())).status).toBe(403);
    expect((await a.post(OPTIONS, { return_to: "/admin", csrf: `${csrf}x`, purpose: "passwordless" }, jar, freshIp())).status).toBe(403);
    expect(jar.cookies.has("sid")).toBe(false);
  });

  it(`challenges and assertions are limited to ${PASSWORDLESS_RATE_LIMIT.perIp} a minute per IP`, async () => {
    await setting(true);
    a.f.clock.advance(PASSWORDLESS_RATE_LIMIT.windowSeconds * 1000);
    const { jar, csrf } = await start();
    const ip = { "X-Forwarded-For": "203.0.113.77" };
    for (let i = 0; i < PASSWORDLESS_RATE_LIMIT.perIp; i++) expect((await options(jar, csrf, ip)).status).toBe(200);
    const limited = await options(jar, csrf, ip);
    expect({ status: limited.status, body: JSON.parse(limited.text) }).toEqual({ status: 429, body: { error: "rate_limited" } });
    const posted = await a.post(SUBMIT, { return_to: "/admin", csrf, action: "passkey", response: assertion("x"), challengeId: "x" }, jar, ip);
    expect(posted.location).toBe(`${ORG_URL}/signin?return_to=%2Fadmin&error=rate_limited`);
    // another address is not affected
    expect((await options(jar, csrf)).status).toBe(200);
  });
});
