import { findClaim } from "../../authorization-servers/claims/find-claim";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import type { AdminContext, AdminResponse } from "../admin-request";
import { claimJson } from "./claim-json";

/** GET /api/v1/authorizationServers/:authServerId/claims/:claimId */
export async function getClaim(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const claim = await findClaim(ctx.db, server.id, ctx.request.params.claimId ?? "");
  return { status: 200, body: claimJson(ctx.orgUrl, claim) };
}
