import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deriveKey } from "@/lib/crypto/derive-key";
import { hashToken } from "@/lib/crypto/hash-token";
import { pendingFormToken } from "@/lib/hosted/hosted-form-token";
import { loadConsentView } from "@/lib/hosted/load-consent-view";
import { loadSigninView } from "@/lib/hosted/load-signin-view";
import { resolveHostedLocale } from "@/lib/hosted/resolve-hosted-locale";
import { SIGN_IN_REQUEST_MINUTES } from "@/lib/http/hosted-messages";
import { AUTHORIZE_MESSAGES as M } from "@/lib/oauth/authorize/authorize-messages";
import { PENDING_LIFETIME_MS } from "@/lib/pending-authorizations/create-pending-authorization";
import { loadPendingAuthorization } from "@/lib/pending-authorizations/load-pending-authorization";
import { APP_SECRET, ORG_URL } from "../support/admin-fixture";
import { callRoute } from "../support/call-route";
import { testProviders } from "../support/test-databases";
import { CHALLENGE, CookieJar, createAuthorizeFixture, requestIdOf, responseParams, type AuthorizeFixture } from "../oauth/authorize-fixture";
import { ISSUER, REDIRECT_URI, type TestApp, type TestUser } from "../oauth/token-fixture";

const KEY = deriveKey(APP_SECRET, "secrets-at-rest");

/**
 * Issue 17 item 7: the hosted pages speak the language /authorize's ui_locales asks for (kept with
 * the pending authorization for every page of that sign-in), else the browser's Accept-Language,
 * else the org's defaultLocale; the string-rendered pages say so on <html lang> and Vary.
 */
