import { rolesAllow, scopesForPermission, type Permission } from "../admin-roles/permissions";
import type { RoleType } from "../admin-roles/role-types";
import type { Db } from "../db/create-db-client";
import { findAdminCandidate } from "../users/find-admin-candidate";

/** The user row the management rights are checked on. */
export type AdminCandidate = { id: string; login: string; status: string; roles: readonly RoleType[]; profile: unknown };

export type AdminAuthorization =
  | { ok: true; userId: string; login: string; displayName: string; roles: readonly RoleType[] }
  | { ok: false; reason: "inactive" | "not_admin" };

/**
 * The management rights, one check for every caller (an SSWS token's owner, a dashboard session's
 * user): the user must be ACTIVE and hold an admin role (what each role allows: lib/admin-roles/permissions.ts). The display name is the System Log actor's.
 */
export function authorizeAdmin(user: AdminCandidate): AdminAuthorization {
  if (user.status !== "ACTIVE") return { ok: false, reason: "inactive" };
  if (user.roles.length === 0) return { ok: false, reason: "not_admin" };
  const profile = (user.profile ?? {}) as { firstName?: unknown; lastName?: unknown };
  const displayName = [profile.firstName, profile.lastName].filter((part): part is string => typeof part === "string" && part.length > 0).join(" ") || user.login;
  return { ok: true, userId: user.id, login: user.login, displayName, roles: user.roles };
}

/** authorizeAdmin for a user id (a session's user); null when no such user exists. */
export async function authorizeAdminUser(db: Db, userId: string): Promise<AdminAuthorization | null> {
  const user = await findAdminCandidate(db, userId);
  return user ? authorizeAdmin(user) : null;
}

/**
 * Whether the caller may do what `permission` allows: their roles grant it and, for an OAuth 2.0
 * access token (scopes not null), the token carries one of its scopes (scopesForPermission).
 */
export function actorMay(actor: { roles: readonly RoleType[]; scopes: readonly string[] | null }, permission: Permission): boolean {
  if (!rolesAllow(actor.roles, permission)) return false;
  return actor.scopes === null || scopesForPermission(permission).some((scope) => actor.scopes!.includes(scope));
}
