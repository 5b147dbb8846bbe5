import type { IdTokenView } from "./types";

const isString = (value: unknown): value is string => typeof value === "string" && value !== "";

/**
 * Reads a verified JWT payload as an Okta ID token (pure): `jti` "ID.…", `aud` a string (the client
 * id), `sub` (the user id), numeric `iat`/`exp`, and no `cid`/`scp` (access-token claims). Null
 * otherwise.
 */
export function readIdTokenClaims(payload: Record<string, unknown>): IdTokenView | null {
  const { jti, aud, sub, iat, exp, iss } = payload;
  if (!isString(jti) || !jti.startsWith("ID.")) return null;
  if (!isString(aud) || !isString(sub) || !isString(iss)) return null;
  if (payload.cid !== undefined || payload.scp !== undefined) return null;
  if (typeof iat !== "number" || typeof exp !== "number") return null;
  return { jti, clientId: aud, userId: sub, issuedAt: iat, expiresAt: exp, iss, claims: payload };
}
