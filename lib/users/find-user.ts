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
  const user = await findUserOrNull(db, idOrLogin);
  if (!user) throw notFoundError(pathKey(idOrLogin), "User");
  return user;
}

/**
 * findUser's resolution without the 404: the target rules (lib/admin-roles/check-target-rules.ts)
 * must judge exactly the user the operation will act on, named by id or by login.
 */
export async function findUserOrNull(db: Db | DbTx, idOrLogin: string) {
  const key = pathKey(idOrLogin);
  return key.includes("@") ? db.user.findUnique({ where: { loginLower: key.toLowerCase() } }) : db.user.findUnique({ where: { id: key } });
}

function pathKey(idOrLogin: string): string {
  return idOrLogin.includes("%") ? decode(idOrLogin) : idOrLogin;
}
