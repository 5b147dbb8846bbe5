/**
 * Claim names the token service writes itself, so a custom claim may not use them: the registered
 * JWT claims (RFC 7519), the OIDC ID token claims (OIDC Core 2, 3.1.3.6, 3.3.2.11, Front/Back-Channel
 * Logout), Okta's access token claims (ver, cid, uid, scp, auth_time, amr, idp), proof-of-possession
 * and token exchange (cnf, act, may_act), OAuth access token JWT claims (RFC 9068: client_id, scope)
 * and the control fields of an introspection response (RFC 7662: active, token_type). `sub` exists
 * only as the server's SYSTEM claim, which cannot be created through the API.
 */
export const RESERVED_CLAIM_NAMES: ReadonlySet<string> = new Set([
  "iss",
  "sub",
  "aud",
  "exp",
  "iat",
  "nbf",
  "jti",
  "cid",
  "uid",
  "scp",
  "ver",
  "auth_time",
  "amr",
  "idp",
  "nonce",
  "at_hash",
  "c_hash",
  "s_hash",
  "azp",
  "acr",
  "sid",
  "cnf",
  "act",
  "may_act",
  "client_id",
  "scope",
  "active",
  "token_type",
  "typ",
  "events",
  "_claim_names",
  "_claim_sources",
]);

/** True for a name a custom claim may not take (compared without regard to case: `ISS` is refused too). */
export function isReservedClaimName(name: string): boolean {
  return RESERVED_CLAIM_NAMES.has(name.toLowerCase());
}
