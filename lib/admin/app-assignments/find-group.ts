import type { Db, DbTx } from "../../db/create-db-client";
import { notFoundError } from "../../okta-api/admin-api-error";

/** The group named by id, or E0000007. */
export async function findGroup(db: Db | DbTx, groupId: string) {
  const group = await db.group.findUnique({ where: { id: groupId }, select: { id: true, name: true, type: true, nameLower: true } });
  if (!group) throw notFoundError(groupId, "UserGroup");
  return group;
}
