import type { Db } from "../db/create-db-client";
import type { ClientSecret } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { lockApp } from "./lock-app";

/**
 * Activates or deactivates a client secret under its app's lock, recorded in the same transaction;
 * the updated row, or "last-active" when deactivating would leave the app without an ACTIVE secret
 * (it would be locked out).
 */
export async function setClientSecretStatus(
  db: Db,
  input: { appId: string; secretId: string; status: "ACTIVE" | "INACTIVE"; now: Date },
  record: RecordChange,
): Promise<ClientSecret | "last-active"> {
  const { appId, secretId, status, now } = input;
  return db.$transaction(async (tx) => {
    await lockApp(tx, appId);
    if (status === "INACTIVE" && (await tx.clientSecret.count({ where: { appId, status: "ACTIVE", id: { not: secretId } } })) === 0) return "last-active";
    const saved = await tx.clientSecret.update({ where: { id: secretId }, data: { status, lastUpdated: now } });
    await record(tx);
    return saved;
  });
}
