/** The Okta management API's scopes (`okta.users.read`, ...): only the org authorization server has them. */
export function isOktaScope(name: string): boolean {
  return name.startsWith("okta.");
}

/**
 * THE SEAM for issue #18 item 2 (the grants API, `/api/v1/apps/{appId}/grants`, with admin roles):
 * whether the app `clientId` was granted the Okta scope `scope` by an admin. Okta grants an
 * app the `okta.*` scopes only through such grants, so until they exist none is granted and the org
 * authorization server answers every request for one with `invalid_scope` (evaluatePolicy). The
 * grants' helper replaces this body (and, if it needs data, the caller's input to evaluatePolicy).
 */
export function isOktaScopeGranted(clientId: string, scope: string): boolean {
  void clientId;
  void scope;
  return false;
}
