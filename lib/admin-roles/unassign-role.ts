import type { Db } from "../db/create-db-client";
import type { RoleAssignment } from "../db/generated/sqlite/client";
import type { RecordChange } from "../db/record-change";
import { notFoundError } from "../okta-api/admin-api-error";
import { findRoleAssignment } from "./list-role-assignments";
import type { FoundAssignee } from "./role-assignee";
import { keepingASuperAdmin } from "./super-admin-holders";

/**
 * Unassigns one of the assignee's roles (DELETE .../roles/{roleAssignmentId}): 404 E0000007 (Role)
 * when the assignee holds no such assignment, 400 E0000001 when it is the last active super
 * administrator's SUPER_ADMIN (keepingASuperAdmin). `record` runs in the same transaction.
 */
export async function unassignRole(db: Db, input: { assignee: FoundAssignee; roleAssignmentId: string }, record: RecordChange<RoleAssignment>): Promise<RoleAssignment> {
  const { assignee, roleAssignmentId } = input;
  return db.$transaction(async (tx) => {
    const row = await findRoleAssignment(tx, assignee, roleAssignmentId);
    await keepingASuperAdmin(tx, `Unassigning ${row.type} from ${assignee.name}`, async () => {
      const { count } = await tx.roleAssignment.deleteMany({ where: { id: row.id } });
      if (count === 0) throw notFoundError(roleAssignmentId, "Role"); // a concurrent request removed it
    });
    await record(tx, row);
    return row;
  });
}
