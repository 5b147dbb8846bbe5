import { isDatabaseUnavailable } from "../db/is-database-unavailable";

/**
 * `load()`, or `kept` (the value it would refresh) when there is one and the load failed because the
 * database is unavailable. For values re-read periodically though their configuration version has
 * not moved (JWKS documents, signing keys): the caller already holds a snapshot the versioned cache
 * vouches for (lib/cache/versioned-cache.ts bounds how stale that may be), so the refresh can wait.
 */
export async function loadOrKeep<T>(load: () => Promise<T>, kept: T | undefined): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (kept !== undefined && isDatabaseUnavailable(error)) return kept;
    throw error;
  }
}
