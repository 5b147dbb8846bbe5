import { loadUserAdminRoles } from "../admin-roles/load-admin-roles";
import type { Db } from "../db/create-db-client";

/** A user's fields the management rights are checked on (lib/admin/authorize-admin.ts), by id, with their current admin roles; null when no such user exists. */
export async function findAdminCandidate(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, login: true, status: true, profile: true } });
  return user ? { ...user, roles: await loadUserAdminRoles(db, user.id) } : null;
}
