import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import type { CreatedApp } from "./create-app";
import { insertApp, type NewApp } from "./insert-app";

/**
 * Registers a client (RFC 7591): an ACTIVE app whose client_id is its new id (so nothing to check
 * first), with a generated secret for the methods that use one, recorded in the same transaction.
 */
export async function registerClient(
  db: Db,
  secretsKey: Buffer,
  input: Pick<NewApp, "id" | "label" | "metadata"> & { now: Date },
  record: RecordChange<CreatedApp>,
): Promise<CreatedApp> {
  return db.$transaction(async (tx) => {
    const created = await insertApp(
      tx,
      secretsKey,
      { id: input.id, clientId: input.id, status: "ACTIVE", dynamic: true, label: input.label, metadata: input.metadata, extra: {}, clientSecret: null },
      input.now,
    );
    await record(tx, created);
    return created;
  });
}
