/**
 * The OpenID Connect scopes. A matching policy rule grants them by default (spec: "Troubleshooting >
 * Subtle Behavior"), so a rule's scope condition never has to list them.
 */
export const OIDC_SCOPES: ReadonlySet<string> = new Set(["openid", "profile", "email", "address", "phone", "offline_access"]);

export function isOidcScope(name: string): boolean {
  return OIDC_SCOPES.has(name);
}
