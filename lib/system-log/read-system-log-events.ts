import type { Db, DbTx } from "../db/create-db-client";
import type { Prisma, SystemLogEvent } from "../db/generated/sqlite/client";
import { expandEventType, storedEventTypeWhere } from "./interned-event-types";
import { decodeLogParts, type DecodedLogParts } from "./system-log-parts";

const DAY_MS = 86_400_000;

/** An event as the System Log API shapes it: its columns, its time as a Date, its JSON decoded. */
export type SystemLogRecord = Omit<SystemLogEvent, "published" | "ipAddress" | "contextKey" | "debugKey" | "detail"> & { published: Date } & DecodedLogParts;

/**
 * Reads System Log events (findMany's where, orderBy, take) with their JSON: one query for the
 * events, one for the parts they reference (by key and day, the parts table's primary key). `where`
 * speaks of event types and messages as callers know them; interned ones are matched and expanded
 * here (interned-event-types.ts).
 */
export async function readSystemLogEvents(db: Db | DbTx, args: Omit<Prisma.SystemLogEventFindManyArgs, "select" | "include" | "omit"> = {}): Promise<SystemLogRecord[]> {
  const rows = await db.systemLogEvent.findMany(args.where ? { ...args, where: storedEventTypeWhere(args.where) } : args);
  if (rows.length === 0) return [];
  const keys = new Set(rows.flatMap((row) => [row.contextKey, row.debugKey]));
  const days = new Set(rows.map((row) => Math.floor(Number(row.published) / DAY_MS)));
  const parts = await db.systemLogPart.findMany({ where: { key: { in: [...keys] }, day: { in: [...days] } }, select: { key: true, value: true } });
  const values = new Map(parts.map((part) => [part.key, part.value]));
  return rows.map(({ published, ipAddress, contextKey, debugKey, detail, eventType, displayMessage, ...columns }) => ({
    ...columns,
    ...expandEventType(eventType, displayMessage),
    published: new Date(Number(published)),
    ...decodeLogParts({ ipAddress, detail }, values.get(contextKey), values.get(debugKey)),
  }));
}
