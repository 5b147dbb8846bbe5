import type { Db } from "../db/create-db-client";
import type { RoleAssignment } from "../db/generated/sqlite/client";
import { prismaErrorCode } from "../db/prisma-error-code";
import type { RecordChange } from "../db/record-change";
import { newId } from "../ids/new-id";
import { assigneeWhere, findRoleAssignee, type FoundAssignee } from "./role-assignee";
import { builtInGroupRoleError, duplicateRoleError, invalidRoleTypeError } from "./role-errors";
import { isRoleType } from "./role-types";

/**
 * Assigns a standard admin role to a user, group or app (Okta's Roles API, POST .../roles). The
 * type must be one of ROLE_TYPES (else 400 E0000001); a BUILT_IN group takes none (400 E0000060);
 * the assignee holding it already is 409 E0000090 (also when a concurrent request assigned it).
 * `record` (the System Log entry) runs in the same transaction. Who may assign (SUPER_ADMIN, never
 * to itself as an app) is checked by the caller: lib/admin-roles/check-target-rules.ts.
 */
export async function assignRole(db: Db, input: { assignee: FoundAssignee; type: unknown; now: Date }, record: RecordChange<RoleAssignment>): Promise<RoleAssignment> {
  const { assignee, type, now } = input;
  if (!isRoleType(type)) throw invalidRoleTypeError(type);
  if (assignee.builtIn) throw builtInGroupRoleError(assignee.name);
  const where = assigneeWhere(assignee);
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.roleAssignment.findFirst({ where: { ...where, type }, select: { id: true } });
      if (existing) throw duplicateRoleError(type, assignee.name);
      const created = await tx.roleAssignment.create({ data: { id: newId("roleAssignment"), type, assigneeType: assignee.type, ...where, created: now, lastUpdated: now } });
      await record(tx, created);
      return created;
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") throw duplicateRoleError(type, assignee.name);
    if (code === "P2003" || code === "P2025") await findRoleAssignee(db, assignee); // deleted meanwhile: its 404
    throw error;
  }
}
