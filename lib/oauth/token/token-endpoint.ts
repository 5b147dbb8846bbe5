import type { AppContext } from "../../app-context";
import { authenticateClient } from "../client-auth/authenticate-client";
import { buildEndpointUrl, buildIssuer } from "../../authorization-servers/build-issuer";
import type { TokenGrantType } from "../grant-types";
import { checkBlockedAddress } from "../../network-zones/check-blocked-address";
import { accessDenied, invalidRequest, notFound, unauthorizedClient, unsupportedGrantType } from "../errors/oauth-error";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";
import { parseFormBody } from "../request/parse-form-body";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { grantAuthorizationCode } from "./grant-authorization-code";
import { grantClientCredentials } from "./grant-client-credentials";
import { grantPassword } from "./grant-password";
import { grantRefreshToken } from "./grant-refresh-token";
import { refuseTokenRequest } from "./refuse-token-request";
import { TOKEN_MESSAGES } from "../errors/token-messages";
import type { TokenRequestContext } from "./token-request-context";

const GRANTS: Record<TokenGrantType, (ctx: TokenRequestContext) => Promise<OAuthResponse>> = {
  authorization_code: grantAuthorizationCode,
  password: grantPassword,
  refresh_token: grantRefreshToken,
  client_credentials: grantClientCredentials,
};

function isTokenGrantType(value: string): value is TokenGrantType {
  return Object.hasOwn(GRANTS, value);
}

/**
 * POST /oauth2/:authServerId/v1/token (spec: "Request a Token"):
 * 1. the server: unknown or INACTIVE -> 404 (from the cached snapshot);
 * 2. the body: application/x-www-form-urlencoded only, no repeated parameter (invalid_request);
 * 3. grant_type: missing -> invalid_request; not one of authorization_code, password,
 *    refresh_token, client_credentials -> unsupported_grant_type;
 * 4. a request from an address in an ACTIVE BLOCKLIST network zone -> 403 access_denied before
 *    the client or any credential is checked (Okta answers blocklisted addresses with 403; logged
 *    as security.request.blocked);
 * 5. client authentication (authenticateClient: 401 invalid_client, or invalid_request);
 * 6. the app must have registered the grant -> else unauthorized_client, naming its grant types;
 * 7. the grant handler checks the grant, evaluates or replays the policy decision, stores what it
 *    must and answers with the tokens.
 * The route shell adds Cache-Control: no-store, Pragma: no-cache and CORS for trusted origins.
 */
export async function tokenEndpoint(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) throw notFound("The authorization server was not found or is not active.");

  const params = parseFormBody(request);
  const grantType = params.get("grant_type");
  if (!grantType) throw invalidRequest(TOKEN_MESSAGES.parameterRequired("grant_type"));
  if (!isTokenGrantType(grantType)) throw unsupportedGrantType(TOKEN_MESSAGES.unsupportedGrantType);

  const blocked = await checkBlockedAddress(app.db, { ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent"), surface: "token endpoint", now });
  if (blocked) throw accessDenied("Requests from this network are not allowed.");
  const issuer = buildIssuer(app.orgUrl, snapshot.id);
  const { client, method } = await authenticateClient(app, request, params, { endpoint: "token", tokenEndpointUrl: buildEndpointUrl(app.orgUrl, snapshot.id, "token"), issuer });
  const ctx: TokenRequestContext = { app, request, params, snapshot, issuer, client, clientAuthMethod: method, grantType, now };
  if (!client.grantTypes.includes(grantType)) {
    throw await refuseTokenRequest(ctx, unauthorizedClient(TOKEN_MESSAGES.grantNotConfigured(client.grantTypes)), `UNAUTHORIZED_CLIENT: the app is not registered for ${grantType}`);
  }
  return GRANTS[grantType](ctx);
}
