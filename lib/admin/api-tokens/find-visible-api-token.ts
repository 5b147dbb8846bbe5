import { findApiToken } from "../../api-tokens/find-api-token";
import type { Permission } from "../../admin-roles/permissions";
import { notFoundError } from "../../okta-api/admin-api-error";
import type { OperationContext } from "../admin-request";
import { actorMay } from "../authorize-admin";

/**
 * A live API token the caller may see (`apiTokens.read`) or revoke (`apiTokens.manage`): their own
 * always, another owner's with the permission. Another owner's token without it is 404 E0000007
 * (ApiToken), as the list does not show it either.
 */
export async function findVisibleApiToken(ctx: OperationContext, id: string, permission: Extract<Permission, "apiTokens.read" | "apiTokens.manage">) {
  const token = await findApiToken(ctx.db, id, ctx.now());
  if (token.userId !== ctx.actor.userId && !actorMay(ctx.actor, permission)) throw notFoundError(id, "ApiToken");
  return token;
}
