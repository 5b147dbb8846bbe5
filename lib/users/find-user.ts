import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";
import { userPathKey } from "../okta-api/user-path-key";

/** The user a path names by id or by login (userPathKey), or E0000007. */
export async function findUser(db: Db | DbTx, idOrLogin: string) {
  const { key, where } = userPathKey(idOrLogin);
  const user = await db.user.findUnique({ where });
  if (!user) throw notFoundError(key, "User");
  return user;
}
