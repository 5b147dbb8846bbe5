import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

/**
 * The user a group membership or an app assignment names (by id): what the System Log shows of
 * them (id, login, profile), or E0000007 (User).
 */
export async function findUserSummary(db: Db | DbTx, id: string) {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, login: true, profile: true } });
  if (!user) throw notFoundError(id, "User");
  return user;
}
