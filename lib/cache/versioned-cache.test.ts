import { describe, expect, it } from "vitest";
import { markTopicChanged } from "../db/topic-generations";
import { createVersionedCache } from "./versioned-cache";

/** What Prisma throws when the database cannot be reached (lib/db/is-database-unavailable.ts). */
const unreachable = () => Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });

function fakeSource(initial: { version: number; value: string }) {
  const state = { ...initial, versionReads: 0, loads: 0, fail: false, down: false, hang: null as Promise<void> | null };
  return {
    state,
    source: {
      readVersion: async () => {
        state.versionReads++;
        if (state.hang) await state.hang;
        if (state.down) throw unreachable();
        if (state.fail) throw new Error("database unavailable");
        return state.version;
      },
      load: async () => {
        state.loads++;
        return state.value;
      },
    },
  };
}

const at = (ms: number) => new Date(1_700_000_000_000 + ms);

describe("createVersionedCache", () => {
  it("loads once, then answers from memory until the interval has passed", async () => {
    const { state, source } = fakeSource({ version: 3, value: "a" });
    const cache = createVersionedCache(source);
    expect(await cache.get(at(0))).toBe("a");
    expect(state).toMatchObject({ versionReads: 1, loads: 1 });
    state.version = 4;
    state.value = "b";
    expect(await cache.get(at(500))).toBe("a");
    expect(await cache.get(at(999))).toBe("a");
    expect(state).toMatchObject({ versionReads: 1, loads: 1 });
    expect(await cache.get(at(1000))).toBe("b");
    expect(state).toMatchObject({ versionReads: 2, loads: 2 });
  });

  it("checks the version after the interval but reloads only when it moved", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache(source);
    await cache.get(at(0));
    expect(await cache.get(at(1500))).toBe("a");
    expect(await cache.get(at(2600))).toBe("a");
    expect(state).toMatchObject({ versionReads: 3, loads: 1 });
    // the interval counts from the last check, not from the last load
    state.version = 1;
    state.value = "b";
    expect(await cache.get(at(3500))).toBe("a");
    expect(await cache.get(at(3600))).toBe("b");
    expect(state).toMatchObject({ versionReads: 4, loads: 2 });
  });

  it("checks the version on the next read after this process changed its topic, once; other topics do not", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const topic = "versioned-cache-test-topic";
    const cache = createVersionedCache({ ...source, topic });
    const other = fakeSource({ version: 0, value: "x" });
    const untouched = createVersionedCache({ ...other.source, topic: `${topic}-other` });
    await cache.get(at(0));
    await untouched.get(at(0));
    state.version = 1;
    state.value = "b";
    markTopicChanged(topic);
    expect(await cache.get(at(10))).toBe("b");
    expect(await cache.get(at(20))).toBe("b");
    expect(state).toMatchObject({ versionReads: 2, loads: 2 });
    expect(await untouched.get(at(10))).toBe("x");
    expect(other.state).toMatchObject({ versionReads: 1, loads: 1 });
  });

  it("honours a custom interval", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, checkIntervalMs: 10_000 });
    await cache.get(at(0));
    state.version = 1;
    expect(await cache.get(at(9_999))).toBe("a");
    expect(state.versionReads).toBe(1);
    await cache.get(at(10_000));
    expect(state.versionReads).toBe(2);
  });

  it("checks again when the clock moves backwards", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache(source);
    await cache.get(at(5000));
    state.version = 1;
    state.value = "b";
    expect(await cache.get(at(4000))).toBe("b");
    expect(state.versionReads).toBe(2);
  });

  it("shares one refresh between concurrent callers", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache(source);
    const values = await Promise.all([cache.get(at(0)), cache.get(at(0)), cache.get(at(0))]);
    expect(values).toEqual(["a", "a", "a"]);
    expect(state).toMatchObject({ versionReads: 1, loads: 1 });
  });

  it("rejects while the source fails, keeps the last value, and recovers on the next call", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache(source);
    await cache.get(at(0));
    state.fail = true;
    await expect(cache.get(at(1000))).rejects.toThrow("database unavailable");
    state.fail = false;
    state.version = 1;
    state.value = "b";
    expect(await cache.get(at(1001))).toBe("b");
  });

  it("rejects a cold cache whose first load fails, and retries", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    state.fail = true;
    const cache = createVersionedCache(source);
    await expect(cache.get(at(0))).rejects.toThrow("database unavailable");
    state.fail = false;
    expect(await cache.get(at(0))).toBe("a");
  });
});

