import { loadUserAdminRoles } from "../admin-roles/load-admin-roles";
import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";

/**
 * The live token (ACTIVE, not past its expiry) a presented SSWS secret is, with the owner's fields
 * the management rights are checked on; null when there is none. Tokens are stored under their
 * SHA-256 and looked up by it, so the comparison never touches the secret itself (nothing about
 * the stored token leaks through timing). The owner's admin roles are read now: a token acts with
 * its creator's current roles.
 */
export async function findApiTokenBySecret(db: Db, secret: string, now: Date) {
  const token = await db.apiToken.findUnique({
    where: { tokenHash: hashToken(secret) },
    include: { user: { select: { id: true, login: true, status: true, profile: true } } },
  });
  if (!token || token.status !== "ACTIVE" || (token.expiresAt && token.expiresAt <= now)) return null;
  return { ...token, user: { ...token.user, roles: await loadUserAdminRoles(db, token.user.id) } };
}
