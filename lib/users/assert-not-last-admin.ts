import type { DbTx } from "../db/create-db-client";
import { HOLDS_SUPER_ADMIN } from "../admin-roles/super-admin-holders";
import { validationError } from "../okta-api/admin-api-error";

type AdminCandidate = { id: string; login: string; status: string };


/**
 * Refuses (400 E0000001) to deactivate, suspend or delete the last ACTIVE super administrator: with
 * no one holding SUPER_ADMIN nobody could assign roles again (the bootstrap runs once). Call inside
 * the change's transaction.
 */
export async function assertNotLastActiveAdmin(tx: DbTx, user: AdminCandidate, action: string): Promise<void> {
  if (user.status !== "ACTIVE") return;
  const isSuperAdmin = (await tx.user.count({ where: { id: user.id, ...HOLDS_SUPER_ADMIN } })) > 0;
  if (!isSuperAdmin) return;
  const others = await tx.user.count({ where: { status: "ACTIVE", id: { not: user.id }, ...HOLDS_SUPER_ADMIN } });
  if (others === 0) {
    throw validationError("user", [
      `${user.login} is the only active super administrator: ${action} it would leave no one able to assign admin roles. Make another user an active super administrator first.`,
    ]);
  }
}
