import { describe, expect, it } from "vitest";
import { isRotationDue } from "./is-rotation-due";
import { comparePublishedKeys, toPublishedKey, type PublishedKey } from "./published-key";

const t = (iso: string) => new Date(iso);
const key = (kid: string, status: string, expired: string | null = null): PublishedKey =>
  toPublishedKey({ kid, status, publicJwk: { kty: "RSA", n: `n-${kid}`, e: "AQAB" }, created: t("2026-01-01T00:00:00Z"), activated: null, expired: expired ? t(expired) : null, publishUntil: null });

describe("published keys", () => {
  it("orders ACTIVE, NEXT, then EXPIRED with the most recently expired first", () => {
    const keys = [key("e-old", "EXPIRED", "2026-01-02T00:00:00Z"), key("n", "NEXT"), key("e-new", "EXPIRED", "2026-01-03T00:00:00Z"), key("a", "ACTIVE")];
    expect(keys.sort(comparePublishedKeys).map((k) => k.kid)).toEqual(["a", "n", "e-new", "e-old"]);
  });

  it("publishes exactly kty, alg, kid, use, n and e", () => {
    expect(key("k1", "ACTIVE").jwk).toEqual({ kty: "RSA", alg: "RS256", kid: "k1", use: "sig", n: "n-k1", e: "AQAB" });
  });

  it.each([
    ["AUTO", "2026-04-01T00:00:00Z", "2026-04-01T00:00:00Z", true],
    ["AUTO", "2026-04-01T00:00:00Z", "2026-03-31T23:59:59.999Z", false],
    ["AUTO", null, "2030-01-01T00:00:00Z", false],
    ["MANUAL", "2026-04-01T00:00:00Z", "2030-01-01T00:00:00Z", false],
  ])("rotation due for %s, next %s, at %s: %s", (rotationMode, next, now, due) => {
    expect(isRotationDue({ rotationMode, nextRotation: next ? t(next) : null }, t(now))).toBe(due);
  });
});
