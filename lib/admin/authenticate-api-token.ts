import { findApiTokenBySecret } from "../api-tokens/find-api-token-by-secret";
import { recordApiTokenUse } from "../api-tokens/record-api-token-use";
import type { Db } from "../db/create-db-client";
import { forbiddenError, invalidTokenError } from "../okta-api/admin-api-error";
import type { Actor } from "./admin-request";
import { authorizeAdmin } from "./authorize-admin";

/**
 * `Authorization: SSWS <token>`: a live token (findApiTokenBySecret, by its SHA-256) whose owner is
 * an ACTIVE admin (authorizeAdmin, the dashboard's check too). Records the token's last use (at
 * most once a minute).
 */
export async function authenticateApiToken(db: Db, authorization: string | null, now: Date): Promise<Actor> {
  const match = /^SSWS ([A-Za-z0-9_-]{16,256})$/.exec(authorization?.trim() ?? "");
  if (!match?.[1]) throw invalidTokenError();
  const token = await findApiTokenBySecret(db, match[1], now);
  if (!token) throw invalidTokenError();
  const rights = authorizeAdmin(token.user);
  if (!rights.ok) throw rights.reason === "inactive" ? invalidTokenError() : forbiddenError();
  await recordApiTokenUse(db, token, now);
  return { userId: rights.userId, login: rights.login, displayName: rights.displayName, apiTokenId: token.id, roles: rights.roles, scopes: null };
}
