import { describe, expect, it } from "vitest";
import { computeCodeChallenge } from "./compute-code-challenge";
import { verifyPkce } from "./verify-pkce";

/** RFC 7636 Appendix B. */
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
const s256 = { challenge: CHALLENGE, method: "S256" };

describe("computeCodeChallenge", () => {
  it("is BASE64URL(SHA256(verifier)) without padding (RFC 7636 Appendix B)", () => {
    expect(computeCodeChallenge(VERIFIER)).toBe(CHALLENGE);
  });
});

describe("verifyPkce", () => {
  it.each([
    ["the right verifier", s256, VERIFIER, { ok: true, used: true }],
    ["no challenge and no verifier (PKCE not used)", { challenge: null, method: null }, undefined, { ok: true, used: false }],
    ["a verifier without a challenge (downgrade)", { challenge: null, method: null }, VERIFIER, { ok: false, failure: "unexpected_verifier" }],
    ["a challenge without a verifier", s256, undefined, { ok: false, failure: "missing_verifier" }],
    ["a wrong verifier", s256, `${VERIFIER.slice(0, -1)}Y`, { ok: false, failure: "mismatch" }],
    ["the challenge itself as verifier", s256, CHALLENGE, { ok: false, failure: "mismatch" }],
    ["a 42-character verifier", s256, "a".repeat(42), { ok: false, failure: "malformed_verifier" }],
    ["a 129-character verifier", s256, "a".repeat(129), { ok: false, failure: "malformed_verifier" }],
    ["a verifier with a reserved character", s256, `${"a".repeat(42)}=`, { ok: false, failure: "malformed_verifier" }],
    ["a verifier with a space", s256, `${"a".repeat(21)} ${"a".repeat(21)}`, { ok: false, failure: "malformed_verifier" }],
    ["a plain challenge", { challenge: VERIFIER, method: "plain" }, VERIFIER, { ok: false, failure: "unsupported_method" }],
    ["a challenge without a method (plain by RFC 7636 4.3)", { challenge: VERIFIER, method: null }, VERIFIER, { ok: false, failure: "unsupported_method" }],
  ] as const)("%s", (_name, stored, verifier, expected) => {
    expect(verifyPkce(stored, verifier)).toEqual(expected);
  });

  it("accepts 43 and 128 characters of the whole unreserved set", () => {
    for (const verifier of ["A".repeat(43), "Az09-._~".repeat(16)]) {
      expect(verifyPkce({ challenge: computeCodeChallenge(verifier), method: "S256" }, verifier)).toEqual({ ok: true, used: true });
    }
  });
});
