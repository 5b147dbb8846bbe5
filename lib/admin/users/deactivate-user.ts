import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { deprovisionUser } from "./deprovision-user";
import { findUser } from "./find-user";
import { userLogTargets } from "./user-log-targets";

/**
 * POST /api/v1/users/:userId/lifecycle/deactivate -> 200 {} (`sendEmail` is ignored): any status ->
 * DEPROVISIONED, with implicit revocation of everything the user holds. An already DEPROVISIONED
 * user: 200 {} and no change (a retried call succeeds). The last active administrator: 400.
 */
export async function deactivateUser(ctx: AdminContext): Promise<AdminResponse> {
  await runDeactivateUser(ctx, ctx.request.params.userId ?? "");
  return { status: 200, body: {} };
}

/** deactivateUser as a typed operation. */
export async function runDeactivateUser(ctx: OperationContext, userId: string): Promise<void> {
  const user = await findUser(ctx.db, userId);
  if (user.status === "DEPROVISIONED") return;
  const now = ctx.now();
  await ctx.db.$transaction(async (tx) => {
    await deprovisionUser(tx, user, now, "deactivating");
    await audit(tx, ctx, "user.lifecycle.deactivate", "Deactivate Okta user", userLogTargets(user), { previousStatus: user.status });
  });
}
