import type { Db } from "../db/create-db-client";
import { Prisma } from "../db/generated/sqlite/client";
import type { systemLogRow } from "./write-system-log";

export type SystemLogRow = ReturnType<typeof systemLogRow>;

/**
 * Writes a batch of System Log rows with one multi-row INSERT. Raw SQL on purpose: this runs for
 * every token the server issues, and Prisma's createMany costs several times more CPU per row than
 * the insert itself (measured: about a third of a client_credentials request). Parameters only (no
 * interpolation); JSON columns get their serialized text (SQLite TEXT, PostgreSQL casts to jsonb),
 * dates are passed as Date, which both driver adapters encode as Prisma itself does.
 */
export async function insertSystemLogRows(db: Db, rows: readonly SystemLogRow[]): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (row) =>
      Prisma.sql`(${row.uuid}, ${row.published}, ${row.eventType}, ${row.severity}, ${row.displayMessage}, ${row.actorId}, ${json(row.actor)}, ${json(row.client)}, ${row.outcomeResult}, ${row.outcomeReason}, ${json(row.target)}, ${json(row.debugContext)}, ${json(row.transaction)})`,
  );
  await db.$executeRaw`INSERT INTO "SystemLogEvent" ("uuid", "published", "eventType", "severity", "displayMessage", "actorId", "actor", "client", "outcomeResult", "outcomeReason", "target", "debugContext", "transaction") VALUES ${Prisma.join(values)}`;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}
