import type { AppContext } from "../../app-context";
import { loadOrKeep } from "../../cache/load-or-keep";
import type { Db } from "../../db/create-db-client";
import { loadSigningKey, type SigningKey } from "../../keys/load-signing-key";
import { serverError } from "../errors/oauth-error";
import type { ServerSnapshot } from "../snapshot/types";

/**
 * How long a looked-up key is trusted while the server's configVersion stays the same. Every
 * rotation (manual, or AUTO on any instance) bumps configVersion, which the snapshot sees within a
 * second, so this only bounds how late an AUTO rotation that nobody has performed yet is noticed
 * here (loadSigningKey performs a due one); the old key stays published, so tokens it signs in the
 * meantime verify.
 */
export const SIGNING_KEY_MAX_AGE_MS = 60_000;

type Entry = { version: number; key: SigningKey; loadedAt: number };

let caches = new WeakMap<Db, Map<string, Entry>>();

/**
 * The key that signs an authorization server's tokens, without a query on the hot path: the
 * result of loadSigningKey (which keeps the decrypted KeyObjects) is remembered per database
 * client and server, tagged with the snapshot's configVersion. A server without an ACTIVE key is a
 * server error (500), never cached.
 */
export async function getSigningKey(app: AppContext, snapshot: ServerSnapshot, now: Date): Promise<SigningKey> {
  let entries = caches.get(app.db);
  if (!entries) caches.set(app.db, (entries = new Map()));
  const nowMs = now.getTime();
  const cached = entries.get(snapshot.id);
  if (cached && cached.version === snapshot.configVersion && nowMs >= cached.loadedAt && nowMs - cached.loadedAt < SIGNING_KEY_MAX_AGE_MS) return cached.key;

  // Of the same configuration version, the remembered key is kept while the database is unavailable.
  const kept = cached?.version === snapshot.configVersion ? cached.key : undefined;
  const key = await loadOrKeep(() => loadSigningKey(app.db, snapshot.id, app.secretsKey, now), kept);
  if (!key) {
    console.error(`[oauth] authorization server ${snapshot.id} has no ACTIVE signing key`);
    throw serverError();
  }
  entries.set(snapshot.id, { version: snapshot.configVersion, key, loadedAt: nowMs });
  return key;
}

/** Forgets every remembered key (tests). */
export function resetSigningKeyCache(): void {
  caches = new WeakMap();
}
