import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { assertOktaGroup } from "./assert-okta-group";
import { findGroup } from "./find-group";
import { findMemberUser } from "./find-member-user";
import { memberLogTargets } from "./member-log-targets";
import { touchGroupMembership } from "./touch-group-membership";

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
  const user = await findMemberUser(ctx.db, userId);
  assertOktaGroup(group, "lose members");
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.groupMembership.deleteMany({ where: { groupId: group.id, userId: user.id } });
    if (count === 0) return;
    await touchGroupMembership(tx, group.id, now);
    await audit(tx, ctx, "group.user_membership.remove", "Remove user from group membership", memberLogTargets(user, group));
  });
}
