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
