import type { Db, DbTx } from "./create-db-client";

/** The current version of a cached topic; 0 while nothing has bumped it. */
export async function readCacheVersion(db: Db | DbTx, topic: string): Promise<number> {
  const row = await db.cacheVersion.findUnique({ where: { topic }, select: { version: true } });
  return row?.version ?? 0;
}
