import type { Db, DbTx } from "../db/create-db-client";
import { notFoundError } from "../okta-api/admin-api-error";

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The user a path names by id or by login (logins without regard to case; a login arriving still
 * percent-encoded, e.g. `isaac%40example.com`, is decoded: logins never contain '%'), or E0000007.
 */
export async function findUser(db: Db | DbTx, idOrLogin: string) {
  const key = idOrLogin.includes("%") ? decode(idOrLogin) : idOrLogin;
  const user = key.includes("@")
    ? await db.user.findUnique({ where: { loginLower: key.toLowerCase() } })
    : await db.user.findUnique({ where: { id: key } });
  if (!user) throw notFoundError(key, "User");
  return user;
}
