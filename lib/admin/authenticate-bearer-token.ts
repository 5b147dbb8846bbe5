import type { AppContext } from "../app-context";
import { invalidTokenError } from "../okta-api/admin-api-error";
import type { Actor } from "./admin-request";

/**
 * `Authorization: Bearer <access token>` at /api/v1 (OAuth 2.0 for Okta, issue #18 item 2): an
 * access token of the org authorization server (issuer and audience the org URL), live and not
 * revoked. The actor is the token's user (their current roles) or, for a client_credentials
 * token, the service app (its roles, kind "app"); `scopes` are the token's granted okta.* scopes.
 * Anything else (another issuer's token, expired, revoked, malformed) is 401 invalid_token.
 *
 * CONTRACT STUB: the mgmt-oauth helper replaces this body.
 */
export async function authenticateBearerToken(app: AppContext, token: string, now: Date): Promise<Actor> {
  void app;
  void token;
  void now;
  throw invalidTokenError();
}
