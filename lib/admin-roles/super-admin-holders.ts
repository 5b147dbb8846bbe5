import type { DbTx } from "../db/create-db-client";
import { lastSuperAdminError } from "./role-errors";

/** Users holding SUPER_ADMIN: directly, or through a group they are a member of. */
export const HOLDS_SUPER_ADMIN = {
  OR: [{ roleAssignments: { some: { type: "SUPER_ADMIN" } } }, { memberships: { some: { group: { roleAssignments: { some: { type: "SUPER_ADMIN" } } } } } }],
};

/** How many ACTIVE users hold SUPER_ADMIN (the ones who can assign roles). */
export function countActiveSuperAdmins(tx: DbTx): Promise<number> {
  return tx.user.count({ where: { status: "ACTIVE", ...HOLDS_SUPER_ADMIN } });
}

/**
 * Runs `change` inside the caller's transaction and refuses it (400 E0000001, the transaction rolls
 * back) when it took the org from some active super administrator to none: unassigning the last
 * SUPER_ADMIN role, removing its last holder from the group that carries it, deleting that group.
 * `what` names the change in the message ("Unassigning SUPER_ADMIN from admin@example.com").
 */
export async function keepingASuperAdmin<T>(tx: DbTx, what: string, change: () => Promise<T>): Promise<T> {
  const before = await countActiveSuperAdmins(tx);
  const result = await change();
  if (before > 0 && (await countActiveSuperAdmins(tx)) === 0) throw lastSuperAdminError(what);
  return result;
}
