import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The group named in the path, or E0000007 (UserGroup). */
export async function findGroup(db: Db | DbTx, id: string) {
  const group = await db.group.findUnique({ where: { id } });
  if (!group) throw notFoundError(id, "UserGroup");
  return group;
}
