import { describe, expect, it } from "vitest";
import { OAuthError } from "../errors/oauth-error";
import { ASSERTION_CLOCK_SKEW_SECONDS, ASSERTION_MAX_LIFETIME_SECONDS, checkAssertionClaims } from "./check-assertion-claims";
import { CLIENT_AUTH_MESSAGES as M } from "./client-auth-messages";

const now = new Date("2026-01-15T10:00:00.000Z");
const N = now.getTime() / 1000;
const TOKEN = "http://idp.test/oauth2/default/v1/token";
const audiences = [TOKEN, "http://idp.test/oauth2/default"];
const valid = { iss: "0oaA", sub: "0oaA", aud: TOKEN, exp: N + 300, iat: N, jti: "j-1" };

function check(payload: Record<string, unknown>, at: Date = now) {
  return checkAssertionClaims(payload, { now: at, audiences });
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof OAuthError && error.error === "invalid_client" && error.status === 401 && error.challenge === "Basic") return error.description;
    throw error;
  }
  throw new Error("expected invalid_client");
}

describe("checkAssertionClaims", () => {
  it("uses one hour and 60 s of clock skew", () => {
    expect([ASSERTION_MAX_LIFETIME_SECONDS, ASSERTION_CLOCK_SKEW_SECONDS]).toEqual([3600, 60]);
  });

  it.each<[string, Record<string, unknown>, { exp: number; jti: string | null }]>([
    ["a complete assertion", valid, { exp: N + 300, jti: "j-1" }],
    ["no jti (allowed, then reusable)", { ...valid, jti: undefined }, { exp: N + 300, jti: null }],
    ["no iat", { ...valid, iat: undefined }, { exp: N + 300, jti: "j-1" }],
    ["exp one second ahead", { ...valid, exp: N + 1 }, { exp: N + 1, jti: "j-1" }],
    ["exp exactly one hour ahead", { ...valid, exp: N + 3600 }, { exp: N + 3600, jti: "j-1" }],
    ["exp one hour plus the skew ahead", { ...valid, exp: N + 3660 }, { exp: N + 3660, jti: "j-1" }],
    ["a fractional exp", { ...valid, exp: N + 0.5 }, { exp: N + 0.5, jti: "j-1" }],
    ["iat within the skew", { ...valid, iat: N + 60 }, { exp: N + 300, jti: "j-1" }],
    ["an old iat", { ...valid, iat: N - 86_400 }, { exp: N + 300, jti: "j-1" }],
    ["nbf in the past", { ...valid, nbf: N - 10 }, { exp: N + 300, jti: "j-1" }],
    ["nbf within the skew", { ...valid, nbf: N + 60 }, { exp: N + 300, jti: "j-1" }],
    ["aud as an array containing the endpoint", { ...valid, aud: ["https://other.example", TOKEN] }, { exp: N + 300, jti: "j-1" }],
    ["aud as the issuer", { ...valid, aud: "http://idp.test/oauth2/default" }, { exp: N + 300, jti: "j-1" }],
  ])("accepts %s", (_, payload, expected) => {
    expect(check(payload)).toEqual(expected);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ["no exp", { ...valid, exp: undefined }, M.assertionExpMissing],
    ["exp as a string", { ...valid, exp: String(N + 300) }, M.assertionClaimType("exp")],
    ["exp as NaN-like null", { ...valid, exp: null }, M.assertionClaimType("exp")],
    ["exp now (expired)", { ...valid, exp: N }, M.assertionExpired],
    ["exp in the past", { ...valid, exp: N - 1 }, M.assertionExpired],
    ["exp more than one hour and the skew ahead", { ...valid, exp: N + 3661 }, M.assertionExpTooFar],
    ["exp a day ahead", { ...valid, exp: N + 86_400 }, M.assertionExpTooFar],
    ["iat beyond the skew", { ...valid, iat: N + 61 }, M.assertionIatFuture],
    ["iat as a string", { ...valid, iat: "now" }, M.assertionClaimType("iat")],
    ["nbf beyond the skew", { ...valid, nbf: N + 61 }, M.assertionNotYetValid],
    ["nbf as a string", { ...valid, nbf: "0" }, M.assertionClaimType("nbf")],
    ["no aud", { ...valid, aud: undefined }, M.assertionAudience],
    ["another endpoint as aud", { ...valid, aud: "http://idp.test/oauth2/default/v1/authorize" }, M.assertionAudience],
    ["another server's token endpoint", { ...valid, aud: "http://idp.test/oauth2/aus1/v1/token" }, M.assertionAudience],
    ["the token URL with a trailing slash", { ...valid, aud: `${TOKEN}/` }, M.assertionAudience],
    ["an array without the endpoint", { ...valid, aud: ["https://other.example"] }, M.assertionAudience],
    ["aud as a number", { ...valid, aud: 1 }, M.assertionAudience],
    ["jti as a number", { ...valid, jti: 42 }, M.assertionClaimType("jti")],
    ["an empty jti", { ...valid, jti: "" }, M.assertionClaimType("jti")],
    ["a jti of 1025 characters", { ...valid, jti: "j".repeat(1025) }, M.assertionClaimType("jti")],
  ])("rejects %s", (_, payload, description) => {
    expect(failure(() => check(payload))).toBe(description);
  });

  it("reads time from the clock it is given", () => {
    const later = new Date(now.getTime() + 301_000);
    expect(failure(() => check(valid, later))).toBe(M.assertionExpired);
    expect(check({ ...valid, iat: N + 120 }, new Date(now.getTime() + 60_000))).toEqual({ exp: N + 300, jti: "j-1" });
  });
});
