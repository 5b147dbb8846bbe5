import { bumpCacheVersion } from "../cache/bump-cache-version";
import type { Db, DbTx } from "../db/create-db-client";

/** The CacheVersion topic of the trusted-origin list. */
export const TRUSTED_ORIGINS_TOPIC = "trusted-origins";

/** Marks the trusted-origin list as changed on every instance; call it in the changing transaction. */
export async function touchTrustedOrigins(db: Db | DbTx, now: Date): Promise<void> {
  await bumpCacheVersion(db, TRUSTED_ORIGINS_TOPIC, now);
}
