import { describe, expect, it } from "vitest";
import { DEFAULT_RETRY_POLICY, retryDelayMs } from "./retry-delay";

describe("retryDelayMs", () => {
  it("doubles from 30 s up to the hourly cap, with the jitter between half and all of each step", () => {
    const low = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, () => 0));
    const high = Array.from({ length: 12 }, (_, i) => retryDelayMs(i + 1, () => 0.999999));
    const steps = [30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600, 3600, 3600].map((s) => s * 1000);
    expect(low).toEqual(steps.map((s) => s / 2));
    expect(high).toEqual(steps.map((s) => Math.round(s / 2 + (s / 2) * 0.999999)));
  });

  it("spreads retries of messages that failed together", () => {
    const draws = [0.1, 0.5, 0.9];
    expect(draws.map((r) => retryDelayMs(3, () => r))).toEqual([66_000, 90_000, 114_000]);
  });

  it("stays bounded for absurd attempt numbers and random values", () => {
    expect(retryDelayMs(10_000, () => 1)).toBe(DEFAULT_RETRY_POLICY.capMs);
    expect(retryDelayMs(0, () => -1)).toBe(15_000);
    expect(retryDelayMs(2, () => 0.5, { baseMs: 10, capMs: 1000, maxAttempts: 3 })).toBe(15);
  });

  it("gives up after 10 attempts over roughly three hours", () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBe(10);
    const total = (random: number) => Array.from({ length: DEFAULT_RETRY_POLICY.maxAttempts - 1 }, (_, i) => retryDelayMs(i + 1, () => random)).reduce((a, b) => a + b, 0);
    expect(total(0)).toBe(5_505_000); // ~1.5 h at the least
    expect(total(0.9999999)).toBeLessThanOrEqual(11_010_000); // ~3.1 h at the most
  });
});
