import type { Db, DbTx } from "../db/create-db-client";
import type { RoleAssignment } from "../db/generated/sqlite/client";
import { notFoundError } from "../okta-api/admin-api-error";
import { assigneeWhere, type AssigneeRef } from "./role-assignee";
import { ROLE_TYPES } from "./role-types";

const order = (row: Pick<RoleAssignment, "type">) => (ROLE_TYPES as readonly string[]).indexOf(row.type);

/** The assignee's own role assignments (not a user's groups'), in ROLE_TYPES order. One query by the unique (assignee, type) index. */
export async function listRoleAssignments(db: Db | DbTx, ref: AssigneeRef): Promise<RoleAssignment[]> {
  const rows = await db.roleAssignment.findMany({ where: assigneeWhere(ref) });
  return rows.sort((a, b) => order(a) - order(b));
}

/** One of the assignee's role assignments by its id, or 404 E0000007 (Role): another assignee's id is not found here either. */
export async function findRoleAssignment(db: Db | DbTx, ref: AssigneeRef, roleAssignmentId: string): Promise<RoleAssignment> {
  const row = await db.roleAssignment.findFirst({ where: { id: roleAssignmentId, ...assigneeWhere(ref) } });
  if (!row) throw notFoundError(roleAssignmentId, "Role");
  return row;
}
