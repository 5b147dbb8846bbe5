import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { removeTrustedOrigin } from "../../trusted-origins/remove-trusted-origin";
import { trustedOriginLogTarget } from "./trusted-origin-log-target";

/** DELETE /api/v1/trustedOrigins/:trustedOriginId -> 204; every instance stops trusting it within a second. */
export async function deleteTrustedOrigin(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteTrustedOrigin(ctx, ctx.request.params.trustedOriginId ?? "");
  return { status: 204 };
}

/** deleteTrustedOrigin as a typed operation. */
export async function runDeleteTrustedOrigin(ctx: OperationContext, trustedOriginId: string): Promise<void> {
  await removeTrustedOrigin(ctx.db, trustedOriginId, (tx, origin) =>
    audit(tx, ctx, "trustedorigins.lifecycle.delete", `Delete trusted origin ${origin.name} (${origin.origin})`, [trustedOriginLogTarget(origin)]),
  );
}
