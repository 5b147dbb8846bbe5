import type { AdminContext, AdminOperation, AdminResponse, OperationContext } from "../admin-request";
import { audit } from "../audit";
import { apiTokenLogTarget } from "./api-token-log-target";
import { findApiToken } from "./find-api-token";
import { liveApiTokenWhere } from "./live-api-token-where";

/**
 * DELETE /api/v1/api-tokens/:apiTokenId (SDK revokeApiToken) and DELETE /api/v1/api-tokens/current
 * (SDK revokeCurrentApiToken, the token that authenticated the request) -> bare 204. The row stays,
 * REVOKED, for the System Log's sake; from then on the token gets 401 E0000011 and the API no
 * longer lists or finds it. Revoking a token that is not live is 404.
 */
export async function runRevokeApiToken(ctx: OperationContext, apiTokenId: string): Promise<void> {
  const now = ctx.now();
  const token = await findApiToken(ctx.db, apiTokenId, now);
  const revoked = await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: token.id, ...liveApiTokenWhere(now) }, data: { status: "REVOKED", lastUpdated: now } });
    if (count === 0) return false;
    await audit(tx, ctx, "system.api_token.revoke", `Revoke API token ${token.name}`, [apiTokenLogTarget(token)], { ownerId: token.userId });
    return true;
  });
  if (!revoked) await findApiToken(ctx.db, token.id, now); // revoked concurrently: 404
}

function revoke(which: (ctx: AdminContext) => string): AdminOperation {
  return async (ctx: AdminContext): Promise<AdminResponse> => {
    await runRevokeApiToken(ctx, which(ctx));
    return { status: 204 };
  };
}

export const revokeApiToken = revoke((ctx) => ctx.request.params.apiTokenId ?? "");
export const revokeCurrentApiToken = revoke((ctx) => ctx.actor.apiTokenId);
