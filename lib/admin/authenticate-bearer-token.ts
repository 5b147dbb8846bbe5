import { isKnownOktaScope } from "../admin-roles/permissions";
import { loadAppAdminRoles } from "../admin-roles/load-admin-roles";
import type { AppContext } from "../app-context";
import { findApp } from "../apps/find-app";
import { buildIssuer } from "../authorization-servers/build-issuer";
import { AdminApiError, forbiddenError } from "../okta-api/admin-api-error";
import { getServerSnapshot } from "../oauth/snapshot/get-server-snapshot";
import { ORG_AUTH_SERVER_ID } from "../oauth/snapshot/org-authorization-server";
import { verifyAccessToken } from "../oauth/verify/verify-access-token";
import type { VerifiedAccessToken } from "../oauth/verify/types";
import type { Actor } from "./admin-request";
import { authorizeAdminUser } from "./authorize-admin";

/**
 * 401 E0000011 for a Bearer token that is not an org server access token in force, with the
 * challenge of RFC 6750 3.1 (`error="invalid_token"`), as Okta answers it.
 */
export const invalidBearerTokenError = () =>
  new AdminApiError(401, "E0000011", "Invalid token provided", [], {
    "WWW-Authenticate": 'Bearer realm="IdP", error="invalid_token", error_description="The access token is invalid."',
  });

/**
 * What stands for the API token of an SSWS call (the rate limit's key, the System Log's apiTokenId):
 * the OAuth client, so that minting more tokens buys no more requests.
 */
function credentialOf(verified: VerifiedAccessToken): string {
  return `oauth:${verified.clientId}`;
}

/** The org URL is the audience of every org server access token (and nothing else's). */
function isForOrg(aud: string | string[], orgUrl: string): boolean {
  return Array.isArray(aud) ? aud.includes(orgUrl) : aud === orgUrl;
}

/**
 * `Authorization: Bearer <access token>` at /api/v1 (OAuth 2.0 for Okta, issue #18 item 2): an
 * access token of the org authorization server, verified as its own endpoints verify it
 * (verifyAccessToken: RS256 signature by one of the org server's keys, `iss` the org URL, exp/iat/nbf
 * against `now`, not revoked, its app and user still ACTIVE, unchanged and assigned) and meant for
 * the management API (`aud` the org URL). A custom server's token never verifies here: another
 * issuer and other keys. The actor:
 * - a user's token (`uid`): that user with their roles as of now (authorizeAdminUser, the SSWS and
 *   dashboard check: a user who holds no admin role is 403);
 * - a client_credentials token: the service app, kind "app" (userId its app id, login its client
 *   id, displayName its label), with the app's admin roles (none: 403).
 * `scopes`: the token's okta.* scopes, which the route's scope check reads. Grants revoked since
 * the token was issued do not shorten it (Okta: a token lives until it expires, an hour at most).
 * Anything else is 401 invalid_token (invalidBearerTokenError).
 */
export async function authenticateBearerToken(app: AppContext, token: string, now: Date): Promise<Actor> {
  const snapshot = await getServerSnapshot(app.db, ORG_AUTH_SERVER_ID, now);
  if (!snapshot) throw invalidBearerTokenError();
  const issuer = buildIssuer(app.orgUrl, ORG_AUTH_SERVER_ID);
  const verified = await verifyAccessToken({ db: app.db, secretsKey: app.secretsKey, snapshot, issuer }, token, now);
  if (!verified || !isForOrg(verified.aud, issuer)) throw invalidBearerTokenError();
  const scopes = verified.scopes.filter(isKnownOktaScope);
  return verified.user ? userActor(app, verified, scopes) : appActor(app, verified, scopes);
}

async function userActor(app: AppContext, verified: VerifiedAccessToken, scopes: string[]): Promise<Actor> {
  const rights = await authorizeAdminUser(app.db, verified.user!.id);
  if (!rights || (!rights.ok && rights.reason === "inactive")) throw invalidBearerTokenError();
  if (!rights.ok) throw forbiddenError();
  return { userId: rights.userId, login: rights.login, displayName: rights.displayName, apiTokenId: credentialOf(verified), roles: rights.roles, scopes, kind: "user" };
}

async function appActor(app: AppContext, verified: VerifiedAccessToken, scopes: string[]): Promise<Actor> {
  const appId = verified.app.id;
  const [row, roles] = await Promise.all([findApp(app.db, appId).catch(() => null), loadAppAdminRoles(app.db, appId)]);
  if (!row) throw invalidBearerTokenError();
  if (roles.length === 0) throw forbiddenError();
  return { userId: appId, login: verified.clientId, displayName: row.label, apiTokenId: credentialOf(verified), roles, scopes, kind: "app" };
}
