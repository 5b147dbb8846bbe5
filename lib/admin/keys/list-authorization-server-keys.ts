import { listPublishedKeys } from "../../keys/list-published-keys";
import { notFoundError } from "../../okta-api/admin-api-error";
import { isOrgAuthServer } from "../../oauth/snapshot/org-authorization-server";
import type { AdminContext, AdminResponse, OperationContext } from "../admin-request";
import { authorizationServerKeyJson } from "./authorization-server-key-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/credentials/keys -> 200 [ACTIVE, NEXT, EXPIRED...].
 * A due AUTO rotation happens first. EXPIRED keys are listed while they are still published.
 */
export async function listAuthorizationServerKeys(ctx: AdminContext): Promise<AdminResponse> {
  return { status: 200, body: await runListAuthorizationServerKeys(ctx, ctx.request.params.authServerId ?? "") };
}

/** listAuthorizationServerKeys as a typed operation. */
export async function runListAuthorizationServerKeys(ctx: OperationContext, authServerId: string) {
  // the org authorization server's keys are its own business, not the management API's
  const keys = isOrgAuthServer(authServerId) ? null : await listPublishedKeys(ctx.db, authServerId, ctx.secretsKey, ctx.now());
  if (!keys) throw notFoundError(authServerId, "AuthorizationServer");
  return keys.map((key) => authorizationServerKeyJson(ctx.orgUrl, authServerId, key));
}
