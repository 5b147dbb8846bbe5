import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { claimLogTargets } from "./claim-log-targets";
import { findClaim } from "./find-claim";

/** DELETE /api/v1/authorizationServers/:authServerId/claims/:claimId -> bare 204. System claims stay. */
export async function deleteClaim(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteClaim(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.claimId ?? "");
  return { status: 204 };
}

/** deleteClaim as a typed operation. */
export async function runDeleteClaim(ctx: OperationContext, authServerId: string, claimId: string): Promise<void> {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const claim = await findClaim(ctx.db, server.id, claimId);
  if (claim.system) throw validationError("claim", [`'${claim.name}' is a system claim; it cannot be deleted.`]);
  await ctx.db.$transaction(async (tx) => {
    await tx.claim.delete({ where: { id: claim.id } });
    await touchAuthorizationServer(tx, server.id, ctx.now());
    await audit(tx, ctx, "oauth2.claim.deleted", `Deleted claim ${claim.name} from authorization server ${server.name}`, claimLogTargets(claim, server));
  });
}
