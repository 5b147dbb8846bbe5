import type { AuthorizationServer } from "../db/generated/sqlite/client";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { validationError } from "../okta-api/admin-api-error";

/**
 * Deletes an authorization server and everything it issued: refresh tokens, pending codes and
 * consents are deleted, and its access tokens no longer introspect as active (their issuer is
 * gone). The built-in `default` server cannot be deleted (E0000001).
 */
export async function deleteAuthorizationServer(db: Db, server: AuthorizationServer, record: RecordChange<AuthorizationServer>): Promise<void> {
  if (server.isDefault) {
    throw validationError("authorizationServer", ["The default authorization server cannot be deleted; deactivate it instead."]);
  }
  await db.$transaction(async (tx) => {
    await tx.refreshTokenFamily.deleteMany({ where: { authServerId: server.id } }); // and their tokens (cascade)
    await tx.authorizationCode.deleteMany({ where: { authServerId: server.id } });
    await tx.consentGrant.deleteMany({ where: { authServerId: server.id } });
    await tx.pendingAuthorization.deleteMany({ where: { authServerId: server.id } });
    await tx.authorizationServer.delete({ where: { id: server.id } });
    await record(tx, server);
  });
}
