import { z } from "zod";
import { ConfigError } from "./config-error";
import { databaseTarget, type DatabaseTarget } from "../db/database-target";

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
  };
}
