import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "./find-authorization-server";

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
  if (server.isDefault) {
    throw validationError("authorizationServer", ["The default authorization server cannot be deleted; deactivate it instead."]);
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.refreshTokenFamily.deleteMany({ where: { authServerId: server.id } }); // and their tokens (cascade)
    await tx.authorizationCode.deleteMany({ where: { authServerId: server.id } });
    await tx.consentGrant.deleteMany({ where: { authServerId: server.id } });
    await tx.pendingAuthorization.deleteMany({ where: { authServerId: server.id } });
    await tx.authorizationServer.delete({ where: { id: server.id } });
    await audit(tx, ctx, "oauth2.as.deleted", `Deleted authorization server ${server.name}`, [{ id: server.id, type: "AuthorizationServer", displayName: server.name }]);
  });
}
