import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { ORG_URL } from "../support/admin-fixture";
import { browserWithSession } from "../support/browser-with-session";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { codeRequest, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, VERIFIER, type AuthorizeFixture } from "./authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "./token-fixture";

const DENIED = "The resource owner or authorization server denied the request.";
const DENY_EVENT = "application.policy.sign_on.deny_access";

/**
 * Issue 16 leftovers: an authentication policy (ACCESS_POLICY) rule's `access: DENY` refuses the
 * sign-in to its app (access_denied through the response mode with prompt=none, a clear 403 page
 * that links back to the app otherwise, the password grant too; System Log), `reauthenticateIn`
 * asks for a fresh sign-in as max_age does, and an app left on a policy that is not ACTIVE fails
 * closed. Both databases.
 */
describe.each(testProviders())("app authentication policy: DENY and reauthenticateIn on %s", (provider) => {
  let a: AuthorizeFixture;
  let vault: TestApp; // assigned to the Vault policy
  let wiki: TestApp; // the default policy
  let eve: TestUser; // a contractor: Vault denies her
  let ron: TestUser; // staff: Vault asks him to have signed in within 30 minutes
  let pat: TestUser; // neither: Vault's Catch-all Rule
  let policyId: string;

  const codeParams = (app: TestApp, extra: Record<string, string> = {}) => codeRequest(app.clientId, extra);
  const browserWith = (user: TestUser) => browserWithSession(a.f.db, { userId: user.id, amr: ["pwd"], now: a.f.clock.now });
  const lastEvent = async (eventType: string) => (await a.events(eventType)).slice(-1)[0];
  async function idTokenOf(app: TestApp, location: string) {
    const code = responseParams(location).code;
    expect(code, location).toBeTruthy();
    const token = await a.token({ grant_type: "authorization_code", code: code!, redirect_uri: REDIRECT_URI, client_id: app.clientId, code_verifier: VERIFIER }, { basic: a.basic(app) });
    expect(token.status, JSON.stringify(token.body)).toBe(200);
    return (await a.verify(token.body.id_token)).payload;
  }
  const deniedLocation = () => {
    const url = new URL(REDIRECT_URI);
    for (const [name, value] of Object.entries({ error: "access_denied", error_description: DENIED, state: "st-1", iss: ISSUER })) url.searchParams.set(name, value);
    return url.toString();
  };

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    const web = { application_type: "web", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "password"], response_types: ["code"] };
    vault = await a.app("Vault", web);
    wiki = await a.app("Wiki", web);
    eve = await a.user("Eve");
    ron = await a.user("Ron");
    pat = await a.user("Pat");
    for (const app of [vault, wiki]) for (const user of [eve, ron, pat]) await a.assign(app.appId, user.id);
    const group = async (name: string, user: TestUser) => {
      const created = await a.f.api("POST", "/api/v1/groups", { profile: { name } });
      expect((await a.f.api("PUT", `/api/v1/groups/${created.body.id}/users/${user.id}`)).status).toBe(204);
      return created.body.id as string;
    };
    const contractors = await group("Contractors", eve);
    const staff = await group("Staff", ron);
    policyId = (await a.f.api("POST", "/api/v1/policies", { type: "ACCESS_POLICY", name: "Vault" })).body.id;
    for (const [name, include, actions] of [
      ["Contractors: no access", contractors, { appSignOn: { access: "DENY" } }],
      ["Staff: signed in within 30 minutes", staff, { appSignOn: { access: "ALLOW", verificationMethod: { factorMode: "1FA", type: "ASSURANCE", reauthenticateIn: "PT30M" } } }],
    ] as const) {
      const rule = await a.f.api("POST", `/api/v1/policies/${policyId}/rules`, { type: "ACCESS_POLICY", name, conditions: { people: { groups: { include: [include] } } }, actions });
      expect(rule.status, JSON.stringify(rule.body)).toBe(200);
    }
    expect((await a.f.api("PUT", `/api/v1/apps/${vault.appId}/policies/${policyId}`)).status).toBe(204);
  });
  afterAll(() => a.f.close());

  it("DENY with prompt=none: access_denied through the response mode, with Okta's description; System Log", async () => {
    const jar = await browserWith(eve);
    const res = await a.authorize(codeParams(vault, { prompt: "none" }), { jar });
    expect(res.status).toBe(302);
    expect(res.location).toBe(deniedLocation());
    expect(await lastEvent(DENY_EVENT)).toMatchObject({
      outcomeResult: "DENY",
      outcomeReason: expect.stringMatching(new RegExp(`^POLICY_DENY: rule "Contractors: no access" \\(0pr[0-9A-Za-z]{17}\\) of the app's authentication policy "Vault" \\(${policyId}\\) denies access$`)),
      actor: { id: eve.id, type: "User" },
      debugContext: { debugData: expect.objectContaining({ policyId, ruleId: expect.stringMatching(/^0pr/) }) },
    });
    expect(await lastEvent("app.oauth2.as.authorize")).toMatchObject({ outcomeResult: "DENY", outcomeReason: expect.stringMatching(/^POLICY_DENY: /) });
  });

  it("DENY in a browser: a clear 403 page (not framed, not cached) that links back to the app with the error", async () => {
    const jar = await browserWith(eve);
    const res = await a.authorize(codeParams(vault), { jar });
    expect(res.status).toBe(403);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.text).toContain('<html lang="en">');
    expect(res.text).toContain("<h1>You are not allowed to access this app</h1>");
    expect(res.text).toContain("<p>Your organization&#39;s sign-in policy for Vault does not allow you to use it. To request access, contact an admin.</p>");
    expect(res.text).toContain(`<a href="${deniedLocation().replaceAll("&", "&amp;")}">Back to Vault</a>`);
    expect(res.text).toContain(`<code>access_denied</code> — ${DENIED}`);
  });

  it("the page speaks the browser's language (Accept-Language)", async () => {
    const jar = await browserWith(eve);
    const query = new URLSearchParams(codeParams(vault)).toString();
    const res = await callRoute(new Request(`${ORG_URL}/oauth2/default/v1/authorize?${query}`, { headers: { cookie: jar.header(), "accept-language": "de-CH, fr;q=0.5" } }));
    const html = await res.text();
    expect(res.status).toBe(403);
    expect(html).toContain('<html lang="de">');
    expect(html).toContain("<h1>Sie haben keinen Zugriff auf diese App</h1>");
    expect(html).toContain(">Zurück zu Vault</a>");
  });

  it("DENY after signing in on the hosted page: the page, and the pending request is finished", async () => {
    const jar = new CookieJar();
    const first = await a.authorize(codeParams(vault), { jar });
    expect(first.location).toMatch(new RegExp(`^${ORG_URL}/signin\\?request=ftx`));
    const id = requestIdOf(first.location!);
    const resumed = await a.signIn(first.location!, eve, jar);
    expect(resumed.status).toBe(403);
    expect(resumed.text).toContain("You are not allowed to access this app");
    expect(await a.f.db.pendingAuthorization.findUnique({ where: { id } })).toBeNull();
  });

  it("the rule denies only its people and only its app's policy: others get the code, Eve gets Wiki", async () => {
    expect(await idTokenOf(vault, (await a.authorize(codeParams(vault), { jar: await browserWith(pat) })).location!)).toMatchObject({ sub: pat.id });
    expect(await idTokenOf(wiki, (await a.authorize(codeParams(wiki), { jar: await browserWith(eve) })).location!)).toMatchObject({ sub: eve.id });
  });

  it("DENY at the token endpoint's password grant: 400 access_denied, no token", async () => {
    const denied = await a.token({ grant_type: "password", username: eve.login, password: eve.password, scope: "openid" }, { basic: a.basic(vault) });
    expect({ status: denied.status, body: denied.body }).toEqual({ status: 400, body: { error: "access_denied", error_description: DENIED } });
    const allowed = await a.token({ grant_type: "password", username: pat.login, password: pat.password, scope: "openid" }, { basic: a.basic(vault) });
    expect(allowed.status).toBe(200);
  });

  it("reauthenticateIn PT30M: a session older than 30 minutes signs in again (prompt=none: login_required); a fresh one gets the code", async () => {
    const jar = await browserWith(ron);
    a.f.clock.advance(30 * 60_000);
    expect(await idTokenOf(vault, (await a.authorize(codeParams(vault), { jar })).location!)).toMatchObject({ sub: ron.id });
    a.f.clock.advance(1_000);
    const reason = "LOGIN_REQUIRED: the session's authentication is older than the app's authentication policy allows (reauthenticateIn PT30M)";
    const silent = await a.authorize(codeParams(vault, { prompt: "none" }), { jar });
    expect(responseParams(silent.location!)).toEqual({ error: "login_required", error_description: M.loginRequired, state: "st-1", iss: ISSUER });
    expect(await lastEvent("app.oauth2.as.authorize")).toMatchObject({ outcomeResult: "FAILURE", outcomeReason: reason });
    // Another app without the rule still takes the session as it is.
    expect(await idTokenOf(wiki, (await a.authorize(codeParams(wiki), { jar })).location!)).toMatchObject({ sub: ron.id });

    const again = await a.authorize(codeParams(vault), { jar });
    expect(again.location).toMatch(new RegExp(`^${ORG_URL}/signin\\?request=ftx`));
    expect(await lastEvent("app.oauth2.as.authorize")).toMatchObject({ outcomeResult: "CHALLENGE", outcomeReason: reason });
    const resumed = await a.signIn(again.location!, ron, jar);
    const payload = await idTokenOf(vault, resumed.location!);
    expect(payload.auth_time).toBe(Math.floor(a.f.clock.now.getTime() / 1000));
  });

  it("an app whose policy is not ACTIVE (a state the API refuses to reach) fails closed: access_denied, never the default's one factor", async () => {
    await a.f.db.orgPolicy.update({ where: { id: policyId }, data: { status: "INACTIVE" } });
    try {
      const res = await a.authorize(codeParams(vault, { prompt: "none" }), { jar: await browserWith(pat) });
      expect(res.location).toBe(deniedLocation());
      expect(await lastEvent(DENY_EVENT)).toMatchObject({ outcomeReason: `POLICY_INACTIVE: the app's authentication policy ${policyId} is not ACTIVE` });
    } finally {
      await a.f.db.orgPolicy.update({ where: { id: policyId }, data: { status: "ACTIVE" } });
    }
  });
});
