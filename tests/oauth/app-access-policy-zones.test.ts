import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAppContext } from "@/lib/app-context";
import { generateTotpCode } from "@/lib/factors/generate-totp-code";
import { loadFactorView } from "@/lib/hosted/load-factor-view";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { loadPendingAuthorization } from "@/lib/pending-authorizations/load-pending-authorization";
import { flushSystemLog } from "@/lib/system-log/queue-system-log";
import { ORG_URL } from "../support/admin-fixture";
import { browserWithSession } from "../support/browser-with-session";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { AUTHORIZE_URL, codeRequest, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, VERIFIER, type AuthorizeFixture } from "./authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const OFFICE = "203.0.113.40";
const HOME = "192.0.2.10";
const STEP_UP = "STEP_UP_REQUIRED: the app's authentication policy asks for two factors and the session used one";
const DENIED = "The resource owner or authorization server denied the request.";

/**
 * An authentication policy (ACCESS_POLICY) rule with a network zone condition, at /authorize: the
 * client address (the rightmost X-Forwarded-For entry under the route handlers, TRUSTED_PROXY_HOPS
 * 0) decides which rule matches. Payroll: "in the office (include): one factor", then "anywhere: two
 * factors"; Vault: "outside the office (exclude): no access". Both databases.
 */
