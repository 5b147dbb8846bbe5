import { hashToken } from "../crypto/hash-token";
import type { Db } from "../db/create-db-client";
import { readOrgSettings } from "../org-settings/read-org-settings";
import { toSessionInfo } from "./to-session-info";
import type { SessionInfo } from "./types";

/** The idle expiry slides at most this often per session: no write per request. */
export const SESSION_TOUCH_INTERVAL_MS = 60_000;

/**
 * The live session of a `sid` cookie value (readSessionCookie), or null when there is no cookie,
 * no such session (only the SHA-256 is looked up), or it is revoked, idle-expired or past its
 * absolute lifetime, or its user is not ACTIVE (suspending, deactivating or deleting a user also
 * revokes their sessions; a LOCKED_OUT user's sessions stop working until unlocked).
 *
 * Using the session slides its idle expiry to now + its idle minutes (the org's sessionIdleMinutes, or
 * the stricter limit of the sign-on rule it started under; never past the absolute
 * expiry), written at most once per SESSION_TOUCH_INTERVAL_MS; the write is conditional on the
 * session still being unrevoked, so a sign-out on another instance is never undone.
 */
export async function readSession(db: Db, cookieValue: string | null, now: Date): Promise<SessionInfo | null> {
  if (!cookieValue) return null;
  const row = await db.userSession.findUnique({
    where: { tokenHash: hashToken(cookieValue) },
    select: { id: true, userId: true, authTime: true, amr: true, factorVerifiedAt: true, idleMinutes: true, lastSeen: true, idleExpiresAt: true, expiresAt: true, revoked: true, user: { select: { login: true, status: true } } },
  });
  const nowMs = now.getTime();
  if (!row || row.revoked !== null || row.user.status !== "ACTIVE") return null;
  if (row.idleExpiresAt.getTime() <= nowMs || row.expiresAt.getTime() <= nowMs) return null;

  let idleExpiresAt = row.idleExpiresAt;
  if (nowMs - row.lastSeen.getTime() >= SESSION_TOUCH_INTERVAL_MS || nowMs < row.lastSeen.getTime()) {
    const settings = await readOrgSettings(db);
    const slid = new Date(Math.min(nowMs + (row.idleMinutes ?? settings.sessionIdleMinutes) * 60_000, row.expiresAt.getTime()));
    const touched = await db.userSession.updateMany({ where: { id: row.id, revoked: null }, data: { lastSeen: now, idleExpiresAt: slid } });
    if (touched.count !== 1) return null;
    idleExpiresAt = slid;
  }
  return toSessionInfo({ ...row, idleExpiresAt }, row.user.login);
}
