import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { beginImmediate } from "./begin-immediate";
import { databaseTarget } from "../config/database-target";
import { markAfterCommit, markCacheWrites } from "./mark-cache-writes";
import { DEFAULT_DB_LIMITS, type DbLimits } from "../config/db-limits";
import { postgresPoolConfig } from "./postgres-pool-config";
import { secureSqliteFiles } from "./secure-sqlite-files";

/**
 * The database client. Both generated clients have the same API (their schemas differ only in the
 * provider), so the SQLite client's type stands for both.
 */
export type Db = InstanceType<typeof SqliteClient>;

/** A client inside an interactive transaction. */
export type DbTx = Prisma.TransactionClient;

/** Deadlines and pool size (lib/config/db-limits.ts); unset ones take their defaults. */
export type DbOptions = Partial<DbLimits>;

/**
 * Opens the database named by a DATABASE_URL: SQLite (embedded default; its folder and files
 * private to the server's user, lib/db/secure-sqlite-files.ts) or PostgreSQL, with every wait
 * bounded (lib/config/db-limits.ts). Interactive transactions wait at most the connect timeout
 * for a connection (Prisma's maxWait) and run at most the transaction timeout.
 */
export function createDbClient(databaseUrl: string, options: DbOptions = {}): Db {
  const limits = { ...DEFAULT_DB_LIMITS, ...options };
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    secureSqliteFiles(target.filename);
    // WAL lets readers run beside the writer; it is a property of the file, set once.
    const setup = new Database(target.filename, { timeout: limits.busyTimeoutMs });
    setup.pragma("journal_mode = WAL");
    setup.close();
    // better-sqlite3 enforces foreign keys by default; a writer waits up to the busy timeout for
    // another connection's write lock, which transactions take first (BEGIN IMMEDIATE). A
    // transaction waits for those of this process ahead of it (one connection) at most one
    // transaction timeout.
    const adapter = beginImmediate(new PrismaBetterSqlite3({ url: target.filename, timeout: limits.busyTimeoutMs }));
    return withCacheMarks(new SqliteClient({ adapter, transactionOptions: { maxWait: limits.transactionTimeoutMs, timeout: limits.transactionTimeoutMs } }));
  }
  const adapter = new PrismaPg(postgresPoolConfig(target.connectionString, options));
  return withCacheMarks(new PostgresClient({ adapter, transactionOptions: { maxWait: limits.connectTimeoutMs, timeout: limits.transactionTimeoutMs } }) as unknown as Db);
}

/**
 * The client, marking in this process the cached topics its writes change, after each write and
 * again after each interactive transaction commits (lib/db/mark-cache-writes.ts; the database's
 * triggers move their versions for every instance). Neither adds a model or method, so the client
 * keeps the Db type.
 */
function withCacheMarks(client: Db): Db {
  return markAfterCommit(client.$extends(markCacheWrites) as unknown as Db);
}
