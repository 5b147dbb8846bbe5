import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import { forbiddenError, invalidTokenError } from "../okta-api/admin-api-error";
import type { Actor } from "./admin-request";
import { authorizeAdmin } from "./authorize-admin";

const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * `Authorization: SSWS <token>`. Tokens are stored under their SHA-256 and looked up by it, so the
 * comparison never touches the secret itself (nothing about the stored token leaks through timing).
 * The owner must be an ACTIVE admin (authorizeAdmin, the dashboard's check too). Records the
 * token's last use (at most once a minute).
 */
export async function authenticateApiToken(db: Db, authorization: string | null, now: Date): Promise<Actor> {
  const match = /^SSWS ([A-Za-z0-9_-]{16,256})$/.exec(authorization?.trim() ?? "");
  if (!match?.[1]) throw invalidTokenError();
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(match[1]) },
    include: { user: { select: { id: true, login: true, status: true, isAdmin: true, profile: true } } },
  });
  if (!token || token.status !== "ACTIVE" || (token.expiresAt && token.expiresAt <= now)) throw invalidTokenError();
  const rights = authorizeAdmin(token.user);
  if (!rights.ok) throw rights.reason === "inactive" ? invalidTokenError() : forbiddenError();
  if (!token.lastUsed || now.getTime() - token.lastUsed.getTime() >= LAST_USED_RESOLUTION_MS) {
    // eslint-disable-next-line no-restricted-syntax -- usage bookkeeping, not an admin change: it has no audit event
    await db.apiToken.update({ where: { id: token.id }, data: { lastUsed: now, lastUpdated: token.lastUpdated } });
  }
  return { userId: rights.userId, login: rights.login, displayName: rights.displayName, apiTokenId: token.id };
}
