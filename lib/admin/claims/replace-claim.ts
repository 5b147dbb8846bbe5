import { validationError } from "../../okta-api/admin-api-error";
import type { AdminContext, AdminResponse, Deferred, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findAuthorizationServer } from "../authorization-servers/find-authorization-server";
import { touchAuthorizationServer } from "../authorization-servers/touch-authorization-server";
import { parseInput } from "../../okta-api/parse-input";
import { readJsonBody } from "../../okta-api/read-json-body";
import { isUniqueViolation } from "../scopes/is-unique-violation";
import { assertClaimNameFree, duplicateClaimNameError } from "./assert-claim-name-free";
import { checkConditionScopes } from "./check-condition-scopes";
import { type ClaimBody, claimInput } from "./claim-input";
import { claimJson } from "./claim-json";
import { claimLogTargets } from "./claim-log-targets";
import { findClaim } from "./find-claim";

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
  if (current.system) throw validationError("claim", [`'${current.name}' is a system claim; it cannot be changed.`]);
  const input = parseInput(claimInput, body(), "claim");
  const now = ctx.now();
  let claim;
  try {
    claim = await ctx.db.$transaction(async (tx) => {
      await checkConditionScopes(tx, server.id, input.conditionScopes);
      await assertClaimNameFree(tx, server.id, input.claimType, input.name, current.id);
      const updated = await tx.claim.update({ where: { id: current.id }, data: { ...input, lastUpdated: now } });
      await touchAuthorizationServer(tx, server.id, now);
      await audit(tx, ctx, "oauth2.claim.updated", `Updated claim ${updated.name} in authorization server ${server.name}`, claimLogTargets(updated, server));
      return updated;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateClaimNameError(input.claimType, input.name) : error;
  }
  return claimJson(ctx.orgUrl, claim);
}
