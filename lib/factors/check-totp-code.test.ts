import { describe, expect, it } from "vitest";
import { checkTotpCode } from "./check-totp-code";
import { generateTotpCode } from "./generate-totp-code";
import { generateTotpSecret } from "./generate-totp-secret";
import { toBase64Url } from "./to-base64url";

// RFC 6238 Appendix B: the SHA-1 seed is the 20 ASCII bytes "12345678901234567890", 8 digits, X = 30 s.
const RFC_SEED = new TextEncoder().encode("12345678901234567890");
// the same seed in base32 (RFC 4648 6), as factors store it
const RFC_SEED_BASE32 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
const RFC_VECTORS: Array<[number, string]> = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_VECTORS)("Appendix B: T = %i s gives %s (8 digits, SHA-1)", async (seconds, code) => {
    expect(await generateTotpCode(RFC_SEED, new Date(seconds * 1000), 8)).toBe(code);
  });

  it.each(RFC_VECTORS)("T = %i s: the 6-digit code (the last 6 digits of %s) is accepted with its time step", async (seconds, code) => {
    const check = await checkTotpCode(RFC_SEED_BASE32, code.slice(2), new Date(seconds * 1000), null);
    expect(check).toEqual({ outcome: "accepted", timeStep: Math.floor(seconds / 30) });
  });

  // The code of step 37037036 (T = 1111111109 s, "081804"), checked at times around it.
  const step = 37037036;
  const stepStart = step * 30;
  it.each([
    ["two steps early", stepStart - 31, "invalid"],
    ["one step early (clock behind)", stepStart - 30, "accepted"],
    ["at the start of its step", stepStart, "accepted"],
    ["at the end of its step", stepStart + 29, "accepted"],
    ["one step late (network delay)", stepStart + 59, "accepted"],
    ["two steps late", stepStart + 60, "invalid"],
  ] as const)("window: %s (t = %i s) -> %s", async (_label, seconds, outcome) => {
    const check = await checkTotpCode(RFC_SEED_BASE32, "081804", new Date(seconds * 1000), null);
    expect(check.outcome).toBe(outcome);
    if (check.outcome === "accepted") expect(check.timeStep).toBe(step);
  });

  it.each([
    ["never used", null, "accepted"],
    ["an earlier step used", step - 1, "accepted"],
    ["this step used", step, "reused"],
    ["a later step used (a newer code was accepted)", step + 1, "reused"],
  ] as const)("each code once: %s -> %s", async (_label, lastTimeStep, outcome) => {
    expect((await checkTotpCode(RFC_SEED_BASE32, "081804", new Date(stepStart * 1000), lastTimeStep)).outcome).toBe(outcome);
  });

  it.each(["", "08180", "0818045", "08180a", " 081804", "081 804", "１２３４５６"])("a malformed code %j is invalid", async (code) => {
    expect(await checkTotpCode(RFC_SEED_BASE32, code, new Date(stepStart * 1000), null)).toEqual({ outcome: "invalid" });
  });

  it("a wrong code is invalid", async () => {
    expect(await checkTotpCode(RFC_SEED_BASE32, "081805", new Date(stepStart * 1000), null)).toEqual({ outcome: "invalid" });
  });

  it("a new secret is 20 random bytes in base32 without padding", () => {
    const bytes = Buffer.from(Array.from({ length: 20 }, (_, i) => i));
    expect(generateTotpSecret(() => bytes)).toBe("AAAQEAYEAUDAOCAJBIFQYDIOB4IBCEQT");
    expect(generateTotpSecret()).toMatch(/^[A-Z2-7]{32}$/);
  });
});

describe("toBase64Url", () => {
  it.each([
    ["base64url stays", "ab-_cd", "ab-_cd"],
    ["base64 with padding", "ab+/cQ==", "ab-_cQ"],
    ["surrounding space", " YWJj ", "YWJj"],
  ])("%s", (_label, input, output) => {
    expect(toBase64Url(input)).toBe(output);
  });
});
