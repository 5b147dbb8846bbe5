import type { Db } from "@/lib/db/create-db-client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { storedEventTypeWhere } from "@/lib/system-log/interned-event-types";
import { readSystemLogEvents, type SystemLogRecord } from "@/lib/system-log/read-system-log-events";

type TimeFilter = Date | { gt?: Date; gte?: Date; lt?: Date; lte?: Date };

/** findMany's where, orderBy and take, with `published` compared to Dates as before the row stored milliseconds. */
export type LogEventQuery = {
  where?: Omit<Prisma.SystemLogEventWhereInput, "published"> & { published?: TimeFilter };
  orderBy?: Prisma.SystemLogEventFindManyArgs["orderBy"];
  take?: number;
};

function toRowQuery({ where, ...rest }: LogEventQuery): Prisma.SystemLogEventFindManyArgs {
  if (!where?.published) return { ...rest, ...(where ? { where: where as Prisma.SystemLogEventWhereInput } : {}) };
  const { published, ...others } = where;
  const time = published instanceof Date ? published.getTime() : Object.fromEntries(Object.entries(published).map(([op, date]) => [op, (date as Date).getTime()]));
  return { ...rest, where: { ...others, published: time } };
}

/**
 * System Log events as tests read them: each row's columns with its JSON decoded (actor, client,
 * target, debugContext, transaction) and `published` a Date, as the System Log API reads them.
 */
export function readLogEvents(db: Db, query: LogEventQuery = {}): Promise<SystemLogRecord[]> {
  return readSystemLogEvents(db, toRowQuery(query));
}

/** The first event the query finds; throws when there is none (like findFirstOrThrow). */
export async function readLogEvent(db: Db, query: LogEventQuery = {}): Promise<SystemLogRecord> {
  const [event] = await readLogEvents(db, { ...query, take: 1 });
  if (!event) throw new Error(`no System Log event matches ${JSON.stringify(query.where ?? {})}`);
  return event;
}

/** How many events the where matches (published compared to Dates, event types as callers know them). */
export function countLogEvents(db: Db, where: LogEventQuery["where"] = {}): Promise<number> {
  return db.systemLogEvent.count({ where: storedEventTypeWhere(toRowQuery({ where }).where ?? {}) });
}

/** Deletes the events the where matches (event types as callers know them), so a test starts from none of a kind. */
export async function deleteLogEvents(db: Db, where: LogEventQuery["where"] = {}): Promise<void> {
  await db.systemLogEvent.deleteMany({ where: storedEventTypeWhere(toRowQuery({ where }).where ?? {}) });
}
