import { revokeMatchingGrants } from "../../oauth/tokens/revoke-matching-grants";
import { TOKEN_REVOKE_EVENT } from "../../oauth/tokens/token-events";
import type { AdminContext, AdminResponse } from "../admin-request";
import { audit } from "../audit";
import { findClientApp } from "./find-client-app";

/**
 * DELETE /api/v1/authorizationServers/:authServerId/clients/:clientId/tokens -> bare 204. Revokes
 * every grant this server issued to the client that still has an unrevoked refresh token (ACTIVE or
 * ROTATED): all their refresh tokens and access tokens (revokeGrantsWhere, under each family's lock,
 * so a rotation running meanwhile mints nothing that survives this).
 */
export async function revokeClientRefreshTokens(ctx: AdminContext): Promise<AdminResponse> {
  const { server, app } = await findClientApp(ctx.db, ctx.request.params.authServerId ?? "", ctx.request.params.clientId ?? "");
  await revokeMatchingGrants(ctx.db, { filter: { authServerId: server.id, clientId: app.clientId }, now: ctx.now() }, (tx, count) =>
    audit(
      tx,
      ctx,
      TOKEN_REVOKE_EVENT,
      `Revoked the refresh tokens of ${app.label} issued by authorization server ${server.name}`,
      [
        { id: app.id, type: "AppInstance", alternateId: app.clientId, displayName: app.label },
        { id: server.id, type: "AuthorizationServer", displayName: server.name },
      ],
      { revokedTokens: count },
    ),
  );
  return { status: 204 };
}
