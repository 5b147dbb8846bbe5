import type { Db } from "../db/create-db-client";

/** Users by id (for naming them beside what they hold): id, login and profile, in no order; one query, none for no ids. */
export async function findUsersById(db: Db, userIds: readonly string[]): Promise<{ id: string; login: string; profile: unknown }[]> {
  return userIds.length ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, login: true, profile: true } }) : [];
}
