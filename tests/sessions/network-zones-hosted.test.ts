import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { getAppContext } from "@/lib/app-context";
import { loadFactorView } from "@/lib/hosted/load-factor-view";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { SIGNIN_MESSAGES } from "@/lib/hosted/signin-messages";
import { ORG_URL } from "../support/admin-fixture";
import { readLogEvents } from "../support/read-log-events";
import { testProviders } from "../support/test-databases";
import { SoftwareAuthenticator } from "../admin/factors-authenticator";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

const BLOCKED_ZONE = "nzoYNMPXXHQj7ChzJZ81";
const SUBMIT = `${ORG_URL}/signin/submit`;
const FACTOR_SUBMIT = `${ORG_URL}/signin/factor/submit`;
const OPTIONS = `${ORG_URL}/signin/passkey/options`;
const BLOCKED = { "X-Forwarded-For": "192.0.2.67" };
let allowedCounter = 0;
/** A fresh address outside the blocklist for each allowed post (the per-IP limits never interfere). */
const allowed = () => ({ "X-Forwarded-For": `198.51.100.${++allowedCounter}` });

/**
 * An address in an ACTIVE BLOCKLIST network zone on the hosted sign-in pages (the address is the
 * rightmost X-Forwarded-For entry under the route handlers, TRUSTED_PROXY_HOPS 0): the password
 * form, the factor step and the passwordless passkey are refused before the credential is checked
 * or counted (failedAttempts unchanged, no session), the browser goes back to the page with
 * `error=denied` ("You are not allowed to sign in from here."), and security.request.blocked is
 * logged with the zone as target. Both databases.
 */
