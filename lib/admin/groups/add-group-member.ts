import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { addGroupMembership } from "../../groups/add-group-membership";
import { assertOktaGroup } from "../../groups/assert-okta-group";
import { findGroup } from "../../groups/find-group";
import { findUserSummary } from "../../users/find-user-summary";
import { memberLogTargets } from "./member-log-targets";

/**
 * PUT /api/v1/groups/:groupId/users/:userId -> bare 204 (SDK assignUserToGroup). Idempotent: an
 * existing member changes nothing and logs nothing. A new member moves the group's
 * lastMembershipUpdated. Unknown group or user: 404; Everyone: 400 E0000060.
 */
export async function addGroupMember(ctx: AdminContext): Promise<AdminResponse> {
  await runAddGroupMember(ctx, ctx.request.params.groupId ?? "", ctx.request.params.userId ?? "");
  return { status: 204 };
}

/** addGroupMember as a typed operation. */
export async function runAddGroupMember(ctx: OperationContext, groupId: string, userId: string): Promise<void> {
  const group = await findGroup(ctx.db, groupId);
  const user = await findUserSummary(ctx.db, userId);
  assertOktaGroup(group, "be given members");
  await addGroupMembership(ctx.db, { groupId: group.id, userId: user.id, now: ctx.now() }, (tx) =>
    audit(tx, ctx, "group.user_membership.add", "Add user to group membership", memberLogTargets(user, group)),
  );
}
