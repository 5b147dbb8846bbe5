import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checksumMatches, MigrationError } from "./run-migrations";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

describe("checksumMatches (Prisma's script_matches_checksum)", () => {
  it("matches the lowercase hex SHA-256 of the script, with Prisma's own test vector", () => {
    expect(sha256("hello")).toBe("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
    expect(checksumMatches("hello", "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824")).toBe(true);
  });

  it("refuses any other script, even one differing by a trailing newline", () => {
    expect(checksumMatches("abc", sha256("abcd"))).toBe(false);
    expect(checksumMatches("abc\n", sha256("abc"))).toBe(false);
    expect(checksumMatches("hello", sha256("hello").toUpperCase())).toBe(false);
  });

  it("ignores a change of line endings in either direction, as git may make one", () => {
    const unix = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n";
    const windows = "CREATE TABLE a (id INT);\r\nCREATE TABLE b (id INT);\r\n";
    expect(checksumMatches(windows, sha256(unix))).toBe(true);
    expect(checksumMatches(unix, sha256(windows))).toBe(true);
  });

  it("accepts the unpadded checksums of very old Prisma versions (prisma-engines#1887)", () => {
    const script = "SELECT 1;\n";
    const digest = createHash("sha256").update(script).digest();
    const unpadded = [...digest].map((byte) => byte.toString(16)).join("");
    // Only meaningful when some byte is below 0x10, which this script's digest has.
    expect(unpadded.length).toBeLessThan(64);
    expect(checksumMatches(script, unpadded)).toBe(true);
    expect(checksumMatches("SELECT 2;\n", unpadded)).toBe(false);
  });
});

describe("MigrationError", () => {
  it("is an Error with a stable code", () => {
    const error = new MigrationError("migration.failed", "Migration x failed");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "MigrationError", code: "migration.failed", message: "Migration x failed" });
  });
});
