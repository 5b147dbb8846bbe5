// @ts-check
// The settings `npm start`'s server (lib/cli/server.mjs) reads itself, before the application's
// configuration (lib/config/parse-config.ts) is read inside Next.js: the port it binds first, and its
// HTTP timeouts. Plain JavaScript because that server runs without a TypeScript loader.

/**
 * @typedef {{ headersTimeoutMs: number, requestTimeoutMs: number, keepAliveTimeoutMs: number, checkIntervalMs: number }} ServerTimeouts
 */

/** Longer than a typical load balancer's idle timeout, so it never closes a connection the balancer reuses. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;
/** How often Node checks connections against the header and request timeouts (its default, 30 s, would let a slow client keep a connection that much longer). */
const CHECK_INTERVAL_MS = 1_000;

/**
 * A whole number in [min, max] from `env[name]`, `fallback` when unset. Throws an Error whose
 * message is one line naming the variable.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @param {string} name
 * @param {number} fallback
 * @param {{ min: number, max: number, unit?: string }} range
 * @returns {number}
 */
export function readWholeNumber(env, name, fallback, { min, max, unit = "" }) {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw configError(`Invalid configuration: ${name} must be a whole number${unit} from ${min} to ${max} (got "${raw}").`);
  }
  return Number(raw);
}

/**
 * PORT (default 3000), in parse-config's words: the server binds it before anything else.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {number}
 */
export function parsePort(env) {
  const raw = env.PORT?.trim();
  if (!raw) return 3000;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 65535) {
    throw configError(`Invalid configuration: PORT must be a port number from 1 to 65535 (got "${raw}").`);
  }
  return Number(raw);
}

/**
 * SERVER_HEADERS_TIMEOUT_MS (default 10 s): a client must send a request's headers within it;
 * SERVER_REQUEST_TIMEOUT_MS (default 30 s, not shorter): ... and the whole request (headers and
 * body). A client past either gets 408 and its connection is closed, so a slow client (slowloris:
 * a byte a second) cannot hold a connection for Node's defaults of 60 s / 300 s. Idle keep-alive
 * connections close after 65 s.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {ServerTimeouts}
 */
export function parseServerTimeouts(env) {
  const ms = " of milliseconds";
  const headersTimeoutMs = readWholeNumber(env, "SERVER_HEADERS_TIMEOUT_MS", 10_000, { min: 1_000, max: 600_000, unit: ms });
  const requestTimeoutMs = readWholeNumber(env, "SERVER_REQUEST_TIMEOUT_MS", Math.max(30_000, headersTimeoutMs), { min: 1_000, max: 3_600_000, unit: ms });
  if (requestTimeoutMs < headersTimeoutMs) {
    throw configError(`Invalid configuration: SERVER_REQUEST_TIMEOUT_MS must not be shorter than SERVER_HEADERS_TIMEOUT_MS (got ${requestTimeoutMs} < ${headersTimeoutMs}).`);
  }
  return { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs: KEEP_ALIVE_TIMEOUT_MS, checkIntervalMs: CHECK_INTERVAL_MS };
}

/**
 * An invalid setting, named like lib/config's ConfigError so that start-up prints its message alone
 * (lib/cli/startup-failure.mjs).
 * @param {string} message
 */
function configError(message) {
  return Object.assign(new Error(message), { name: "ConfigError" });
}
