import { apiTokenLogTarget } from "../../api-tokens/api-token-log-target";
import { revokeApiToken as revoke } from "../../api-tokens/revoke-api-token";
import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";

/**
 * DELETE /api/v1/api-tokens/:apiTokenId (SDK revokeApiToken) and DELETE /api/v1/api-tokens/current
 * (SDK revokeCurrentApiToken, the token that authenticated the request) -> bare 204. The row stays,
 * REVOKED, for the System Log's sake; from then on the token gets 401 E0000011 and the API no
 * longer lists or finds it. Revoking a token that is not live is 404.
 */
export async function runRevokeApiToken(ctx: OperationContext, apiTokenId: string): Promise<void> {
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
