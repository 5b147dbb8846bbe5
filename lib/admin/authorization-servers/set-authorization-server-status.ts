import type { AdminContext, AdminOperation, AdminResponse } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "./find-authorization-server";

/**
 * POST /api/v1/authorizationServers/:authServerId/lifecycle/activate|deactivate -> bare 204. An
 * INACTIVE server's protocol endpoints answer as if it did not exist.
 */
function setStatus(status: "ACTIVE" | "INACTIVE"): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
    if (server.status !== status) {
      const now = ctx.now();
      await ctx.db.$transaction(async (tx) => {
        await tx.authorizationServer.update({ where: { id: server.id }, data: { status, lastUpdated: now } });
        const verb = status === "ACTIVE" ? "activated" : "deactivated";
        await audit(tx, ctx, `oauth2.as.${verb}`, `Authorization server ${server.name} ${verb}`, [{ id: server.id, type: "AuthorizationServer", displayName: server.name }]);
      });
    }
    return { status: 204 };
  };
}

export const activateAuthorizationServer = setStatus("ACTIVE");
export const deactivateAuthorizationServer = setStatus("INACTIVE");
