import { hashTokenBytes } from "../../crypto/hash-token";
import { checkTokenLiveness } from "./check-token-liveness";
import type { LiveRefreshToken, VerifyContext } from "./types";

/** Longer strings are not refresh tokens of ours: no hash, no query. */
const MAX_REFRESH_TOKEN_LENGTH = 1024;

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);

/**
 * A refresh token of this authorization server that can still be exchanged, or null: found by its
 * SHA-256, issued by this server, ACTIVE (not rotated or revoked), inside its sliding window
 * (windowEndsAt > now) and before its absolute expiry (none, or > now), and not implicitly revoked
 * (checkTokenLiveness with its creation time: app and user ACTIVE and unchanged since, user still
 * assigned). `expiresAt` is when it dies unless exchanged: the earlier of the two limits.
 */
export async function findLiveRefreshToken(context: VerifyContext, token: string, now: Date): Promise<LiveRefreshToken | null> {
  if (token === "" || token.length > MAX_REFRESH_TOKEN_LENGTH) return null;
  const row = await context.db.refreshToken.findUnique({
    where: { tokenHash: hashTokenBytes(token) },
    select: { id: true, familyId: true, status: true, windowEndsAt: true, created: true, family: { select: { authServerId: true, clientId: true, userId: true, scopes: true, expiresAt: true } } },
  });
  if (!row || row.family.authServerId !== context.snapshot.id || row.status !== "ACTIVE") return null;
  const { family } = row;
  const nowMs = now.getTime();
  if (row.windowEndsAt.getTime() <= nowMs || (family.expiresAt !== null && family.expiresAt.getTime() <= nowMs)) return null;
  const parties = await checkTokenLiveness(context.db, { clientId: family.clientId, userId: family.userId, issuedAt: Math.floor(row.created.getTime() / 1000) });
  if (!parties) return null;
  const expiresAt = family.expiresAt !== null && family.expiresAt < row.windowEndsAt ? family.expiresAt : row.windowEndsAt;
  return {
    id: row.id,
    familyId: row.familyId,
    authServerId: family.authServerId,
    clientId: family.clientId,
    userId: family.userId,
    scopes: strings(family.scopes),
    created: row.created,
    expiresAt,
    ...parties,
  };
}
