import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertOktaGroup } from "../../groups/assert-okta-group";
import { findGroup } from "../../groups/find-group";
import { removeGroup } from "../../groups/remove-group";
import { groupLogTarget } from "./group-log-target";

/**
 * DELETE /api/v1/groups/:groupId -> 204. Its memberships and app assignments go with it (cascade),
 * so members lose any app access they had only through this group. Everyone cannot be deleted.
 */
export async function deleteGroup(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteGroup(ctx, ctx.request.params.groupId ?? "");
  return { status: 204 };
}

/** deleteGroup as a typed operation. */
export async function runDeleteGroup(ctx: OperationContext, groupId: string): Promise<void> {
  const group = await findGroup(ctx.db, groupId);
  assertOktaGroup(group, "be deleted");
  await removeGroup(ctx.db, { id: group.id }, (tx) => audit(tx, ctx, "group.lifecycle.delete", `Delete group ${group.name}`, [groupLogTarget(group)]));
}
