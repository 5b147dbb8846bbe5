import type { AppContext } from "../../app-context";
import { authenticateClient } from "../client-auth/authenticate-client";
import { buildEndpointUrl, buildIssuer } from "../../authorization-servers/build-issuer";
import { invalidRequest, notFound } from "../errors/oauth-error";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";
import { parseFormBody } from "../request/parse-form-body";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { logTokenRevocation } from "./log-token-revocation";
import { revokeToken } from "./revoke-token";

/**
 * POST /oauth2/:authServerId/v1/revoke (RFC 7009, spec "Revoke a Token"). In order: an unknown or
 * INACTIVE server is 404; the body must be a form without repeated parameters (400
 * invalid_request); the client must authenticate (401 invalid_client, or 400 invalid_request for
 * malformed credentials); `token` is required (400 invalid_request). Then always 200 with an empty
 * body, whether the token was revoked, was already dead, is unknown, or is another client's (which
 * is left alone: "A client may only revoke a token generated for that client"). A refresh token
 * takes its whole grant with it; an access token is revoked alone. `token_type_hint` only decides
 * which type is tried first.
 */
export async function revokeEndpoint(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) throw notFound("The authorization server was not found or is not active.");
  const params = parseFormBody(request);
  const issuer = buildIssuer(app.orgUrl, snapshot.id);
  const { client } = await authenticateClient(app, request, params, { endpoint: "revoke", tokenEndpointUrl: buildEndpointUrl(app.orgUrl, snapshot.id, "token"), issuer });
  const token = params.get("token");
  if (token === undefined) throw invalidRequest("The 'token' parameter is required.");
  const outcome = await revokeToken({ db: app.db, secretsKey: app.secretsKey, snapshot, issuer }, client.clientId, token, params.get("token_type_hint"), now);
  await logTokenRevocation(app.db, { client, snapshot, outcome, ipAddress: request.ipAddress, userAgent: request.headers.get("user-agent") }, now);
  return { status: 200 };
}
