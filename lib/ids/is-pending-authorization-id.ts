/** The shape of every pending authorization id (newId "ftx" + base62) and of nothing unsafe: 1 to 64 ASCII letters and digits. */
const PENDING_ID = /^[0-9A-Za-z]{1,64}$/;

/**
 * Whether `value` has a pending authorization id's shape: anything else is unknown without a
 * query (a NUL byte would make PostgreSQL refuse it) and never goes into a header (a CR/LF or
 * non-Latin-1 character would make Headers.set throw).
 */
export function isPendingAuthorizationId(value: string | null | undefined): value is string {
  return typeof value === "string" && PENDING_ID.test(value);
}
