import type { AccessTokenView } from "../verify/types";
import { copyCustomClaims } from "./copy-custom-claims";
import type { ActiveIntrospection } from "./introspection-response";

/**
 * An active access token, as the spec's example answers it (pure): `active`, `token_type` Bearer,
 * `scope` (scp joined by spaces), `client_id` (cid), `username` (sub: the user's login), `exp`,
 * `iat`, `nbf` (only when the token has one), `sub`, `aud`, `iss`, `jti`, `uid` (the user id), then
 * the token's custom claims. client_credentials tokens have no resource owner: no `username`, no
 * `uid` (their `sub` is the client id). Okta's internal claims `ver` and `auth_time` are not echoed.
 */
export function buildAccessTokenIntrospection(token: AccessTokenView): ActiveIntrospection {
  const body: ActiveIntrospection = {
    active: true,
    token_type: "Bearer",
    scope: token.scopes.join(" "),
    client_id: token.clientId,
    ...(token.userId !== null ? { username: token.subject } : {}),
    exp: token.expiresAt,
    iat: token.issuedAt,
    ...(typeof token.claims.nbf === "number" ? { nbf: token.claims.nbf } : {}),
    sub: token.subject,
    aud: token.aud,
    iss: token.iss,
    jti: token.jti,
    ...(token.userId !== null ? { uid: token.userId } : {}),
  };
  copyCustomClaims(body, token.claims);
  return body;
}
