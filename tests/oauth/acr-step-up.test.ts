import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { loadPendingAuthorization } from "@/lib/pending-authorizations/load-pending-authorization";
import { ORG_URL } from "../support/admin-fixture";
import { browserWithSession } from "../support/browser-with-session";
import { testProviders } from "../support/test-databases";
import { codeRequest, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, VERIFIER, type AuthorizeFixture } from "./authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);
const ACR = {
  any1: "urn:okta:loa:1fa:any",
  pwd: "urn:okta:loa:1fa:pwd",
  any2: "urn:okta:loa:2fa:any",
  ifPossible: "urn:okta:loa:2fa:any:ifpossible",
} as const;

/**
 * Issue 16 item 6: ID tokens say how the user signed in (amr, auth_time, acr) and /authorize
 * steps the session up when acr_values asks for more than it has (OIDC Core 3.1.2.1, Okta's
 * predefined acr_values), on both databases.
 */
describe.each(testProviders())("acr_values, amr and step-up on %s", (provider) => {
  let a: AuthorizeFixture;
  let spa: TestApp;
  let alice: TestUser;
  let carol: TestUser;

  const codeParams = (extra: Record<string, string> = {}) => codeRequest(spa.clientId, { nonce: "n-1", ...extra });

  /** A browser holding a session of `user` that authenticated with `amr`. */
  const browserWith = (user: TestUser, amr: string[]) => browserWithSession(a.f.db, { userId: user.id, amr, now: a.f.clock.now });

  async function idTokenOf(location: string) {
    const code = responseParams(location).code;
    expect(code, location).toBeTruthy();
    const token = await a.token({ grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI, client_id: spa.clientId, code_verifier: VERIFIER });
    expect(token.status).toBe(200);
    return (await a.verify(token.body.id_token)).payload;
  }

  async function pendingStateOf(location: string) {
    return (await loadPendingAuthorization(a.f.db, requestIdOf(location), a.f.clock.now))!.state;
  }

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    spa = await a.app("SPA", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "implicit"], response_types: ["code", "token", "id_token"] }, { token_endpoint_auth_method: "none" });
    alice = await a.user("Alice");
    carol = await a.user("Carol");
    await a.assign(spa.appId, alice.id);
    await a.assign(spa.appId, carol.id);
    // Carol has an ACTIVE TOTP factor; Alice has none.
    await a.f.db.userFactor.create({
      data: { id: "ost1carol0000000001", userId: carol.id, factorType: "token:software:totp", provider: "OKTA", status: "ACTIVE", oneOfKind: `${carol.id} OKTA`, profile: { credentialId: carol.login } },
    });
  });
  afterAll(() => a.f.close());

  it("discovery lists the supported acr values and the acr and amr claims", async () => {
    const res = await a.get(`${ISSUER}/.well-known/openid-configuration`);
    const document = JSON.parse(res.text);
    expect(document.acr_values_supported).toEqual([ACR.any1, ACR.pwd, ACR.any2, ACR.ifPossible]);
    expect(document.claims_supported).toEqual(expect.arrayContaining(["amr", "acr", "auth_time"]));
    const oauth = JSON.parse((await a.get(`${ISSUER}/.well-known/oauth-authorization-server`)).text);
    expect(oauth.acr_values_supported).toBeUndefined();
  });

  it("without acr_values: the code's ID token has the session's amr and auth_time, and no acr", async () => {
    const jar = await browserWith(alice, ["pwd"]);
    const payload = await idTokenOf((await a.authorize(codeParams(), { jar })).location!);
    expect(payload.amr).toEqual(["pwd"]);
    expect(payload.auth_time).toBe(seconds(a.f.clock.now));
    expect(payload.acr).toBeUndefined();
  });

  it.each([
    ["1fa:any", ACR.any1, ACR.any1],
    ["1fa:pwd with a password session", ACR.pwd, ACR.pwd],
    ["2fa:any:ifpossible for a user without a factor", ACR.ifPossible, ACR.ifPossible],
    ["the first supported value of a list", `phr ${ACR.any1} ${ACR.any2}`, ACR.any1],
  ])("%s: the code at once; the ID token's acr is the value chosen", async (_name, acrValues, chosen) => {
    const jar = await browserWith(alice, ["pwd"]);
    const payload = await idTokenOf((await a.authorize(codeParams({ acr_values: acrValues }), { jar })).location!);
    expect(payload.acr).toBe(chosen);
    expect(payload.amr).toEqual(["pwd"]);
  });

  it("values this server does not support are ignored (a voluntary claim): the code, no acr", async () => {
    const jar = await browserWith(alice, ["pwd"]);
    const payload = await idTokenOf((await a.authorize(codeParams({ acr_values: "phr urn:example:gold" }), { jar })).location!);
    expect(payload.acr).toBeUndefined();
  });

  it("a session with two factors satisfies 2fa:any: amr and acr in the ID token (code and implicit)", async () => {
    const jar = await browserWith(carol, ["pwd", "otp", "mfa"]);
    const payload = await idTokenOf((await a.authorize(codeParams({ acr_values: ACR.any2 }), { jar })).location!);
    expect(payload).toMatchObject({ amr: ["pwd", "otp", "mfa"], acr: ACR.any2 });
    const implicit = await a.authorize(codeParams({ response_type: "id_token", acr_values: ACR.any2, code_challenge: "", code_challenge_method: "" }), { jar });
    const idToken = (await a.verify(responseParams(implicit.location!).id_token!)).payload;
    expect(idToken).toMatchObject({ amr: ["pwd", "otp", "mfa"], acr: ACR.any2 });
  });

  it("step-up: 2fa:any with a one-factor session sends the browser to the factor step of the sign-in page", async () => {
    const jar = await browserWith(carol, ["pwd"]);
    const res = await a.authorize(codeParams({ acr_values: ACR.any2 }), { jar });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^${ORG_URL}/signin\\?request=ftx`));
    expect((await pendingStateOf(res.location!)).mfa).toEqual({ userId: carol.id, amr: ["pwd"], step: "verify", stepUp: true });
    const [event] = (await a.events("app.oauth2.as.authorize")).slice(-1);
    expect(event).toMatchObject({ outcomeResult: "CHALLENGE", outcomeReason: "STEP_UP_REQUIRED: acr_values asks for two factors and the session used one" });
  });

  it("step-up for a user without a factor asks for enrollment; :ifpossible asks only a user who has one", async () => {
    const aliceJar = await browserWith(alice, ["pwd"]);
    const enroll = await a.authorize(codeParams({ acr_values: ACR.any2 }), { jar: aliceJar });
    expect((await pendingStateOf(enroll.location!)).mfa).toEqual({ userId: alice.id, amr: ["pwd"], step: "enroll", stepUp: true });
    const carolJar = await browserWith(carol, ["pwd"]);
    const verify = await a.authorize(codeParams({ acr_values: ACR.ifPossible }), { jar: carolJar });
    expect((await pendingStateOf(verify.location!)).mfa).toMatchObject({ step: "verify", stepUp: true });
  });

  it("step-up with prompt=none: login_required", async () => {
    const jar = await browserWith(carol, ["pwd"]);
    const res = await a.authorize(codeParams({ acr_values: ACR.any2, prompt: "none" }), { jar });
    expect(responseParams(res.location!)).toEqual({ error: "login_required", error_description: M.loginRequired, state: "st-1", iss: ISSUER });
  });

  it("without a session, 2fa asks the sign-in page for a second factor after the password", async () => {
    const res = await a.authorize(codeParams({ acr_values: ACR.any2 }), { jar: new CookieJar() });
    const state = await pendingStateOf(res.location!);
    expect(state.secondFactor).toBe("required");
    expect(state.mfa).toBeUndefined();
    const ifPossible = await a.authorize(codeParams({ acr_values: ACR.ifPossible }), { jar: new CookieJar() });
    expect((await pendingStateOf(ifPossible.location!)).secondFactor).toBe("if-enrolled");
  });

  it("1fa:pwd with a session that used no password (a passkey): the sign-in page again", async () => {
    const jar = await browserWith(carol, ["hwk", "user"]);
    const res = await a.authorize(codeParams({ acr_values: ACR.pwd }), { jar });
    expect(res.location).toMatch(/\/signin\?request=/);
    const [event] = (await a.events("app.oauth2.as.authorize")).slice(-1);
    expect(event!.outcomeReason).toBe("LOGIN_REQUIRED: acr_values urn:okta:loa:1fa:pwd and the session used no password");
  });

  it("max_age older than the session's auth_time and prompt=login: the password again, and auth_time is the new sign-in", async () => {
    const jar = await browserWith(alice, ["pwd"]);
    a.f.clock.advance(120_000);
    const res = await a.authorize(codeParams({ max_age: "60" }), { jar });
    expect(res.location).toMatch(/\/signin\?request=/);
    a.f.clock.advance(1_000);
    const done = await a.signIn(res.location!, alice, jar);
    const payload = await idTokenOf(done.location!);
    expect(payload.auth_time).toBe(seconds(a.f.clock.now));
    const again = await a.authorize(codeParams({ prompt: "login" }), { jar });
    expect(again.location).toMatch(/\/signin\?request=/);
  });

  it("a refresh keeps the grant's amr and acr", async () => {
    const web = await a.app("Web", { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"] });
    await a.assign(web.appId, carol.id);
    const jar = await browserWith(carol, ["pwd", "otp", "mfa"]);
    const res = await a.authorize({ ...codeParams({ acr_values: ACR.any2, scope: "openid offline_access" }), client_id: web.clientId }, { jar });
    const code = responseParams(res.location!).code!;
    const first = await a.token({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER }, { basic: a.basic(web) });
    expect(first.status).toBe(200);
    const refreshed = await a.token({ grant_type: "refresh_token", refresh_token: first.body.refresh_token, scope: "openid offline_access" }, { basic: a.basic(web) });
    expect(refreshed.status).toBe(200);
    expect((await a.verify(refreshed.body.id_token)).payload).toMatchObject({ amr: ["pwd", "otp", "mfa"], acr: ACR.any2 });
  });
});
