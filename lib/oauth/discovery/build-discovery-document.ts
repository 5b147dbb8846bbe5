import { SUPPORTED_LOCALES } from "../../i18n/locales";
import { ACR_VALUES_SUPPORTED } from "../claims/acr-values";
import { GRANT_TYPES } from "../grant-types";
import { buildEndpointUrl, buildIssuer, type ProtocolEndpointName } from "../../authorization-servers/build-issuer";

export type DiscoveryKind = "openid-configuration" | "oauth-authorization-server";

export type DiscoveryInput = {
  /** ORG_URL, no trailing slash */
  orgUrl: string;
  authServerId: string;
  /** published scope names, in the order to list them (see listPublishedScopes) */
  scopes: readonly string[];
  /** published custom claim names, appended to the standard list (Okta publishes none: pass []) */
  claims: readonly string[];
};

export const RESPONSE_TYPES_OIDC = ["code", "id_token", "code id_token", "code token", "id_token token", "code id_token token"] as const;
/** The OAuth metadata also names the plain implicit `token` response (spec example), as Okta's does. */
export const RESPONSE_TYPES_OAUTH = ["code", "token", "id_token", "code id_token", "code token", "id_token token", "code id_token token"] as const;
export const RESPONSE_MODES = ["query", "fragment", "form_post", "okta_post_message"] as const;
export const CLIENT_AUTH_METHODS = ["client_secret_basic", "client_secret_post", "client_secret_jwt", "private_key_jwt", "none"] as const;
/** claims_supported of the OpenID Connect metadata (spec example, in its order; `acr` since acr_values, issue 16). */
export const OIDC_CLAIMS = [
  "iss", "ver", "sub", "aud", "iat", "exp", "jti", "auth_time", "amr", "acr", "idp", "nonce", "name", "nickname", "preferred_username",
  "given_name", "middle_name", "family_name", "email", "email_verified", "profile", "zoneinfo", "locale", "address", "phone_number",
  "picture", "website", "gender", "birthdate", "updated_at", "at_hash", "c_hash",
] as const;
/** claims_supported of the OAuth metadata: the access token's claims (spec example). */
export const ACCESS_TOKEN_CLAIMS = ["ver", "jti", "iss", "aud", "iat", "exp", "cid", "uid", "scp", "sub"] as const;

/**
 * The metadata of an authorization server (pure), in the spec's field order: the OpenID Connect
 * document (`/.well-known/openid-configuration`) or the OAuth 2.0 one
 * (`/.well-known/oauth-authorization-server`, RFC 8414 at Okta's appended path). They differ in
 * `userinfo_endpoint` and `id_token_signing_alg_values_supported` (OIDC only), the response types
 * the standard claims and `acr_values_supported` (OIDC only). Both list every grant type, client authentication method (also for
 * introspection and revocation, which accept the same ones), `end_session_endpoint`,
 * `code_challenge_methods_supported: ["S256"]`, `request_parameter_supported: false` and
 * `request_uri_parameter_supported: false` (OIDC Discovery: its absence would mean true; request
 * objects are not supported), `authorization_response_iss_parameter_supported: true` (RFC 9207) and
 * `ui_locales_supported` (OIDC Discovery 3, RFC 8414 2: the languages of the hosted pages, which
 * /authorize's `ui_locales` chooses among).
 */
export function buildDiscoveryDocument(kind: DiscoveryKind, input: DiscoveryInput): Record<string, unknown> {
  const issuer = buildIssuer(input.orgUrl, input.authServerId);
  const orgUrl = input.orgUrl.replace(/\/+$/, "");
  const endpoint = (name: ProtocolEndpointName) => buildEndpointUrl(input.orgUrl, input.authServerId, name);
  const oidc = kind === "openid-configuration";
  const standardClaims: readonly string[] = oidc ? OIDC_CLAIMS : ACCESS_TOKEN_CLAIMS;
  return {
    issuer,
    authorization_endpoint: endpoint("authorize"),
    token_endpoint: endpoint("token"),
    ...(oidc ? { userinfo_endpoint: endpoint("userinfo") } : {}),
    registration_endpoint: `${orgUrl}/oauth2/v1/clients`,
    jwks_uri: endpoint("keys"),
    response_types_supported: [...(oidc ? RESPONSE_TYPES_OIDC : RESPONSE_TYPES_OAUTH)],
    response_modes_supported: [...RESPONSE_MODES],
    grant_types_supported: [...GRANT_TYPES],
    subject_types_supported: ["public"],
    ...(oidc ? { id_token_signing_alg_values_supported: ["RS256"] } : {}),
    scopes_supported: [...new Set(input.scopes)],
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    claims_supported: [...new Set([...standardClaims, ...input.claims])],
    // OIDC Discovery 3: the authentication context classes /authorize's acr_values understands
    ...(oidc ? { acr_values_supported: [...ACR_VALUES_SUPPORTED] } : {}),
    code_challenge_methods_supported: ["S256"],
    introspection_endpoint: endpoint("introspect"),
    introspection_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    revocation_endpoint: endpoint("revoke"),
    revocation_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    end_session_endpoint: endpoint("logout"),
    request_parameter_supported: false,
    request_uri_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
    ui_locales_supported: [...SUPPORTED_LOCALES],
  };
}
