import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { setAuthorizationServerStatus } from "../../authorization-servers/set-authorization-server-status";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";

/**
 * POST /api/v1/authorizationServers/:authServerId/lifecycle/activate|deactivate -> bare 204. An
 * INACTIVE server's protocol endpoints answer as if it did not exist.
 */
function setStatus(status: "ACTIVE" | "INACTIVE") {
  return async (ctx: OperationContext, authServerId: string): Promise<void> => {
    const server = await findAuthorizationServer(ctx.db, authServerId);
    const verb = status === "ACTIVE" ? "activated" : "deactivated";
    await setAuthorizationServerStatus(ctx.db, server, status, ctx.now(), (tx) =>
      audit(tx, ctx, `oauth2.as.${verb}`, `Authorization server ${server.name} ${verb}`, [{ id: server.id, type: "AuthorizationServer", displayName: server.name }]),
    );
  };
}

/** The typed operations. */
export const runActivateAuthorizationServer = setStatus("ACTIVE");
export const runDeactivateAuthorizationServer = setStatus("INACTIVE");

function endpoint(run: typeof runActivateAuthorizationServer): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await run(ctx, ctx.request.params.authServerId ?? "");
    return { status: 204 };
  };
}

export const activateAuthorizationServer = endpoint(runActivateAuthorizationServer);
export const deactivateAuthorizationServer = endpoint(runDeactivateAuthorizationServer);
