import { describe, expect, it } from "vitest";
import { timeOrderedUuid } from "./time-ordered-uuid";

const zeros = (size: number) => Buffer.alloc(size, 0x00);
const ones = (size: number) => Buffer.alloc(size, 0xff);

describe("timeOrderedUuid", () => {
  it.each([
    ["the Unix epoch, zero random bits", new Date(0), zeros, "00000000-0000-7000-8000-000000000000"],
    ["the Unix epoch, all random bits set", new Date(0), ones, "00000000-0000-7fff-bfff-ffffffffffff"],
    // RFC 9562 appendix A.6: 2022-02-22 19:22:22 UTC = 0x017F22E279B0 ms
    ["RFC 9562's example time", new Date(0x017f22e279b0), zeros, "017f22e2-79b0-7000-8000-000000000000"],
    ["a time before 1970 (clamped to 0)", new Date(-5), zeros, "00000000-0000-7000-8000-000000000000"],
  ])("encodes %s", (_, now, random, expected) => {
    expect(timeOrderedUuid(now, random)).toBe(expected);
  });

  it("is a version 7, variant 10 UUID with fresh random bits", () => {
    const now = new Date("2026-11-28T05:00:00.000Z");
    const ids = new Set(Array.from({ length: 1000 }, () => timeOrderedUuid(now)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sorts ids of later milliseconds after earlier ones", () => {
    const times = [0, 1, 999, 1_000, 1_700_000_000_000, 1_700_000_000_001, 4_102_444_800_000];
    const ids = times.map((ms) => timeOrderedUuid(new Date(ms)));
    expect([...ids].sort()).toEqual(ids);
    // whatever the random bits: the largest id of one millisecond sorts before the smallest of the next
    expect(timeOrderedUuid(new Date(1_000), ones) < timeOrderedUuid(new Date(1_001), zeros)).toBe(true);
  });
});
