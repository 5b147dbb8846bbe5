import { validationError } from "../admin-api-error";
import type { AdminContext, AdminResponse } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { claimLogTargets } from "./claim-log-targets";
import { findClaim } from "./find-claim";

/** DELETE /api/v1/authorizationServers/:authServerId/claims/:claimId -> bare 204. System claims stay. */
export async function deleteClaim(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const claim = await findClaim(ctx.db, server.id, ctx.request.params.claimId ?? "");
  if (claim.system) throw validationError("claim", [`'${claim.name}' is a system claim; it cannot be deleted.`]);
  await ctx.db.$transaction(async (tx) => {
    await tx.claim.delete({ where: { id: claim.id } });
    await touchAuthorizationServer(tx, server.id, ctx.now());
    await audit(tx, ctx, "oauth2.claim.deleted", `Deleted claim ${claim.name} from authorization server ${server.name}`, claimLogTargets(claim, server));
  });
  return { status: 204 };
}
