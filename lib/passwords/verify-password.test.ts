import { hash } from "@node-rs/argon2";
import { describe, expect, it } from "vitest";
import { hashPassword } from "./hash-password";
import { verifyPassword } from "./verify-password";

describe("verifyPassword", () => {
  it("accepts the right password of a current hash, without asking for a rehash", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$")).toBe(true);
    expect(await verifyPassword(stored, "correct horse battery")).toEqual({ ok: true, needsRehash: false });
  });

  it("refuses a wrong password, a different case, and an empty one", async () => {
    const stored = await hashPassword("correct horse battery");
    expect(await verifyPassword(stored, "correct horse batterY")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword(stored, "Correct horse battery")).toEqual({ ok: false, needsRehash: false });
    expect(await verifyPassword(stored, "")).toEqual({ ok: false, needsRehash: false });
  });

  it.each([
    ["less memory", { algorithm: 2, memoryCost: 8192, timeCost: 2, parallelism: 1 }],
    ["fewer passes", { algorithm: 2, memoryCost: 19_456, timeCost: 1, parallelism: 1 }],
    ["argon2i", { algorithm: 1, memoryCost: 19_456, timeCost: 2, parallelism: 1 }],
  ] as const)("asks for a rehash when the stored hash has %s (and only when the password matched)", async (_, options) => {
    const stored = await hash("legacy password", options);
    expect(await verifyPassword(stored, "legacy password")).toEqual({ ok: true, needsRehash: true });
    expect(await verifyPassword(stored, "wrong password")).toEqual({ ok: false, needsRehash: false });
  });

  it("does not ask for a rehash when the stored parameters are stronger than the policy", async () => {
    const stored = await hash("strong password", { algorithm: 2, memoryCost: 32_768, timeCost: 3, parallelism: 1 });
    expect(await verifyPassword(stored, "strong password")).toEqual({ ok: true, needsRehash: false });
  });

  it.each([
    ["garbage", "not a hash"],
    ["an empty string", ""],
    ["a bcrypt hash", "$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy"],
    ["a truncated argon2 hash", "$argon2id$v=19$m=19456,t=2,p=1$abc"],
  ])("never matches %s and does not throw", async (_, stored) => {
    expect(await verifyPassword(stored, "anything")).toEqual({ ok: false, needsRehash: false });
  });

  it("refuses absurdly long input without hashing it", async () => {
    const stored = await hashPassword("x".repeat(5000));
    expect(await verifyPassword(stored, "x".repeat(5000))).toEqual({ ok: false, needsRehash: false });
  });
});
