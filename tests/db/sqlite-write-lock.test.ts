import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { runMigrations } from "@/lib/db/run-migrations";
import { createFreshDatabase, type TestDatabase } from "../support/test-databases";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "../..");
const TOPIC = "sqlite-write-lock-test";

describe("SQLite transactions begin IMMEDIATE", () => {
  let database: TestDatabase;
  let db: Db;

  beforeAll(async () => {
    database = await createFreshDatabase("sqlite");
    await runMigrations({ databaseUrl: database.url });
    db = createDbClient(database.url);
    await db.cacheVersion.create({ data: { topic: TOPIC, version: 0, lastUpdated: new Date() } });
  });
  afterAll(async () => {
    await db.$disconnect();
    await database.drop();
  });

  it("takes the write lock when a transaction begins, before it writes", async () => {
    // With a deferred BEGIN a transaction that has only read holds no write lock, and the other
    // connection's write would go through; with BEGIN IMMEDIATE it waits, here past its busy timeout.
    const other = createDbClient(database.url, { busyTimeoutMs: 50 });
    try {
      let otherWrite: unknown = "not tried";
      await db.$transaction(async (tx) => {
        await tx.cacheVersion.findUnique({ where: { topic: TOPIC } });
        otherWrite = await other.cacheVersion.update({ where: { topic: TOPIC }, data: { version: { increment: 100 } } }).catch((error: unknown) => error);
      });
      expect(isDatabaseUnavailable(otherWrite)).toBe(true);
      expect((otherWrite as { code?: string }).code).toBe("P1008");
      expect((await db.cacheVersion.findUniqueOrThrow({ where: { topic: TOPIC } })).version).toBe(0);
    } finally {
      await other.$disconnect();
    }
  });

  it("lets two processes run read-then-write transactions on one file without a single SQLITE_BUSY or lost update", async () => {
    const perProcess = 150;
    const script = path.join(__dirname, "support/sqlite-writer.ts");
    const before = (await db.cacheVersion.findUniqueOrThrow({ where: { topic: TOPIC } })).version;
    const startAt = Date.now() + 4000;
    const results = await Promise.all(
      [0, 1].map(async () => {
        const { stdout } = await run(process.execPath, ["--import", "tsx", script, database.url, String(perProcess), TOPIC, String(startAt)], { cwd: ROOT, timeout: 60_000 });
        return JSON.parse(stdout.trim().split("\n").pop()!) as { done: number; failures: string[] };
      }),
    );
    expect(results).toEqual([
      { done: perProcess, failures: [] },
      { done: perProcess, failures: [] },
    ]);
    expect((await db.cacheVersion.findUniqueOrThrow({ where: { topic: TOPIC } })).version).toBe(before + 2 * perProcess);
  }, 90_000);
});
