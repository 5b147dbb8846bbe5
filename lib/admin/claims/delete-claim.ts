import * as claims from "../../authorization-servers/claims/delete-claim";
import { findClaim } from "../../authorization-servers/claims/find-claim";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { claimLogTargets } from "./claim-log-targets";

/** DELETE /api/v1/authorizationServers/:authServerId/claims/:claimId -> bare 204. System claims stay. */
export async function deleteClaim(ctx: AdminContext): Promise<AdminResponse> {
  await runDeleteClaim(ctx, ctx.request.params.authServerId ?? "", ctx.request.params.claimId ?? "");
  return { status: 204 };
}

/** deleteClaim as a typed operation. */
export async function runDeleteClaim(ctx: OperationContext, authServerId: string, claimId: string): Promise<void> {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const claim = await findClaim(ctx.db, server.id, claimId);
  await claims.deleteClaim(ctx.db, claim, ctx.now(), (tx) =>
    audit(tx, ctx, "oauth2.claim.deleted", `Deleted claim ${claim.name} from authorization server ${server.name}`, claimLogTargets(claim, server)),
  );
}
