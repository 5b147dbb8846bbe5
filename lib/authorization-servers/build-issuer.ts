/**
 * The issuer of an authorization server: `${orgUrl}/oauth2/${authServerId}`, byte for byte the
 * discovery `issuer` and every token's `iss` (openid-client and okta-auth-js compare them exactly).
 * ORG_URL is configured without a trailing slash; one given with trailing slashes is trimmed.
 */
export function buildIssuer(orgUrl: string, authServerId: string): string {
  return `${orgUrl.replace(/\/+$/, "")}/oauth2/${authServerId}`;
}