describe.each(testProviders())("localised hosted pages on %s", (provider) => {
  let a: AuthorizeFixture;
  let app: TestApp;
  let plain: TestApp;
  let alice: TestUser;

  const params = (extra: Record<string, string> = {}) => ({
    client_id: app.clientId,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid email offline_access",
    state: "s",
    code_challenge: CHALLENGE,
    code_challenge_method: "S256",
    ...extra,
  });
  const start = async (extra: Record<string, string> = {}, jar = new CookieJar()) => {
    const res = await a.authorize(params(extra), { jar });
    expect(res.status, res.text).toBe(302);
    const id = requestIdOf(res.location!);
    return { id, jar, location: res.location! };
  };
  const locale = (requestId: string | null, acceptLanguage: string | null = null) => resolveHostedLocale(a.f.db, { requestId, acceptLanguage, now: a.f.clock.now });
  const setDefault = async (defaultLocale: string) => expect((await a.f.api("POST", "/api/v1/org/settings", { defaultLocale })).status).toBe(200);
  const page = (res: { status: number; headers: Headers; text: string }) => ({
    status: res.status,
    lang: /<html lang="([^"]+)">/.exec(res.text)?.[1],
    title: /<h1>([^<]*)<\/h1>/.exec(res.text)?.[1],
    vary: res.headers.get("vary"),
  });

  beforeAll(async () => {
    a = await createAuthorizeFixture(provider);
    app = await a.app("Fotoalbum", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code", "refresh_token"], consent_method: "REQUIRED" }, { token_endpoint_auth_method: "none" });
    plain = await a.app("Plain", { application_type: "browser", redirect_uris: [REDIRECT_URI], grant_types: ["authorization_code"] }, { token_endpoint_auth_method: "none" });
    alice = await a.user("Alice");
    await a.assign(app.appId, alice.id);
    await a.assign(plain.appId, alice.id);
  });
  afterAll(() => a.f.close());

  it("the sign-in request keeps ui_locales (normalised); a request without it has null, and an older stored row reads as null", async () => {
    const { id } = await start({ ui_locales: "de_CH  fr" });
    expect((await loadPendingAuthorization(a.f.db, id, a.f.clock.now))!.state.params.uiLocales).toBe("de-CH fr");
    const plain = await start();
    expect((await loadPendingAuthorization(a.f.db, plain.id, a.f.clock.now))!.state.params.uiLocales).toBeNull();
    const row = await a.f.db.pendingAuthorization.findUniqueOrThrow({ where: { id: plain.id } });
    const stored = JSON.parse(JSON.stringify(row.params)) as { params: Record<string, string | null> };
    delete stored.params.uiLocales;
    await a.f.db.pendingAuthorization.update({ where: { id: plain.id }, data: { params: stored } });
    expect((await loadPendingAuthorization(a.f.db, plain.id, a.f.clock.now))!.state.params.uiLocales).toBeNull();
  });

  it("a malformed ui_locales goes back to the app as invalid_request", async () => {
    const res = await a.authorize(params({ ui_locales: "de,fr" }));
    expect(responseParams(res.location!)).toEqual({ error: "invalid_request", error_description: M.uiLocalesInvalid, state: "s", iss: ISSUER });
  });

  it("the page's language: ui_locales first, then Accept-Language, then the org default, else English", async () => {
    const { id } = await start({ ui_locales: "es de" });
    expect(await locale(id, "fr")).toBe("de");
    const plain = await start();
    expect(await locale(plain.id, "fr-CA, de;q=0.5")).toBe("fr");
    expect(await locale(plain.id, "es")).toBe("en");
    await setDefault("fr");
    try {
      expect(await locale(plain.id, "es")).toBe("fr");
      expect(await locale(null, null)).toBe("fr");
      expect(await locale(id, null)).toBe("de");
    } finally {
      await setDefault("en");
    }
  });

  it("the sign-in page's errors in the request's language", async () => {
    const { id, jar } = await start({ ui_locales: "fr" });
    const lang = await locale(id, "de");
    expect(await loadSigninView(a.f.db, { requestId: id, error: "invalid", cookieHeader: jar.header(), secretsKey: KEY, now: a.f.clock.now, locale: lang })).toMatchObject({ ok: true, error: { kind: "invalid", message: "Connexion impossible" } });
  });

  it("the consent page says the system scopes in plain words of the request's language; a custom scope keeps the admin's text", async () => {
    const scope = await a.f.api("POST", "/api/v1/authorizationServers/default/scopes", { name: "album:read", displayName: "Read your albums", description: "See every album you made", consent: "REQUIRED" });
    expect(scope.status, scope.text).toBe(201);
    a.refreshCaches();
    const browser = new CookieJar();
    const first = await a.authorize(params({ ui_locales: "de", scope: "openid email offline_access album:read" }), { jar: browser });
    const location = (await a.signIn(first.location!, alice, browser)).location!;
    expect(location).toMatch(new RegExp(`^${ORG_URL}/consent\\?request=ftx`));
    const id = requestIdOf(location);
    const view = await loadConsentView(a.f.db, { requestId: id, cookieHeader: browser.header(), secretsKey: KEY, now: a.f.clock.now, locale: await locale(id, "en") });
    expect(view).toMatchObject({
      ok: true,
      appLabel: "Fotoalbum",
      scopes: [
        { name: "email", displayName: "Ihre E-Mail-Adresse sehen", description: "Ihre E-Mail-Adresse und ob sie bestätigt wurde." },
        { name: "offline_access", displayName: "Bei Fotoalbum angemeldet bleiben, auch wenn Sie nicht da sind" },
        { name: "album:read", displayName: "Read your albums", description: "See every album you made" },
      ],
    });
  });

  it("the hosted refusal pages: the request's ui_locales, else Accept-Language; <html lang> and Vary: Accept-Language", async () => {
    const { id, jar } = await start({ ui_locales: "de" });
    const cookie = jar.cookies.get(`authz_${id}`)!;
    const forged = await a.post(`${ORG_URL}/signin/submit`, { request: id, csrf: "forged", username: "x", password: "y" }, jar, { "accept-language": "fr" });
    expect(page(forged)).toEqual({ status: 403, lang: "de", title: "Wir konnten diese Anfrage nicht überprüfen", vary: "Accept-Language" });
    const expired = await a.post(`${ORG_URL}/signin/submit`, { request: "ftxNoSuchRequest0000", csrf: "x" }, undefined, { "accept-language": "fr-FR,fr;q=0.9" });
    expect(page(expired)).toEqual({ status: 400, lang: "fr", title: "Ce lien de connexion a expiré", vary: "Accept-Language" });
    expect(expired.text).toContain(`valables ${SIGN_IN_REQUEST_MINUTES} minutes`);
    const consent = await a.post(`${ORG_URL}/consent/submit`, { request: id, csrf: pendingFormToken(KEY, { id, csrfHash: hashToken(cookie) }, jar.header())!, decision: "maybe" }, jar);
    expect(page(consent)).toMatchObject({ status: 400, lang: "de", title: "Dieser Anmeldelink ist abgelaufen" });
    const resumed = await a.get(`${ISSUER}/v1/authorize/resume?request=${id}`, new CookieJar());
    expect(page(resumed)).toMatchObject({ status: 403, lang: "de" });
  });

  it("/authorize's page for an unknown client: ui_locales of the request, else Accept-Language", async () => {
    const unknown = (query: Record<string, string>, headers: Record<string, string> = {}) =>
      callRoute(new Request(`${ISSUER}/v1/authorize?${new URLSearchParams({ client_id: "nope", redirect_uri: REDIRECT_URI, response_type: "code", ...query })}`, { headers })).then(async (res) => ({ status: res.status, headers: res.headers, text: await res.text() }));
    expect(page(await unknown({ ui_locales: "fr" }, { "accept-language": "de" }))).toEqual({ status: 400, lang: "fr", title: "La demande de connexion de cette application n’est pas valide", vary: "Accept-Language" });
    const german = await unknown({}, { "accept-language": "de-AT" });
    expect(page(german)).toMatchObject({ status: 400, lang: "de", title: "Die Anmeldeanfrage dieser Anwendung ist ungültig" });
    expect(german.text).toContain("<small>Fehler: <code>invalid_client</code>");
  });

  it("logout's pages: ui_locales (RP-Initiated Logout 1.0), else Accept-Language", async () => {
    const signedOut = await callRoute(new Request(`${ISSUER}/v1/logout?ui_locales=fr`));
    const text = await signedOut.text();
    expect(page({ status: signedOut.status, headers: signedOut.headers, text })).toEqual({ status: 200, lang: "fr", title: "Vous avez été déconnecté", vary: "Accept-Language" });
    const jar = await a.browserFor(alice, plain);
    const asked = await callRoute(new Request(`${ISSUER}/v1/logout`, { headers: { cookie: jar.header(), "accept-language": "de" } }));
    const askedText = await asked.text();
    expect(page({ status: asked.status, headers: asked.headers, text: askedText })).toMatchObject({ status: 200, lang: "de", title: "Abmelden?" });
    expect(askedText).toContain('<button class="hs-button" type="submit" autofocus>Abmelden</button>');
  });

  it("the expired page's minutes are the pending authorization's lifetime", () => {
    expect(SIGN_IN_REQUEST_MINUTES * 60_000).toBe(PENDING_LIFETIME_MS);
  });
});
