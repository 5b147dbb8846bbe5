import pg from "pg";
import { DEFAULT_DB_LIMITS, readConnectionLimit, type DbLimits } from "../config/db-limits";
import { QUERY_READ_TIMEOUT } from "./is-database-unavailable";

/**
 * A pg client that drops its connection when a statement outlives `query_timeout`. pg reports the
 * timeout but keeps the connection, whose reply may still be on its way (or never come, from a
 * frozen server); inside a transaction Prisma would hand it back to the pool healthy. Ended, the pool
 * discards it on release and opens a fresh one for the next request: no restart needed.
 */
class DeadlineClient extends pg.Client {}
const baseQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
Object.defineProperty(DeadlineClient.prototype, "query", {
  value: function query(this: pg.Client, ...args: unknown[]): unknown {
    const result = baseQuery.apply(this, args);
    if (result instanceof Promise) {
      result.catch((error: unknown) => {
        if (error instanceof Error && error.message === QUERY_READ_TIMEOUT) void this.end();
      });
    }
    return result;
  },
});

/**
 * The pg Pool configuration for a PostgreSQL DATABASE_URL: every wait bounded (connect and pool
 * queue: connectionTimeoutMillis; a statement: query_timeout client-side, which fires even when the
 * server is frozen, and statement_timeout server-side, which stops the server's work too), TCP
 * keepalive so a vanished peer is noticed, and `idle_in_transaction_session_timeout` so a client
 * that died inside a transaction does not hold its locks. The pool size is `limits.poolSize`, else
 * the URL's `connection_limit`, else the default; the parameter is removed from the URL (it is not a
 * PostgreSQL setting).
 */
export function postgresPoolConfig(connectionString: string, limits: Partial<DbLimits> = {}): pg.PoolConfig {
  const settings = { ...DEFAULT_DB_LIMITS, ...limits };
  const url = new URL(connectionString);
  const poolSize = limits.poolSize ?? readConnectionLimit(connectionString) ?? DEFAULT_DB_LIMITS.poolSize;
  url.searchParams.delete("connection_limit");
  return {
    connectionString: url.toString(),
    max: poolSize,
    connectionTimeoutMillis: settings.connectTimeoutMs,
    query_timeout: settings.statementTimeoutMs,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: 2 * settings.transactionTimeoutMs,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    Client: DeadlineClient,
  };
}
