import { z } from "zod";
import type { OAuthClient } from "../../apps/oauth-client";
import { ORG_IDP_ID } from "../claims/org-idp-id";
import { MAX_TOKEN_LENGTH } from "../verify/verify-server-jwt";
import { AUTHORIZE_MESSAGES as M } from "./authorize-messages";
import { PROMPT_VALUES, type AuthorizeParams, type PromptValue } from "../../pending-authorizations/authorize-params";
import { includesTokens, type AuthorizeError } from "./authorize-types";
import { defaultResponseMode, isResponseMode, parseResponseType, responseModeProblem } from "./response-mode";
import type { RawAuthorizeParams } from "./read-authorize-params";

/** Longest accepted value of any parameter but id_token_hint (Okta caps state and nonce at 2048). */
export const MAX_PARAM_LENGTH = 2048;
/** RFC 7636 4.2: code_challenge = BASE64URL(SHA256(verifier)), 43..128 unreserved characters. */
const CODE_CHALLENGE = /^[A-Za-z0-9._~-]{43,128}$/;
/** ui_locales is a hint: this many characters are plenty for any list of preferences. */
export const MAX_UI_LOCALES_LENGTH = 256;
/**
 * OIDC Core 3.1.2.1 `ui_locales`: "space-separated list of BCP47 [RFC5646] language tag values,
 * ordered by preference". The shape of a tag (letters, then subtags of letters and digits; `_` read
 * as `-`, as some clients write en_US), not the registry: tags this server has no translation for
 * are simply passed over (an error "SHOULD NOT result"). Stored as the tags, one space apart.
 */
const uiLocalesParam = z
  .string()
  .max(MAX_UI_LOCALES_LENGTH)
  .transform((value) => value.split(" ").filter((tag) => tag.length > 0))
  .pipe(z.array(z.string().regex(/^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/)).min(1))
  .transform((tags) => tags.map((tag) => tag.replaceAll("_", "-")).join(" "));

export type ValidatedAuthorizeRequest = {
  params: AuthorizeParams;
  /** an id_token_hint to verify (async) before use */
  idTokenHint: string | null;
  sessionToken: string | null;
};

export type AuthorizeValidation = { ok: true; value: ValidatedAuthorizeRequest } | ({ ok: false } & AuthorizeError);

const fail = (error: string, description: string): AuthorizeValidation => ({ ok: false, error, description });

/**
 * Validates an authorization request whose client and redirect_uri are already trusted (pure).
 * The first failure wins, in this order, and goes back to the client through its response mode:
 * 1. `request` / `request_uri`: request_not_supported / request_uri_not_supported (OIDC Core 6);
 * 2. a repeated parameter, a value longer than MAX_PARAM_LENGTH: invalid_request (RFC 6749 3.1);
 * 3. response_type: missing -> invalid_request; not a combination of code, token, id_token ->
 *    unsupported_response_type (RFC 6749 4.1.2.1);
 * 4. response_mode: unknown, `query` with token/id_token, okta_post_message without an http(s)
 *    redirect_uri -> unsupported_response_mode (spec);
 * 5. the app's grant types: code needs authorization_code, token/id_token need implicit ->
 *    unauthorized_client;
 * 6. state: required by Okta -> invalid_request, unless a code_challenge is present: RFC 9700
 *    2.1.1 lets PKCE carry the CSRF protection state otherwise gives, and generic clients (Auth.js,
 *    openid-client's passport strategy) send PKCE without state (a documented departure);
 * 7. scope: unknown names -> invalid_scope; id_token without openid -> invalid_scope;
 * 8. nonce: required when an ID token is returned from /authorize (OIDC Core 3.2.2.1);
 * 9. display (page|popup), prompt (none|login|consent, none alone: OIDC Core 3.1.2.1), max_age
 *    (integer >= 0), ui_locales (language tags, bounded: uiLocalesParam), idp (only this org's own
 *    IdP id) -> invalid_request;
 * 10. PKCE (RFC 7636 4.3, 4.4.1): code_challenge_method S256 only, a well-formed challenge, only
 *     with `code`; public clients (token_endpoint_auth_method none) and pkce_required apps must use
 *     it with `code` -> invalid_request.
 * login_hint, idp_scope (ignored), acr_values, id_token_hint and sessionToken are accepted.
 */
