import { getConfig } from "./config/get-config";
import { deriveKey } from "./crypto/derive-key";
import type { Db } from "./db/create-db-client";
import { getDb } from "./db/get-db";

/** What request handlers need from the process: injected, so tests run on any database and clock. */
export type AppContext = {
  db: Db;
  provider: "sqlite" | "postgresql";
  /** ORG_URL, no trailing slash */
  orgUrl: string;
  /** AES key for secrets at rest, derived once from APP_SECRET */
  secretsKey: Buffer;
  now: () => Date;
};

const holder = globalThis as unknown as { __idpAppContext?: AppContext };

export function getAppContext(): AppContext {
  if (!holder.__idpAppContext) {
    const config = getConfig();
    holder.__idpAppContext = {
      db: getDb(),
      provider: config.database.provider,
      orgUrl: config.orgUrl,
      secretsKey: deriveKey(config.secret, "secrets-at-rest"),
      now: () => new Date(),
    };
  }
  return holder.__idpAppContext;
}

/** Tests point the route handlers at their own database and clock. */
export function setAppContext(context: AppContext | undefined): void {
  holder.__idpAppContext = context;
}
