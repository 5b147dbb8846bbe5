import type { Db, DbTx } from "../db/create-db-client";
import { markTopicChanged } from "./topic-generations";

/**
 * Marks a cached topic as changed for every instance: increments its CacheVersion row (creating it
 * at 1). Call it inside the transaction that makes the change, so the new version and the change
 * become visible together. This instance's caches of the topic re-check the version on their next
 * read (other instances within their check interval); a read racing the commit sees the change
 * within the interval, as other instances do.
 */
export async function bumpCacheVersion(db: Db | DbTx, topic: string, now: Date): Promise<number> {
  markTopicChanged(topic);
  const row = await db.cacheVersion.upsert({
    where: { topic },
    create: { topic, version: 1, lastUpdated: now },
    update: { version: { increment: 1 }, lastUpdated: now },
    select: { version: true },
  });
  return row.version;
}
