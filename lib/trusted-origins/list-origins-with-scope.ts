import type { Db } from "../db/create-db-client";
import { ORIGIN_SCOPE_COLUMN, type OriginScope } from "./origin-scope";
import { getTrustedOrigins } from "./trusted-origin-cache";

/**
 * Every ACTIVE trusted origin with `scope`, sorted (e.g. for a `frame-ancestors` directive built
 * from the IFRAME_EMBED origins). Served from the same cache as isTrustedOrigin.
 */
export async function listOriginsWithScope(db: Db, scope: OriginScope, now: Date): Promise<string[]> {
  const column = ORIGIN_SCOPE_COLUMN[scope];
  const origins: string[] = [];
  for (const [origin, scopes] of await getTrustedOrigins(db, now)) if (scopes[column]) origins.push(origin);
  return origins.sort();
}
