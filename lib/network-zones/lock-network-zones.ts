import { Prisma } from "../db/generated/sqlite/client";
import type { InTransaction } from "../db/record-change";

/**
 * The zones of `ids` that exist, each row locked until the caller's transaction ends (a no-op
 * update: the row lock on PostgreSQL, SQLite transactions hold the write lock already), so a
 * concurrent delete or usage change of a zone waits for a rule that names it, and the other way
 * round. The update moves the "network-zones" cache version (its trigger): harmless, rule writes
 * are rare.
 */
export async function lockNetworkZones(tx: InTransaction, ids: readonly string[]): Promise<Array<{ id: string; name: string; usage: string; status: string }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  await tx.$executeRaw`UPDATE "NetworkZone" SET "name" = "name" WHERE "id" IN (${Prisma.join(unique)})`;
  return tx.networkZone.findMany({ where: { id: { in: unique } }, select: { id: true, name: true, usage: true, status: true } });
}
