import type { Db, DbTx } from "../db/create-db-client";
import type { Group, Prisma } from "../db/generated/sqlite/client";
import { notFoundError } from "../okta-api/admin-api-error";

/** The columns an app assignment reads of its group: the name for the System Log, type and nameLower to tell Everyone. */
export const ASSIGNED_GROUP_FIELDS = { id: true, name: true, type: true, nameLower: true } as const;

/** The group with this id (the columns of `select`, else the whole row), or E0000007 (UserGroup). */
export async function findGroup(db: Db | DbTx, id: string): Promise<Group>;
export async function findGroup<S extends Prisma.GroupSelect>(db: Db | DbTx, id: string, select: S): Promise<Prisma.GroupGetPayload<{ select: S }>>;
export async function findGroup(db: Db | DbTx, id: string, select?: Prisma.GroupSelect): Promise<unknown> {
  const group = await db.group.findUnique({ where: { id }, ...(select ? { select } : {}) });
  if (!group) throw notFoundError(id, "UserGroup");
  return group;
}
