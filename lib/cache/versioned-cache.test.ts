import { describe, expect, it } from "vitest";
import { markTopicChanged } from "./topic-generations";
import { createVersionedCache } from "./versioned-cache";

function fakeSource(initial: { version: number; value: string }) {
  const state = { ...initial, versionReads: 0, loads: 0, fail: false };
  return {
    state,
    source: {
      readVersion: async () => {
        state.versionReads++;
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
