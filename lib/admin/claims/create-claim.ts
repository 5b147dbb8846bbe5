import * as claims from "../../authorization-servers/claims/create-claim";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { type ClaimBody, claimInput } from "./claim-input";
import { claimJson } from "./claim-json";
import { claimLogTargets } from "./claim-log-targets";

/** POST /api/v1/authorizationServers/:authServerId/claims -> 201 (EXPRESSION or GROUPS; never SYSTEM). */
export async function createClaim(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 201, body: await runCreateClaim(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<ClaimBody>(ctx.request)) };
}

/** createClaim as a typed operation. */
export async function runCreateClaim(ctx: OperationContext, authServerId: string, body: Deferred<ClaimBody>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const input = parseInput(claimInput, body(), "claim");
  const claim = await claims.createClaim(ctx.db, server.id, input, ctx.now(), (tx, created) =>
    audit(tx, ctx, "oauth2.claim.created", `Created claim ${created.name} in authorization server ${server.name}`, claimLogTargets(created, server)),
  );
  return claimJson(ctx.orgUrl, claim);
}
