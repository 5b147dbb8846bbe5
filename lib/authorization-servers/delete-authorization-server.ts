import type { AuthorizationServer } from "../db/generated/sqlite/client";
import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { validationError } from "../okta-api/admin-api-error";
import { findAuthorizationServer } from "./find-authorization-server";

/**
 * Deletes an authorization server and everything it issued: refresh tokens, pending codes and
 * consents are deleted, and its access tokens no longer introspect as active (their issuer is
 * gone). The built-in `default` server cannot be deleted (E0000001); one deleted concurrently is
 * E0000007, as an unknown one is.
 */
export async function deleteAuthorizationServer(db: Db, server: AuthorizationServer, record: RecordChange<AuthorizationServer>): Promise<void> {
  if (server.isDefault) {
    throw validationError("authorizationServer", ["The default authorization server cannot be deleted; deactivate it instead."]);
  }
  const deleted = await db.$transaction(async (tx) => {
    // first, conditionally: a concurrent delete of the same server blocks here until the other
    // commits, then finds nothing and changes nothing (no P2025, no second log entry)
    const { count } = await tx.authorizationServer.deleteMany({ where: { id: server.id } }); // scopes, claims, policies cascade
    if (count === 0) return false;
    await tx.refreshTokenFamily.deleteMany({ where: { authServerId: server.id } }); // and their tokens (cascade)
    await tx.authorizationCode.deleteMany({ where: { authServerId: server.id } });
    await tx.consentGrant.deleteMany({ where: { authServerId: server.id } });
    await tx.pendingAuthorization.deleteMany({ where: { authServerId: server.id } });
    await record(tx, server);
    return true;
  });
  if (!deleted) await findAuthorizationServer(db, server.id); // deleted concurrently: 404
}
