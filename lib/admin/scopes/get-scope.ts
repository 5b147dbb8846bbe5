import { findAuthorizationServer } from "../../authorization-servers/find-authorization-server";
import { findScope } from "../../authorization-servers/scopes/find-scope";
import type { AdminContext, AdminResponse } from "../admin-request";
import { scopeJson } from "./scope-json";

/** GET /api/v1/authorizationServers/:authServerId/scopes/:scopeId */
export async function getScope(ctx: AdminContext): Promise<AdminResponse> {
  const server = await findAuthorizationServer(ctx.db, ctx.request.params.authServerId ?? "");
  const scope = await findScope(ctx.db, server.id, ctx.request.params.scopeId ?? "");
  return { status: 200, body: scopeJson(ctx.orgUrl, scope) };
}
