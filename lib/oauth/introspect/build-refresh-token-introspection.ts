import type { LiveRefreshToken } from "../verify/types";
import type { ActiveIntrospection } from "./introspection-response";

/**
 * An active refresh token, as the spec's example answers it (pure): `active`, `token_type` Bearer,
 * `scope`, `client_id`, `username` and `sub` (the user's login), `exp` (when it dies unless
 * exchanged: the earlier of its sliding window and its absolute lifetime). No `device_id`: this
 * server does not bind tokens to devices.
 */
export function buildRefreshTokenIntrospection(token: LiveRefreshToken): ActiveIntrospection {
  return {
    active: true,
    token_type: "Bearer",
    scope: token.scopes.join(" "),
    client_id: token.clientId,
    ...(token.user ? { username: token.user.login } : {}),
    exp: Math.floor(token.expiresAt.getTime() / 1000),
    sub: token.user ? token.user.login : token.clientId,
  };
}
