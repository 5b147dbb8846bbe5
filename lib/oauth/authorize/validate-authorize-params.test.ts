import { describe, expect, it } from "vitest";
import type { OAuthClient } from "../../apps/oauth-client";
import { ORG_IDP_ID } from "../claims/org-idp-id";
import { AUTHORIZE_MESSAGES as M } from "./authorize-messages";
import { readAuthorizeParams } from "./read-authorize-params";
import { validateAuthorizeParams } from "./validate-authorize-params";

const REDIRECT = "https://app.example.com/callback";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

function client(overrides: Partial<OAuthClient> = {}): OAuthClient {
  return {
    appId: "0oaApp",
    clientId: "client1",
    label: "App",
    status: "ACTIVE",
    applicationType: "web",
    tokenEndpointAuthMethod: "client_secret_basic",
    isConfidential: true,
    usesClientSecret: true,
    pkceRequired: false,
    redirectUris: [REDIRECT],
    postLogoutRedirectUris: [],
    grantTypes: ["authorization_code", "implicit"],
    responseTypes: ["code", "token", "id_token"],
    consentMethod: "TRUSTED",
    initiateLoginUri: null,
    clientUri: null,
    logoUri: null,
    jwks: null,
    lastUpdated: new Date(0),
    oktaScopeGrants: [],
    ...overrides,
  };
}

const BASE = { client_id: "client1", redirect_uri: REDIRECT, response_type: "code", state: "s1", scope: "openid email" };
const KNOWN = new Set(["openid", "email", "profile", "offline_access", "api:read"]);

function validate(params: Record<string, string> | string, c: OAuthClient = client()) {
  const query = typeof params === "string" ? params : new URLSearchParams(params).toString();
  const raw = readAuthorizeParams({ method: "GET", url: new URL(`http://idp.test/oauth2/default/v1/authorize?${query}`), headers: new Headers(), body: null });
  return validateAuthorizeParams(raw, c, (name) => KNOWN.has(name));
}

