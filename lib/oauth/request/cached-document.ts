import { createHash } from "node:crypto";
import { createKeyedCache, perDatabaseClient } from "../../cache/keyed-cache";
import type { Db } from "../../db/create-db-client";
import type { OAuthRequest, OAuthResponse } from "./oauth-request";

type CachedDocument = { body: unknown; etag: string; validUntil: number };

/** Documents kept per database client (three per authorization server: two discovery kinds and the key set). */
const MAX_DOCUMENTS = 3000;

/**
 * A per-instance cache of small public JSON documents (discovery, JWKS), keyed by database client
 * and name and tagged with the server's configVersion (lib/cache/keyed-cache.ts): a warm request
 * costs no query beyond the snapshot's once-a-second version check. A document past the
 * `validUntil` its build named is rebuilt; of the same version it is kept while the database is
 * unavailable. Answers conditional requests (ETag / If-None-Match) with 304.
 */
export function createDocumentCache() {
  const caches = perDatabaseClient(() => createKeyedCache<CachedDocument>({ maxEntries: MAX_DOCUMENTS, expiresAt: (document) => document.validUntil }));
  return async function serve(
    db: Db,
    request: OAuthRequest,
    key: string,
    version: number,
    now: Date,
    cacheControl: string,
    build: () => Promise<{ body: unknown; validUntil?: number }>,
  ): Promise<OAuthResponse> {
    const cache = caches.of(db);
    const document =
      cache.peek(key, version, now.getTime()) ??
      (await cache.get(key, version, now, async () => {
        const built = await build();
        const etag = `"${createHash("sha256").update(JSON.stringify(built.body)).digest("base64url").slice(0, 27)}"`;
        return { body: built.body, etag, validUntil: built.validUntil ?? Number.POSITIVE_INFINITY };
      }));
    const headers = { "Cache-Control": cacheControl, ETag: document.etag };
    if (request.headers.get("if-none-match") === document.etag) return { status: 304, headers };
    return { status: 200, headers, body: document.body };
  };
}
