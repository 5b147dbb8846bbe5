import { listPublishedKeys } from "../../keys/list-published-keys";
import { notFoundError } from "../../okta-api/admin-api-error";
import { isOrgAuthServer } from "../../oauth/snapshot/org-authorization-server";
import type { AdminContext, AdminResponse } from "../admin-request";
import { authorizationServerKeyJson } from "./authorization-server-key-json";

/**
 * GET /api/v1/authorizationServers/:authServerId/credentials/keys/:keyId -> 200 key. E0000007 for
 * an unknown server, a kid of another server, or an EXPIRED key that is no longer published.
 */
export async function getAuthorizationServerKey(ctx: AdminContext): Promise<AdminResponse> {
  const authServerId = ctx.request.params.authServerId ?? "";
  const keyId = ctx.request.params.keyId ?? "";
  // the org authorization server's keys are its own business, not the management API's
  const keys = isOrgAuthServer(authServerId) ? null : await listPublishedKeys(ctx.db, authServerId, ctx.secretsKey, ctx.now());
  if (!keys) throw notFoundError(authServerId, "AuthorizationServer");
  const key = keys.find((candidate) => candidate.kid === keyId);
  if (!key) throw notFoundError(keyId, "JsonWebKey");
  return { status: 200, body: authorizationServerKeyJson(ctx.orgUrl, authServerId, key) };
}