describe("validateAuthorizeParams: errors, in the safe order", () => {
  const pub = client({ tokenEndpointAuthMethod: "none", isConfidential: false, usesClientSecret: false });
  const cases: Array<[string, Record<string, string> | string, string, string, OAuthClient?]> = [
    ["request objects", { ...BASE, request: "eyJ" }, "request_not_supported", M.requestObject],
    ["request_uri", { ...BASE, request_uri: "https://x" }, "request_uri_not_supported", M.requestUri],
    ["a repeated parameter", `${new URLSearchParams(BASE)}&state=again`, "invalid_request", M.duplicate("state")],
    ["a repeated parameter wins over a bad response_type", `${new URLSearchParams({ ...BASE, response_type: "bogus" })}&scope=x`, "invalid_request", M.duplicate("scope")],
    ["an over-long state", { ...BASE, state: "s".repeat(2049) }, "invalid_request", M.tooLong("state")],
    ["missing response_type", { ...BASE, response_type: "" }, "invalid_request", M.responseTypeMissing],
    ["unknown response_type", { ...BASE, response_type: "code device" }, "unsupported_response_type", M.responseTypeUnsupported],
    ["repeated response_type value", { ...BASE, response_type: "code code" }, "unsupported_response_type", M.responseTypeUnsupported],
    ["unknown response_mode", { ...BASE, response_mode: "jwt" }, "unsupported_response_mode", M.responseModeUnsupported],
    ["query with token", { ...BASE, response_type: "token", response_mode: "query" }, "unsupported_response_mode", M.responseModeQueryWithTokens],
    ["query with id_token", { ...BASE, response_type: "id_token", response_mode: "query", nonce: "n" }, "unsupported_response_mode", M.responseModeQueryWithTokens],
    ["unsupported mode before unauthorized_client", { ...BASE, response_mode: "jwt" }, "unsupported_response_mode", M.responseModeUnsupported, client({ grantTypes: [] })],
    ["code without the authorization_code grant", BASE, "unauthorized_client", M.grantNotAllowed("authorization_code"), client({ grantTypes: ["implicit"] })],
    ["token without the implicit grant", { ...BASE, response_type: "token" }, "unauthorized_client", M.grantNotAllowed("implicit"), client({ grantTypes: ["authorization_code"] })],
    ["id_token without the implicit grant", { ...BASE, response_type: "id_token", nonce: "n" }, "unauthorized_client", M.grantNotAllowed("implicit"), client({ grantTypes: ["authorization_code"] })],
    ["missing state", { ...BASE, state: "" }, "invalid_request", M.stateMissing],
    ["no state and no code_challenge (implicit)", { client_id: "client1", redirect_uri: REDIRECT, response_type: "token" }, "invalid_request", M.stateMissing],
    ["unknown scope", { ...BASE, scope: "openid nope" }, "invalid_scope", M.invalidScopeUnknown],
    ["scopes are case-sensitive", { ...BASE, scope: "OpenID" }, "invalid_scope", M.invalidScopeUnknown],
    ["id_token without openid", { ...BASE, response_type: "id_token", scope: "email", nonce: "n" }, "invalid_scope", M.openidRequired],
    ["id_token without nonce", { ...BASE, response_type: "id_token" }, "invalid_request", M.nonceMissing],
    ["hybrid code id_token without nonce", { ...BASE, response_type: "code id_token" }, "invalid_request", M.nonceMissing],
    ["display=touch", { ...BASE, display: "touch" }, "invalid_request", M.displayInvalid],
    ["prompt=select_account", { ...BASE, prompt: "select_account" }, "invalid_request", M.promptInvalid],
    ["prompt none with login", { ...BASE, prompt: "none login" }, "invalid_request", M.promptNoneWithOthers],
    ["negative max_age", { ...BASE, max_age: "-1" }, "invalid_request", M.maxAgeInvalid],
    ["non-numeric max_age", { ...BASE, max_age: "1h" }, "invalid_request", M.maxAgeInvalid],
    ["ui_locales with a comma", { ...BASE, ui_locales: "de,fr" }, "invalid_request", M.uiLocalesInvalid],
    ["ui_locales with a q-value", { ...BASE, ui_locales: "de;q=0.9" }, "invalid_request", M.uiLocalesInvalid],
    ["ui_locales of spaces only", { ...BASE, ui_locales: "   " }, "invalid_request", M.uiLocalesInvalid],
    ["ui_locales over 256 characters", { ...BASE, ui_locales: "de ".repeat(86) }, "invalid_request", M.uiLocalesInvalid],
    ["ui_locales before idp", { ...BASE, ui_locales: "*", idp: "0oaSocialIdp" }, "invalid_request", M.uiLocalesInvalid],
    ["another idp", { ...BASE, idp: "0oaSocialIdp" }, "invalid_request", M.idpInvalid],
    ["plain PKCE", { ...BASE, code_challenge: CHALLENGE, code_challenge_method: "plain" }, "invalid_request", M.challengeMethodInvalid],
    ["method without challenge", { ...BASE, code_challenge_method: "S256" }, "invalid_request", M.challengeMethodWithoutChallenge],
    ["challenge without method", { ...BASE, code_challenge: CHALLENGE }, "invalid_request", M.challengeMethodMissing],
    ["short challenge", { ...BASE, code_challenge: "abc", code_challenge_method: "S256" }, "invalid_request", M.challengeInvalid],
    ["challenge with token only", { ...BASE, response_type: "token", code_challenge: CHALLENGE, code_challenge_method: "S256" }, "invalid_request", M.challengeWithoutCode],
    ["public client without PKCE", BASE, "invalid_request", M.pkceRequired, pub],
    ["pkce_required app without PKCE", BASE, "invalid_request", M.pkceRequiredByApp, client({ pkceRequired: true })],
  ];
  it.each(cases)("%s", (_name, params, error, description, c) => {
    expect(validate(params, c)).toEqual({ ok: false, error, description });
  });
});