describe.each(testProviders())("a blocklist zone on the hosted sign-in pages on %s", (provider) => {
  let a: AuthorizeFixture;
  let spa: TestApp;
  let alice: TestUser; // password + TOTP
  let pat: TestUser; // a passkey
  let totp: { factorId: string; secret: string };
  let authenticator: SoftwareAuthenticator;
  let counter = 1;

  const start = async () => {
    const jar = new CookieJar();
    const first = await a.authorize({ client_id: spa.clientId, redirect_uri: REDIRECT_URI, response_type: "code", scope: "openid", state: "s", code_challenge: CHALLENGE, code_challenge_method: "S256" }, { jar });
    expect(first.status).toBe(302);
    const id = requestIdOf(first.location!);
    return { jar, id, csrf: await a.signinCsrf(id, jar) };
  };
  const failedAttempts = async (user: TestUser) => (await a.f.db.user.findUniqueOrThrow({ where: { id: user.id } })).failedAttempts;
  const signinError = async (id: string, jar: CookieJar, error: string) =>
    loadSigninView(a.f.db, { requestId: id, error, cookieHeader: jar.header(), secretsKey: getAppContext().secretsKey, now: a.f.clock.now });
  const blockedEvents = () => readLogEvents(a.f.db, { where: { eventType: "security.request.blocked" }, orderBy: { published: "asc" } });
  const expectBlockedEvent = async (count: number, surface: string) => {
    const events = await blockedEvents();
    expect(events).toHaveLength(count);
    expect(events.at(-1)).toMatchObject({
      outcomeResult: "DENY",
      outcomeReason: "The IP address is in the BLOCKLIST network zone BlockedIpZone",
      client: { ipAddress: "192.0.2.67" },
      target: [{ id: BLOCKED_ZONE, type: "NetworkZone", displayName: "BlockedIpZone" }],
      debugContext: { debugData: expect.objectContaining({ surface }) },
    });
  };
  const assertion = (challenge: string) => authenticator.assertionJson(challenge, ++counter);

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    spa = await a.app("Spa Portal", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] }, { token_endpoint_auth_method: "none" });
    alice = await a.user("Alice");
    pat = await a.user("Pat");
    for (const user of [alice, pat]) await a.assign(spa.appId, user.id);
    const enrolled = await a.f.api("POST", `/api/v1/users/${alice.id}/factors?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.status, enrolled.text).toBe(200);
    totp = { factorId: enrolled.body.id, secret: enrolled.body._embedded.activation.sharedSecret };
    authenticator = new SoftwareAuthenticator("idp.test", ORG_URL);
    const passkey = await a.f.api("POST", `/api/v1/users/${pat.id}/factors`, { factorType: "webauthn", provider: "FIDO" });
    const activated = await a.f.api("POST", `/api/v1/users/${pat.id}/factors/${passkey.body.id}/lifecycle/activate`, authenticator.register(passkey.body._embedded.activation.challenge, { counter: 1 }));
    expect(activated.status, activated.text).toBe(200);
    expect((await a.f.api("POST", "/api/v1/org/settings", { passwordlessPasskeys: true })).status).toBe(200);
    const [signOn] = (await a.f.api("GET", "/api/v1/policies?type=OKTA_SIGN_ON")).body;
    const rule = await a.f.api("POST", `/api/v1/policies/${signOn.id}/rules`, {
      type: "SIGN_ON",
      name: "Everyone verifies a factor",
      priority: 1,
      conditions: { network: { connection: "ANYWHERE" } },
      actions: { signon: { access: "ALLOW", requireFactor: true, factorPromptMode: "ALWAYS", factorLifetime: 15 } },
    });
    expect(rule.status, rule.text).toBe(200);
    const zone = await a.f.api("PUT", `/api/v1/zones/${BLOCKED_ZONE}`, { type: "IP", name: "BlockedIpZone", usage: "BLOCKLIST", gateways: [{ type: "RANGE", value: "192.0.2.66-192.0.2.70" }] });
    expect([zone.status, zone.body.status], zone.text).toEqual([200, "ACTIVE"]);
  });
  afterAll(() => a.f.close());

  it("the password form: a wrong password and the right one alike go back with error=denied, nothing counted, no session; logged", async () => {
    const before = await failedAttempts(alice);
    const { jar, id, csrf } = await start();
    for (const password of ["wrong-password-1", alice.password]) {
      const res = await a.post(SUBMIT, { request: id, csrf, username: alice.login, password }, jar, BLOCKED);
      expect([res.status, res.location, res.setCookies]).toEqual([303, `${ORG_URL}/signin?request=${id}&error=denied`, []]);
    }
    expect(await failedAttempts(alice)).toBe(before);
    expect(jar.cookies.has("sid")).toBe(false);
    expect(await signinError(id, jar, "denied")).toMatchObject({ ok: true, username: alice.login, error: { kind: "denied", message: SIGNIN_MESSAGES.en["error.denied"] } });
    expect(SIGNIN_MESSAGES.en["error.denied"]).toMatch(/^You are not allowed to sign in from here\./);
    await expectBlockedEvent(2, "sign-in (password)");
    // No System Log sign-in failure was recorded for the refused attempts: the password was never checked.
    expect((await readLogEvents(a.f.db, { where: { eventType: "user.session.start", actorId: alice.id } })).filter((event) => event.outcomeResult === "FAILURE")).toEqual([]);

    // The same request from an address outside the zone signs in (to the factor step).
    const fine = await a.post(SUBMIT, { request: id, csrf, username: alice.login, password: alice.password }, jar, allowed());
    expect(fine.location).toMatch(new RegExp(`^${ORG_URL}/signin/factor\\?request=${id}`));
  });

  it("the factor step: a code posted from the zone goes back with error=denied, uncounted; the same code from elsewhere signs in", async () => {
    const { jar, id, csrf } = await start();
    const afterPassword = await a.post(SUBMIT, { request: id, csrf, username: alice.login, password: alice.password }, jar, allowed());
    expect(afterPassword.location).toMatch(new RegExp(`^${ORG_URL}/signin/factor\\?request=${id}`));
    const view = await loadFactorView(a.f.db, { requestId: id, factorId: null, error: null, cookieHeader: jar.header(), ipAddress: null, secretsKey: getAppContext().secretsKey, orgUrl: ORG_URL, now: a.f.clock.now });
    if (!view.ok) throw new Error(`no factor page: ${JSON.stringify(view)}`);
    const before = await failedAttempts(alice);
    const events = (await blockedEvents()).length;
    a.f.clock.advance(30_000); // a TOTP time step of its own
    const passCode = await generateTotpCode(totp.secret, a.f.clock.now);
    for (const code of ["000000", passCode]) {
      const res = await a.post(FACTOR_SUBMIT, { request: id, csrf: view.csrfToken, action: "verify", factorId: totp.factorId, passCode: code }, jar, BLOCKED);
      expect([res.status, res.location, res.setCookies]).toEqual([303, `${ORG_URL}/signin/factor?request=${id}&factor=${totp.factorId}&error=denied`, []]);
    }
    expect(await failedAttempts(alice)).toBe(before);
    await expectBlockedEvent(events + 2, "sign-in (totp)");
    // The refused code was not consumed: it still works from outside the zone.
    const verified = await a.post(FACTOR_SUBMIT, { request: id, csrf: view.csrfToken, action: "verify", factorId: totp.factorId, passCode }, jar, allowed());
    expect(verified.location, verified.text).toBe(`${ORG_URL}/oauth2/default/v1/authorize/resume?request=${id}`);
    expect(jar.cookies.has("sid")).toBe(true);
  });

  it("the passwordless passkey: an assertion posted from the zone goes back with error=denied, no session; from elsewhere it signs in", async () => {
    const { jar, id, csrf } = await start();
    const challengeId = async () => {
      const res = await a.post(OPTIONS, { request: id, csrf, purpose: "passwordless" }, jar, allowed());
      expect(res.status, res.text).toBe(200);
      return JSON.parse(res.text).challengeId as string;
    };
    const events = (await blockedEvents()).length;
    const first = await challengeId();
    const refused = await a.post(SUBMIT, { request: id, csrf, action: "passkey", response: assertion(first), challengeId: first }, jar, BLOCKED);
    expect([refused.status, refused.location, refused.setCookies]).toEqual([303, `${ORG_URL}/signin?request=${id}&error=denied`, []]);
    expect(await failedAttempts(pat)).toBe(0);
    await expectBlockedEvent(events + 1, "sign-in (webauthn)");
    const second = await challengeId();
    const signedIn = await a.post(SUBMIT, { request: id, csrf, action: "passkey", response: assertion(second), challengeId: second }, jar, allowed());
    expect(signedIn.location, signedIn.text).toBe(`${ORG_URL}/oauth2/default/v1/authorize/resume?request=${id}`);
  });

  it("a deactivated blocklist zone refuses nothing", async () => {
    expect((await a.f.api("POST", `/api/v1/zones/${BLOCKED_ZONE}/lifecycle/deactivate`)).status).toBe(200);
    try {
      const { jar, id, csrf } = await start();
      const res = await a.post(SUBMIT, { request: id, csrf, username: alice.login, password: alice.password }, jar, BLOCKED);
      expect(res.location).toMatch(new RegExp(`^${ORG_URL}/signin/factor\\?request=${id}`));
    } finally {
      expect((await a.f.api("POST", `/api/v1/zones/${BLOCKED_ZONE}/lifecycle/activate`)).status).toBe(200);
    }
  });
});
