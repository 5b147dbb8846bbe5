import type { Db } from "../db/create-db-client";
import type { RecordChange } from "../db/record-change";
import { createClientSecret } from "./create-client-secret";
import { lockApp } from "./lock-app";

/**
 * Replaces every client secret of an app at once by one new generated secret, under the app's
 * lock, recorded in the same transaction; the new secret's plaintext (shown once).
 */
export async function renewClientSecret(db: Db, secretsKey: Buffer, input: { appId: string; now: Date }, record: RecordChange): Promise<string> {
  const { appId, now } = input;
  return db.$transaction(async (tx) => {
    await lockApp(tx, appId);
    await tx.clientSecret.deleteMany({ where: { appId } });
    const created = await createClientSecret(tx, secretsKey, appId, now);
    await record(tx);
    return created.secret;
  });
}
