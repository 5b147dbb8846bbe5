import type { Db, DbTx } from "../../db/create-db-client";
import type { RecordChange } from "../../db/record-change";
import { touchAuthorizationServer } from "../touch-authorization-server";

/**
 * A write to a server's access policies or their rules: one transaction that touches the server
 * first (that takes its row lock, so concurrent writers of one server's priorities run one after
 * another, and moves its lastUpdated), then makes the change and records what it wrote.
 */
export function changePolicies<T>(db: Db, authServerId: string, now: Date, record: RecordChange<T>, change: (tx: DbTx) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    await touchAuthorizationServer(tx, authServerId, now);
    const written = await change(tx);
    await record(tx, written);
    return written;
  });
}
