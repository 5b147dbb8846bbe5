/**
 * How long a request may wait on the database, and how many connections an instance holds
 * (README, "Database faults"). Every wait is bounded, so a stopped, frozen or saturated database
 * turns into a prompt 503 (lib/db/is-database-unavailable.ts) instead of a hung request.
 */
export type DbLimits = {
  /** PostgreSQL connections per instance; requests beyond it queue for at most connectTimeoutMs */
  poolSize: number;
  /** PostgreSQL: opening a connection, or waiting in the pool's queue for a free one */
  connectTimeoutMs: number;
  /** PostgreSQL: one statement (client-side read timeout, fires even when the server is frozen; and server-side statement_timeout) */
  statementTimeoutMs: number;
  /** an interactive transaction from BEGIN to COMMIT (Prisma's `timeout`) */
  transactionTimeoutMs: number;
  /** SQLite: how long a writer waits for another connection's (process's) write lock */
  busyTimeoutMs: number;
};

export const DEFAULT_DB_LIMITS: DbLimits = {
  poolSize: 10,
  connectTimeoutMs: 2000,
  statementTimeoutMs: 3000,
  transactionTimeoutMs: 5000,
  busyTimeoutMs: 5000,
};

/** The most connections one instance may ask for (DATABASE_POOL_SIZE, `connection_limit`). */
export const MAX_POOL_SIZE = 1000;

/**
 * The `connection_limit` parameter of a PostgreSQL URL (Prisma's spelling of the pool size), null
 * when absent. Throws RangeError when it is not a whole number from 1 to MAX_POOL_SIZE.
 */
export function readConnectionLimit(connectionString: string): number | null {
  const raw = new URL(connectionString).searchParams.get("connection_limit");
  if (raw === null) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_POOL_SIZE) throw new RangeError(`connection_limit must be a whole number from 1 to ${MAX_POOL_SIZE}`);
  return Number(raw);
}
