import type { DbTx } from "./create-db-client";

/**
 * A client inside an interactive transaction and nothing else: the database client itself has
 * `$connect` (a transaction client has not), so handing it where a transaction is required does
 * not typecheck.
 */
export type InTransaction = DbTx & { $connect?: never };

/**
 * What a caller records about a domain write, run by the domain module inside the write's own
 * transaction, after the write: the management API's audit event (lib/admin/audit.ts). Both commit
 * or neither does, so a change is never made without its record. `written` is what the write made
 * or changed.
 */
export type RecordChange<T = void> = (tx: InTransaction, written: T) => Promise<unknown>;
