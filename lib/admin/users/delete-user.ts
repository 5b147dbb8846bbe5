import { revokeUserGrants } from "../../oauth/tokens/revoke-user-grants";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { deprovisionUser } from "./deprovision-user";
import { findUser } from "./find-user";
import { statusNotAllowedError } from "./user-errors";
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
  const user = await findUser(ctx.db, userId);
  const now = ctx.now();
  const targets = userLogTargets(user);
  if (user.status !== "DEPROVISIONED") {
    await ctx.db.$transaction(async (tx) => {
      await deprovisionUser(tx, user, now, "deleting");
      await audit(tx, ctx, "user.lifecycle.deactivate", "Deactivate Okta user", targets, { previousStatus: user.status, reason: "DELETE of a user who was not deactivated" });
    });
    return;
  }
  await ctx.db.$transaction(async (tx) => {
    await revokeUserGrants(tx, user.id, now);
    const { count } = await tx.user.deleteMany({ where: { id: user.id, status: "DEPROVISIONED" } });
    if (count !== 1) {
      await findUser(tx, user.id); // deleted meanwhile: 404
      throw statusNotAllowedError("The user was activated while this request ran; deactivate it again before deleting it.");
    }
    await audit(tx, ctx, "user.lifecycle.delete.initiated", "Delete Okta user initiated", targets);
    await audit(tx, ctx, "user.lifecycle.delete.completed", "Delete Okta user completed", targets);
  });
}
