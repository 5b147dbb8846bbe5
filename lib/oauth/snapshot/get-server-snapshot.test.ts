import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/create-db-client";
import { getServerSnapshot, resetServerSnapshotCache, SNAPSHOT_CACHE_MAX_ENTRIES } from "./get-server-snapshot";

type ServerState = { configVersion: number; status: string };

/** An in-memory stand-in for the few queries the snapshot makes, counting them. */
function fakeDb(servers: Record<string, ServerState>) {
  const calls = { versionReads: 0, loads: 0, fail: false };
  const server = (id: string) => servers[id];
  const db = {
    authorizationServer: {
      findUnique: async ({ where, select }: { where: { id: string }; select: Record<string, boolean> }) => {
        if (calls.fail) throw new Error("database unavailable");
        const row = server(where.id);
        if (select.name) calls.loads++;
        else calls.versionReads++;
        if (!row) return null;
        return { id: where.id, name: where.id, description: null, audiences: [`api://${where.id}`], issuerMode: "ORG_URL", isDefault: false, ...row };
      },
    },
    policy: { findMany: async () => [] },
    scope: { findMany: async () => [] },
    claim: { findMany: async () => [] },
    group: { findFirst: async () => ({ id: "00geveryone" }) },
  };
  return { db: db as unknown as Db, calls };
}

const at = (ms: number) => new Date(1_768_471_200_000 + ms);

describe("getServerSnapshot (cache behaviour)", () => {
  beforeEach(() => resetServerSnapshotCache());

  it("loads once, answers from memory within a second, then checks the version only", async () => {
    const servers = { aus1: { configVersion: 1, status: "ACTIVE" } };
    const { db, calls } = fakeDb(servers);
    const first = await getServerSnapshot(db, "aus1", at(0));
    expect(first).toMatchObject({ id: "aus1", configVersion: 1 });
    expect(calls).toMatchObject({ versionReads: 1, loads: 1 });
    expect(await getServerSnapshot(db, "aus1", at(999))).toBe(first);
    expect(calls).toMatchObject({ versionReads: 1, loads: 1 });
    expect(await getServerSnapshot(db, "aus1", at(1000))).toBe(first);
    expect(calls).toMatchObject({ versionReads: 2, loads: 1 });
  });

  it("reloads when the version moved, counting the interval from the last check", async () => {
    const servers = { aus1: { configVersion: 1, status: "ACTIVE" } };
    const { db, calls } = fakeDb(servers);
    await getServerSnapshot(db, "aus1", at(0));
    await getServerSnapshot(db, "aus1", at(1500));
    servers.aus1.configVersion = 2;
    expect(await getServerSnapshot(db, "aus1", at(2400))).toMatchObject({ configVersion: 1 });
    expect(await getServerSnapshot(db, "aus1", at(2500))).toMatchObject({ configVersion: 2 });
    expect(calls).toMatchObject({ versionReads: 3, loads: 2 });
  });

  it("turns null when the server is deactivated, and back when it is activated", async () => {
    const servers = { aus1: { configVersion: 1, status: "ACTIVE" } };
    const { db, calls } = fakeDb(servers);
    expect(await getServerSnapshot(db, "aus1", at(0))).not.toBeNull();
    servers.aus1 = { configVersion: 2, status: "INACTIVE" };
    expect(await getServerSnapshot(db, "aus1", at(1000))).toBeNull();
    expect(await getServerSnapshot(db, "aus1", at(2000))).toBeNull();
    expect(calls).toMatchObject({ versionReads: 3, loads: 1 });
    servers.aus1 = { configVersion: 3, status: "ACTIVE" };
    expect(await getServerSnapshot(db, "aus1", at(3000))).toMatchObject({ configVersion: 3 });
  });

  it("notices a status change even without a version bump", async () => {
    const servers = { aus1: { configVersion: 1, status: "ACTIVE" } };
    const { db } = fakeDb(servers);
    await getServerSnapshot(db, "aus1", at(0));
    servers.aus1.status = "INACTIVE";
    expect(await getServerSnapshot(db, "aus1", at(1000))).toBeNull();
  });

  it("caches unknown ids briefly too (one version read per second, no load)", async () => {
    const { db, calls } = fakeDb({});
    expect(await getServerSnapshot(db, "nope", at(0))).toBeNull();
    expect(await getServerSnapshot(db, "nope", at(500))).toBeNull();
    expect(calls).toMatchObject({ versionReads: 1, loads: 0 });
  });

  it("checks again when the clock moves backwards", async () => {
    const servers = { aus1: { configVersion: 1, status: "ACTIVE" } };
    const { db, calls } = fakeDb(servers);
    await getServerSnapshot(db, "aus1", at(5000));
    await getServerSnapshot(db, "aus1", at(4000));
    expect(calls.versionReads).toBe(2);
  });

  it("shares one refresh between concurrent callers", async () => {
    const { db, calls } = fakeDb({ aus1: { configVersion: 1, status: "ACTIVE" } });
    const results = await Promise.all([getServerSnapshot(db, "aus1", at(0)), getServerSnapshot(db, "aus1", at(0)), getServerSnapshot(db, "aus1", at(0))]);
    expect(new Set(results).size).toBe(1);
    expect(calls).toMatchObject({ versionReads: 1, loads: 1 });
  });

  it("rejects while the database fails, keeps the last snapshot, and recovers", async () => {
    const servers = { aus1: { configVersion: 1, status: "ACTIVE" } };
    const { db, calls } = fakeDb(servers);
    const first = await getServerSnapshot(db, "aus1", at(0));
    calls.fail = true;
    await expect(getServerSnapshot(db, "aus1", at(1000))).rejects.toThrow("database unavailable");
    calls.fail = false;
    expect(await getServerSnapshot(db, "aus1", at(1001))).toBe(first);
  });

  it(`keeps at most ${SNAPSHOT_CACHE_MAX_ENTRIES} entries, dropping the oldest`, async () => {
    const { db, calls } = fakeDb({ aus1: { configVersion: 1, status: "ACTIVE" } });
    await getServerSnapshot(db, "aus1", at(0));
    for (let i = 0; i < SNAPSHOT_CACHE_MAX_ENTRIES; i++) await getServerSnapshot(db, `unknown${i}`, at(0));
    const reads = calls.versionReads;
    await getServerSnapshot(db, `unknown${SNAPSHOT_CACHE_MAX_ENTRIES - 1}`, at(1));
    expect(calls.versionReads).toBe(reads);
    // aus1 was the oldest entry: evicted, so it is loaded again
    await getServerSnapshot(db, "aus1", at(1));
    expect(calls).toMatchObject({ versionReads: reads + 1, loads: 2 });
  });

  it("drops the least recently used entry, so a server in use outlives probes of unknown ids", async () => {
    const { db, calls } = fakeDb({ aus1: { configVersion: 1, status: "ACTIVE" } });
    await getServerSnapshot(db, "aus1", at(0));
    for (let i = 0; i < 2 * SNAPSHOT_CACHE_MAX_ENTRIES; i++) {
      await getServerSnapshot(db, `unknown${i}`, at(0));
      if (i % 100 === 0) await getServerSnapshot(db, "aus1", at(1));
    }
    const reads = calls.versionReads;
    await getServerSnapshot(db, "aus1", at(2));
    expect(calls).toMatchObject({ versionReads: reads, loads: 1 });
  });
});
