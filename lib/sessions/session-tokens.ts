import { randomBytes } from "node:crypto";
import { hashToken } from "../crypto/hash-token";
import { randomToken } from "../crypto/random-token";
import { asJson } from "../db/as-json";
import type { Db } from "../db/create-db-client";

/** Okta's one-time session tokens (Authentication API) live five minutes. */
export const SESSION_TOKEN_LIFETIME_MS = 5 * 60_000;
/** Longer strings cannot be a session token of ours (43 characters). */
const MAX_SESSION_TOKEN_LENGTH = 256;

/**
 * A one-time session token for a user who just authenticated through POST /api/v1/authn; the app
 * then redeems it at /authorize (`sessionToken`, spec: "Obtain an Authorization Grant"). 256 random
 * bits, stored as their SHA-256 only, valid for five minutes, with how the user authenticated (amr,
 * default ["pwd"]) and when a second factor was verified, for the session it starts.
 */
export async function createSessionToken(
  db: Db,
  input: { userId: string; now: Date; amr?: readonly string[]; factorVerifiedAt?: Date | null; random?: (size: number) => Buffer },
): Promise<{ sessionToken: string; expiresAt: Date }> {
  const sessionToken = randomToken(32, input.random ?? randomBytes);
  const expiresAt = new Date(input.now.getTime() + SESSION_TOKEN_LIFETIME_MS);
  await db.sessionToken.create({ data: {
      tokenHash: hashToken(sessionToken),
      userId: input.userId,
      amr: asJson([...(input.amr ?? ["pwd"])]),
      factorVerifiedAt: input.factorVerifiedAt ?? null,
      expiresAt,
      created: input.now,
    }, select: { tokenHash: true } });
  return { sessionToken, expiresAt };
}

/**
 * Redeems a session token: the user it was issued to, or null when it is unknown, already used,
 * expired, or its user is no longer ACTIVE. Single use on every instance: the token is marked
 * consumed by one conditional update (not consumed, not expired), and only the request whose
 * update changed the row gets the user.
 */
export async function consumeSessionToken(db: Db, token: string, now: Date): Promise<{ userId: string; amr: string[]; factorVerifiedAt: Date | null } | null> {
  if (!token || token.length > MAX_SESSION_TOKEN_LENGTH) return null;
  const tokenHash = hashToken(token);
  const consumed = await db.sessionToken.updateMany({ where: { tokenHash, consumed: null, expiresAt: { gt: now } }, data: { consumed: now } });
  if (consumed.count !== 1) return null;
  const row = await db.sessionToken.findUnique({ where: { tokenHash }, select: { userId: true, amr: true, factorVerifiedAt: true, user: { select: { status: true } } } });
  if (!row || row.user.status !== "ACTIVE") return null;
  const amr = Array.isArray(row.amr) ? row.amr.filter((item): item is string => typeof item === "string") : [];
  // a token written before tokens carried amr was issued after a password
  return { userId: row.userId, amr: amr.length > 0 ? amr : ["pwd"], factorVerifiedAt: row.factorVerifiedAt };
}
