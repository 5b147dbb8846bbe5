import type { Db } from "../db/create-db-client";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Records a token's last use, at most once a minute. Usage bookkeeping, not a change of the token:
 * no audit event, and lastUpdated is kept.
 */
export async function recordApiTokenUse(db: Db, token: { id: string; lastUsed: Date | null; lastUpdated: Date }, now: Date): Promise<void> {
  if (token.lastUsed && now.getTime() - token.lastUsed.getTime() < LAST_USED_RESOLUTION_MS) return;
  // eslint-disable-next-line no-restricted-syntax -- usage bookkeeping, not an audited change
  await db.apiToken.update({ where: { id: token.id }, data: { lastUsed: now, lastUpdated: token.lastUpdated } });
}
