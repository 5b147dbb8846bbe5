import type { AppContext } from "../../app-context";
import { buildUserinfoClaims } from "../claims/build-userinfo-claims";
import { buildIssuer } from "../../authorization-servers/build-issuer";
import { insufficientScope, invalidToken, notFound } from "../errors/oauth-error";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { verifyAccessToken } from "../verify/verify-access-token";
import { loadTokenUser } from "../issue/load-token-user";
import { logClaimWarnings } from "./log-claim-warnings";
import { readBearerToken } from "./read-bearer-token";

/**
 * RFC 6750 3.1: "If the request lacks any authentication information (e.g., the client was unaware
 * that authentication is necessary [...]), the resource server SHOULD NOT include an error code or
 * other error information": only the scheme and realm.
 */
export const NO_TOKEN_CHALLENGE = 'Bearer realm="IdP"';
export const INVALID_TOKEN_DESCRIPTION = "The access token is invalid.";
export const NO_USER_DESCRIPTION = "The access token was not issued for an end user.";
/** For a token without `openid` (modelled on Okta's "must provide access to at least one of these scopes" message). */
export const INSUFFICIENT_SCOPE_DESCRIPTION = "The access token must provide access to at least one of these scopes - openid.";

/**
 * GET|POST /oauth2/:authServerId/v1/userinfo (OIDC Core 5.3). An unknown or INACTIVE server is 404.
 * The access token comes from `Authorization: Bearer` or, on POST, a form body's `access_token`
 * (readBearerToken). Without any token: 401 with only `WWW-Authenticate: Bearer realm="IdP"` and
 * no body (RFC 6750 3.1: no error code when the request lacks authentication information). Other
 * failures carry `WWW-Authenticate: Bearer realm="IdP", error=…, error_description=…`:
 * - a token that is not an active access token of this server (bad signature, another server's
 *   issuer, expired, revoked, implicitly revoked): 401 invalid_token;
 * - a token without the `openid` scope: 403 insufficient_scope;
 * - a client_credentials token (no `uid`: there is no end user to describe; Okta does not grant
 *   `openid` to client_credentials, so such a token normally fails the scope check first): 401
 *   invalid_token.
 * Otherwise 200 JSON from buildUserinfoClaims: `sub` (the user id, equal to the ID token's), the
 * standard claims of the granted scopes, and the IDENTITY claims that apply, whatever their
 * alwaysIncludeInToken. Custom claims that fail are left out and logged.
 */
export async function userinfoEndpoint(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) throw notFound("The authorization server was not found or is not active.");
  const token = readBearerToken(request);
  if (token === null) return { status: 401, headers: { "WWW-Authenticate": NO_TOKEN_CHALLENGE } };
  const issuer = buildIssuer(app.orgUrl, snapshot.id);
  const verified = await verifyAccessToken({ db: app.db, secretsKey: app.secretsKey, snapshot, issuer }, token, now);
  if (!verified) throw invalidToken(INVALID_TOKEN_DESCRIPTION);
  if (!verified.scopes.includes("openid")) throw insufficientScope(INSUFFICIENT_SCOPE_DESCRIPTION);
  if (!verified.user) throw invalidToken(NO_USER_DESCRIPTION);

  // the user as the token endpoint reads it for the ID token (same groups, same order)
  const owner = await loadTokenUser(app.db, verified.user.id, snapshot.everyoneGroupId);
  if (!owner) throw invalidToken(INVALID_TOKEN_DESCRIPTION);
  const user = owner.user;
  const claimsApp = { id: verified.app.id, clientId: verified.app.clientId };
  const { claims, warnings } = buildUserinfoClaims({ snapshot, app: claimsApp, user, scopes: verified.scopes, now });
  await logClaimWarnings(app.db, { warnings, snapshot, clientId: verified.clientId, userId: user.id, ipAddress: request.ipAddress }, now);
  return { status: 200, body: claims };
}