describe("createVersionedCache while the database is unavailable", () => {
  const limits = { maxStaleMs: 60_000, checkTimeoutMs: 20 };

  it.each([
    // [ms after the last successful check, answer, version reads so far]
    [1000, "a", 2], // due check fails: served from cache
    [1500, "a", 2], // within the interval of the failed check: no new check
    [2000, "a", 3], // checked again, failed again, served
    [59_999, "a", 4],
    [60_000, "rejects", 5], // the staleness bound: fail closed
    [60_500, "rejects", 6], // and every call checks again
  ])("at %i ms answers %s (%i version reads)", async (ms, answer, reads) => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, ...limits });
    await cache.get(at(0));
    state.down = true;
    state.value = "b";
    for (const step of [1000, 1500, 2000, 59_999, 60_000, 60_500].filter((t) => t < ms)) await cache.get(at(step)).catch(() => null);
    const result = cache.get(at(ms));
    if (answer === "rejects") await expect(result).rejects.toMatchObject({ code: "P1001" });
    else expect(await result).toBe(answer);
    expect(state.versionReads).toBe(reads);
    expect(state.loads).toBe(1);
  });

  it("recovers on the first check after the database returns, even past the bound", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, ...limits });
    await cache.get(at(0));
    state.down = true;
    await expect(cache.get(at(70_000))).rejects.toMatchObject({ code: "P1001" });
    state.down = false;
    state.version = 1;
    state.value = "b";
    expect(await cache.get(at(70_001))).toBe("b");
  });

  it("answers from the cache when a due check does not answer within checkTimeoutMs, and takes the check's result once it lands", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, ...limits });
    await cache.get(at(0));
    let release = () => {};
    state.hang = new Promise<void>((resolve) => (release = resolve));
    state.version = 1;
    state.value = "b";
    const started = performance.now();
    expect(await cache.get(at(1000))).toBe("a");
    // a second caller during the same stalled check does not wait again
    expect(await cache.get(at(1001))).toBe("a");
    expect(performance.now() - started).toBeLessThan(500);
    expect(state.versionReads).toBe(2);
    state.hang = null;
    release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await cache.get(at(1002))).toBe("b");
    expect(state).toMatchObject({ versionReads: 2, loads: 2 });
  });

  it("does not serve a stale value once this process changed the topic itself", async () => {
    const topic = "versioned-cache-test-changed-while-down";
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, ...limits, topic });
    await cache.get(at(0));
    state.down = true;
    markTopicChanged(topic);
    await expect(cache.get(at(10))).rejects.toMatchObject({ code: "P1001" });
    await expect(cache.get(at(20))).rejects.toMatchObject({ code: "P1001" });
    state.down = false;
    state.version = 1;
    state.value = "b";
    expect(await cache.get(at(30))).toBe("b");
  });

  it("fails closed at once with maxStaleMs 0", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, maxStaleMs: 0, checkTimeoutMs: 20 });
    await cache.get(at(0));
    state.down = true;
    await expect(cache.get(at(1000))).rejects.toMatchObject({ code: "P1001" });
  });

  it("rejects a cold cache", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    state.down = true;
    await expect(createVersionedCache({ ...source, ...limits }).get(at(0))).rejects.toMatchObject({ code: "P1001" });
  });

  it("does not hide other failures behind the cached value", async () => {
    const { state, source } = fakeSource({ version: 0, value: "a" });
    const cache = createVersionedCache({ ...source, ...limits });
    await cache.get(at(0));
    state.fail = true;
    await expect(cache.get(at(1000))).rejects.toThrow("database unavailable");
  });
});
