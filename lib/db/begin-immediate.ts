import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";

type SqliteAdapter = Awaited<ReturnType<PrismaBetterSqlite3["connect"]>>;
/** What PrismaClient takes as `adapter` (the factory's public surface). */
export type SqliteAdapterFactory = Pick<PrismaBetterSqlite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;

/**
 * Makes every transaction of Prisma's better-sqlite3 adapter start with `BEGIN IMMEDIATE`: the
 * write lock is taken when the transaction begins, waiting up to the busy timeout for another
 * process's writer, instead of at its first write. A deferred `BEGIN` reads, then fails to upgrade
 * to a write lock another process took meanwhile: SQLITE_BUSY at once, the busy timeout
 * notwithstanding (SQLite cannot wait there without risking a deadlock).
 *
 * The adapter (7.10) starts interactive and batched transactions alike with
 * `client.prepare("BEGIN").run()` on its better-sqlite3 connection and offers no option, so its
 * connection's `prepare` is given that one statement rewritten; tests/db/sqlite-write-lock.test.ts
 * fails if a later adapter stops beginning that way.
 */
export function beginImmediate(factory: SqliteAdapterFactory): SqliteAdapterFactory {
  const patch = (adapter: SqliteAdapter): SqliteAdapter => {
    const connection = (adapter as unknown as { client: Database.Database }).client;
    const prepare = connection.prepare.bind(connection);
    connection.prepare = ((sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql)) as typeof connection.prepare;
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patch(await factory.connect()),
    connectToShadowDb: async () => patch(await factory.connectToShadowDb()),
  };
}
