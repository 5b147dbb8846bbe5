import type { Db } from "../db/create-db-client";

/** The ids of a user's explicit group memberships (the Everyone group, implicit, is not among them). */
export async function listGroupIdsOfUser(db: Db, userId: string): Promise<string[]> {
  const rows = await db.groupMembership.findMany({ where: { userId }, select: { groupId: true } });
  return rows.map((row) => row.groupId);
}
