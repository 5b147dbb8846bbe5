import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { notFoundError } from "../../okta-api/admin-api-error";
import { audit } from "../audit";
import { assertOktaGroup } from "./assert-okta-group";
import { findGroup } from "./find-group";
import { findMemberUser } from "./find-member-user";
import { memberLogTargets } from "./member-log-targets";
import { prismaErrorCode } from "../../db/prisma-error-code";
import { touchGroupMembership } from "./touch-group-membership";

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
  const user = await findMemberUser(ctx.db, userId);
  assertOktaGroup(group, "be given members");
  const now = ctx.now();
  try {
    await ctx.db.$transaction(async (tx) => {
      const existing = await tx.groupMembership.findUnique({ where: { groupId_userId: { groupId: group.id, userId: user.id } } });
      if (existing) return;
      await tx.groupMembership.create({ data: { groupId: group.id, userId: user.id, created: now } });
      await touchGroupMembership(tx, group.id, now);
      await audit(tx, ctx, "group.user_membership.add", "Add user to group membership", memberLogTargets(user, group));
    });
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2002") return; // a concurrent request added the same member
    if (code === "P2003" || code === "P2025") {
      // the group or the user was deleted meanwhile
      await findGroup(ctx.db, group.id);
      throw notFoundError(user.id, "User");
    }
    throw error;
  }
}
