/** pg's message when `query_timeout` fires (lib/db/postgres-pool-config.ts then closes the connection). */
export const QUERY_READ_TIMEOUT = "Query read timeout";

/**
 * Driver-adapter error kinds (Prisma 7, `meta.driverAdapterError.cause.kind`) that mean "the
 * database cannot serve this now": unreachable, connection lost, timed out (also SQLITE_BUSY after
 * the busy timeout, which the SQLite adapter reports as SocketTimeout), out of connections.
 */
const UNAVAILABLE_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed", "TransactionWriteConflict"]);

/**
 * Prisma error codes of the same conditions: P1001 can't reach, P1002 timed out, P1008 operation
 * timed out, P1017 server closed the connection, P2024 timed out fetching a connection, P2028
 * transaction could not start in time or expired, P2034 write conflict or deadlock (retry), P2037
 * too many connections.
 */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028", "P2034", "P2037"]);

/**
 * PostgreSQL SQLSTATEs: class 08 (connection exception), 53 (insufficient resources: too many
 * connections, out of memory, disk full), 57P01-57P03 (shutting down, crashed, starting up), 57014
 * (statement_timeout), 40001/40P01 (serialization failure, deadlock: retry), 55P03 (lock timeout).
 */
const UNAVAILABLE_SQLSTATE = /^(08...|53...|57P0[123]|57014|40001|40P01|55P03)$/;

/** What pg and pg-pool throw as plain Errors for the same conditions (no code attached). */
const UNAVAILABLE_MESSAGES = [
  QUERY_READ_TIMEOUT,
  "timeout exceeded when trying to connect",
  "Connection terminated",
  "Client was closed and is not queryable",
  "Client has encountered a connection error and is not queryable",
];

const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/**
 * How long clients are told to wait (Retry-After, RFC 9110 10.2.3) when the database is
 * unavailable: about one round of the deadlines, after which a restarted database is used again.
 */
export const RETRY_AFTER_SECONDS = 5;

type ErrorLike = { code?: unknown; message?: unknown; meta?: { driverAdapterError?: { cause?: Record<string, unknown> } }; cause?: unknown };

/**
 * Whether `error` is the database being unavailable (down, frozen, restarting, out of connections,
 * busy past its timeout, or a deadline of lib/config/db-limits.ts reached) rather than a fault of the
 * request or the code: the one test every surface's error mapper uses to answer 503
 * `temporarily_unavailable` (or its Okta/HTML equivalent) with Retry-After instead of 500, and the
 * versioned caches use to serve what they hold. Reads Prisma's errors, the driver-adapter error
 * they wrap, pg/pg-pool's plain errors, socket errors and better-sqlite3's SQLITE_BUSY/LOCKED,
 * following `cause` chains.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === "object" && depth < 5; depth++) {
    const candidate = current as ErrorLike;
    if (matches(candidate)) return true;
    current = candidate.cause;
  }
  return false;
}

function matches(error: ErrorLike): boolean {
  const code = typeof error.code === "string" ? error.code : null;
  if (code !== null && (UNAVAILABLE_PRISMA_CODES.has(code) || SOCKET_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code) || /^SQLITE_(BUSY|LOCKED)/.test(code))) return true;
  const adapterCause = error.meta?.driverAdapterError?.cause;
  if (adapterCause) {
    if (typeof adapterCause.kind === "string" && UNAVAILABLE_KINDS.has(adapterCause.kind)) return true;
    const sqlstate = adapterCause.originalCode ?? adapterCause.code;
    if (typeof sqlstate === "string" && UNAVAILABLE_SQLSTATE.test(sqlstate)) return true;
  }
  const message = typeof error.message === "string" ? error.message : "";
  return UNAVAILABLE_MESSAGES.some((known) => message.startsWith(known));
}

/** A one-line reason for the server log: Prisma's code and the last line of its message (never query values). */
export function unavailableReason(error: unknown): string {
  const candidate = (error ?? {}) as ErrorLike;
  const message = typeof candidate.message === "string" ? (candidate.message.trim().split("\n").pop() ?? "") : String(error);
  return typeof candidate.code === "string" ? `${candidate.code} ${message}` : message;
}
