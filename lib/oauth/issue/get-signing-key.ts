import type { AppContext } from "../../app-context";
import { createKeyedCache, perDatabaseClient } from "../../cache/keyed-cache";
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
/** Servers whose key is kept per database client; the least recently loaded is dropped beyond it. */
const SIGNING_KEY_CACHE_MAX_SERVERS = 1000;

const caches = perDatabaseClient(() => createKeyedCache<SigningKey>({ maxEntries: SIGNING_KEY_CACHE_MAX_SERVERS, maxAgeMs: SIGNING_KEY_MAX_AGE_MS }));

/**
 * The key that signs an authorization server's tokens, without a query on the hot path: the
 * result of loadSigningKey (which keeps the decrypted KeyObjects) is remembered per database
 * client and server, tagged with the snapshot's configVersion (lib/cache/keyed-cache.ts: of the
 * same version, the remembered key is kept while the database is unavailable). A server without an
 * ACTIVE key is a server error (500), never cached.
 */
export async function getSigningKey(app: AppContext, snapshot: ServerSnapshot, now: Date): Promise<SigningKey> {
  const cache = caches.of(app.db);
  return cache.peek(snapshot.id, snapshot.configVersion, now.getTime()) ?? cache.get(snapshot.id, snapshot.configVersion, now, (at) => loadActiveKey(app, snapshot.id, at));
}

async function loadActiveKey(app: AppContext, authServerId: string, now: Date): Promise<SigningKey> {
  const key = await loadSigningKey(app.db, authServerId, app.secretsKey, now);
  if (!key) {
    console.error(`[oauth] authorization server ${authServerId} has no ACTIVE signing key`);
    throw serverError();
  }
  return key;
}

/** Forgets every remembered key (tests). */
export function resetSigningKeyCache(): void {
  caches.reset();
}
