import { describe, expect, it } from "vitest";
import { CryptoError } from "./crypto-error";
import { decryptSecret } from "./decrypt-secret";
import { deriveKey } from "./derive-key";
import { encryptSecret } from "./encrypt-secret";

const key = deriveKey("an app secret that is long enough to be real", "secrets-at-rest");
const otherKey = deriveKey("another app secret that is long enough to be", "secrets-at-rest");
const FIXED_IV = Buffer.alloc(12, 7);

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof CryptoError) return error.code;
    throw error;
  }
  return "no error";
}

function flipCharAt(sealed: string, index: number): string {
  const c = sealed[index] === "A" ? "B" : "A";
  return sealed.slice(0, index) + c + sealed.slice(index + 1);
}

describe("encryptSecret / decryptSecret", () => {
  it.each(["", "s3cr3t", "ünïcødé ✓", "x".repeat(10_000)])("round-trips %#", (plaintext) => {
    const sealed = encryptSecret(plaintext, key, "client-secret:0oa1");
    expect(sealed.startsWith("v1.")).toBe(true);
    expect(sealed).not.toContain(plaintext || "\u0000");
    expect(decryptSecret(sealed, key, "client-secret:0oa1")).toBe(plaintext);
  });

  it("is deterministic only for a fixed IV, and random IVs differ", () => {
    expect(encryptSecret("a", key, "c", FIXED_IV)).toBe(encryptSecret("a", key, "c", FIXED_IV));
    expect(encryptSecret("a", key, "c")).not.toBe(encryptSecret("a", key, "c"));
  });

  it("derives different keys per purpose", () => {
    expect(deriveKey("s".repeat(40), "a").equals(deriveKey("s".repeat(40), "b"))).toBe(false);
    expect(deriveKey("s".repeat(40), "a")).toHaveLength(32);
  });

  const sealed = encryptSecret("the secret", key, "ctx", FIXED_IV);
  const [, ivPart = "", bodyPart = ""] = sealed.split(".");
  it.each([
    ["a changed ciphertext byte", () => decryptSecret(flipCharAt(sealed, sealed.length - 30), key, "ctx"), "crypto.tampered"],
    ["a changed tag byte", () => decryptSecret(flipCharAt(sealed, sealed.length - 2), key, "ctx"), "crypto.tampered"],
    ["a changed IV", () => decryptSecret(flipCharAt(sealed, 4), key, "ctx"), "crypto.tampered"],
    ["the wrong key", () => decryptSecret(sealed, otherKey, "ctx"), "crypto.tampered"],
    ["another row's context", () => decryptSecret(sealed, key, "ctx2"), "crypto.tampered"],
    ["an unknown version", () => decryptSecret(`v2.${ivPart}.${bodyPart}`, key, "ctx"), "crypto.malformed"],
    ["missing parts", () => decryptSecret(`v1.${ivPart}`, key, "ctx"), "crypto.malformed"],
    ["a truncated body", () => decryptSecret(`v1.${ivPart}.AAAA`, key, "ctx"), "crypto.malformed"],
    ["plain text", () => decryptSecret("not encrypted", key, "ctx"), "crypto.malformed"],
  ])("detects %s", (_, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });
});
