import * as servers from "../../authorization-servers/delete-authorization-server";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";

/**
 * DELETE /api/v1/authorizationServers/:authServerId -> 204. Everything the server issued dies with
 * it: refresh tokens, pending codes and consents are deleted, and its access tokens no longer
 * introspect as active (their issuer is gone). The built-in `default` server cannot be deleted.
 */
export async function deleteAuthorizationServer(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteAuthorizationServer(ctx, ctx.request.params.authServerId ?? "");
  return { status: 204 };
}

/** deleteAuthorizationServer as a typed operation. */
export async function runDeleteAuthorizationServer(ctx: OperationContext, authServerId: string): Promise<void> {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  await servers.deleteAuthorizationServer(ctx.db, server, (tx) =>
    audit(tx, ctx, "oauth2.as.deleted", `Deleted authorization server ${server.name}`, [{ id: server.id, type: "AuthorizationServer", displayName: server.name }]),
  );
}
