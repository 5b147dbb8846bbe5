import { describe, expect, it } from "vitest";
import { isWithinGrace } from "./rotate-refresh-token";

describe("isWithinGrace", () => {
  const rotated = new Date("2026-01-15T10:00:00.000Z");
  const at = (ms: number) => new Date(rotated.getTime() + ms);

  it.each([
    [30, 0, true],
    [30, 29_999, true],
    [30, 30_000, false],
    [0, 0, false],
    [60, 59_999, true],
  ])("grace %i s, %i ms after the rotation: %s", (grace, elapsed, expected) => {
    expect(isWithinGrace(rotated, grace, at(elapsed))).toBe(expected);
  });

  it("a token never rotated has no grace", () => {
    expect(isWithinGrace(null, 60, rotated)).toBe(false);
  });
});
