import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The user named in a membership path (by id), or E0000007 (User). */
export async function findMemberUser(db: Db | DbTx, id: string) {
  const user = await db.user.findUnique({ where: { id }, select: { id: true, login: true, profile: true } });
  if (!user) throw notFoundError(id, "User");
  return user;
}