describe("validateAuthorizeParams: accepted requests", () => {
  it("a PKCE code request with every optional parameter", () => {
    const result = validate({
      ...BASE,
      code_challenge: CHALLENGE,
      code_challenge_method: "S256",
      nonce: "n1",
      prompt: "login consent",
      max_age: "300",
      display: "popup",
      login_hint: "alice@example.com",
      idp: ORG_IDP_ID,
      idp_scope: "ignored",
      acr_values: "urn:okta:loa:1fa:any",
      ui_locales: "es-MX  de_CH en",
      sessionToken: "20111abc",
      id_token_hint: "a.b.c",
      response_mode: "okta_post_message",
    });
    expect(result).toEqual({
      ok: true,
      value: {
        params: {
          clientId: "client1",
          redirectUri: REDIRECT,
          responseTypes: ["code"],
          responseMode: "okta_post_message",
          state: "s1",
          scopes: ["openid", "email"],
          nonce: "n1",
          codeChallenge: CHALLENGE,
          codeChallengeMethod: "S256",
          prompt: ["login", "consent"],
          maxAge: 300,
          display: "popup",
          loginHint: "alice@example.com",
          idTokenHintSub: null,
          acrValues: "urn:okta:loa:1fa:any",
          uiLocales: "es-MX de-CH en",
        },
        idTokenHint: "a.b.c",
        sessionToken: "20111abc",
      },
    });
  });

  it.each([
    ["code", "query", ["code"]],
    ["token", "fragment", ["token"]],
    ["id_token token", "fragment", ["token", "id_token"]],
    ["token code id_token", "fragment", ["code", "token", "id_token"]],
  ])("response_type %s defaults to %s (canonical order)", (responseType, mode, types) => {
    const result = validate({ ...BASE, response_type: responseType, nonce: "n" });
    expect(result.ok && result.value.params.responseMode).toBe(mode);
    expect(result.ok && result.value.params.responseTypes).toEqual(types);
  });

  it("ui_locales: absent is null; unsupported but well-formed tags are kept (a hint, never an error); 256 characters at most", () => {
    const none = validate(BASE);
    expect(none.ok && none.value.params.uiLocales).toBeNull();
    const klingon = validate({ ...BASE, ui_locales: "tlh x-klingon-1" });
    expect(klingon.ok && klingon.value.params.uiLocales).toBe("tlh x-klingon-1");
    const longest = validate({ ...BASE, ui_locales: `${"de ".repeat(85)}f` });
    expect(longest.ok && longest.value.params.uiLocales).toBe(`${"de ".repeat(85)}f`.replace(/ +/g, " ").trim());
  });

  it("no scope: the server's defaults (null); repeated names collapse", () => {
    const none = validate({ ...BASE, scope: "" });
    expect(none.ok && none.value.params.scopes).toBeNull();
    const repeated = validate({ ...BASE, scope: "openid  openid email" });
    expect(repeated.ok && repeated.value.params.scopes).toEqual(["openid", "email"]);
  });

  it("state may be omitted (or empty) when PKCE is used (RFC 9700 2.1.1); it is then null", () => {
    const withoutState: Record<string, string> = { ...BASE };
    delete withoutState.state;
    for (const params of [withoutState, { ...BASE, state: "" }]) {
      const result = validate({ ...params, code_challenge: CHALLENGE, code_challenge_method: "S256" });
      expect(result.ok && result.value.params.state).toBeNull();
    }
    // A malformed challenge still fails, as the PKCE step says.
    const bad = validate({ ...withoutState, code_challenge: "short", code_challenge_method: "S256" });
    expect(bad).toEqual({ ok: false, error: "invalid_request", description: M.challengeInvalid });
  });

  it("a public client with PKCE, and implicit for a public client without PKCE", () => {
    const pub = client({ tokenEndpointAuthMethod: "none", isConfidential: false, usesClientSecret: false });
    expect(validate({ ...BASE, code_challenge: CHALLENGE, code_challenge_method: "S256" }, pub).ok).toBe(true);
    expect(validate({ ...BASE, response_type: "id_token", nonce: "n" }, pub).ok).toBe(true);
  });

  it("reads a POST form body; another body type has no parameters", () => {
    const body = new URLSearchParams(BASE).toString();
    const form = readAuthorizeParams({ method: "POST", url: new URL("http://idp.test/a"), headers: new Headers({ "content-type": "application/x-www-form-urlencoded; charset=utf-8" }), body });
    expect(form.values.get("client_id")).toBe("client1");
    const json = readAuthorizeParams({ method: "POST", url: new URL("http://idp.test/a?client_id=x"), headers: new Headers({ "content-type": "application/json" }), body });
    expect(json.values.size).toBe(0);
  });
});
