import type { Db } from "../db/create-db-client";

/** When the user's password last changed: null when it never did, or when there is no such user. */
export async function readPasswordChanged(db: Db, userId: string): Promise<Date | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordChanged: true } });
  return user?.passwordChanged ?? null;
}
