import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The user named by id, or E0000007. */
export async function findUser(db: Db | DbTx, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, login: true, profile: true } });
  if (!user) throw notFoundError(userId, "User");
  return user;
}
