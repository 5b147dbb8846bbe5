import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findTrustedOrigin } from "./find-trusted-origin";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/** DELETE /api/v1/trustedOrigins/:trustedOriginId -> 204; every instance stops trusting it within a second. */
export async function deleteTrustedOrigin(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteTrustedOrigin(ctx, ctx.request.params.trustedOriginId ?? "");
  return { status: 204 };
}

/** deleteTrustedOrigin as a typed operation. */
export async function runDeleteTrustedOrigin(ctx: OperationContext, trustedOriginId: string): Promise<void> {
  const origin = await findTrustedOrigin(ctx.db, trustedOriginId);
  const deleted = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.trustedOrigin.deleteMany({ where: { id: origin.id } });
    if (count === 0) return false;
    await audit(tx, ctx, "trustedorigins.lifecycle.delete", `Delete trusted origin ${origin.name} (${origin.origin})`, [trustedOriginLogTarget(origin)]);
    return true;
  });
  if (!deleted) await findTrustedOrigin(ctx.db, origin.id); // deleted concurrently: 404
}
