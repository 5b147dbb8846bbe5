import { newId } from "../../ids/new-id";
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

/** POST /api/v1/authorizationServers/:authServerId/claims -> 201 (EXPRESSION or GROUPS; never SYSTEM). */
export async function createClaim(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 201, body: await runCreateClaim(ctx, ctx.request.params.authServerId ?? "", () => readJsonBody<ClaimBody>(ctx.request)) };
}

/** createClaim as a typed operation. */
export async function runCreateClaim(ctx: OperationContext, authServerId: string, body: Deferred<ClaimBody>) {
  const server = await findAuthorizationServer(ctx.db, authServerId);
  const input = parseInput(claimInput, body(), "claim");
  const now = ctx.now();
  let claim;
  try {
    claim = await ctx.db.$transaction(async (tx) => {
      await checkConditionScopes(tx, server.id, input.conditionScopes);
      await assertClaimNameFree(tx, server.id, input.claimType, input.name, null);
      const created = await tx.claim.create({
        data: { id: newId("claim"), authServerId: server.id, ...input, system: false, created: now, lastUpdated: now },
      });
      await touchAuthorizationServer(tx, server.id, now);
      await audit(tx, ctx, "oauth2.claim.created", `Created claim ${created.name} in authorization server ${server.name}`, claimLogTargets(created, server));
      return created;
    });
  } catch (error) {
    throw isUniqueViolation(error) ? duplicateClaimNameError(input.claimType, input.name) : error;
  }
  return claimJson(ctx.orgUrl, claim);
}
