import type { DbTx } from "../db/create-db-client";

/**
 * Takes the app's row lock for the rest of the transaction (PostgreSQL: row lock; SQLite: the
 * database write lock) with a write that changes nothing, so that count-then-write rules (at most
 * two client secrets, one ACTIVE secret left) hold under concurrent requests. Raw SQL on purpose:
 * a Prisma update would move lastUpdated (@updatedAt), which the token service reads as "the app
 * changed".
 */
export async function lockApp(tx: DbTx, appId: string): Promise<void> {
  await tx.$executeRaw`UPDATE "App" SET "signOnMode" = "signOnMode" WHERE "id" = ${appId}`;
}
