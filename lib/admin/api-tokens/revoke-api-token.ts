import { apiTokenLogTarget } from "../../api-tokens/api-token-log-target";
import { revokeApiToken as revoke } from "../../api-tokens/revoke-api-token";
import { enforceTargetRules } from "../../admin-roles/check-target-rules";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { findVisibleApiToken } from "./find-visible-api-token";

/**
 * DELETE /api/v1/api-tokens/:apiTokenId (SDK revokeApiToken) and DELETE /api/v1/api-tokens/current
 * (SDK revokeCurrentApiToken, the token that authenticated the request) -> bare 204. The row stays,
 * REVOKED, for the System Log's sake; from then on the token gets 401 E0000011 and the API no
 * longer lists or finds it. Revoking a token that is not live is 404. Another owner's token
 * takes apiTokens.manage (else 404, findVisibleApiToken) and, when its owner is an administrator,
 * a SUPER_ADMIN (target rules, refusal logged).
 */
export async function runRevokeApiToken(ctx: OperationContext, apiTokenId: string): Promise<void> {
  const token = await findVisibleApiToken(ctx, apiTokenId, "apiTokens.manage");
  await enforceTargetRules(ctx.db, ctx, { type: "apiToken", apiTokenId: token.id }, ctx.now());
  await revoke(ctx.db, { id: apiTokenId, now: ctx.now() }, (tx, token) =>
    audit(tx, ctx, "system.api_token.revoke", `Revoke API token ${token.name}`, [apiTokenLogTarget(token)], { ownerId: token.userId }),
  );
}

function revokeOne(which: (ctx: AdminContext) => string): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await runRevokeApiToken(ctx, which(ctx));
    return { status: 204 };
  };
}

export const revokeApiToken = revokeOne((ctx) => ctx.request.params.apiTokenId ?? "");
export const revokeCurrentApiToken = revokeOne((ctx) => ctx.actor.apiTokenId);
