import type { Db } from "../db/create-db-client";

/** A user's fields the management rights are checked on (lib/admin/authorize-admin.ts), by id; null when no such user exists. */
export function findAdminCandidate(db: Db, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, login: true, status: true, isAdmin: true, profile: true } });
}
