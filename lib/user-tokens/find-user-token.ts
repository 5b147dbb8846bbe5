import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import { MAX_USER_TOKEN_LENGTH, type UserTokenKind, type UserTokenRefusal } from "./user-token-kinds";

export type UserTokenHolder = { id: string; login: string; email: string; status: string; profile: Record<string, unknown>; passwordHash: string | null };

export type FoundUserToken = { ok: true; tokenHash: string; expiresAt: Date; newEmail: string | null; user: UserTokenHolder } | { ok: false; reason: UserTokenRefusal };

/**
 * What a presented token is, without using it (the page that shows the form): unknown, of another
 * kind (a recovery token on the activation page: "invalid"), used, or expired; else its user (and,
 * for an email change, the address it proves). Only the hash is looked up.
 */
export async function findUserToken(db: Db, token: string | null | undefined, kind: UserTokenKind, now: Date): Promise<FoundUserToken> {
  if (!token || token.length > MAX_USER_TOKEN_LENGTH) return { ok: false, reason: "invalid" };
  const tokenHash = hashToken(token);
  const row = await db.userToken.findUnique({
    where: { tokenHash },
    select: { kind: true, expiresAt: true, consumed: true, newEmail: true, user: { select: { id: true, login: true, email: true, status: true, profile: true, passwordHash: true } } },
  });
  if (!row || row.kind !== kind) return { ok: false, reason: "invalid" };
  if (row.consumed) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  const profile = (row.user.profile && typeof row.user.profile === "object" && !Array.isArray(row.user.profile) ? row.user.profile : {}) as Record<string, unknown>;
  return { ok: true, tokenHash, expiresAt: row.expiresAt, newEmail: row.newEmail, user: { ...row.user, profile } };
}
