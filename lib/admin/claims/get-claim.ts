import type { AdminContext, AdminResponse } from "../admin-request";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { claimJson } from "./claim-json";
import { findClaim } from "./find-claim";

/** GET /api/v1/authorizationServers/:authServerId/claims/:claimId */
export async function getClaim(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const claim = await findClaim(ctx.db, server.id, ctx.request.params.claimId ?? "");
  return { status: 200, body: claimJson(ctx.orgUrl, claim) };
}
