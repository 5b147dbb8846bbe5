import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertOktaGroup } from "../../groups/assert-okta-group";
import { findGroup } from "../../groups/find-group";
import { removeGroupMembership } from "../../groups/remove-group-membership";
import { findUserSummary } from "../../users/find-user-summary";
import { memberLogTargets } from "./member-log-targets";

/**
 * DELETE /api/v1/groups/:groupId/users/:userId -> bare 204 (SDK unassignUserFromGroup). Idempotent:
 * a user who is not a member changes nothing. Access to apps assigned only through this group ends
 * with the membership: the token service checks assignments on every grant and refresh.
 */
export async function removeGroupMember(ctx: AdminContext): Promise<AdminResponse> {
  await runRemoveGroupMember(ctx, ctx.request.params.groupId ?? "", ctx.request.params.userId ?? "");
  return { status: 204 };
}

/** removeGroupMember as a typed operation. */
export async function runRemoveGroupMember(ctx: OperationContext, groupId: string, userId: string): Promise<void> {
  const group = await findGroup(ctx.db, groupId);
  const user = await findUserSummary(ctx.db, userId);
  assertOktaGroup(group, "lose members");
  await removeGroupMembership(ctx.db, { groupId: group.id, userId: user.id, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "group.user_membership.remove", "Remove user from group membership", memberLogTargets(user, group)),
  );
}