describe.each(testProviders())("app authentication policy with a network zone on %s", (provider) => {
  let a: AuthorizeFixture;
  let payroll: TestApp;
  let vault: TestApp;
  let dave: TestUser; // an ACTIVE TOTP factor
  let totp: { factorId: string; secret: string };
  let vaultPolicy: string;
  let officeZone: string;

  const browserWith = (amr: string[]) => browserWithSession(a.f.db, { userId: dave.id, amr, now: a.f.clock.now });
  /** GET /authorize from the jar's browser at `address`. */
  async function authorizeFrom(address: string, app: TestApp, jar: CookieJar, extra: Record<string, string> = {}) {
    const query = new URLSearchParams(codeRequest(app.clientId, extra)).toString();
    const res = await callRoute(new Request(`${AUTHORIZE_URL}?${query}`, { headers: { cookie: jar.header(), "user-agent": "vitest", "x-forwarded-for": address } }));
    jar.apply(res.headers.getSetCookie());
    await flushSystemLog(a.f.db);
    return { status: res.status, location: res.headers.get("location") };
  }
  async function idTokenOf(app: TestApp, location: string | null) {
    const code = responseParams(location!).code;
    expect(code, location!).toBeTruthy();
    const token = await a.token({ grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI, client_id: app.clientId, code_verifier: VERIFIER });
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    return (await a.verify(token.body.id_token)).payload;
  }
  const lastEvent = async (eventType: string) => (await a.events(eventType)).slice(-1)[0];
  const signinRedirect = new RegExp(`^${ORG_URL}/signin\\?request=ftx`);

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    const spa = { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], response_types: ["code"] };
    payroll = await a.app("Payroll", spa, { token_endpoint_auth_method: "none" });
    vault = await a.app("Vault", spa, { token_endpoint_auth_method: "none" });
    dave = await a.user("Dave");
    for (const app of [payroll, vault]) await a.assign(app.appId, dave.id);
    const enrolled = await a.f.api("POST", `/api/v1/users/${dave.id}/factors?activate=true`, { factorType: "token:software:totp", provider: "GOOGLE" });
    expect(enrolled.status, enrolled.text).toBe(200);
    totp = { factorId: enrolled.body.id, secret: enrolled.body._embedded.activation.sharedSecret };
    const office = await a.f.api("POST", "/api/v1/zones", { type: "IP", name: "Office", gateways: [{ type: "CIDR", value: "203.0.113.0/24" }] });
    expect(office.status, office.text).toBe(200);
    officeZone = office.body.id;

    const policy = async (name: string, app: TestApp, rules: { name: string; network: Record<string, unknown>; appSignOn: Record<string, unknown> }[]) => {
      const created = await a.f.api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name });
      expect(created.status, created.text).toBe(200);
      for (const [index, rule] of rules.entries()) {
        const res = await a.f.api("POST", `/api/v1/policies/${created.body.id}/rules`, {
          type: "ACCESS_POLICY",
          name: rule.name,
          priority: index + 1,
          conditions: { network: rule.network },
          actions: { appSignOn: rule.appSignOn },
        });
        expect([res.status, res.body.conditions?.network], res.text).toEqual([200, rule.network]);
      }
      expect((await a.f.api("PUT", `/api/v1/apps/${app.appId}/policies/${created.body.id}`)).status).toBe(204);
      return created.body.id as string;
    };
    const factors = (factorMode: string) => ({ access: "ALLOW", verificationMethod: { factorMode, type: "ASSURANCE" } });
    await policy("Payroll", payroll, [
      { name: "In the office: one factor", network: { connection: "ZONE", include: [officeZone] }, appSignOn: factors("1FA") },
      { name: "Anywhere: two factors", network: { connection: "ANYWHERE" }, appSignOn: factors("2FA") },
    ]);
    vaultPolicy = await policy("Vault", vault, [{ name: "Outside the office: no access", network: { connection: "ZONE", exclude: [officeZone] }, appSignOn: { access: "DENY" } }]);
  });
  afterAll(() => a.f.close());

  it("include: a one-factor session in the office gets the code at once", async () => {
    const jar = await browserWith(["pwd"]);
    const res = await authorizeFrom(OFFICE, payroll, jar);
    expect(res.status).toBe(302);
    expect(await idTokenOf(payroll, res.location)).toMatchObject({ sub: dave.id, amr: ["pwd"] });
  });

  it("include: the same session from elsewhere is sent to the factor step (the catch-all's 2FA), logged; after the code, the code", async () => {
    const jar = await browserWith(["pwd"]);
    const first = await authorizeFrom(HOME, payroll, jar);
    expect(first.status).toBe(302);
    expect(first.location).toMatch(signinRedirect);
    const id = requestIdOf(first.location!);
    expect((await loadPendingAuthorization(a.f.db, id, a.f.clock.now))!.state.mfa).toEqual({ userId: dave.id, amr: ["pwd"], step: "verify", stepUp: true });
    expect(await lastEvent("app.oauth2.as.authorize")).toMatchObject({ outcomeResult: "CHALLENGE", outcomeReason: STEP_UP, client: { ipAddress: HOME } });

    const view = await loadFactorView(a.f.db, { requestId: id, factorId: null, error: null, cookieHeader: jar.header(), ipAddress: HOME, secretsKey: getAppContext().secretsKey, orgUrl: ORG_URL, now: a.f.clock.now });
    if (!view.ok) throw new Error(`no factor page: ${JSON.stringify(view)}`);
    const passCode = await generateTotpCode(totp.secret, a.f.clock.now);
    const verified = await a.post(`${ORG_URL}/signin/factor/submit`, { request: id, csrf: view.csrfToken, action: "verify", factorId: totp.factorId, passCode }, jar, { "X-Forwarded-For": HOME });
    expect(verified.location, verified.text).toBe(`${ORG_URL}/oauth2/default/v1/authorize/resume?request=${id}`);
    const resumed = await a.get(verified.location!, jar);
    expect(await idTokenOf(payroll, resumed.location)).toMatchObject({ sub: dave.id, amr: ["pwd", "otp", "mfa"] });
  });

  it("include, prompt=none from elsewhere: login_required with the step-up reason", async () => {
    const jar = await browserWith(["pwd"]);
    const res = await authorizeFrom(HOME, payroll, jar, { prompt: "none" });
    expect(responseParams(res.location!)).toEqual({ error: "login_required", error_description: M.loginRequired, state: "st-1", iss: ISSUER });
    expect(await lastEvent("app.oauth2.as.authorize")).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: STEP_UP });
    // An office address the client wrote left of the proxy's entry is not believed.
    const spoofed = await authorizeFrom(`${OFFICE}, ${HOME}`, payroll, jar, { prompt: "none" });
    expect(responseParams(spoofed.location!).error).toBe("login_required");
  });

  it("exclude: outside the office Vault is denied (access_denied, System Log with the rule); inside it, the code", async () => {
    const jar = await browserWith(["pwd"]);
    const denied = await authorizeFrom(HOME, vault, jar, { prompt: "none" });
    expect(responseParams(denied.location!)).toEqual({ error: "access_denied", error_description: DENIED, state: "st-1", iss: ISSUER });
    expect(await lastEvent("application.policy.sign_on.deny_access")).toMatchObject({
      outcomeResult: "DENY",
      outcomeReason: expect.stringMatching(new RegExp(`^POLICY_DENY: rule "Outside the office: no access" \\(0pr[0-9A-Za-z]{17}\\) of the app's authentication policy "Vault" \\(${vaultPolicy}\\) denies access$`)),
      actor: { id: dave.id, type: "User" },
      client: { ipAddress: HOME },
    });
    const page = await authorizeFrom(HOME, vault, jar);
    expect(page.status).toBe(403);
    expect(await idTokenOf(vault, (await authorizeFrom(OFFICE, vault, jar)).location)).toMatchObject({ sub: dave.id, amr: ["pwd"] });
  });

  it("a deactivated office zone holds no address: include no longer matches (the factor step), exclude matches everywhere (denied)", async () => {
    expect((await a.f.api("POST", `/api/v1/zones/${officeZone}/lifecycle/deactivate`)).status).toBe(200);
    try {
      const jar = await browserWith(["pwd"]);
      expect((await authorizeFrom(OFFICE, payroll, jar)).location).toMatch(signinRedirect);
      expect(responseParams((await authorizeFrom(OFFICE, vault, jar, { prompt: "none" })).location!).error).toBe("access_denied");
    } finally {
      expect((await a.f.api("POST", `/api/v1/zones/${officeZone}/lifecycle/activate`)).status).toBe(200);
    }
  });
});
