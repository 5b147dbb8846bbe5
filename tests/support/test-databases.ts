import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseTarget } from "../../lib/config/database-target";

export type TestProvider = "sqlite" | "postgresql";

export type TestDatabase = { provider: TestProvider; url: string; drop(): Promise<void> };

/** SQLite always; PostgreSQL too when TEST_POSTGRES_URL names a server to create databases on. */
export function testProviders(): TestProvider[] {
  return process.env.TEST_POSTGRES_URL ? ["sqlite", "postgresql"] : ["sqlite"];
}

function adminUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error("TEST_POSTGRES_URL is not set: PostgreSQL tests need a server to create databases on.");
  return url;
}

async function withAdmin<T>(run: (client: InstanceType<typeof pg.Client>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function freshSqlite(): Promise<TestDatabase> {
  const dir = await mkdtemp(path.join(tmpdir(), "idp-test-"));
  return {
    provider: "sqlite",
    url: `file:${path.join(dir, "app.db")}`,
    drop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function freshPostgres(): Promise<TestDatabase> {
  const name = `idp_test_${randomBytes(8).toString("hex")}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    provider: "postgresql",
    url: url.toString(),
    drop: async () => {
      await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/** An empty database of its own: a file in a new temp folder, or a new PostgreSQL database. */
export function createFreshDatabase(provider: TestProvider): Promise<TestDatabase> {
  return provider === "sqlite" ? freshSqlite() : freshPostgres();
}

/** Runs one SQL statement on the database a URL names and returns its rows (none for a write). */
export async function queryRows<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const target = databaseTarget(url);
  if (target.provider === "sqlite") {
    const db = new Database(target.filename);
    try {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: target.connectionString });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
