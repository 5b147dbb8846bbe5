import type { CacheSettings } from "./cache-settings";
import { parseCacheSettings } from "./parse-config";

let settings: CacheSettings | undefined;

/**
 * CACHE_MAX_STALE_SECONDS and CACHE_CHECK_TIMEOUT_MS, read once from the environment (start-up has
 * validated them with the rest of the configuration); the caches read them without the rest.
 */
export function getCacheSettings(): CacheSettings {
  settings ??= parseCacheSettings(process.env);
  return settings;
}
