import { createSign, generateKeyPairSync, type KeyObject } from "node:crypto";
import { SignJWT, type JWTPayload } from "jose";
import { describe, expect, it } from "vitest";
import { CLOCK_SKEW_SECONDS, MAX_TOKEN_LENGTH, verifyServerJwt } from "./verify-server-jwt";

const ISSUER = "http://idp.test/oauth2/default";
const NOW = new Date("2026-01-15T10:00:00.000Z");
const T = NOW.getTime() / 1000;
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });
const keys: Record<string, KeyObject> = { k1: publicKey };

const options = { issuer: ISSUER, now: NOW, resolveKey: async (kid: string) => keys[kid] ?? null };
const claims = (extra: Record<string, unknown> = {}) => ({ iss: ISSUER, iat: T, exp: T + 3600, jti: "AT.x", ...extra });
const sign = (payload: Record<string, unknown>, header: Record<string, unknown> = {}, key: KeyObject = privateKey) =>
  new SignJWT(payload as JWTPayload).setProtectedHeader({ alg: "RS256", kid: "k1", ...header }).sign(key);
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
/** An RS256 signature over any header and payload text (valid whatever the header claims). */
const signRaw = (header: unknown, payload: unknown) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createSign("sha256").update(input).sign(privateKey).toString("base64url")}`;
};

describe("verifyServerJwt", () => {
  it("returns the payload of a token the server signed", async () => {
    expect(await verifyServerJwt(await sign(claims({ scp: ["openid"] })), options)).toEqual(claims({ scp: ["openid"] }));
  });

  it.each([
    ["expired exactly now (no tolerance on exp)", claims({ exp: T })],
    ["expired a second ago", claims({ exp: T - 1 })],
    ["exp missing", claims({ exp: undefined })],
    ["exp not a number", claims({ exp: String(T + 60) })],
    ["iat missing", claims({ iat: undefined })],
    ["iat beyond the skew", claims({ iat: T + CLOCK_SKEW_SECONDS + 1 })],
    ["nbf beyond the skew", claims({ nbf: T + CLOCK_SKEW_SECONDS + 1 })],
    ["nbf not a number", claims({ nbf: "soon" })],
    ["another issuer", claims({ iss: "http://idp.test/oauth2/aus0other" })],
    ["an issuer with a trailing slash", claims({ iss: `${ISSUER}/` })],
    ["no issuer", claims({ iss: undefined })],
  ])("rejects a payload with %s", async (_name, payload) => {
    expect(await verifyServerJwt(await sign(payload), options)).toBeNull();
  });

  it("accepts iat and nbf ahead by at most the skew, and exp a second away", async () => {
    expect(await verifyServerJwt(await sign(claims({ iat: T + CLOCK_SKEW_SECONDS, nbf: T + CLOCK_SKEW_SECONDS, exp: T + 1 })), options)).not.toBeNull();
  });

  it.each([
    ["alg RS384", { alg: "RS384", kid: "k1" }],
    ["alg rs256 (case matters)", { alg: "rs256", kid: "k1" }],
    ["no kid", { alg: "RS256" }],
    ["an empty kid", { alg: "RS256", kid: "" }],
    ["a numeric kid", { alg: "RS256", kid: 1 }],
    ["an unknown kid", { alg: "RS256", kid: "k2" }],
    ["a crit header", { alg: "RS256", kid: "k1", crit: ["exp"], exp: 1 }],
  ])("rejects a header with %s (even under a valid RS256 signature)", async (_name, header) => {
    expect(await verifyServerJwt(signRaw(header, claims()), options)).toBeNull();
    expect(await verifyServerJwt(signRaw({ alg: "RS256", kid: "k1" }, claims()), options)).not.toBeNull();
  });

  it("rejects alg none, HS256, a wrong key, a tampered payload and malformed input", async () => {
    const good = await sign(claims());
    const [header, payload, signature] = good.split(".") as [string, string, string];
    const cases = [
      `${b64({ alg: "none", kid: "k1" })}.${payload}.`,
      `${b64({ alg: "HS256", kid: "k1" })}.${payload}.${signature}`,
      await sign(claims(), {}, other.privateKey),
      `${header}.${b64(claims({ scp: ["admin"] }))}.${signature}`,
      `${header}.${payload}`,
      `${header}.${payload}.${signature}.extra`,
      `${header}.${payload}.${signature}!`,
      `${b64("not json")}.${payload}.${signature}`,
      `${b64([1, 2])}.${payload}.${signature}`,
      "",
      "x".repeat(MAX_TOKEN_LENGTH + 1),
    ];
    for (const token of cases) expect(await verifyServerJwt(token, options)).toBeNull();
    expect(await verifyServerJwt(good, options)).not.toBeNull();
  });

  it("rejects a validly signed payload that is not a JSON object", async () => {
    for (const body of ["[1,2,3]", "null", "42", "not json"]) {
      expect(await verifyServerJwt(signRaw({ alg: "RS256", kid: "k1" }, body), options)).toBeNull();
    }
  });

  it("asks for the key of the header's kid only once the header passed", async () => {
    const asked: string[] = [];
    const spy = { ...options, resolveKey: async (kid: string) => (asked.push(kid), keys[kid] ?? null) };
    await verifyServerJwt(`${b64({ alg: "HS256", kid: "k1" })}.${b64(claims())}.${b64("s")}`, spy);
    expect(asked).toEqual([]);
    await verifyServerJwt(await sign(claims()), spy);
    expect(asked).toEqual(["k1"]);
  });
});
