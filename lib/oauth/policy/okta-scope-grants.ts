/** The Okta management API's scopes (`okta.users.read`, ...): only the org authorization server has them. */
export function isOktaScope(name: string): boolean {
  return name.startsWith("okta.");
}

/**
 * Whether the app was granted the Okta API scope `scope` by an admin (OAuth 2.0 for Okta: an app
 * gets an `okta.*` scope only through a grant, /api/v1/apps/{appId}/grants). `grantedScopes` are
 * the app's ACTIVE grants' scope names, read once with the client (OAuthClient.oktaScopeGrants,
 * kept in the token service's client cache, which every grant and revocation invalidates), so
 * deciding costs no query. A revoked grant stops new tokens at once; tokens already issued stay
 * valid until they expire (Okta's behaviour; the org server's access tokens live an hour).
 */
export function isOktaScopeGranted(grantedScopes: readonly string[], scope: string): boolean {
  return grantedScopes.includes(scope);
}
