import { findRefreshToken } from "../../oauth/tokens/find-refresh-token";
import { revokeMatchingGrants } from "../../oauth/tokens/revoke-matching-grants";
import { TOKEN_REVOKE_EVENT } from "../../oauth/tokens/token-events";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { audit } from "../audit";
import { findClientApp } from "./find-client-app";

/**
 * DELETE /api/v1/authorizationServers/:authServerId/clients/:clientId/tokens/:tokenId -> bare 204.
 * Revokes the grant the token belongs to (revokeGrantsWhere, under the family's lock): the token,
 * every other token of its rotation family (so an earlier rotation of it cannot be used instead,
 * and a rotation running meanwhile mints nothing that survives this) and the grant's access tokens.
 * Revoking a revoked token again is a 204 that changes nothing; an unknown token is E0000007.
 */
export async function revokeClientRefreshToken(ctx: AdminContext): Promise<AdminResponse> {
  const { server, app } = await findClientApp(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.clientId ?? "");
  const tokenId = ctx.request.params.tokenId ?? "";
  const token = await findRefreshToken(ctx.db, { authServerId: server.id, clientId: app.clientId, tokenId });
  if (!token) throw notFoundError(tokenId, "RefreshToken");
  await revokeMatchingGrants(ctx.db, { filter: { familyId: token.familyId }, now: ctx.now() }, (tx, count) =>
    audit(
      tx,
      ctx,
      TOKEN_REVOKE_EVENT,
      `Revoked a refresh token of ${app.label} issued by authorization server ${server.name}`,
      [
        { id: token.id, type: "RefreshToken" },
        { id: app.id, type: "AppInstance", alternateId: app.clientId, displayName: app.label },
        { id: server.id, type: "AuthorizationServer", displayName: server.name },
      ],
      { revokedTokens: count },
    ),
  );
  return { status: 204 };
}
