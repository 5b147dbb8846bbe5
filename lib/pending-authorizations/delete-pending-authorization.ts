import type { Db } from "../db/create-db-client";

/** A finished request is removed: its id cannot be resumed twice. */
export async function deletePendingAuthorization(db: Db, id: string): Promise<void> {
  await db.pendingAuthorization.deleteMany({ where: { id } });
}
