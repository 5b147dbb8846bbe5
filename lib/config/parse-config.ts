import { z } from "zod";
import { ConfigError } from "./config-error";
import { DEFAULT_CACHE_SETTINGS, type CacheSettings } from "./cache-settings";
import { databaseTarget, type DatabaseTarget } from "./database-target";
import { DEFAULT_DB_LIMITS, MAX_POOL_SIZE, readConnectionLimit, type DbLimits } from "./db-limits";
import { parseMailSettings, type MailSettings } from "./mail-settings";

export type AppConfig = {
  nodeEnv: string;
  port: number;
  /** Public base URL, no trailing slash. Issuers and absolute links are built from it, never from Host. */
  orgUrl: string;
  databaseUrl: string;
  database: DatabaseTarget;
  /** APP_SECRET when set; null means "use or create the embedded secret file". */
  appSecret: string | null;
  /** Where the embedded default keeps a generated APP_SECRET. */
  secretFile: string;
  admin: { email: string | null; password: string | null; apiToken: string | null };
  /** How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the TCP peer is the client). */
  trustedProxyHops: number;
  /** deadlines and pool size of the database client */
  databaseLimits: DbLimits;
  /** stale-if-error behaviour of the versioned caches */
  cache: CacheSettings;
  /** ADMIN_RATE_LIMIT_PER_MINUTE: the management API's requests per API token per minute */
  adminRateLimitPerMinute: number;
  /** SMTP_URL (null: the development outbox), MAIL_FROM, MAIL_PRODUCT_NAME */
  mail: MailSettings;
};

type Env = Readonly<Record<string, string | undefined>>;

const portSchema = z.coerce.number().int().min(1).max(65535);
const MIN_SECRET_LENGTH = 32;

