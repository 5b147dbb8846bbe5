import type { Db, DbTx } from "../db/create-db-client";
import { Prisma } from "../db/generated/sqlite/client";
import type { SystemLogPart } from "./system-log-parts";
import type { systemLogRow } from "./write-system-log";

export type SystemLogRow = ReturnType<typeof systemLogRow>;

const DAY_MS = 86_400_000;

/**
 * Writes a batch of System Log rows in two statements: the parts they reference, each (key, day)
 * once (INSERT .. ON CONFLICT DO NOTHING: a part already stored for that day costs an index lookup,
 * takes no row lock and writes nothing), then the events in one multi-row INSERT. Parts go first, so
 * no event ever references a part that is not there. Raw SQL on purpose: this runs for every token
 * the server issues, and Prisma's createMany costs several times more CPU per row than the insert
 * itself (measured: about a third of a client_credentials request). Parameters only (no
 * interpolation). Inside a transaction (appendSystemLog) both statements are part of it.
 */
export async function insertSystemLogRows(db: Db | DbTx, rows: readonly SystemLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const parts = new Map<string, { part: SystemLogPart; day: number }>();
  for (const row of rows) {
    const day = Math.floor(row.published / DAY_MS);
    for (const part of [row.context, row.debug]) parts.set(`${part.key} ${day}`, { part, day });
  }
  // in key order, so concurrent batches on PostgreSQL wait for each other's new keys in one order
  const partValues = [...parts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, { part, day }]) => Prisma.sql`(${part.key}, ${day}, ${part.value})`);
  await db.$executeRaw`INSERT INTO "SystemLogPart" ("key", "day", "value") VALUES ${Prisma.join(partValues)} ON CONFLICT DO NOTHING`;
  const values = rows.map(
    (row) =>
      Prisma.sql`(${row.uuid}, ${row.published}, ${row.eventType}, ${row.severity}, ${row.displayMessage}, ${row.actorId}, ${row.outcomeResult}, ${row.outcomeReason}, ${row.ipAddress}, ${row.context.key}, ${row.debug.key}, ${row.detail})`,
  );
  await db.$executeRaw`INSERT INTO "SystemLogEvent" ("uuid", "published", "eventType", "severity", "displayMessage", "actorId", "outcomeResult", "outcomeReason", "ipAddress", "contextKey", "debugKey", "detail") VALUES ${Prisma.join(values)}`;
}