export function validateAuthorizeParams(raw: RawAuthorizeParams, client: OAuthClient, isKnownScope: (name: string) => boolean): AuthorizeValidation {
  const { values } = raw;
  const get = (name: string) => values.get(name);

  if (values.has("request")) return fail("request_not_supported", M.requestObject);
  if (values.has("request_uri")) return fail("request_uri_not_supported", M.requestUri);
  const repeated = [...raw.duplicates][0];
  if (repeated !== undefined) return fail("invalid_request", M.duplicate(repeated));
  for (const [name, value] of values) {
    const limit = name === "id_token_hint" ? MAX_TOKEN_LENGTH : MAX_PARAM_LENGTH;
    if (value.length > limit) return fail("invalid_request", M.tooLong(name));
  }

  const rawType = get("response_type");
  if (!rawType) return fail("invalid_request", M.responseTypeMissing);
  const responseTypes = parseResponseType(rawType);
  if (!responseTypes) return fail("unsupported_response_type", M.responseTypeUnsupported);

  const redirectUri = get("redirect_uri") ?? "";
  const rawMode = get("response_mode");
  if (rawMode !== undefined && !isResponseMode(rawMode)) return fail("unsupported_response_mode", M.responseModeUnsupported);
  const responseMode = rawMode ?? defaultResponseMode(responseTypes);
  const modeProblem = responseModeProblem(responseMode, responseTypes, redirectUri);
  if (modeProblem === "query_with_tokens") return fail("unsupported_response_mode", M.responseModeQueryWithTokens);
  if (modeProblem === "post_message_scheme") return fail("unsupported_response_mode", M.responseModePostMessageScheme);

  const wantsCode = responseTypes.includes("code");
  if (wantsCode && !client.grantTypes.includes("authorization_code")) return fail("unauthorized_client", M.grantNotAllowed("authorization_code"));
  if (includesTokens(responseTypes) && !client.grantTypes.includes("implicit")) return fail("unauthorized_client", M.grantNotAllowed("implicit"));

  const state = get("state") || null;
  if (!state && !get("code_challenge")) return fail("invalid_request", M.stateMissing);

  const scopeParam = get("scope");
  const scopes = scopeParam ? [...new Set(scopeParam.split(" ").filter((name) => name.length > 0))] : [];
  if (scopes.some((name) => !isKnownScope(name))) return fail("invalid_scope", M.invalidScopeUnknown);
  const wantsIdToken = responseTypes.includes("id_token");
  if (wantsIdToken && !scopes.includes("openid")) return fail("invalid_scope", M.openidRequired);

  const nonce = get("nonce") ?? null;
  if (wantsIdToken && !nonce) return fail("invalid_request", M.nonceMissing);

  const display = get("display");
  if (display !== undefined && display !== "page" && display !== "popup") return fail("invalid_request", M.displayInvalid);

  const promptParts = (get("prompt") ?? "").split(" ").filter((part) => part.length > 0);
  if (promptParts.some((part) => !(PROMPT_VALUES as readonly string[]).includes(part))) return fail("invalid_request", M.promptInvalid);
  const prompt = [...new Set(promptParts)] as PromptValue[];
  if (prompt.includes("none") && prompt.length > 1) return fail("invalid_request", M.promptNoneWithOthers);

  const rawMaxAge = get("max_age");
  if (rawMaxAge !== undefined && !/^\d{1,10}$/.test(rawMaxAge)) return fail("invalid_request", M.maxAgeInvalid);

  const rawUiLocales = get("ui_locales");
  const uiLocales = rawUiLocales === undefined ? null : uiLocalesParam.safeParse(rawUiLocales);
  if (uiLocales && !uiLocales.success) return fail("invalid_request", M.uiLocalesInvalid);

  const idp = get("idp");
  if (idp !== undefined && idp !== ORG_IDP_ID) return fail("invalid_request", M.idpInvalid);

  const codeChallenge = get("code_challenge") ?? null;
  const method = get("code_challenge_method");
  if (method !== undefined && method !== "S256") return fail("invalid_request", M.challengeMethodInvalid);
  if (method !== undefined && !codeChallenge) return fail("invalid_request", M.challengeMethodWithoutChallenge);
  if (codeChallenge) {
    if (method === undefined) return fail("invalid_request", M.challengeMethodMissing);
    if (!CODE_CHALLENGE.test(codeChallenge)) return fail("invalid_request", M.challengeInvalid);
    if (!wantsCode) return fail("invalid_request", M.challengeWithoutCode);
  }
  if (wantsCode && !codeChallenge) {
    if (!client.isConfidential) return fail("invalid_request", M.pkceRequired);
    if (client.pkceRequired) return fail("invalid_request", M.pkceRequiredByApp);
  }

  return {
    ok: true,
    value: {
      params: {
        clientId: client.clientId,
        redirectUri,
        responseTypes,
        responseMode,
        state,
        scopes: scopes.length > 0 ? scopes : null,
        nonce,
        codeChallenge,
        codeChallengeMethod: codeChallenge ? "S256" : null,
        prompt,
        maxAge: rawMaxAge === undefined ? null : Number(rawMaxAge),
        display: display ?? null,
        loginHint: get("login_hint") ?? null,
        idTokenHintSub: null,
        acrValues: get("acr_values") ?? null,
        uiLocales: uiLocales?.data ?? null,
      },
      idTokenHint: get("id_token_hint") ?? null,
      sessionToken: get("sessionToken") ?? null,
    },
  };
}
