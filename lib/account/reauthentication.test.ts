import { describe, expect, it } from "vitest";
import { needsReauthentication, REAUTH_AFTER_MINUTES } from "./reauthentication";

const NOW = new Date("2030-01-01T12:00:00Z");
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe("needsReauthentication", () => {
  it.each([
    ["signed in just now", ago(0), false],
    ["exactly the limit", ago(REAUTH_AFTER_MINUTES * 60_000), false],
    ["a second past it", ago(REAUTH_AFTER_MINUTES * 60_000 + 1000), true],
    ["an hour ago", ago(3_600_000), true],
    ["a sign-in 'in the future' (another instance's clock)", ago(-60_000), false],
  ])("%s", (_name, authTime, expected) => {
    expect(needsReauthentication(authTime, NOW)).toBe(expected);
  });
});
