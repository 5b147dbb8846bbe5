import type { VerifiedIdToken } from "../verify/types";
import { copyCustomClaims } from "./copy-custom-claims";
import type { ActiveIntrospection } from "./introspection-response";

/**
 * An active ID token (pure): `active`, `client_id` (its aud), `username` (the user's login), `exp`,
 * `iat`, `sub` (the user id, as in the token), `aud`, `iss`, `jti`, then the token's profile and
 * custom claims (name, email, ...). No `token_type` and no `scope`: an ID token is not an OAuth
 * access credential and carries no scopes. Protocol claims (ver, amr, idp, nonce, auth_time,
 * at_hash, c_hash) are not echoed.
 */
export function buildIdTokenIntrospection(token: VerifiedIdToken): ActiveIntrospection {
  const body: ActiveIntrospection = {
    active: true,
    client_id: token.clientId,
    username: token.user.login,
    exp: token.expiresAt,
    iat: token.issuedAt,
    sub: token.userId,
    aud: token.clientId,
    iss: token.iss,
    jti: token.jti,
  };
  copyCustomClaims(body, token.claims);
  return body;
}
