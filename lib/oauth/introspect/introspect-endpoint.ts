import type { AppContext } from "../../app-context";
import { authenticateClient } from "../client-auth/authenticate-client";
import { buildEndpointUrl, buildIssuer } from "../../authorization-servers/build-issuer";
import { invalidRequest, notFound } from "../errors/oauth-error";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";
import { parseFormBody } from "../request/parse-form-body";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { introspectToken } from "./introspect-token";

/**
 * POST /oauth2/:authServerId/v1/introspect (RFC 7662, spec "Introspection Request"). In order:
 * an unknown or INACTIVE server is 404; the body must be a form without repeated parameters
 * (400 invalid_request); the client must authenticate (401 invalid_client with a challenge, or 400
 * invalid_request for malformed credentials); `token` is required (400 invalid_request). Then 200
 * with the token's description, or exactly `{"active":false}`. `token_type_hint`
 * (access_token | refresh_token | id_token) only decides which type is tried first.
 */
export async function introspectEndpoint(app: AppContext, request: OAuthRequest): Promise<OAuthResponse> {
  const now = app.now();
  const snapshot = await getServerSnapshot(app.db, requestedServerId(request.params), now);
  if (!snapshot) throw notFound("The authorization server was not found or is not active.");
  const params = parseFormBody(request);
  const issuer = buildIssuer(app.orgUrl, snapshot.id);
  const { client } = await authenticateClient(app, request, params, { endpoint: "introspect", tokenEndpointUrl: buildEndpointUrl(app.orgUrl, snapshot.id, "token"), issuer });
  const token = params.get("token");
  if (token === undefined) throw invalidRequest("The 'token' parameter is required.");
  const body = await introspectToken({ db: app.db, secretsKey: app.secretsKey, snapshot, issuer }, client, token, params.get("token_type_hint"), now);
  return { status: 200, body };
}
