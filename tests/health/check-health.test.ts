import { afterAll, describe, expect, inject, it } from "vitest";
import { createDbClient } from "@/lib/db/create-db-client";
import { checkHealth } from "@/lib/health/check-health";

const databases = inject("databases");

describe.each(databases)("checkHealth on $provider", ({ url }) => {
  const db = createDbClient(url);
  afterAll(() => db.$disconnect());

  it("answers 200 when the database answers", async () => {
    expect(await checkHealth(db)).toEqual({ status: 200, body: { status: "ok", database: "up" } });
  });
});

describe("checkHealth without a database", () => {
  it("answers 503 when PostgreSQL is unreachable", async () => {
    const db = createDbClient("postgresql://postgres@127.0.0.1:1/none");
    try {
      expect(await checkHealth(db, 2000)).toEqual({ status: 503, body: { status: "unavailable", database: "down" } });
    } finally {
      await db.$disconnect();
    }
  });

  it("answers 503 when the database does not answer in time", async () => {
    const hanging = { $queryRawUnsafe: () => new Promise(() => {}) } as unknown as Parameters<typeof checkHealth>[0];
    expect(await checkHealth(hanging, 50)).toEqual({ status: 503, body: { status: "unavailable", database: "down" } });
  });
});
