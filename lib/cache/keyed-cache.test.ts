import { describe, expect, it } from "vitest";
import { createKeyedCache, perDatabaseClient } from "./keyed-cache";

/** What Prisma throws when the database cannot be reached (lib/db/is-database-unavailable.ts). */
const unreachable = () => Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: "P1001" });

const at = (ms: number) => new Date(1_700_000_000_000 + ms);

/** A loader counting its calls; `answer` is what the next load gives (a value, or an error to throw). */
function fakeLoad(first: string) {
  const state = { loads: 0, answer: first as string | Error };
  const load = async (now: Date) => {
    state.loads++;
    if (state.answer instanceof Error) throw state.answer;
    return `${state.answer}@${now.getTime() - at(0).getTime()}`;
  };
  return { state, load };
}

describe("createKeyedCache", () => {
  it("loads once per key and version, answers from memory (peek: no promise), and reloads when the caller's version moves", async () => {
    const cache = createKeyedCache<string>({ maxEntries: 10 });
    const { state, load } = fakeLoad("a");
    expect(cache.peek("s1", 1, 0)).toBeUndefined();
    expect(await cache.get("s1", 1, at(0), load)).toBe("a@0");
    expect(cache.peek("s1", 1, at(5).getTime())).toBe("a@0");
    expect(await cache.get("s1", 1, at(10), load)).toBe("a@0");
    expect(state.loads).toBe(1);
    expect(cache.peek("s1", 2, at(20).getTime())).toBeUndefined();
    expect(await cache.get("s1", 2, at(20), load)).toBe("a@20");
    expect(await cache.get("s2", 2, at(30), load)).toBe("a@30");
    expect(state.loads).toBe(3);
  });

  it.each([
    // [options, ms of the second read (loaded at 1000), reloaded]
    [{ maxAgeMs: 500 }, 1499, false],
    [{ maxAgeMs: 500 }, 1500, true],
    [{ maxAgeMs: 500 }, 999, true], // the clock moved back before the load
    [{}, 999_999, false], // no max age: until the version moves
    [{}, 0, false], // ... whatever the clock says
    [{ expiresAt: () => at(1200).getTime() }, 1199, false],
    [{ expiresAt: () => at(1200).getTime() }, 1200, true],
    [{ expiresAt: () => at(1200).getTime() }, 999, false], // a named end alone does not look back
    [{ maxAgeMs: 500, expiresAt: () => at(5000).getTime() }, 1500, true], // the earlier end wins
  ])("with %j, read at %i ms: reloaded %s", async (options, ms, reloaded) => {
    const cache = createKeyedCache<string>({ maxEntries: 10, ...options });
    const { state, load } = fakeLoad("a");
    await cache.get("s", 1, at(1000), load);
    expect(cache.peek("s", 1, at(ms).getTime()) === undefined).toBe(reloaded);
    await cache.get("s", 1, at(ms), load);
    expect(state.loads).toBe(reloaded ? 2 : 1);
  });

  it("shares one load between concurrent callers of one key and version; another version loads on its own", async () => {
    const cache = createKeyedCache<string>({ maxEntries: 10 });
    const { state, load } = fakeLoad("a");
    expect(await Promise.all([cache.get("s", 1, at(0), load), cache.get("s", 1, at(0), load), cache.reload("s", 1, at(0), load)])).toEqual(["a@0", "a@0", "a@0"]);
    expect(state.loads).toBe(1);
    await Promise.all([cache.get("s", 2, at(1), load), cache.get("s", 3, at(1), load)]);
    expect(state.loads).toBe(3);
  });

  it("drops the least recently loaded entry beyond maxEntries (a hit does not count as a load)", async () => {
    const cache = createKeyedCache<string>({ maxEntries: 2 });
    const { load } = fakeLoad("a");
    await cache.get("s1", 1, at(0), load);
    await cache.get("s2", 1, at(0), load);
    await cache.get("s1", 1, at(0), load);
    await cache.get("s3", 1, at(0), load);
    expect(["s1", "s2", "s3"].map((key) => cache.peek(key, 1) !== undefined)).toEqual([false, true, true]);
    // reloading an entry makes it the most recent
    await cache.get("s2", 2, at(0), load);
    await cache.get("s4", 1, at(0), load);
    expect(["s2", "s3", "s4"].map((key) => cache.peek(key, key === "s2" ? 2 : 1) !== undefined)).toEqual([true, false, true]);
  });

  it("stores values built synchronously (put) beside loaded ones", () => {
    const cache = createKeyedCache<readonly string[]>({ maxEntries: 1 });
    const parsed = cache.put("app", 1000, ["k1"]);
    expect(cache.peek("app", 1000)).toBe(parsed);
    expect(cache.peek("app", 2000)).toBeUndefined();
    cache.put("other", 1, []);
    expect(cache.peek("app", 1000)).toBeUndefined();
  });
});

