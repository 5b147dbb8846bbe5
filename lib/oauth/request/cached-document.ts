import { createHash } from "node:crypto";
import { loadOrKeep } from "../../cache/load-or-keep";
import type { Db } from "../../db/create-db-client";
import type { OAuthRequest, OAuthResponse } from "./oauth-request";

type Entry = { version: number; validUntil: number; body: unknown; etag: string };

/**
 * A per-instance cache of small public JSON documents (discovery, JWKS), keyed by database client
 * and name and tagged with the server's configVersion: a warm request costs no query beyond the
 * snapshot's once-a-second version check. Answers conditional requests (ETag / If-None-Match) with
 * 304.
 */
export function createDocumentCache() {
  const byDb = new WeakMap<Db, Map<string, Entry>>();
  return async function serve(
    db: Db,
    request: OAuthRequest,
    key: string,
    version: number,
    now: Date,
    cacheControl: string,
    build: () => Promise<{ body: unknown; validUntil?: number }>,
  ): Promise<OAuthResponse> {
    let entries = byDb.get(db);
    if (!entries) byDb.set(db, (entries = new Map()));
    let entry = entries.get(key);
    if (!entry || entry.version !== version || entry.validUntil <= now.getTime()) {
      // Past validUntil but of the same version, the document is kept while the database is unavailable.
      const kept = entry?.version === version ? entry : undefined;
      entry = await loadOrKeep(async () => {
        const built = await build();
        const etag = `"${createHash("sha256").update(JSON.stringify(built.body)).digest("base64url").slice(0, 27)}"`;
        return { version, validUntil: built.validUntil ?? Number.POSITIVE_INFINITY, body: built.body, etag };
      }, kept);
      entries.set(key, entry);
    }
    const headers = { "Cache-Control": cacheControl, ETag: entry.etag };
    if (request.headers.get("if-none-match") === entry.etag) return { status: 304, headers };
    return { status: 200, headers, body: entry.body };
  };
}
