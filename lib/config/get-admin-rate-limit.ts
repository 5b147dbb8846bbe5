import { parseAdminRateLimit } from "./parse-config";

let perMinute: number | undefined;

/**
 * The management API's budget per API token: ADMIN_RATE_LIMIT_PER_MINUTE requests a minute (default
 * 1,200), read once from the environment (start-up has validated it with the rest of the
 * configuration); the admin pipeline reads it without the rest.
 */
export function getAdminRateLimit(): { limit: number; windowSeconds: number } {
  perMinute ??= parseAdminRateLimit(process.env);
  return { limit: perMinute, windowSeconds: 60 };
}