describe("createKeyedCache while the database is unavailable", () => {
  async function warm(options: { maxAgeMs?: number; retryMs?: number } = {}) {
    const cache = createKeyedCache<string>({ maxEntries: 10, maxAgeMs: 1000, ...options });
    const fake = fakeLoad("a");
    await cache.get("s", 1, at(0), fake.load);
    fake.state.answer = unreachable();
    return { cache, ...fake };
  }

  it.each([
    // [ms of the read (loaded at 0, max age 1000, retry 1000), answer, loads so far]
    [999, "a@0", 1], // fresh: no load
    [1000, "a@0", 2], // due reload fails: the kept value of the same version answers
    [1999, "a@0", 2], // within retryMs of the failed load: no new try
    [2000, "a@0", 3], // tried again, failed again, kept
  ])("a due reload at %i ms answers %s (%i loads)", async (ms, answer, loads) => {
    const { cache, state, load } = await warm();
    for (const step of [1000, 1999, 2000].filter((t) => t < ms)) await cache.get("s", 1, at(step), load);
    expect(await cache.get("s", 1, at(ms), load)).toBe(answer);
    expect(state.loads).toBe(loads);
  });

  it("recovers on the first try after the database returns", async () => {
    const { cache, state, load } = await warm({ retryMs: 100 });
    expect(await cache.get("s", 1, at(1000), load)).toBe("a@0");
    state.answer = "b";
    expect(await cache.get("s", 1, at(1100), load)).toBe("b@1100");
    expect(cache.peek("s", 1, at(1100).getTime())).toBe("b@1100");
  });

  it.each([
    ["another version than the kept one", (c: Awaited<ReturnType<typeof warm>>) => c.cache.get("s", 2, at(10), c.load), "P1001"],
    ["a key with nothing kept", (c: Awaited<ReturnType<typeof warm>>) => c.cache.get("t", 1, at(10), c.load), "P1001"],
    ["a forced reload (the kept value lacks what the caller needs)", (c: Awaited<ReturnType<typeof warm>>) => c.cache.reload("s", 1, at(10), c.load), "P1001"],
    [
      "another failure than an unavailable database",
      (c: Awaited<ReturnType<typeof warm>>) => {
        c.state.answer = new Error("no ACTIVE key");
        return c.cache.get("s", 1, at(1000), c.load);
      },
      undefined,
    ],
  ])("rejects for %s", async (_name, read, code) => {
    const context = await warm();
    await expect(read(context)).rejects.toSatisfy((error: Error & { code?: string }) => error.code === code);
    expect(context.cache.peek("s", 1, at(10).getTime())).toBe("a@0");
  });
});

describe("perDatabaseClient", () => {
  it("keeps one cache per client until reset", () => {
    const caches = perDatabaseClient(() => ({}));
    const [one, two] = [{}, {}];
    expect(caches.of(one)).toBe(caches.of(one));
    expect(caches.of(one)).not.toBe(caches.of(two));
    const before = caches.of(one);
    caches.reset();
    expect(caches.of(one)).not.toBe(before);
  });
});
