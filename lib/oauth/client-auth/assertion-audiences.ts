export type ClientAuthEndpoint = "token" | "introspect" | "revoke";

const TOKEN_PATH = "/v1/token";

/**
 * The `aud` values a client assertion sent to `endpoint` may carry. Okta asks for "the full URL of
 * the endpoint you're using the JWT to authenticate to"; like panva's oidc-provider (and
 * draft-ietf-oauth-rfc7523bis, which recommends the issuer) we also accept the token endpoint URL
 * and the issuer, so clients that always address the token endpoint or the issuer work too. The
 * other endpoints sit beside the token endpoint (`…/v1/token`, `…/v1/introspect`); the issuer is
 * given, since the org authorization server's (ORG_URL) is not the token endpoint's prefix
 * (ORG_URL/oauth2/v1/token).
 */
export function assertionAudiences(endpoint: ClientAuthEndpoint, tokenEndpointUrl: string, issuer: string): string[] {
  if (!tokenEndpointUrl.endsWith(TOKEN_PATH)) return [tokenEndpointUrl];
  const base = tokenEndpointUrl.slice(0, -TOKEN_PATH.length);
  return [...new Set([`${base}/v1/${endpoint}`, tokenEndpointUrl, issuer])];
}
