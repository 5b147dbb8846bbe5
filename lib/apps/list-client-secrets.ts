import type { Db } from "../db/create-db-client";
import type { ClientSecret } from "../db/generated/sqlite/client";

/** An app's client secrets (the stored rows, plaintext sealed), oldest first. */
export async function listClientSecrets(db: Db, appId: string): Promise<ClientSecret[]> {
  return db.clientSecret.findMany({ where: { appId }, orderBy: [{ created: "asc" }, { id: "asc" }] });
}
