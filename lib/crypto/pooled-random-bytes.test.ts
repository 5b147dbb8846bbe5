import { describe, expect, it } from "vitest";
import { pooledRandomBytes } from "./pooled-random-bytes";

describe("pooledRandomBytes", () => {
  it.each([0, 1, 16, 255, 256, 257, 4096, 5000])("returns exactly %i bytes", (size) => {
    expect(pooledRandomBytes(size)).toHaveLength(size);
  });

  it.each([-1, 1.5, Number.NaN])("refuses a byte count of %s", (size) => {
    expect(() => pooledRandomBytes(size)).toThrow(RangeError);
  });

  it("never hands out the same bytes twice, across several pool refills", () => {
    const seen = new Set(Array.from({ length: 2000 }, () => pooledRandomBytes(16).toString("hex")));
    expect(seen.size).toBe(2000);
  });

  it("returns copies: bytes handed out stay as they were after the pool is refilled", () => {
    const first = pooledRandomBytes(32);
    const kept = Buffer.from(first);
    for (let i = 0; i < 100; i++) pooledRandomBytes(200); // more than four refills
    expect(first.equals(kept)).toBe(true);
  });

  it("looks uniform: every byte value turns up in 64 KiB", () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4096; i++) for (const byte of pooledRandomBytes(16)) counts[byte]!++;
    // 65536 bytes: about 256 of each value; a stuck or zeroed pool would leave values at 0
    expect(Math.min(...counts)).toBeGreaterThan(150);
    expect(Math.max(...counts)).toBeLessThan(380);
  });
});
