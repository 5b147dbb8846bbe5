import { describe, expect, it } from "vitest";
import { ConfigError } from "./config-error";
import { parseConfig } from "./parse-config";

const SECRET = "x".repeat(40);

function errorOf(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("defaults to port 3000, localhost ORG_URL and the embedded SQLite database", () => {
    const config = parseConfig({});
    expect(config.port).toBe(3000);
    expect(config.orgUrl).toBe("http://localhost:3000");
    expect(config.databaseUrl).toBe("file:./data/app.db");
    expect(config.database.provider).toBe("sqlite");
    expect(config.appSecret).toBeNull();
    expect(config.secretFile).toBe("./data/app-secret");
    expect(config.admin).toEqual({ email: null, password: null, apiToken: null });
    expect(config.trustedProxyHops).toBe(0);
    expect(config.databaseLimits).toEqual({ poolSize: 10, connectTimeoutMs: 2000, statementTimeoutMs: 3000, transactionTimeoutMs: 5000, busyTimeoutMs: 5000 });
    expect(config.cache).toEqual({ maxStaleMs: 60_000, checkTimeoutMs: 300 });
    expect(config.adminRateLimitPerMinute).toBe(1200);
  });

  it.each([
    ["1", 1],
    ["5000", 5000],
    ["1000000", 1_000_000],
  ])("reads ADMIN_RATE_LIMIT_PER_MINUTE %j as %i", (raw, expected) => {
    expect(parseConfig({ ADMIN_RATE_LIMIT_PER_MINUTE: raw }).adminRateLimitPerMinute).toBe(expected);
  });

  it("reads the database deadlines, pool size and cache staleness", () => {
    const config = parseConfig({
      DATABASE_POOL_SIZE: "25",
      DATABASE_CONNECT_TIMEOUT_MS: "1500",
      DATABASE_STATEMENT_TIMEOUT_MS: "4000",
      DATABASE_TRANSACTION_TIMEOUT_MS: "8000",
      DATABASE_BUSY_TIMEOUT_MS: "0",
      CACHE_MAX_STALE_SECONDS: "0",
      CACHE_CHECK_TIMEOUT_MS: "250",
    });
    expect(config.databaseLimits).toEqual({ poolSize: 25, connectTimeoutMs: 1500, statementTimeoutMs: 4000, transactionTimeoutMs: 8000, busyTimeoutMs: 0 });
    expect(config.cache).toEqual({ maxStaleMs: 0, checkTimeoutMs: 250 });
  });

  it.each([
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test?connection_limit=4" }, 4],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test?connection_limit=4", DATABASE_POOL_SIZE: "6" }, 6],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" }, 10],
  ])("pool size of %j is %i (DATABASE_POOL_SIZE, else connection_limit, else 10)", (env, expected) => {
    expect(parseConfig(env).databaseLimits.poolSize).toBe(expected);
  });

  it.each([
    ["0", 0],
    ["1", 1],
    [" 2 ", 2],
    ["10", 10],
  ])("reads TRUSTED_PROXY_HOPS %j as %i", (raw, expected) => {
    expect(parseConfig({ TRUSTED_PROXY_HOPS: raw }).trustedProxyHops).toBe(expected);
  });

  it("builds the default ORG_URL from PORT", () => {
    expect(parseConfig({ PORT: "8080" }).orgUrl).toBe("http://localhost:8080");
  });

  it.each([
    ["https://id.example.com", "https://id.example.com"],
    ["https://id.example.com/", "https://id.example.com"],
    ["http://127.0.0.1:4000", "http://127.0.0.1:4000"],
    ["HTTPS://ID.Example.COM", "https://id.example.com"],
  ])("normalises ORG_URL %s to %s", (raw, expected) => {
    expect(parseConfig({ ORG_URL: raw }).orgUrl).toBe(expected);
  });

  it.each([
    [{ PORT: "abc" }, "PORT"],
    [{ PORT: "0" }, "PORT"],
    [{ PORT: "70000" }, "PORT"],
    [{ PORT: "80.5" }, "PORT"],
    [{ ORG_URL: "id.example.com" }, "ORG_URL"],
    [{ ORG_URL: "ftp://id.example.com" }, "ORG_URL"],
    [{ ORG_URL: "https://id.example.com/base" }, "ORG_URL"],
    [{ ORG_URL: "https://id.example.com/?x=1" }, "ORG_URL"],
    [{ ORG_URL: "https://id.example.com/#top" }, "ORG_URL"],
    [{ ORG_URL: "https://user:pw@id.example.com" }, "ORG_URL"],
    [{ DATABASE_URL: "mysql://root@localhost/db" }, "DATABASE_URL"],
    [{ DATABASE_URL: "app.db" }, "DATABASE_URL"],
    [{ APP_SECRET: "too-short" }, "APP_SECRET"],
    [{ NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test" }, "APP_SECRET"],
    [{ ADMIN_EMAIL: "not-an-email" }, "ADMIN_EMAIL"],
    [{ ADMIN_PASSWORD: "short" }, "ADMIN_PASSWORD"],
    [{ ADMIN_API_TOKEN: "has spaces in it and is long enough......" }, "ADMIN_API_TOKEN"],
    [{ ADMIN_API_TOKEN: "tooShort" }, "ADMIN_API_TOKEN"],
    [{ TRUSTED_PROXY_HOPS: "-1" }, "TRUSTED_PROXY_HOPS"],
    [{ TRUSTED_PROXY_HOPS: "1.5" }, "TRUSTED_PROXY_HOPS"],
    [{ TRUSTED_PROXY_HOPS: "11" }, "TRUSTED_PROXY_HOPS"],
    [{ TRUSTED_PROXY_HOPS: "yes" }, "TRUSTED_PROXY_HOPS"],
    [{ DATABASE_POOL_SIZE: "0" }, "DATABASE_POOL_SIZE"],
    [{ DATABASE_POOL_SIZE: "1001" }, "DATABASE_POOL_SIZE"],
    [{ DATABASE_POOL_SIZE: "many" }, "DATABASE_POOL_SIZE"],
    [{ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test?connection_limit=0" }, "DATABASE_URL"],
    [{ DATABASE_CONNECT_TIMEOUT_MS: "50" }, "DATABASE_CONNECT_TIMEOUT_MS"],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: "2s" }, "DATABASE_STATEMENT_TIMEOUT_MS"],
    [{ DATABASE_TRANSACTION_TIMEOUT_MS: "-5" }, "DATABASE_TRANSACTION_TIMEOUT_MS"],
    [{ DATABASE_BUSY_TIMEOUT_MS: "600001" }, "DATABASE_BUSY_TIMEOUT_MS"],
    [{ CACHE_MAX_STALE_SECONDS: "3601" }, "CACHE_MAX_STALE_SECONDS"],
    [{ CACHE_CHECK_TIMEOUT_MS: "5" }, "CACHE_CHECK_TIMEOUT_MS"],
    [{ ADMIN_RATE_LIMIT_PER_MINUTE: "0" }, "ADMIN_RATE_LIMIT_PER_MINUTE"],
    [{ ADMIN_RATE_LIMIT_PER_MINUTE: "1000001" }, "ADMIN_RATE_LIMIT_PER_MINUTE"],
    [{ ADMIN_RATE_LIMIT_PER_MINUTE: "unlimited" }, "ADMIN_RATE_LIMIT_PER_MINUTE"],
  ])("rejects %j naming %s in one line", (env, variable) => {
    const error = errorOf(env);
    expect(error.code).toBe("config.invalid");
    expect(error.variable).toBe(variable);
    expect(error.message.startsWith(`Invalid configuration: ${variable} `)).toBe(true);
    expect(error.message).not.toContain("\n");
  });

  it("never echoes database credentials in the message", () => {
    const error = errorOf({ DATABASE_URL: "mysql://root:hunter2@localhost/db" });
    expect(error.message).not.toContain("hunter2");
  });

  it("accepts production PostgreSQL with APP_SECRET", () => {
    const config = parseConfig({ NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/test", APP_SECRET: SECRET });
    expect(config.database.provider).toBe("postgresql");
    expect(config.appSecret).toBe(SECRET);
  });

  it("accepts production SQLite without APP_SECRET (the embedded secret file is used)", () => {
    expect(parseConfig({ NODE_ENV: "production" }).appSecret).toBeNull();
  });

  it("reads the first-run admin settings", () => {
    const token = "A".repeat(40);
    const config = parseConfig({ ADMIN_EMAIL: "root@example.org", ADMIN_PASSWORD: "correct horse battery", ADMIN_API_TOKEN: token });
    expect(config.admin).toEqual({ email: "root@example.org", password: "correct horse battery", apiToken: token });
  });
});
