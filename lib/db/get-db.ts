import { getConfig } from "../config/get-config";
import { createDbClient, type Db } from "./create-db-client";

const holder = globalThis as unknown as { __idpDb?: Db };

/** The process-wide database client (kept on globalThis so dev-server reloads reuse the pool). */
export function getDb(): Db {
  if (!holder.__idpDb) {
    const config = getConfig();
    holder.__idpDb = createDbClient(config.databaseUrl, config.databaseLimits);
  }
  return holder.__idpDb;
}
