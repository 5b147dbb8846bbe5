import { deleteUser as deleteOrDeactivate } from "../../users/delete-user";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { userLogTargets } from "./user-log-targets";

/**
 * DELETE /api/v1/users/:userId -> bare 204, Okta's two-step rule: a user who is not DEPROVISIONED
 * is deactivated (with implicit revocation; the last active administrator is refused with 400);
 * a DEPROVISIONED user is deleted, and every row that belongs to it (memberships, assignments,
 * sessions, tokens, consents, API tokens) goes with it.
 */
export async function deleteUser(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteUser(ctx, ctx.request.params.userId ?? "");
  return { status: 204 };
}

/** deleteUser as a typed operation. */
export async function runDeleteUser(ctx: OperationContext, userId: string): Promise<void> {
  await deleteOrDeactivate(ctx.db, { userId, now: ctx.now() }, async (tx, { user, outcome }) => {
    const targets = userLogTargets(user);
    if (outcome === "deactivated") {
      await audit(tx, ctx, "user.lifecycle.deactivate", "Deactivate user", targets, { previousStatus: user.status, reason: "DELETE of a user who was not deactivated" });
      return;
    }
    await audit(tx, ctx, "user.lifecycle.delete.initiated", "Delete user initiated", targets);
    await audit(tx, ctx, "user.lifecycle.delete.completed", "Delete user completed", targets);
  });
}
