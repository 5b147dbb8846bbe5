import type { AccessTokenView } from "./types";

const isString = (value: unknown): value is string => typeof value === "string" && value !== "";
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((item) => typeof item === "string");

/**
 * Reads a verified JWT payload as an Okta access token (pure): `jti` "AT.…", `cid`, `scp` (an array
 * of strings), `sub`, `aud` (a string or an array of strings), `uid` (absent for client_credentials),
 * numeric `iat`/`exp`. Null when the payload is anything else (an ID token has none of `cid`, `scp`
 * and an "ID." jti), so one signed kind can never be used as the other.
 */
export function readAccessTokenClaims(payload: Record<string, unknown>): AccessTokenView | null {
  const { jti, cid, uid, sub, scp, aud, iat, exp, iss } = payload;
  if (!isString(jti) || !jti.startsWith("AT.")) return null;
  if (!isString(cid) || !isString(sub) || !isString(iss) || !isStringArray(scp)) return null;
  if (uid !== undefined && !isString(uid)) return null;
  if (!isString(aud) && !(isStringArray(aud) && aud.length > 0)) return null;
  if (typeof iat !== "number" || typeof exp !== "number") return null;
  return { jti, clientId: cid, userId: uid ?? null, subject: sub, scopes: [...scp], issuedAt: iat, expiresAt: exp, aud, iss, claims: payload };
}
