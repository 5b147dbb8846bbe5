import type { Db } from "../db/create-db-client";
import { normalizeOrigin } from "./normalize-origin";
import { ORIGIN_SCOPE_COLUMN, type OriginScope } from "./origin-scope";
import { getTrustedOrigins } from "./trusted-origin-cache";

/**
 * Whether `origin` (an `Origin` header, or the origin of a redirect target) is an ACTIVE trusted
 * origin with `scope`: CORS for cross-origin calls to the protocol and authn endpoints, REDIRECT
 * for sign-in/sign-out redirect targets, IFRAME_EMBED for origins that may frame the hosted pages.
 * Served from the per-instance cache (no query while warm); changes made on any instance are seen
 * within a second. A missing, `null` or malformed origin is never trusted.
 */
export async function isTrustedOrigin(db: Db, origin: string | null | undefined, scope: OriginScope, now: Date): Promise<boolean> {
  if (!origin) return false;
  const normalized = normalizeOrigin(origin);
  if (!normalized.ok) return false;
  const entry = (await getTrustedOrigins(db, now)).get(normalized.origin);
  return entry?.[ORIGIN_SCOPE_COLUMN[scope]] ?? false;
}
