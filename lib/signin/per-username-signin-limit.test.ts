import { describe, expect, it } from "vitest";
import { perUsernameSigninLimit, SIGNIN_RATE_LIMITS } from "./check-credentials";

describe("perUsernameSigninLimit", () => {
  it.each<[number, number]>([
    [0, SIGNIN_RATE_LIMITS.perUsername], // lockout off: the budget alone bounds guessing
    [10, 20], // the default threshold: room for the attempt after the lockout
    [19, 20],
    [20, 21],
    [25, 26],
    [100, 101],
  ])("lockoutThreshold %i -> %i a minute", (threshold, limit) => {
    expect(perUsernameSigninLimit(threshold)).toBe(limit);
  });
});
