import type { Db, DbTx } from "../db/create-db-client";
import { isRoleType, ROLE_TYPES, type RoleType } from "./role-types";

/**
 * A user's admin roles as of now: their own assignments and their groups' (one query, by the
 * indexed userId of the assignment and of the membership). Roles are read per request, never cached
 * in a token or a session: a demoted admin's API tokens and dashboard session lose the rights at once.
 */
export async function loadUserAdminRoles(db: Db | DbTx, userId: string): Promise<RoleType[]> {
  const rows = await db.roleAssignment.findMany({
    where: { OR: [{ userId }, { group: { memberships: { some: { userId } } } }] },
    select: { type: true },
  });
  return inRoleOrder(rows.map((row) => row.type));
}

/** An app's admin roles (its client_credentials tokens for the management API act with them). */
export async function loadAppAdminRoles(db: Db | DbTx, appId: string): Promise<RoleType[]> {
  const rows = await db.roleAssignment.findMany({ where: { appId }, select: { type: true } });
  return inRoleOrder(rows.map((row) => row.type));
}

/** Distinct known role types, in ROLE_TYPES order (stable output for lists and tests). */
export function inRoleOrder(types: readonly string[]): RoleType[] {
  const held = new Set(types.filter(isRoleType));
  return ROLE_TYPES.filter((type) => held.has(type));
}
