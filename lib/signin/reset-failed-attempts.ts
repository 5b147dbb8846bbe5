import type { Db } from "../db/create-db-client";

/**
 * A sign-in completed (startSession, or /api/v1/authn's session token): the user's failed-attempt
 * count goes back to 0. Until then (after the password, while a factor is asked) failures keep
 * adding up: the password step does not reset it (checkCredentials `resetFailedAttempts:
 * "on-completion"`), or someone who knows the password could sign in again between wrong codes and
 * never reach the lockout. Only an ACTIVE user with failures is written, lastUpdated unchanged
 * (counters are not profile changes); a lockout reached meanwhile stays.
 */
export async function resetFailedAttempts(db: Db, userId: string): Promise<void> {
  const row = await db.user.findUnique({ where: { id: userId }, select: { failedAttempts: true, lastUpdated: true } });
  if (!row || row.failedAttempts === 0) return;
  await db.user.updateMany({ where: { id: userId, status: "ACTIVE", lastUpdated: row.lastUpdated }, data: { failedAttempts: 0, lastUpdated: row.lastUpdated } });
}
