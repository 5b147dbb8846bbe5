import { describe, expect, it } from "vitest";
import { DEFAULT_DB_LIMITS, readConnectionLimit } from "../config/db-limits";
import { postgresPoolConfig } from "./postgres-pool-config";

const URL_ = "postgresql://idp:secret@db.internal:5432/idp";

describe("postgresPoolConfig", () => {
  it("bounds every wait with the defaults", () => {
    const config = postgresPoolConfig(URL_);
    expect(config).toMatchObject({
      connectionString: URL_,
      max: 10,
      connectionTimeoutMillis: 2000,
      query_timeout: 3000,
      statement_timeout: 3000,
      idle_in_transaction_session_timeout: 10_000,
      keepAlive: true,
    });
    expect(config.Client).toBeTypeOf("function");
  });

  it.each([
    [{}, `${URL_}?connection_limit=4`, 4],
    [{ poolSize: 7 }, `${URL_}?connection_limit=4`, 7],
    [{ poolSize: 7 }, URL_, 7],
    [{}, URL_, DEFAULT_DB_LIMITS.poolSize],
  ])("pool size from %j and %s is %i", (limits, url, expected) => {
    expect(postgresPoolConfig(url, limits).max).toBe(expected);
  });

  it("removes connection_limit from the URL and keeps the other parameters", () => {
    const config = postgresPoolConfig(`${URL_}?sslmode=require&connection_limit=4&application_name=idp`);
    expect(config.connectionString).toBe(`${URL_}?sslmode=require&application_name=idp`);
  });

  it("takes the given deadlines", () => {
    const config = postgresPoolConfig(URL_, { connectTimeoutMs: 500, statementTimeoutMs: 800, transactionTimeoutMs: 900 });
    expect(config).toMatchObject({ connectionTimeoutMillis: 500, query_timeout: 800, statement_timeout: 800, idle_in_transaction_session_timeout: 1800 });
  });
});

describe("readConnectionLimit", () => {
  it.each([
    [URL_, null],
    [`${URL_}?connection_limit=1`, 1],
    [`${URL_}?connection_limit=1000`, 1000],
  ])("%s -> %j", (url, expected) => {
    expect(readConnectionLimit(url)).toBe(expected);
  });

  it.each(["0", "1001", "-1", "2.5", "ten", ""])("refuses connection_limit=%j", (raw) => {
    expect(() => readConnectionLimit(`${URL_}?connection_limit=${raw}`)).toThrow(RangeError);
  });
});
