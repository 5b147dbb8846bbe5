import type { RoleType } from "../admin-roles/role-types";
import { authorizeAdminUser } from "../admin/authorize-admin";
import type { Db } from "../db/create-db-client";
import { readSession } from "../sessions/read-session";
import { readSessionCookie } from "../sessions/session-cookie";
import type { SessionInfo } from "../sessions/types";

/** The signed-in administrator the dashboard acts for. */
export type DashboardAdmin = {
  userId: string;
  login: string;
  displayName: string;
  /** the admin's roles as of this request (lib/admin-roles/permissions.ts says what each allows) */
  roles: readonly RoleType[];
  session: SessionInfo;
};

export type AdminCheck = { ok: true; admin: DashboardAdmin } | { ok: false; reason: "signin" | "forbidden" };

/**
 * The dashboard's gate, run on the server for every page read and every action: the SSO session
 * named by the `sid` cookie must be live and its user an ACTIVE admin (authorizeAdmin: the
 * management API's check of an API token's owner). No session (or an ended,
 * expired or unknown one): "signin". A signed-in user who is not an active admin: "forbidden".
 */
export async function requireAdmin(db: Db, cookieHeader: string | null | undefined, now: Date): Promise<AdminCheck> {
  const cookie = readSessionCookie(cookieHeader ?? null);
  if (!cookie) return { ok: false, reason: "signin" };
  const session = await readSession(db, cookie, now);
  if (!session) return { ok: false, reason: "signin" };
  const rights = await authorizeAdminUser(db, session.userId);
  if (!rights) return { ok: false, reason: "signin" };
  if (!rights.ok) return { ok: false, reason: "forbidden" };
  return { ok: true, admin: { userId: rights.userId, login: rights.login, displayName: rights.displayName, roles: rights.roles, session } };
}
