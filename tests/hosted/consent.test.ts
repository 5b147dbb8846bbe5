import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { pendingFormToken } from "@/lib/hosted/hosted-form-token";
import { loadConsentView } from "@/lib/hosted/load-consent-view";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { APP_SECRET, ORG_URL } from "../support/admin-fixture";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

const SUBMIT = `${ORG_URL}/consent/submit`;
const KEY = deriveKey(APP_SECRET, "secrets-at-rest");

describe.each(testProviders())("consent on %s", (provider) => {
  let a: AuthorizeFixture;
  let app: TestApp;
  let trusted: TestApp;
  let alice: TestUser;
  let jar: CookieJar;

  const params = (extra: Record<string, string> = {}, client: TestApp = app) => ({
    client_id: client.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid photos:read",
    state: "s",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    ...extra,
  });
  const consentPage = async (extra: Record<string, string> = {}) => {
    const res = await a.authorize(params(extra), { jar });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(new RegExp(`^${ORG_URL}/consent\\?request=ftx`));
    const id = requestIdOf(res.location!);
    const cookie = jar.cookies.get(`authz_${id}`)!;
    return { id, cookie, csrf: pendingFormToken(KEY, { id, csrfHash: hashToken(cookie) }, jar.header())! };
  };

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    const scope = await a.f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "photos:read", displayName: "Read your photos", description: "See every photo you uploaded", consent: "REQUIRED" });
    expect(scope.status, scope.text).toBe(201);
    a.refreshCaches();
    app = await a.app("Photo App", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], consent_method: "REQUIRED" }, { token_endpoint_auth_method: "none" });
    trusted = await a.app("Trusted App", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"], consent_method: "TRUSTED" }, { token_endpoint_auth_method: "none" });
    alice = await a.user("Alice");
    await a.assign(app.appId, alice.id);
    await a.assign(trusted.appId, alice.id);
    jar = await a.browserFor(alice, trusted);
  });
  afterAll(() => a.f.close());

  it("a TRUSTED app never asks", async () => {
    const res = await a.authorize(params({}, trusted), { jar });
    expect(responseParams(res.location!).code).toBeTruthy();
  });

  it("prompt=none while consent is needed: consent_required", async () => {
    const res = await a.authorize(params({ prompt: "none" }), { jar });
    expect(responseParams(res.location!)).toEqual({ error: "consent_required", error_description: M.consentRequired, state: "s", iss: ISSUER });
  });

  it("the page lists the scope's display name and description", async () => {
    const { id, csrf } = await consentPage();
    expect(await loadConsentView(a.f.db, { requestId: id, cookieHeader: jar.header(), secretsKey: KEY, now: a.f.clock.now })).toEqual({
      ok: true,
      requestId: id,
      appLabel: "Photo App",
      logoUri: null,
      login: alice.login,
      scopes: [{ name: "photos:read", displayName: "Read your photos", description: "See every photo you uploaded" }],
      csrfToken: csrf,
    });
    expect(await loadConsentView(a.f.db, { requestId: id, cookieHeader: null, secretsKey: KEY, now: a.f.clock.now })).toEqual({ ok: false, reason: "csrf" });
  });

  it("deny: access_denied through the response mode, nothing recorded", async () => {
    const { id, csrf } = await consentPage();
    const res = await a.post(SUBMIT, { request: id, csrf, decision: "deny" }, jar);
    expect(res.status).toBe(303);
    const done = await a.get(res.location!, jar);
    expect(responseParams(done.location!)).toEqual({ error: "access_denied", error_description: M.denied, state: "s", iss: ISSUER });
    expect(await a.f.db.consentGrant.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("a CSRF mismatch is refused", async () => {
    const { id } = await consentPage();
    const res = await a.post(SUBMIT, { request: id, csrf: "forged", decision: "allow" }, jar);
    expect(res.status).toBe(403);
    expect(await a.f.db.consentGrant.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("an attacker's own valid cookie and field (their consent request, their session) planted in the victim's browser: 403, nothing granted", async () => {
    const mallory = await a.user("Mallory");
    await a.assign(app.appId, mallory.id);
    await a.assign(trusted.appId, mallory.id);
    const attacker = await a.browserFor(mallory, trusted);
    const res = await a.authorize(params(), { jar: attacker });
    const id = requestIdOf(res.location!);
    const cookie = attacker.cookies.get(`authz_${id}`)!;
    const field = pendingFormToken(KEY, { id, csrfHash: hashToken(cookie) }, attacker.header())!;
    // the pair works in the attacker's own browser ...
    expect(await loadConsentView(a.f.db, { requestId: id, cookieHeader: attacker.header(), secretsKey: KEY, now: a.f.clock.now })).toMatchObject({ ok: true, csrfToken: field });
    // ... but not in the victim's, whose session it was not made for
    const victim = new CookieJar();
    victim.cookies.set("sid", jar.cookies.get("sid")!);
    victim.cookies.set(`authz_${id}`, cookie);
    const refused = await a.post(SUBMIT, { request: id, csrf: field, decision: "allow" }, victim);
    expect(refused.status).toBe(403);
    expect(await a.f.db.consentGrant.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("the request's cookie value itself as the field (the old double submit) is refused", async () => {
    const { id, cookie } = await consentPage();
    expect((await a.post(SUBMIT, { request: id, csrf: cookie, decision: "allow" }, jar)).status).toBe(403);
    expect(await a.f.db.consentGrant.count({ where: { userId: alice.id } })).toBe(0);
  });

  it("allow: the grant is recorded and reused; prompt=consent asks again", async () => {
    const mark = await a.mark();
    const { id, csrf } = await consentPage();
    const res = await a.post(SUBMIT, { request: id, csrf, decision: "allow" }, jar);
    expect(res.status).toBe(303);
    const done = await a.get(res.location!, jar);
    expect(responseParams(done.location!).code).toBeTruthy();
    expect(await a.f.db.consentGrant.findMany({ where: { userId: alice.id }, select: { clientId: true, authServerId: true, scope: true } })).toEqual([
      { clientId: app.clientId, authServerId: "default", scope: "photos:read" },
    ]);
    const [event] = await a.events("app.oauth2.as.consent.grant", mark);
    expect(event!.outcomeResult).toBe("SUCCESS");

    const again = await a.authorize(params({ prompt: "none" }), { jar });
    expect(responseParams(again.location!).code).toBeTruthy();

    const forced = await consentPage({ prompt: "consent" });
    const allowed = await a.post(SUBMIT, { request: forced.id, csrf: forced.csrf, decision: "allow" }, jar);
    expect(responseParams((await a.get(allowed.location!, jar)).location!).code).toBeTruthy();
  });
});
