import { verify as verifySignature, type KeyObject } from "node:crypto";

/**
 * Tolerance for a clock that runs a little ahead on the instance that signed, applied to the
 * checks that look into the future only (nbf, iat). Expiry gets none: a token is dead once `exp`
 * has passed (RFC 7519 4.1.4; @okta/jwt-verifier is just as strict).
 */
export const CLOCK_SKEW_SECONDS = 5;
/** Longer strings are not tokens of ours (they are a few hundred bytes to a few kilobytes). */
export const MAX_TOKEN_LENGTH = 16 * 1024;

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export type ServerJwtOptions = {
  /** the server's issuer: `iss` must equal it byte for byte */
  issuer: string;
  now: Date;
  /** the server's published key for `kid`, or null */
  resolveKey: (kid: string) => Promise<KeyObject | null>;
  /** skip the expiry check only (an expired ID token is still a valid id_token_hint at /v1/logout) */
  acceptExpired?: boolean;
};

const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function decodeJsonObject(segment: string): Record<string, unknown> | null {
  if (!BASE64URL.test(segment)) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * A JWT this authorization server signed, or null. Checks, cheapest first: compact JWS form; header
 * `alg` exactly RS256 (no `none`, no HMAC with a public key, no other algorithm), a string `kid`, no
 * `crit`; the RSASSA-PKCS1-v1_5 SHA-256 signature against the published key `kid`; a JSON object
 * payload whose `iss` is the issuer; numeric `exp` in the future (no tolerance), `iat` numeric and
 * not in the future, `nbf` (when present) not in the future (CLOCK_SKEW_SECONDS for both). Never
 * throws for bad input. Returns the payload; what kind of token it is, is for the caller to check.
 */
export async function verifyServerJwt(token: string, options: ServerJwtOptions): Promise<Record<string, unknown> | null> {
  if (token.length > MAX_TOKEN_LENGTH) return null;
  const parts = token.split(".");
  if (parts.length !== 3) return null;
  const [headerPart = "", payloadPart = "", signaturePart = ""] = parts;
  const header = decodeJsonObject(headerPart);
  if (!header || header.alg !== "RS256" || typeof header.kid !== "string" || header.kid === "" || header.crit !== undefined) return null;
  if (!BASE64URL.test(signaturePart)) return null;

  const key = await options.resolveKey(header.kid);
  if (!key) return null;
  let valid: boolean;
  try {
    valid = verifySignature("sha256", Buffer.from(`${headerPart}.${payloadPart}`, "ascii"), key, Buffer.from(signaturePart, "base64url"));
  } catch {
    return null;
  }
  if (!valid) return null;

  const payload = decodeJsonObject(payloadPart);
  if (!payload || payload.iss !== options.issuer) return null;
  const now = options.now.getTime() / 1000;
  const { exp, iat, nbf } = payload;
  if (!isTime(exp) || (exp <= now && !options.acceptExpired)) return null;
  if (!isTime(iat) || iat > now + CLOCK_SKEW_SECONDS) return null;
  if (nbf !== undefined && (!isTime(nbf) || nbf > now + CLOCK_SKEW_SECONDS)) return null;
  return payload;
}
