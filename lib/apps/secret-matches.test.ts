import { describe, expect, it } from "vitest";
import { hashToken } from "../crypto/hash-token";
import { secretMatches } from "./secret-matches";

const SECRET = "s3cr3t-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTU";
const OTHER = "other-secret-0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN";

describe("secretMatches", () => {
  it.each([
    ["the only active secret", SECRET, [hashToken(SECRET)], true],
    ["the second of two active secrets", SECRET, [hashToken(OTHER), hashToken(SECRET)], true],
    ["a secret that is not active", SECRET, [hashToken(OTHER)], false],
    ["no active secret at all", SECRET, [], false],
    ["an empty secret", "", [hashToken("")], false],
    ["a secret over 1024 characters", "a".repeat(1025), [hashToken("a".repeat(1025))], false],
    ["the secret with one character changed", `${SECRET.slice(0, -1)}V`, [hashToken(SECRET)], false],
    ["the hash itself presented as the secret", hashToken(SECRET), [hashToken(SECRET)], false],
    ["a stored value that is not a SHA-256 hex digest", SECRET, ["not-a-hash", hashToken(SECRET).slice(0, 62)], false],
  ])("%s -> %s", (_, presented, hashes, expected) => {
    expect(secretMatches(presented as string, hashes as string[])).toBe(expected);
  });
});
