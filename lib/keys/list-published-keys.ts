import type { Db } from "../db/create-db-client";
import { isRotationDue } from "./is-rotation-due";
import { comparePublishedKeys, PUBLISHED_KEY_SELECT, publishedKeyWhere, toPublishedKey, type PublishedKey } from "./published-key";
import { rotateDueKeys } from "./rotate-due-keys";

async function readServerKeys(db: Db, authServerId: string, now: Date) {
  return db.authorizationServer.findUnique({
    where: { id: authServerId },
    select: { rotationMode: true, nextRotation: true, keys: { where: publishedKeyWhere(now), select: PUBLISHED_KEY_SELECT } },
  });
}

/**
 * The keys an authorization server publishes at `now` (JWKS, admin key list): ACTIVE, NEXT, and
 * EXPIRED keys while a token they signed may still be alive, in that order. A due AUTO rotation
 * happens first, so every read sees the current keys without a scheduler. When nothing is due this
 * costs what reading the keys costs: the server row by primary key, then its keys by the
 * (authServerId, status) index; no write, no transaction.
 * Null when the server does not exist.
 */
export async function listPublishedKeys(db: Db, authServerId: string, secretsKey: Buffer, now: Date): Promise<PublishedKey[] | null> {
  let server = await readServerKeys(db, authServerId, now);
  if (server && isRotationDue(server, now)) {
    await rotateDueKeys(db, authServerId, secretsKey, now);
    server = await readServerKeys(db, authServerId, now);
  }
  if (!server) return null;
  return server.keys.map(toPublishedKey).sort(comparePublishedKeys);
}
