import type { AppContext } from "../../app-context";
import { notFound } from "../errors/oauth-error";
import { createDocumentCache } from "../request/cached-document";
import type { OAuthRequest, OAuthResponse } from "../request/oauth-request";
import { getServerSnapshot } from "../snapshot/get-server-snapshot";
import { requestedServerId } from "../snapshot/org-authorization-server";
import { buildDiscoveryDocument, type DiscoveryKind } from "./build-discovery-document";
import { listPublishedScopes } from "./list-published-scopes";

const cache = createDocumentCache();

/**
 * GET /oauth2/:authServerId/.well-known/openid-configuration and /oauth-authorization-server (RFC
 * 8414, OIDC Discovery 1.0). Unknown or INACTIVE servers answer 404. Built once per configuration
 * version and served from memory; cacheable by clients for five minutes.
 */
export function discoveryEndpoint(kind: DiscoveryKind) {
  return async (app: AppContext, request: OAuthRequest): Promise<OAuthResponse> => {
    const authServerId = requestedServerId(request.params);
    const now = app.now();
    const snapshot = await getServerSnapshot(app.db, authServerId, now);
    if (!snapshot) throw notFound("The authorization server was not found or is not active.");
    return cache(app.db, request, `${kind}:${authServerId}:${app.orgUrl}`, snapshot.configVersion, now, "public, max-age=300", async () => ({
      body: buildDiscoveryDocument(kind, { orgUrl: app.orgUrl, authServerId, scopes: listPublishedScopes(snapshot.scopes), claims: [] }),
    }));
  };
}
