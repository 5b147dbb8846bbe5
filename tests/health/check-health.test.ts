import { afterAll, describe, expect, inject, it } from "vitest";
import { setAppContext } from "@/lib/app-context";
import { createDbClient, type Db } from "@/lib/db/create-db-client";
import { checkHealth } from "@/lib/health/check-health";
import { isServerDraining, markServerDraining } from "@/lib/health/server-draining";
import { callRoute } from "../support/call-route";

const databases = inject("databases");
const clients = databases.map(({ provider, url }) => ({ provider, db: createDbClient(url) }));
afterAll(async () => {
  setAppContext(undefined);
  await Promise.all(clients.map(({ db }) => db.$disconnect()));
});

async function getHealth(db: Db, provider: "sqlite" | "postgresql") {
  setAppContext({ db, provider, orgUrl: "http://localhost:3000", secretsKey: Buffer.alloc(32), now: () => new Date() });
  const response = await callRoute(new Request("http://localhost:3000/api/health"));
  return { status: response.status, cacheControl: response.headers.get("cache-control"), body: await response.json() };
}

const hanging = { $queryRawUnsafe: () => new Promise(() => {}) } as unknown as Db;

describe.each(clients)("health on $provider", ({ provider, db }) => {
  it("checkHealth answers 200 ok when the database answers", async () => {
    expect(await checkHealth(db)).toEqual({ status: 200, body: { status: "ok", database: "up" } });
  });

  it("GET /api/health answers 200 ok, not cached", async () => {
    expect(await getHealth(db, provider)).toEqual({ status: 200, cacheControl: "no-store", body: { status: "ok", database: "up" } });
  });
});

describe("checkHealth without a database", () => {
  it("answers 503 unavailable when PostgreSQL is unreachable", async () => {
    const db = createDbClient("postgresql://postgres@127.0.0.1:1/none");
    try {
      expect(await checkHealth(db)).toEqual({ status: 503, body: { status: "unavailable", database: "down" } });
    } finally {
      await db.$disconnect();
    }
  });

  it("answers 503 unavailable when the database does not answer in time", async () => {
    const started = performance.now();
    expect(await checkHealth(hanging, { timeoutMs: 50 })).toEqual({ status: 503, body: { status: "unavailable", database: "down" } });
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

// Last in the file: once marked, a process drains until it exits.
describe("while the server drains (graceful shutdown)", () => {
  it("checkHealth answers 503 draining and still reports the database", async () => {
    expect(await checkHealth(clients[0]!.db, { draining: true })).toEqual({ status: 503, body: { status: "draining", database: "up" } });
    expect(await checkHealth(hanging, { timeoutMs: 50, draining: true })).toEqual({ status: 503, body: { status: "draining", database: "down" } });
  });

  it("GET /api/health answers 503 draining on every database once the shutdown hook marked the server", async () => {
    expect(isServerDraining()).toBe(false);
    markServerDraining();
    for (const { provider, db } of clients) {
      expect(await getHealth(db, provider)).toEqual({ status: 503, cacheControl: "no-store", body: { status: "draining", database: "up" } });
    }
  });
});