function read(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

function parsePort(env: Env): number {
  const raw = read(env, "PORT");
  if (raw === undefined) return 3000;
  const parsed = portSchema.safeParse(raw);
  if (!parsed.success || !/^\d+$/.test(raw)) throw new ConfigError("PORT", `must be a port number from 1 to 65535 (got "${raw}").`);
  return parsed.data;
}

function parseOrgUrl(env: Env, port: number): string {
  const raw = read(env, "ORG_URL");
  if (raw === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError("ORG_URL", `must be an absolute http(s) URL such as https://id.example.com (got "${raw}").`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new ConfigError("ORG_URL", `must use http or https (got "${raw}").`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new ConfigError("ORG_URL", `must not carry a query, fragment or credentials (got "${raw}").`);
  }
  if (url.pathname !== "/") {
    throw new ConfigError("ORG_URL", `must be an origin without a path (got "${raw}").`);
  }
  return url.origin;
}

function parseEmail(env: Env, name: string): string | null {
  const raw = read(env, name);
  if (raw === undefined) return null;
  if (!z.email().safeParse(raw).success) throw new ConfigError(name, `must be an email address (got "${raw}").`);
  return raw;
}

function parseAdminPassword(env: Env): string | null {
  const raw = env.ADMIN_PASSWORD;
  if (raw === undefined || raw === "") return null;
  if (raw.length < 12) throw new ConfigError("ADMIN_PASSWORD", "must be at least 12 characters long.");
  return raw;
}

function parseAdminApiToken(env: Env): string | null {
  const raw = read(env, "ADMIN_API_TOKEN");
  if (raw === undefined) return null;
  if (!/^[A-Za-z0-9_-]{32,128}$/.test(raw)) {
    throw new ConfigError("ADMIN_API_TOKEN", "must be 32 to 128 characters of A-Z, a-z, 0-9, '-' or '_'.");
  }
  return raw;
}

const MAX_PROXY_HOPS = 10;

/** TRUSTED_PROXY_HOPS (default 0); exported for the request shells, which read it without the rest. */
export function parseTrustedProxyHops(env: Env): number {
  const raw = read(env, "TRUSTED_PROXY_HOPS");
  if (raw === undefined) return 0;
  if (!/^\d+$/.test(raw) || Number(raw) > MAX_PROXY_HOPS) throw new ConfigError("TRUSTED_PROXY_HOPS", `must be a whole number from 0 to ${MAX_PROXY_HOPS} (got "${raw}").`);
  return Number(raw);
}

/** A whole number of milliseconds (or `unit`) in [min, max]; `fallback` when unset. */
function parseWholeNumber(env: Env, name: string, fallback: number, min: number, max: number, unit = ""): number {
  const raw = read(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) throw new ConfigError(name, `must be a whole number${unit} from ${min} to ${max} (got "${raw}").`);
  return Number(raw);
}

/**
 * DATABASE_POOL_SIZE, DATABASE_CONNECT_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS,
 * DATABASE_TRANSACTION_TIMEOUT_MS and DATABASE_BUSY_TIMEOUT_MS. The pool size falls back to the
 * PostgreSQL URL's `connection_limit` (Prisma's spelling), then to 10.
 */
function parseDatabaseLimits(env: Env, database: DatabaseTarget): DbLimits {
  let urlPoolSize: number | null = null;
  if (database.provider === "postgresql") {
    try {
      urlPoolSize = readConnectionLimit(database.connectionString);
    } catch {
      throw new ConfigError("DATABASE_URL", `connection_limit must be a whole number from 1 to ${MAX_POOL_SIZE}.`);
    }
  }
  const ms = " of milliseconds";
  return {
    poolSize: parseWholeNumber(env, "DATABASE_POOL_SIZE", urlPoolSize ?? DEFAULT_DB_LIMITS.poolSize, 1, MAX_POOL_SIZE),
    connectTimeoutMs: parseWholeNumber(env, "DATABASE_CONNECT_TIMEOUT_MS", DEFAULT_DB_LIMITS.connectTimeoutMs, 100, 600_000, ms),
    statementTimeoutMs: parseWholeNumber(env, "DATABASE_STATEMENT_TIMEOUT_MS", DEFAULT_DB_LIMITS.statementTimeoutMs, 100, 600_000, ms),
    transactionTimeoutMs: parseWholeNumber(env, "DATABASE_TRANSACTION_TIMEOUT_MS", DEFAULT_DB_LIMITS.transactionTimeoutMs, 100, 600_000, ms),
    busyTimeoutMs: parseWholeNumber(env, "DATABASE_BUSY_TIMEOUT_MS", DEFAULT_DB_LIMITS.busyTimeoutMs, 0, 600_000, ms),
  };
}

/** CACHE_MAX_STALE_SECONDS (0-3600) and CACHE_CHECK_TIMEOUT_MS (10-60000); exported for lib/cache, which reads them without the rest. */
export function parseCacheSettings(env: Env): CacheSettings {
  return {
    maxStaleMs: 1000 * parseWholeNumber(env, "CACHE_MAX_STALE_SECONDS", DEFAULT_CACHE_SETTINGS.maxStaleMs / 1000, 0, 3600, " of seconds"),
    checkTimeoutMs: parseWholeNumber(env, "CACHE_CHECK_TIMEOUT_MS", DEFAULT_CACHE_SETTINGS.checkTimeoutMs, 10, 60_000, " of milliseconds"),
  };
}

/** The management API's default budget per API token and minute (Okta's management limits are of this order). */
export const DEFAULT_ADMIN_RATE_LIMIT_PER_MINUTE = 1200;
const MAX_ADMIN_RATE_LIMIT_PER_MINUTE = 1_000_000;

/** ADMIN_RATE_LIMIT_PER_MINUTE (1-1,000,000, default 1,200); exported for lib/admin, which reads it without the rest. */
export function parseAdminRateLimit(env: Env): number {
  return parseWholeNumber(env, "ADMIN_RATE_LIMIT_PER_MINUTE", DEFAULT_ADMIN_RATE_LIMIT_PER_MINUTE, 1, MAX_ADMIN_RATE_LIMIT_PER_MINUTE, " of requests");
}

/**
 * Reads the process environment into a typed configuration, or throws a ConfigError whose message is
 * one line naming the variable. Pure: no file system, no network.
 */
export function parseConfig(env: Env): AppConfig {
  const nodeEnv = read(env, "NODE_ENV") ?? "development";
  const port = parsePort(env);
  const orgUrl = parseOrgUrl(env, port);
  const databaseUrl = read(env, "DATABASE_URL") ?? "file:./data/app.db";
  let database: DatabaseTarget;
  try {
    database = databaseTarget(databaseUrl);
  } catch {
    throw new ConfigError(
      "DATABASE_URL",
      `must be file:<path> (SQLite) or postgresql://user@host:port/database (got "${databaseUrl.replace(/\/\/[^@/]*@/, "//***@")}").`,
    );
  }
  const appSecret = read(env, "APP_SECRET") ?? null;
  if (appSecret !== null && appSecret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError("APP_SECRET", `must be at least ${MIN_SECRET_LENGTH} characters of random data (e.g. \`openssl rand -base64 48\`).`);
  }
  if (appSecret === null && nodeEnv === "production" && database.provider === "postgresql") {
    throw new ConfigError(
      "APP_SECRET",
      "is required in production with PostgreSQL: every instance must share it (e.g. `openssl rand -base64 48`).",
    );
  }
  return {
    nodeEnv,
    port,
    orgUrl,
    databaseUrl,
    database,
    appSecret,
    secretFile: read(env, "APP_SECRET_FILE") ?? "./data/app-secret",
    admin: {
      email: parseEmail(env, "ADMIN_EMAIL"),
      password: parseAdminPassword(env),
      apiToken: parseAdminApiToken(env),
    },
    trustedProxyHops: parseTrustedProxyHops(env),
    databaseLimits: parseDatabaseLimits(env, database),
    cache: parseCacheSettings(env),
    adminRateLimitPerMinute: parseAdminRateLimit(env),
    mail: parseMailSettings(env, orgUrl),
  };
}
