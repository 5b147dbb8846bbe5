import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { loadFactorView } from "@/lib/hosted/load-factor-view";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { loadPendingAuthorization } from "@/lib/pending-authorizations/load-pending-authorization";
import { ORG_URL } from "../support/admin-fixture";
import { browserWithSession } from "../support/browser-with-session";
import { testProviders } from "../support/test-databases";
import { codeRequest, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, VERIFIER, type AuthorizeFixture } from "./authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const FACTOR_URL = `${ORG_URL}/signin/factor/submit`;
const TWO_FACTORS = { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "2FA", type: "ASSURANCE" } } };
const REASON = "STEP_UP_REQUIRED: the app's authentication policy asks for two factors and the session used one";

/**
 * Issue 16 item 2, per-app step-up: an app assigned to an authentication policy (ACCESS_POLICY)
 * whose rule for the user says 2FA sends a one-factor session to the factor step, as acr_values
 * urn:okta:loa:2fa:any does; other apps and other users sign in with one factor. Both databases.
 */
describe.each(testProviders())("per-app step-up (ACCESS_POLICY) on %s", (provider) => {
  let a: AuthorizeFixture;
  let payroll: TestApp; // assigned to a policy asking the Payroll group for two factors
  let wiki: TestApp; // assigned to no policy (the default one: one factor)
  let dave: TestUser; // in the Payroll group, with an ACTIVE TOTP factor
  let frank: TestUser; // not in the group, with an ACTIVE TOTP factor
  const secrets = new Map<string, { factorId: string; secret: string }>();

  const codeParams = (app: TestApp, extra: Record<string, string> = {}) => codeRequest(app.clientId, extra);

  const browserWith = (user: TestUser, amr: string[]) => browserWithSession(a.f.db, { userId: user.id, amr, now: a.f.clock.now });

  async function enrollTotp(user: TestUser) {
    const res = await a.f.api("POST", `/api/v1/users/${user.id}/factors?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(res.status).toBe(200);
    secrets.set(user.id, { factorId: res.body.id, secret: res.body._embedded.activation.sharedSecret });
  }

  const view = (id: string, jar: CookieJar) =>
    loadFactorView(a.f.db, { requestId: id, factorId: null, error: null, cookieHeader: jar.header(), ipAddress: null, secretsKey: getAppContext().secretsKey, orgUrl: ORG_URL, now: a.f.clock.now });

  async function verifyTotp(id: string, user: TestUser, jar: CookieJar) {
    const page = await view(id, jar);
    if (!page.ok) throw new Error(`no factor page: ${JSON.stringify(page)}`);
    expect(page).toMatchObject({ mode: "verify" });
    const passCode = await generateTotpCode(secrets.get(user.id)!.secret, a.f.clock.now);
    return a.post(FACTOR_URL, { request: id, csrf: page.csrfToken, action: "verify", factorId: secrets.get(user.id)!.factorId, passCode }, jar);
  }

  async function idTokenOf(app: TestApp, location: string) {
    const code = responseParams(location).code;
    expect(code, location).toBeTruthy();
    const token = await a.token({ grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI, client_id: app.clientId, code_verifier: VERIFIER });
    expect(token.status).toBe(200);
    return (await a.verify(token.body.id_token)).payload;
  }

  const lastAuthorizeEvent = async () => (await a.events("app.oauth2.as.authorize")).slice(-1)[0];

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    const spa = { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] };
    payroll = await a.app("Payroll", spa, { token_endpoint_auth_method: "none" });
    wiki = await a.app("Wiki", spa, { token_endpoint_auth_method: "none" });
    dave = await a.user("Dave");
    frank = await a.user("Frank");
    for (const app of [payroll, wiki]) for (const user of [dave, frank]) await a.assign(app.appId, user.id);
    await enrollTotp(dave);
    await enrollTotp(frank);
    const group = await a.f.api("POST", "/api/v1/groups", { profile: { name: "Payroll" } });
    expect((await a.f.api("PUT", `/api/v1/groups/${group.body.id}/users/${dave.id}`)).status).toBe(204);
    const policy = await a.f.api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Payroll" });
    const rule = await a.f.api("POST", `/api/v1/policies/${policy.body.id}/rules`, {
      type: "ACCESS_POLICY",
      name: "Payroll group: two factors",
      conditions: { people: { groups: { include: [group.body.id] } } },
      actions: TWO_FACTORS,
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(200);
    expect((await a.f.api("PUT", `/api/v1/apps/${payroll.appId}/policies/${policy.body.id}`)).status).toBe(204);
  });
  afterAll(() => a.f.close());

  it("the assigned app sends a password-only session to the factor step; after the TOTP code, the code", async () => {
    const jar = await browserWith(dave, ["pwd"]);
    const first = await a.authorize(codeParams(payroll), { jar });
    expect(first.status).toBe(302);
    expect(first.location).toMatch(new RegExp(`^${ORG_URL}/signin\\?request=ftx`));
    const id = requestIdOf(first.location!);
    expect((await loadPendingAuthorization(a.f.db, id, a.f.clock.now))!.state.mfa).toEqual({ userId: dave.id, amr: ["pwd"], step: "verify", stepUp: true });
    expect(await lastAuthorizeEvent()).toMatchObject({ outcomeResult: "CHALLENGE", outcomeReason: REASON });

    a.f.clock.advance(30_000);
    const verified = await verifyTotp(id, dave, jar);
    expect(verified.location, verified.text).toMatch(/\/v1\/authorize\/resume\?request=/);
    const resumed = await a.get(verified.location!, jar);
    expect(await idTokenOf(payroll, resumed.location!)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
    // The session now has two factors: the app answers at once.
    const again = await a.authorize(codeParams(payroll), { jar });
    expect(responseParams(again.location!).code).toBeTruthy();
  });

  it("an app assigned to no policy, and a user the assigned policy's 2FA rule does not name: the code at once", async () => {
    const daveJar = await browserWith(dave, ["pwd"]);
    const unassigned = await a.authorize(codeParams(wiki), { jar: daveJar });
    expect(await idTokenOf(wiki, unassigned.location!)).toMatchObject({ amr: ["pwd"] });
    const frankJar = await browserWith(frank, ["pwd"]);
    const outsider = await a.authorize(codeParams(payroll), { jar: frankJar });
    expect(await idTokenOf(payroll, outsider.location!)).toMatchObject({ amr: ["pwd"] });
  });

  it("with prompt=none: login_required", async () => {
    const jar = await browserWith(dave, ["pwd"]);
    const res = await a.authorize(codeParams(payroll, { prompt: "none" }), { jar });
    expect(responseParams(res.location!)).toEqual({ error: "login_required", error_description: M.loginRequired, state: "st-1", iss: ISSUER });
    expect(await lastAuthorizeEvent()).toMatchObject({ outcomeReason: REASON });
  });

  it("without a session: the password, then the factor step, then the code", async () => {
    const jar = new CookieJar();
    const first = await a.authorize(codeParams(payroll), { jar });
    const afterPassword = await a.signIn(first.location!, dave, jar);
    expect(afterPassword.location, afterPassword.text).toMatch(new RegExp(`^${ORG_URL}/signin\\?request=ftx`));
    const id = requestIdOf(afterPassword.location!);
    expect((await loadPendingAuthorization(a.f.db, id, a.f.clock.now))!.state.mfa).toMatchObject({ userId: dave.id, step: "verify", stepUp: true });
    a.f.clock.advance(30_000); // a new TOTP time step: the first test's code cannot be replayed (RFC 6238 5.2)
    const verified = await verifyTotp(id, dave, jar);
    expect(verified.location, verified.text).toMatch(/\/v1\/authorize\/resume\?request=/);
    const resumed = await a.get(verified.location!, jar);
    expect(await idTokenOf(payroll, resumed.location!)).toMatchObject({ amr: ["pwd", "otp", "mfa"] });
  });
});
