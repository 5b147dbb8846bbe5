import type { RoleType } from "@/lib/admin-roles/role-types";
import type { Db } from "@/lib/db/create-db-client";
import { newId } from "@/lib/ids/new-id";

/** A Prisma where clause for a user holding SUPER_ADMIN directly (the bootstrap admin does). */
export const SUPER_ADMIN_USER = { roleAssignments: { some: { type: "SUPER_ADMIN" } } } as const;

/** Gives a user exactly these admin roles (direct assignments), straight in the database. */
export async function setUserRoles(db: Db, userId: string, roles: readonly RoleType[]): Promise<void> {
  await db.roleAssignment.deleteMany({ where: { userId } });
  for (const type of roles) await db.roleAssignment.create({ data: { id: newId("roleAssignment"), type, assigneeType: "USER", userId } });
}
