import { describe, expect, it } from "vitest";
import { hashToken } from "./hash-token";
import { randomToken } from "./random-token";
import { timingSafeEqualStrings } from "./timing-safe-equal-strings";

describe("token helpers", () => {
  it("hashes with SHA-256 hex", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("makes base64url tokens of the requested entropy", () => {
    expect(randomToken(33, (n) => Buffer.alloc(n, 0xff))).toBe("_".repeat(44));
    expect(randomToken()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it.each([
    ["same", "same", true],
    ["same", "Same", false],
    ["short", "shorter", false],
    ["", "", true],
    ["", "x", false],
  ])("compares %s and %s in constant time: %s", (a, b, equal) => {
    expect(timingSafeEqualStrings(a, b)).toBe(equal);
  });
});
