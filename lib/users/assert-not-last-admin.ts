import type { DbTx } from "../db/create-db-client";
import { validationError } from "../okta-api/admin-api-error";

type AdminCandidate = { id: string; login: string; status: string; isAdmin: boolean };

/**
 * Refuses (400 E0000001) to deactivate, suspend or delete the last ACTIVE administrator: API tokens
 * only work for an ACTIVE admin, so the org would be left with no one able to use the management
 * API (the bootstrap runs once and would not create another). Call inside the change's transaction.
 */
export async function assertNotLastActiveAdmin(tx: DbTx, user: AdminCandidate, action: string): Promise<void> {
  if (!user.isAdmin || user.status !== "ACTIVE") return;
  const others = await tx.user.count({ where: { isAdmin: true, status: "ACTIVE", id: { not: user.id } } });
  if (others === 0) {
    throw validationError("user", [
      `${user.login} is the only active administrator: ${action} it would leave no one able to use the management API. Make another user an active administrator first.`,
    ]);
  }
}
