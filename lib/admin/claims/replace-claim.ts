import { assertCustomClaim } from "../../authorization-servers/claims/assert-custom-claim";
import { findClaim } from "../../authorization-servers/claims/find-claim";
import * as claims from "../../authorization-servers/claims/replace-claim";
import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { type ClaimBody, claimInput } from "./claim-input";
import { claimJson } from "./claim-json";
import { claimLogTargets } from "./claim-log-targets";

/**
 * PUT /api/v1/authorizationServers/:authServerId/claims/:claimId -> 200. A full replace: omitted
 * fields return to their defaults. System claims (valueType SYSTEM) are read-only.
 */
export async function replaceClaim(ctx: AdminContext): Promise<AdminResponse> {
  const { authServerId = "", claimId = "" } = ctx.request.params;
  return { status: 200, body: await runReplaceClaim(ctx, authServerId, claimId, () => readJsonBody<ClaimBody>(ctx.request)) };
}

/** replaceClaim as a typed operation. */
export async function runReplaceClaim(ctx: OperationContext, authServerId: string, claimId: string, body: Deferred<ClaimBody>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const current = await findClaim(ctx.db, server.id, claimId);
  assertCustomClaim(current, "changed"); // before the body: a system claim's answer does not depend on it
  const input = parseInput(claimInput, body(), "claim");
  const claim = await claims.replaceClaim(ctx.db, current, input, ctx.now(), (tx, updated) =>
    audit(tx, ctx, "oauth2.claim.updated", `Updated claim ${updated.name} in authorization server ${server.name}`, claimLogTargets(updated, server)),
  );
  return claimJson(ctx.orgUrl, claim);
}
