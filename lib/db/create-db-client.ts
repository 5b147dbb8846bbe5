import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient, type Prisma } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { databaseTarget } from "./database-target";

/**
 * The database client. Both generated clients have the same API (their schemas differ only in the
 * provider), so the SQLite client's type stands for both.
 */
export type Db = InstanceType<typeof SqliteClient>;

/** A client inside an interactive transaction. */
export type DbTx = Prisma.TransactionClient;

export type DbOptions = { poolSize?: number };

/** Opens the database named by a DATABASE_URL: SQLite (embedded default) or PostgreSQL. */
export function createDbClient(databaseUrl: string, options: DbOptions = {}): Db {
  const target = databaseTarget(databaseUrl);
  if (target.provider === "sqlite") {
    mkdirSync(dirname(target.filename), { recursive: true });
    // WAL lets readers run beside the writer; it is a property of the file, set once.
    const setup = new Database(target.filename);
    setup.pragma("journal_mode = WAL");
    setup.close();
    // better-sqlite3 enforces foreign keys by default; wait for a busy writer instead of failing.
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.filename, timeout: 10_000 }) });
  }
  const adapter = new PrismaPg({ connectionString: target.connectionString, max: options.poolSize ?? 10 });
  return new PostgresClient({ adapter }) as unknown as Db;
}
